/**
 * Bad input through the real CLI: every problem is reported at once with file, line, column,
 * rule id and what was expected; the exit code is non-zero; the previous dist/ is untouched.
 */
import { readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const response = (file: string) => `responses:\n  - file: ${file}\n    from: Voorbeeld B.V.\n    title: Reactie\n    received: 2026-01-15\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  /** Reporter lines, with runs of spaces collapsed. */
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'invalid YAML',
    files: { 'content/doc/index.md': '---\ntitle: Voorbeeld\ntype: kia\n  lang: nl\n---\n\nTekst.\n' },
    expected: ['content/doc/index.md', '3:7 error Unexpected YAML syntax (Nested mappings are not allowed in compact mappings), expected valid YAML yaml-syntax kia-frontmatter'],
  },
  {
    name: 'missing frontmatter',
    files: { 'content/doc/index.md': '## Inleiding\n\nTekst.\n' },
    expected: ['1:1 error Unexpected missing frontmatter, expected YAML between `---` lines at the start of the file missing-frontmatter kia-frontmatter'],
  },
  {
    name: 'missing and mistyped required fields',
    files: { 'content/doc/index.md': '---\ntitle:\n  - lijst\nlang: nl\nstatus: concept\n---\n\nTekst.\n' },
    expected: [
      '3:3 error Unexpected list for `title`, expected a string invalid-field kia-frontmatter',
      '2:1 error Unexpected missing `type`, expected `kia`, `brief` or `rapport` missing-field kia-frontmatter',
      '2:1 error Unexpected missing `date`, expected a date as YYYY-MM-DD missing-field kia-frontmatter',
    ],
  },
  {
    name: 'unknown type and status, impossible date',
    files: { 'content/doc/index.md': '---\ntitle: Voorbeeld\ntype: onderzoek\nlang: nl\ndate: 2025-02-30\nstatus: klaar\n---\n\nTekst.\n' },
    expected: [
      '3:7 error Unexpected `onderzoek` for `type`, expected `kia`, `brief` or `rapport` invalid-field kia-frontmatter',
      '5:7 error Unexpected `2025-02-30` for `date`, expected an existing date as YYYY-MM-DD invalid-field kia-frontmatter',
      '6:9 error Unexpected `klaar` for `status`, expected `concept` or `definitief` invalid-field kia-frontmatter',
    ],
  },
  {
    name: 'missing response file',
    files: { 'content/doc/index.md': document('Tekst.\n', response('responses/ontbreekt.md')) },
    expected: ['8:11 error Unexpected missing response file `responses/ontbreekt.md`, expected a file at `content/doc/responses/ontbreekt.md` missing-response kia-responses'],
  },
  {
    name: 'response outside the document folder',
    files: { 'content/doc/index.md': document('Tekst.\n', response('../geheim.md')), 'content/geheim.md': 'Geheim.\n' },
    expected: ['8:11 error Unexpected path `../geheim.md` outside the document folder, expected a file inside `content/doc` response-outside-document kia-responses'],
  },
  {
    name: 'absolute response path',
    files: { 'content/doc/index.md': document('Tekst.\n', response('/etc/passwd')) },
    expected: ['8:11 error Unexpected absolute path `/etc/passwd`, expected a path relative to `content/doc` response-outside-document kia-responses'],
  },
  {
    name: 'footnote reference without definition',
    files: { 'content/doc/index.md': document('Eerste alinea.\n\nTweede alinea met een bron.[^bron]\n') },
    expected: ['11:28 error Unexpected footnote reference `[^bron]` without definition, expected a line `[^bron]: …` undefined-footnote kia-footnotes'],
  },
  {
    name: 'empty response',
    files: { 'content/doc/index.md': document('Tekst.\n', response('responses/leeg.md')), 'content/doc/responses/leeg.md': '\n  \n' },
    expected: ['content/doc/responses/leeg.md', '1:1 error Unexpected empty response, expected the text of the response empty-response kia-responses'],
  },
  {
    name: 'image without alternative text, missing image, file that is not an image',
    files: {
      'content/doc/index.md': document('![](grafiek.svg)\n\n![Een grafiek](ontbreekt.png)\n\n![Een grafiek](nep.png)\n'),
      'content/doc/grafiek.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n',
      'content/doc/nep.png': 'Dit is tekst, geen afbeelding.\n',
    },
    expected: [
      '9:1-9:17 error Unexpected image `grafiek.svg` without alternative text, expected `![beschrijving](grafiek.svg)` (or `![](grafiek.svg "decoratief")` for a purely decorative image) image-alt kia-images',
      '11:1 error Unexpected missing image file `ontbreekt.png`, expected a file at `content/doc/ontbreekt.png` missing-image kia-images',
      '13:1-13:24 error Unexpected file `nep.png` that is not an image, expected PNG, JPEG, GIF, WebP or SVG not-an-image kia-images',
    ],
  },
  {
    name: 'all problems of several files at once',
    files: {
      'content/a/index.md': document('Tekst.[^x]\n'),
      'content/b/index.md': '---\ntitle: B\ntype: brief\nlang: nl\ndate: 2026-13-01\nstatus: concept\n---\n',
    },
    expected: [
      'content/a/index.md',
      '9:7 error Unexpected footnote reference `[^x]` without definition, expected a line `[^x]: …` undefined-footnote kia-footnotes',
      'content/b/index.md',
      '5:7 error Unexpected `2026-13-01` for `date`, expected an existing date as YYYY-MM-DD invalid-field kia-frontmatter',
    ],
  },
];

function collapse(text: string): string[] {
  return text.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
}

/** A workspace with a previous, good dist/ that must survive the failed build. */
function workspaceWithPreviousDist(files: Record<string, string>) {
  const root = writeTree({ ...files, 'dist/index.html': '<p>vorige build</p>\n', 'dist/doc/index.html': '<p>vorige</p>\n' });
  return root;
}

describe('bad input', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: exact messages, exit 1, dist/ untouched`, () => {
      const root = workspaceWithPreviousDist(testCase.files);
      const { code, stderr } = runCli(['build', '--no-pdf'], root);
      expect(code).toBe(1);
      const lines = collapse(stderr);
      for (const line of testCase.expected) expect(lines, stderr).toContain(line);
      expect(stderr).toContain('kia: build mislukt');
      expect(readdirSync(path.join(root, 'dist')).sort()).toEqual(['doc', 'index.html']);
      expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
      // No staging folder is left behind.
      expect(readdirSync(root).filter((name) => name.includes('staging'))).toEqual([]);
    });
  }

  it('rejects a response that is a symlink pointing outside the document folder', () => {
    const root = workspaceWithPreviousDist({ 'content/doc/index.md': document('Tekst.\n', response('responses/link.md')), 'geheim.md': 'Geheim.\n' });
    mkdirSync(path.join(root, 'content/doc/responses'), { recursive: true });
    symlinkSync(path.join(root, 'geheim.md'), path.join(root, 'content/doc/responses/link.md'));
    const { code, stderr } = runCli(['build', '--no-pdf'], root);
    expect(code).toBe(1);
    expect(collapse(stderr)).toContain('8:11 error Unexpected link `responses/link.md` pointing outside the document folder, expected a file inside `content/doc` response-outside-document kia-responses');
  });

  it('rejects an unknown --only slug and unknown options', () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.\n') });
    const only = runCli(['build', '--only', 'bestaat-niet', '--no-pdf'], root);
    expect(only.code).toBe(1);
    expect(collapse(only.stderr)).toContain('error Unexpected document `bestaat-niet`, expected one of `doc` unknown-document kia-files');
    const option = runCli(['build', '--onbekend'], root);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--onbekend'");
  });

  it('builds, then a later failing build keeps the first build intact', () => {
    const root = writeTree({ 'content/doc/index.md': document('## Inleiding\n\nGoede tekst.\n') });
    expect(runCli(['build', '--no-pdf'], root).code).toBe(0);
    const before = readFileSync(path.join(root, 'dist/doc/index.html'), 'utf8');
    writeFileSync(path.join(root, 'content/doc/index.md'), document('Kapotte tekst.[^weg]\n'));
    expect(runCli(['build', '--no-pdf'], root).code).toBe(1);
    expect(readFileSync(path.join(root, 'dist/doc/index.html'), 'utf8')).toBe(before);
    expect(before).toContain('Goede tekst.');
  });
});
