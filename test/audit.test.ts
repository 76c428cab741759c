/**
 * `kia audit PATH...` through the real CLI: PDFs and HTML from elsewhere, folders, and files
 * that cannot be checked (not a PDF, damaged, encrypted, password-protected, missing), each
 * getting its own verdict while the audit goes on; and our own build output passing in full.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../scripts/commands/build.ts';
import { audit, type AuditReport } from '../scripts/commands/audit.ts';
import { auditHtml } from '../scripts/check/html-audit.ts';
import { BrowserSession } from '../scripts/render/browser.ts';
import { passingSpec, tinyPdf } from './helpers/tiny-pdf.ts';
import { projectRoot, runCli, tempDir, writeTree } from './helpers/workspace.ts';

const accessiblePage = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Reactie van een platform</title></head>
<body><main><h1>Reactie</h1><p>Wij danken de onderzoekers.</p><img src="https://voorbeeld.nl/logo.png" alt="Logo van het platform"></main></body></html>
`;
const inaccessiblePage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Rapport</title></head>
<body><main><h1>Rapport</h1><img src="grafiek.png"></main></body></html>
`;

let folder: string;
let session: BrowserSession;

beforeAll(async () => {
  folder = writeTree({
    'html/reactie.html': accessiblePage,
    'html/rapport.htm': inaccessiblePage,
    'notities.txt': 'geen pdf\n',
    'geen-pdf.pdf': 'Dit is tekst met een .pdf-naam.\n',
  });
  const passing = await tinyPdf(passingSpec());
  writeFileSync(path.join(folder, 'goed.pdf'), passing);
  writeFileSync(
    path.join(folder, 'ongetagd.pdf'),
    await tinyPdf({ ...passingSpec(), structure: null, marked: false, content: 'BT /F1 12 Tf 72 700 Td (Ongetagde tekst) Tj ET' }),
  );
  writeFileSync(path.join(folder, 'kapot.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(200, 0x20)]));
  const qpdf = (args: string[]) => execFileSync('qpdf', args);
  qpdf(['--encrypt', 'geheim', 'eigenaar', '256', '--', path.join(folder, 'goed.pdf'), path.join(folder, 'wachtwoord.pdf')]);
  qpdf(['--encrypt', '', 'eigenaar', '256', '--print=none', '--', path.join(folder, 'goed.pdf'), path.join(folder, 'beveiligd.pdf')]);
  session = await BrowserSession.launch();
});
afterAll(async () => {
  await session?.close();
});

describe('kia audit on a folder of mixed files', () => {
  let result: ReturnType<typeof runCli>;
  let report: AuditReport;
  const out = () => path.join(folder, 'rapport');
  beforeAll(() => {
    result = runCli(['audit', '.', 'ontbreekt.pdf', 'notities.txt', '--out', 'rapport', '--json'], folder);
    report = JSON.parse(result.stdout) as AuditReport;
  });

  it('exits non-zero and writes the same JSON to stdout and report.json', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(readFileSync(path.join(out(), 'report.json'), 'utf8'))).toEqual(report);
    // Published like the build's folders: readable by a web server (not mkdtemp's 0700).
    expect(statSync(out()).mode & 0o777).toBe(0o755);
  });

  it('gives every file its own verdict, in a stable shape', () => {
    const verdicts = Object.fromEntries(report.files.map((file) => [file.file, `${file.kind} ${file.status}`]));
    expect(verdicts).toEqual({
      'beveiligd.pdf': 'pdf error',
      'geen-pdf.pdf': 'unknown error',
      'goed.pdf': 'pdf pass',
      'html/rapport.htm': 'html fail',
      'html/reactie.html': 'html pass',
      'kapot.pdf': 'pdf error',
      'ongetagd.pdf': 'pdf fail',
      'wachtwoord.pdf': 'pdf error',
      'ontbreekt.pdf': 'pdf error',
      'notities.txt': 'unknown error',
    });
    expect(report.summary).toMatchObject({ files: 10, passed: 2, failed: 2, errors: 6 });
    for (const file of report.files) {
      for (const check of file.checks) {
        expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'status', 'clause', 'matterhorn', 'message']));
        expect(['pass', 'fail', 'not-applicable', 'not-checked']).toContain(check.status);
        if (file.kind === 'pdf') expect(check.clause).toMatch(/^\d+(\.\d+)*$/);
      }
    }
  });

  it('explains why a file could not be checked', () => {
    const error = (name: string) => report.files.find((file) => file.file === name)?.error;
    expect(error('wachtwoord.pdf')).toMatch(/wachtwoord/);
    expect(error('beveiligd.pdf')).toMatch(/versleuteld.*qpdf --decrypt/);
    expect(error('kapot.pdf')).toMatch(/^Beschadigde PDF/);
    expect(error('geen-pdf.pdf')).toMatch(/Geen PDF of HTML/);
    expect(error('ontbreekt.pdf')).toBe('Bestand niet gevonden.');
  });

  it('names the failing checks with page and object, and axe rules with WCAG criteria', () => {
    const untagged = report.files.find((file) => file.file === 'ongetagd.pdf')!;
    const failed = untagged.checks.filter((check) => check.status === 'fail').map((check) => check.id);
    expect(failed).toEqual(expect.arrayContaining(['pdf-tagged', 'pdf-content-tagged']));
    expect(untagged.checks.find((check) => check.id === 'pdf-content-tagged')).toMatchObject({ clause: '7.1', matterhorn: '01-005', page: 1 });
    const page = report.files.find((file) => file.file === 'html/rapport.htm')!;
    const imageAlt = page.checks.find((check) => check.id === 'image-alt')!;
    expect(imageAlt).toMatchObject({ status: 'fail', wcag: expect.arrayContaining(['1.1.1']) });
    expect(imageAlt.nodes?.[0].target).toBe('img');
    const remote = report.files.find((file) => file.file === 'html/reactie.html')!.checks.find((check) => check.id === 'blocked-request');
    expect(remote).toMatchObject({ status: 'not-checked', nodes: [{ target: 'https://voorbeeld.nl/logo.png' }] });
  });

  it('prints a progress line per file', () => {
    const lines = result.stderr.split('\n').filter((line) => /^ {2}[✓✗!] /.test(line));
    expect(lines).toHaveLength(10);
    expect(result.stderr).toMatch(/✗ pdf {2}ongetagd\.pdf .*mislukt: .*pdf-tagged/);
    expect(result.stderr).toMatch(/! pdf {2}wachtwoord\.pdf .*niet te controleren/);
  });

  it('writes a Dutch report page that passes axe itself', async () => {
    const page = readFileSync(path.join(out(), 'index.html'), 'utf8');
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('PDF/UA-controles');
    expect(page).toContain('Handmatige controlelijst');
    const audit = await auditHtml(session, path.join(out(), 'index.html'), { shownFile: 'index.html', allowedRoot: out() });
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('kia audit on our own build', () => {
  it('passes every PDF check and axe on the built PDFs and pages', async () => {
    const dist = path.join(tempDir(), 'dist');
    const built = await build({ contentDir: path.join(projectRoot, 'content'), outDir: dist, pdf: true, check: false });
    expect(built.ok).toBe(true);
    const { code, stdout, stderr } = runCli(['audit', dist, '--out', path.join(dist, 'audit'), '--json'], projectRoot);
    const report = JSON.parse(stdout) as AuditReport;
    expect(code, stderr).toBe(0);
    expect(report.files.filter((file) => file.kind === 'pdf')).toHaveLength(2);
    for (const file of report.files) {
      const failed = file.checks.filter((check) => check.status === 'fail');
      expect(failed, `${file.file}: ${failed.map((check) => `${check.id} ${check.details?.[0]?.text ?? check.message}`).join('; ')}`).toEqual([]);
    }
  });

  it('refuses to run without a path', () => {
    const { code, stderr } = runCli(['audit'], projectRoot);
    expect(code).toBe(2);
    expect(stderr).toContain('geef een of meer PDF- of HTML-bestanden of mappen');
  });
});

describe('kia audit on damaged PDFs', () => {
  it('never throws: every truncated or corrupted file gets a verdict or an error of its own', async () => {
    const dir = tempDir();
    const good = Buffer.from(await tinyPdf(passingSpec()));
    writeFileSync(path.join(dir, 'goed.pdf'), good);
    execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', path.join(dir, 'goed.pdf'), path.join(dir, 'gepakt.pdf')]);
    const packed = readFileSync(path.join(dir, 'gepakt.pdf'));
    // A small deterministic generator, so a failure can be reproduced.
    let seed = 20261125;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % below);
    let count = 0;
    for (const [name, source] of [
      ['goed', good],
      ['gepakt', packed],
    ] as const) {
      for (let index = 0; index < 20; index++) {
        const broken = Buffer.from(source);
        if (index % 2 === 0) {
          writeFileSync(path.join(dir, `${name}-afgekapt-${index}.pdf`), broken.subarray(0, 16 + random(broken.length - 16)));
        } else {
          for (let flip = 0; flip < 1 + random(8); flip++) broken[16 + random(broken.length - 16)] = random(256);
          writeFileSync(path.join(dir, `${name}-beschadigd-${index}.pdf`), broken);
        }
        count++;
      }
    }
    const report = await audit({ paths: [dir], outDir: path.join(dir, 'rapport') });
    expect(report.files).toHaveLength(count + 2);
    for (const file of report.files) {
      expect(['pass', 'fail', 'error'], file.file).toContain(file.status);
      if (file.status === 'error') expect(file.error, file.file).toMatch(/^(Beschadigde PDF|Controle mislukt|Geen PDF)/);
    }
    expect(report.files.find((file) => file.file.endsWith('goed.pdf'))?.status).toBe('pass');
    expect(report.files.find((file) => file.file.endsWith('gepakt.pdf'))?.status).toBe('pass');
  });
});
