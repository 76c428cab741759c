/**
 * `kia check`: sources and accessibility without building PDFs; the report lands in
 * dist/toegankelijkheid/, PDF checks run only on PDFs that are up to date with the sources.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessibilityReport } from '../scripts/check/gate.ts';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const report = (root: string) => JSON.parse(readFileSync(path.join(root, 'dist/toegankelijkheid/report.json'), 'utf8')) as AccessibilityReport;

describe('kia check', () => {
  it('passes clean sources, says the PDF was not checked, then checks it once built', () => {
    const root = writeTree({ 'content/doc/index.md': document('## Inleiding\n\nTekst met een voetnoot.[^1]\n\n[^1]: De bron.\n') });
    const first = runCli(['check'], root);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('doc: PDF niet gecontroleerd: de PDF in de uitvoermap ontbreekt of is ouder dan de bron; draai `kia build`.');
    expect(report(root).documents[0]).toMatchObject({ slug: 'doc', pdf: null, html: { status: 'pass' } });
    // Published like the build's folders: readable by a web server (not mkdtemp's 0700).
    expect(statSync(path.join(root, 'dist/toegankelijkheid')).mode & 0o777).toBe(0o755);

    expect(runCli(['build'], root).code).toBe(0);
    const second = runCli(['check'], root);
    expect(second.code).toBe(0);
    const checks = report(root).documents[0].pdf!.checks;
    expect(checks.find((check) => check.id === 'pdf-structure-text')?.status).toBe('not-checked');
    expect(checks.filter((check) => check.status === 'fail')).toEqual([]);
  });

  it('fails on a skipped heading level, naming the rule', () => {
    const root = writeTree({ 'content/doc/index.md': document('## Inleiding\n\n#### Te diep\n\nTekst.\n') });
    const { code, stderr } = runCli(['check'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/error Unexpected accessibility violation in doc\/index\.html: .+heading-order +axe/);
    expect(report(root).documents[0].html!.violations.map((violation) => violation.id)).toContain('heading-order');
  });

  it('reports source errors like build does, without a report', () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.[^weg]\n') });
    const { code, stderr } = runCli(['check'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('undefined-footnote');
  });

  it('--frail fails on warnings that a plain check lets pass', () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.\n\n[^vergeten]: Nergens naar verwezen.\n') });
    const plain = runCli(['check'], root);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('unused-footnote');
    const frail = runCli(['check', '--frail'], root);
    expect(frail.code).toBe(1);
    expect(frail.stderr).toContain('kia: 1 waarschuwing telt als fout (--frail)');
  });
});
