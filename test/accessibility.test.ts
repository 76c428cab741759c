/**
 * One accessibility test per built page: real axe (@axe-core/cli, Debian's Chromium and
 * ChromeDriver) with the WCAG 2.1 AA, EN 301 549 and best-practice tags, zero violations.
 * The full gate (PDF checks, report) is `kia check`; this guards the HTML from the start.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../scripts/commands/build.ts';
import { projectRoot, tempDir } from './helpers/workspace.ts';

const tags = 'wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa,EN-301-549,best-practice';
const contentDir = path.join(projectRoot, 'content');
const slugs = readdirSync(contentDir).filter((name) => existsSync(path.join(contentDir, name, 'index.md')));

interface AxeResult {
  url: string;
  violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
}

function axe(file: string): AxeResult[] {
  const output = execFileSync(
    path.join(projectRoot, 'node_modules/.bin/axe'),
    [
      pathToFileURL(file).href,
      '--chromedriver-path',
      '/usr/bin/chromedriver',
      '--chrome-path',
      '/usr/bin/chromium',
      '--chrome-options=no-sandbox,disable-dev-shm-usage,disable-gpu',
      '--tags',
      tags,
      '--stdout',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output) as AxeResult[];
}

let out: string;
beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  const result = await build({ contentDir, outDir: out, pdf: false });
  expect(result.ok).toBe(true);
});

describe('axe on every built page', () => {
  for (const page of [...slugs.map((slug) => `${slug}/index.html`), 'index.html']) {
    it(`${page} has no violations`, () => {
      const [result] = axe(path.join(out, page));
      expect(
        result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    });
  }

  it('catches a real violation (the test can fail)', () => {
    const root = tempDir();
    const file = path.join(root, 'slecht.html');
    execFileSync('sh', [
      '-c',
      `printf '<!doctype html><html><head><title>x</title></head><body><img src="a.png"><p style="color:#ccc">grijs</p></body></html>' > ${file}`,
    ]);
    const [result] = axe(file);
    expect(result.violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
  });
});
