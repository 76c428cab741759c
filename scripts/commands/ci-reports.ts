/**
 * `--report junit=FILE` and `--report sarif=FILE` of `kia build`, `kia check` and `kia audit`:
 * the findings written as JUnit XML or SARIF 2.1.0 (check/ci-reports.ts) where the CI job wants
 * them, next to the HTML and JSON reports.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CiFindings, junitXml, sarifLog } from '../check/ci-reports.ts';

export type CiReportTarget = { kind: 'junit' | 'sarif'; file: string };

/** `junit=FILE` or `sarif=FILE` as a target; undefined for anything else. */
export function parseReportTarget(text: string): CiReportTarget | undefined {
  const match = /^(junit|sarif)=(.+)$/.exec(text);
  return match ? { kind: match[1] as CiReportTarget['kind'], file: match[2] } : undefined;
}

/** Write each requested report. */
export async function writeCiReports(targets: CiReportTarget[], findings: CiFindings): Promise<void> {
  for (const target of targets) {
    await mkdir(path.dirname(path.resolve(target.file)), { recursive: true });
    await writeFile(target.file, target.kind === 'junit' ? junitXml(findings) : `${JSON.stringify(sarifLog(findings), null, 2)}\n`);
  }
}
