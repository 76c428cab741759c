/**
 * `--report junit=FILE` and `--report sarif=FILE`: the SARIF log is valid against the official
 * SARIF 2.1.0 schema (as Microsoft ships it, validated by Ajv), and both reports hold exactly
 * what the command's own JSON report and messages say: a result per failed check and message,
 * a test case per check and file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../scripts/check/reports.ts';
import { tinyPdf, passingSpec } from './helpers/tiny-pdf.ts';
import { runCli, writeTree } from './helpers/workspace.ts';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// CommonJS packages: required, so their export is the class and the plugin themselves.
type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };
const Ajv04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): Validate };
const addFormats = require('ajv-formats') as (ajv: object) => void;

function validSarif(log: unknown): string[] {
  // The schema's language pattern is not a valid regular expression in Unicode mode.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

function junit(file: string): Document {
  const document = new JSDOM(readFileSync(file, 'utf8'), { contentType: 'text/xml' }).window.document;
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

let folder: string;
beforeAll(async () => {
  folder = writeTree({
    'content/nota/index.md': '---\ntitle: Nota\ntype: rapport\nlang: nl\ndate: 2026-13-01\nstatus: klaar\n---\n\n## Inhoud\n\n![](grafiek.png)\n',
  });
  writeFileSync(path.join(folder, 'goed.pdf'), await tinyPdf(passingSpec()));
  writeFileSync(
    path.join(folder, 'ongetagd.pdf'),
    await tinyPdf({ ...passingSpec(), structure: null, marked: false, content: 'BT /F1 12 Tf 72 700 Td (Ongetagde tekst) Tj ET' }),
  );
});

describe('CI reports', () => {
  it('kia audit: a SARIF result per failed check and a JUnit test case per check and file, as in the JSON report', () => {
    const result = runCli(
      ['audit', 'goed.pdf', 'ongetagd.pdf', '--out', 'rapport', '--json', '--report', 'junit=ci/junit.xml', '--report', 'sarif=ci/kia.sarif'],
      folder,
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as AuditReport;
    const failed = report.files.flatMap((file) => file.checks.filter((check) => check.status === 'fail').map((check) => [file.file, check.id]));
    expect(failed.length).toBeGreaterThan(0);

    const sarif = JSON.parse(readFileSync(path.join(folder, 'ci/kia.sarif'), 'utf8'));
    expect(validSarif(sarif)).toEqual([]);
    // The validator does refuse what is not SARIF.
    expect(validSarif({ version: '2.1.0', runs: [{ results: [] }] })).not.toEqual([]);
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.filter((each) => each.level === 'error').map((each) => [each.locations[0].physicalLocation.artifactLocation.uri, each.ruleId])).toEqual(
      failed,
    );
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id).sort()).toEqual([...new Set(results.map((each) => each.ruleId))].sort());

    const xml = junit(path.join(folder, 'ci/junit.xml'));
    const suites = [...xml.querySelectorAll('testsuite')];
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual(report.files.map((file) => file.file));
    for (const [index, file] of report.files.entries()) {
      const cases = [...suites[index].querySelectorAll('testcase')];
      expect(cases.map((each) => each.getAttribute('name'))).toEqual(file.checks.map((check) => `${check.id}: ${check.title}`));
      expect(cases.filter((each) => each.querySelector('failure')).map((each) => each.getAttribute('name'))).toEqual(
        file.checks.filter((check) => check.status === 'fail').map((check) => `${check.id}: ${check.title}`),
      );
    }
    expect(Number(xml.documentElement.getAttribute('failures'))).toBe(failed.length);
  }, 120_000);

  it('kia check: every message with its file, line and column, errors failing', () => {
    const result = runCli(['check', '--report', 'sarif=check.sarif', '--report', 'junit=check.xml'], folder);
    expect(result.code).toBe(1);
    const lines = result.stderr
      .split('\n')
      .map((line) => /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning)\s+.*\s(\S+)\s+(\S+)\s*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2]), match[3], `${match[5]}/${match[4]}`]);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const sarif = JSON.parse(readFileSync(path.join(folder, 'check.sarif'), 'utf8'));
    expect(validSarif(sarif)).toEqual([]);
    expect(
      sarif.runs[0].results.map(
        (each: {
          ruleId: string;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
        }) => [each.locations[0].physicalLocation.region.startLine, each.locations[0].physicalLocation.region.startColumn, each.level, each.ruleId],
      ),
    ).toEqual(lines);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('content/nota/index.md');
    const xml = junit(path.join(folder, 'check.xml'));
    expect(Number(xml.documentElement.getAttribute('failures'))).toBe(new Set(lines.filter((line) => line[2] === 'error').map((line) => line[3])).size);
  }, 60_000);

  it('refuses a report kind it does not know, as a usage error', () => {
    const result = runCli(['audit', 'goed.pdf', '--report', 'xml=rapport.xml'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--report verwacht junit=BESTAND of sarif=BESTAND, niet xml=rapport.xml');
  });
});
