/**
 * `kia audit --shard I/N` and `kia audit --merge`: an accessibility office spreads thousands of
 * files over a CI matrix. The shards together check every file exactly once, a file's shard
 * does not move when files are added, and the merged report equals one run's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../scripts/check/reports.ts';
import { tinyPdf, passingSpec } from './helpers/tiny-pdf.ts';
import { runCli, tempDir } from './helpers/workspace.ts';

let folder: string;
const read = (file: string) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as AuditReport;

beforeAll(async () => {
  folder = tempDir('kia-shards-');
  mkdirSync(path.join(folder, 'bestanden'));
  const passing = await tinyPdf(passingSpec());
  const untagged = await tinyPdf({ ...passingSpec(), structure: null, marked: false, content: 'BT /F1 12 Tf 72 700 Td (Ongetagde tekst) Tj ET' });
  for (let n = 1; n <= 12; n++) writeFileSync(path.join(folder, 'bestanden', `bestand-${String(n).padStart(2, '0')}.pdf`), n % 3 === 0 ? untagged : passing);
  writeFileSync(path.join(folder, 'bestanden/kapot.pdf'), '%PDF-1.7\nniets\n');
}, 60_000);

describe('kia audit in shards', () => {
  it('checks every file in exactly one shard, and the merged report (JSON and page) equals one run', () => {
    const files = (report: AuditReport) => report.files.map((file) => file.file);
    const single = runCli(['audit', 'bestanden', '--out', 'heel'], folder);
    expect(single.code).toBe(1);
    const whole = read('heel/report.json');
    expect(whole.files).toHaveLength(13);

    const shardFiles: string[][] = [];
    for (const index of [1, 2, 3]) {
      const shard = runCli(['audit', 'bestanden', '--shard', `${index}/3`, '--out', `deel-${index}`], folder);
      expect([0, 1]).toContain(shard.code);
      const report = read(`deel-${index}/report.json`);
      expect(report.shard).toMatchObject({ index, count: 3, files: 13 });
      shardFiles.push(files(report));
    }
    // Every file once, none twice, and no shard empty with 13 files over 3.
    expect(shardFiles.flat().sort()).toEqual(files(whole).sort());
    expect(shardFiles.every((each) => each.length > 0)).toBe(true);

    const merged = runCli(
      ['audit', '--merge', 'deel-3/report.json', 'deel-1/report.json', 'deel-2/report.json', '--out', 'samen', '--report', 'junit=samen.xml'],
      folder,
    );
    expect(merged.code).toBe(1);
    expect(read('samen/report.json')).toEqual(whole);
    expect(readFileSync(path.join(folder, 'samen/index.html'), 'utf8')).toBe(readFileSync(path.join(folder, 'heel/index.html'), 'utf8'));
    expect(readFileSync(path.join(folder, 'samen.xml'), 'utf8')).toContain(`tests="`);
  }, 180_000);

  it('keeps each file in its shard when files are added', () => {
    const before = [1, 2, 3].map((index) => {
      runCli(['audit', 'bestanden', '--shard', `${index}/3`, '--out', `voor-${index}`], folder);
      return read(`voor-${index}/report.json`).files.map((file) => file.file);
    });
    for (let n = 13; n <= 20; n++)
      writeFileSync(path.join(folder, 'bestanden', `bestand-${n}.pdf`), readFileSync(path.join(folder, 'bestanden/bestand-01.pdf')));
    const after = [1, 2, 3].map((index) => {
      runCli(['audit', 'bestanden', '--shard', `${index}/3`, '--out', `na-${index}`], folder);
      return read(`na-${index}/report.json`).files.map((file) => file.file);
    });
    for (const [index, files] of before.entries()) expect(after[index]).toEqual(expect.arrayContaining(files));
    expect(after.flat()).toHaveLength(21);
  }, 180_000);

  it('refuses to merge an incomplete set of shards, and a shard outside 1..N', () => {
    runCli(['audit', 'bestanden/bestand-01.pdf', 'bestanden/bestand-02.pdf', '--shard', '1/2', '--out', 'los-1'], folder);
    const merged = runCli(['audit', '--merge', 'los-1/report.json', '--out', 'los'], folder);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toBe('kia audit --merge: niet elk deel precies één keer: deel 2 ontbreekt\n');
    const bad = runCli(['audit', 'bestanden', '--shard', '4/3'], folder);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard verwacht I/N met 1 ≤ I ≤ N, niet 4/3');
  }, 60_000);
});
