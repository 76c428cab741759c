/**
 * Scores the PDF/UA checks against the veraPDF PDF/UA-1 test corpus (`../shared/conformance/
 * verapdf-pdfua1/`, CC BY 4.0): every file through `auditPdf`, the code `kia audit` runs. A file
 * tests one rule; its verdict agrees when the audit has a failing check whose ISO 14289-1
 * clause is the file's clause or a sub-clause of it exactly when it is a `fail` file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditPdf } from '../check/pdf-audit.ts';

export interface CorpusFile {
  file: string;
  /** Rule id as in RULES.tsv: `7.2-t42`. */
  rule: string;
  clause: string;
  expected: 'pass' | 'fail';
}

export interface Verdict extends CorpusFile {
  agrees: boolean;
  /** The failing checks in the file's clause (what our audit said), or the read error. */
  said: string[];
  error?: string;
}

/** The corpus's files with their rule, clause and expected verdict. */
export function corpusFiles(corpus: string): CorpusFile[] {
  const clauses = new Map(
    readFileSync(path.join(corpus, 'RULES.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([rule, clause]) => [rule, clause] as const),
  );
  return readdirSync(corpus, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.pdf'))
    .map((entry) => {
      const match = /^(.+-t\d+)-(pass|fail)/.exec(entry.name);
      const rule = match?.[1] ?? entry.name;
      return {
        file: path.join(entry.parentPath, entry.name),
        rule,
        clause: clauses.get(rule) ?? rule.replace(/-t\d+$/, ''),
        expected: (match?.[2] ?? 'pass') as 'pass' | 'fail',
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Within `clause`: the clause itself or one of its sub-clauses (7.21 holds 7.21.4.1). */
export const inClause = (clause: string, candidate: string) => candidate === clause || candidate.startsWith(`${clause}.`);

/** Audit every corpus file and compare with its expected verdict. */
export async function scoreCorpus(corpus: string): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const entry of corpusFiles(corpus)) {
    try {
      const audit = await auditPdf(entry.file, { shownFile: path.basename(entry.file) });
      const said = audit.checks
        .filter((check) => check.status === 'fail' && inClause(entry.clause, check.clause))
        .map((check) => `${check.id} (${check.clause}): ${check.message}`);
      verdicts.push({ ...entry, said, agrees: said.length > 0 === (entry.expected === 'fail') });
    } catch (error) {
      // A file we cannot read at all counts as failed by us.
      verdicts.push({ ...entry, said: [], error: (error as Error).message, agrees: entry.expected === 'fail' });
    }
  }
  return verdicts;
}

/** Per clause: agreed and total. */
export function perClause(verdicts: Verdict[]): Array<{ clause: string; agreed: number; total: number }> {
  const table = new Map<string, { agreed: number; total: number }>();
  for (const verdict of verdicts) {
    const row = table.get(verdict.clause) ?? { agreed: 0, total: 0 };
    row.total++;
    if (verdict.agrees) row.agreed++;
    table.set(verdict.clause, row);
  }
  return [...table.entries()].map(([clause, row]) => ({ clause, ...row })).sort((a, b) => a.clause.localeCompare(b.clause, 'en', { numeric: true }));
}
