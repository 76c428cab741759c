/**
 * The PDF half of the accessibility gate and of `kia audit`: machine-checkable PDF/UA-1
 * (ISO 14289-1) checks, each with its most specific clause and Matterhorn Protocol 1.1 failure
 * condition. No PDF/UA validator (veraPDF, PAC) can be installed here, so these are our own,
 * on the facts `scripts/pdf/read.ts` gathers, one small unit per requirement in `check/pdf-rules/`
 * (one module per clause family). They work on PDFs from any producer; the checks that compare
 * the PDF with the HTML it was printed from run only inside `kia build`.
 */
import { readFile } from 'node:fs/promises';
import { readPdfFacts, type PdfFacts } from '../pdf/read.ts';
import { annotationRules } from './pdf-rules/annotations.ts';
import { comparisonRules } from './pdf-rules/comparisons.ts';
import { contentRules } from './pdf-rules/content.ts';
import { ruleContext } from './pdf-rules/context.ts';
import { documentRules } from './pdf-rules/document.ts';
import { fontRules } from './pdf-rules/fonts.ts';
import { languageRules } from './pdf-rules/language.ts';
import type { PdfExpectations, PdfRule, RuleContext } from './pdf-rules/rule.ts';
import { structureRules } from './pdf-rules/structure.ts';

export type { PdfExpectations } from './pdf-rules/rule.ts';

/** Every check, in report order: one module per clause family. */
export const pdfRules: PdfRule[] = [
  ...documentRules,
  ...languageRules,
  ...structureRules,
  ...contentRules,
  ...annotationRules,
  ...fontRules,
  ...comparisonRules,
];

export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'not-checked';

export interface PdfCheck {
  id: string;
  status: CheckStatus;
  /** Dutch name of the check, for the report. */
  title: string;
  /** The most specific ISO 14289-1 clause, e.g. `7.1`, `7.18.5`, `7.21.4.1`. */
  clause: string;
  /** Matterhorn Protocol 1.1 failure condition, e.g. `06-003`, or null where it has none. */
  matterhorn: string | null;
  /** The rule ids of the veraPDF PDF/UA-1 profile the check implements, where named (`7.2-t26`). */
  rules?: string[];
  wcag: string[];
  message: string;
  /** Where it first failed: page (1-based) and object (`12 0 R`). */
  page?: number;
  object?: string;
  /** How many places failed; `details` lists at most 20 of them. */
  failures: number;
  details: Array<{ page?: number; object?: string; text: string }>;
}

export interface PdfAudit {
  file: string;
  status: 'pass' | 'fail';
  pages: number;
  checks: PdfCheck[];
  seconds: number;
}

/**
 * Audit the PDF at `file`. With `expected` (inside `kia build`) the laid-out text is read too,
 * for the comparisons with the HTML. Throws a `PdfReadError` for files that cannot be read.
 */
export async function auditPdf(file: string, options: { shownFile: string; expected?: PdfExpectations }): Promise<PdfAudit> {
  const started = performance.now();
  const facts = await readPdfFacts(new Uint8Array(await readFile(file)), { text: options.expected?.runs ?? options.expected !== undefined });
  const checks = runChecks(facts, options.expected);
  return {
    file: options.shownFile,
    status: checks.some((check) => check.status === 'fail') ? 'fail' : 'pass',
    pages: facts.pageCount,
    checks,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * All checks over already-read facts, in report order. `expected` is given for our own PDFs
 * (the build and `kia check`) and left out for PDFs from elsewhere (`kia audit`).
 */
export function runChecks(facts: PdfFacts, expected?: PdfExpectations): PdfCheck[] {
  const context = ruleContext(facts, expected);
  return pdfRules.map((rule) => judge(rule, facts, context));
}

/** One unit's answer as a report entry. */
function judge(rule: PdfRule, facts: PdfFacts, context: RuleContext): PdfCheck {
  const head = { id: rule.id, title: rule.title, clause: rule.clause, matterhorn: rule.matterhorn, rules: rule.rules, wcag: rule.wcag };
  // A requirement on the structure tree cannot be met without one.
  const answer =
    rule.structural && !facts.structure
      ? { problems: [{ text: 'geen structuurboom' }], failed: 'Niet te bepalen: de PDF heeft geen structuurboom (tags).' }
      : rule.check(facts, context);
  const verdict = answer === 'not-applicable' ? { problems: [], status: 'not-applicable' as const } : Array.isArray(answer) ? { problems: answer } : answer;
  const status: CheckStatus = verdict.status ?? (verdict.problems.length > 0 ? 'fail' : 'pass');
  const first = status === 'fail' ? verdict.problems.find((problem) => problem.page !== undefined || problem.object !== undefined) : undefined;
  return {
    ...head,
    ...('matterhorn' in verdict && verdict.matterhorn !== undefined ? { matterhorn: verdict.matterhorn } : {}),
    status,
    message: status === 'fail' ? ('failed' in verdict && verdict.failed ? verdict.failed : rule.failed) : 'ok' in verdict && verdict.ok ? verdict.ok : rule.ok,
    ...(first?.page !== undefined ? { page: first.page } : {}),
    ...(first?.object !== undefined ? { object: first.object } : {}),
    failures: status === 'fail' ? verdict.problems.length : 0,
    details: verdict.problems.slice(0, 20),
  };
}
