/**
 * kia-press as a user gets it: `npm pack`, installed into an empty folder elsewhere, `kia init`,
 * `kia build` with the gate. Everything (styles, fonts, instrument and Woo data, Paged.js and
 * axe) must come from the installed package, not from this repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { messageLines } from './helpers/messages.ts';
import { fileHashes, projectRoot, tempDir } from './helpers/workspace.ts';

const env = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1', PUPPETEER_SKIP_DOWNLOAD: '1', CHROMEDRIVER_SKIP_DOWNLOAD: 'true' };
let work: string;
let tarball: string;
let project: string;

const kia = (args: string[], cwd: string) => {
  const result = spawnSync(path.join(project, 'node_modules/.bin/kia'), args, { cwd, encoding: 'utf8', env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(() => {
  work = tempDir('kia-package-');
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: projectRoot, env, stdio: 'pipe' });
  tarball = path.join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
  project = path.join(work, 'publicatie-bzk');
  mkdirSync(project);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, env, stdio: 'pipe' });
}, 600_000);

describe('the installed package', () => {
  it('npm install of the tarball, kia init, kia build: the gate passes with everything taken from the package', () => {
    // The command is the installed package's, not this repository's.
    expect(realpathSync(path.join(project, 'node_modules/.bin/kia'))).toBe(path.join(realpathSync(project), 'node_modules/kia-press/scripts/bin/kia.js'));
    const init = kia(['init', '--ministry', 'Ministerie van Binnenlandse Zaken'], project);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe('kia: nieuw publicatieproject (8 bestanden); verder met: npm run build\n');
    expect(
      readdirSync(project, { recursive: true, encoding: 'utf8' })
        .filter((name) => !name.startsWith('node_modules'))
        .sort(),
    ).toEqual(
      [
        '.github',
        '.github/workflows',
        '.github/workflows/kia.yml',
        '.gitignore',
        '.gitlab-ci.yml',
        'README.md',
        'content',
        'content/kamerbrief-voorbeeld',
        'content/kamerbrief-voorbeeld/index.md',
        'content/kia-voorbeeld',
        'content/kia-voorbeeld/index.md',
        'content/publication.yml',
        'package-lock.json',
        'package.json',
      ].sort(),
    );
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    // What npm wrote stays (the dependency on the tarball); the scripts are added.
    expect(pkg.dependencies['kia-press']).toBe(`file:../${path.basename(tarball)}`);
    expect(pkg.scripts).toEqual({ build: 'kia build', final: 'kia build --final', check: 'kia check', preview: 'kia preview', audit: 'kia audit' });
    expect(readFileSync(path.join(project, 'content/kamerbrief-voorbeeld/index.md'), 'utf8')).toContain('organisation: Ministerie van Binnenlandse Zaken');
    // Every scaffold names its editor schema, shipped in the installed package.
    for (const [file, schema] of [
      ['content/kia-voorbeeld/index.md', 'kia.schema.json'],
      ['content/kamerbrief-voorbeeld/index.md', 'brief.schema.json'],
      ['content/publication.yml', 'publication.schema.json'],
    ]) {
      const named = /# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(path.join(project, file), 'utf8'))?.[1];
      expect(path.resolve(project, path.dirname(file), named ?? ''), file).toBe(path.join(project, 'node_modules/kia-press/schemas', schema));
      expect(existsSync(path.join(project, 'node_modules/kia-press/schemas', schema)), schema).toBe(true);
    }

    const built = kia(['build', '--bundle'], project);
    expect(built.code, built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(project, 'dist/manifest.json'), 'utf8'));
    expect(manifest.generator).toBe(`kia-press ${JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version}`);
    expect(manifest.documents.map((document: { slug: string; pdfPages: number }) => [document.slug, document.pdfPages > 0])).toEqual([
      ['kamerbrief-voorbeeld', true],
      ['kia-voorbeeld', true],
    ]);
    expect(existsSync(path.join(project, 'dist/toegankelijkheid/index.html'))).toBe(true);
    // The CI files' audit: shards of the published files, merged into the report of one run.
    const gitlab = parse(readFileSync(path.join(project, '.gitlab-ci.yml'), 'utf8'));
    const github = parse(readFileSync(path.join(project, '.github/workflows/kia.yml'), 'utf8'));
    expect(gitlab.audit.parallel).toBe(4);
    expect(github.jobs.audit.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    for (const [index, count] of [
      [1, 2],
      [2, 2],
    ])
      expect([0, 1]).toContain(kia(['audit', 'dist', '--shard', `${index}/${count}`, '--out', `audit-${index}`], project).code);
    const merged = kia(
      ['audit', '--merge', 'audit-1/report.json', 'audit-2/report.json', '--out', 'audit', '--report', 'junit=audit.xml', '--report', 'sarif=audit.sarif'],
      project,
    );
    const whole = kia(['audit', 'dist', '--out', 'audit-heel'], project);
    expect(merged.code).toBe(whole.code);
    expect(JSON.parse(readFileSync(path.join(project, 'audit/report.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(path.join(project, 'audit-heel/report.json'), 'utf8')),
    );
    expect(existsSync(path.join(project, 'audit.xml')) && existsSync(path.join(project, 'audit.sarif'))).toBe(true);
    // Styles and fonts were copied from the package.
    expect(readdirSync(path.join(project, 'dist/assets'))).toEqual(expect.arrayContaining(['tokens.css', 'print.css', 'fonts']));
  }, 600_000);

  it('kia init refuses a folder with files of its own, and with --force adds the project without overwriting any', () => {
    const folder = tempDir('kia-init-');
    writeFileSync(path.join(folder, 'README.md'), '# Ons eigen project\n');
    const before = fileHashes(folder);
    const refused = kia(['init', folder], work);
    expect(refused.code).toBe(1);
    expect(messageLines(refused.stderr)).toEqual([
      'error Unexpected files in `' +
        path.relative(work, folder) +
        "` (README.md), expected an empty folder (or `--force` to add the project's files next to them; none is overwritten) folder-not-empty kia-init",
    ]);
    expect(fileHashes(folder)).toEqual(before);
    const forced = kia(['init', folder, '--force'], work);
    expect(forced.code).toBe(1);
    expect(messageLines(forced.stderr)).toEqual([
      "error Unexpected existing `README.md`, expected none of the project's files (nothing is overwritten) file-exists kia-init",
    ]);
    expect(fileHashes(folder)).toEqual(before);
  }, 60_000);
});
