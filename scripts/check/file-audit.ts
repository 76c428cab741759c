/**
 * One file's accessibility result in the documented, stable shape shared by the build's report
 * and `kia audit` (`files` in both report.json files; see README, "Report JSON").
 */
import type { HtmlAudit, HtmlFinding } from './html-audit.ts';
import type { CheckStatus, PdfAudit } from './pdf-audit.ts';

export interface FileCheck {
  /** Our check id (`pdf-…`) or the axe rule id (`image-alt`, …). */
  id: string;
  status: CheckStatus;
  /** Dutch title of the check. */
  title: string;
  message: string;
  /** PDF: the most specific ISO 14289-1 clause (`7.18.5`); HTML: null. */
  clause: string | null;
  /** PDF: Matterhorn Protocol 1.1 failure condition (`28-012`); HTML: null. */
  matterhorn: string | null;
  /** WCAG success criteria (`1.1.1`). */
  wcag: string[];
  /** PDF: where it first failed. */
  page?: number;
  object?: string;
  /** PDF: what failed where (at most 20 listed of `failures`). */
  failures?: number;
  details?: Array<{ page?: number; object?: string; text: string }>;
  /** HTML: axe's impact, help page and the elements concerned. */
  impact?: string | null;
  helpUrl?: string;
  nodes?: Array<{ target: string; html: string; summary: string }>;
}

export interface FileAudit {
  /** As given on the command line, or relative to the output folder in the build's report. */
  file: string;
  kind: 'pdf' | 'html' | 'unknown';
  /** `error`: the file could not be checked at all (see `error`). */
  status: 'pass' | 'fail' | 'error';
  error?: string;
  pages?: number;
  checks: FileCheck[];
}

/** A PDF audit as a file entry. */
export function pdfFileAudit(audit: PdfAudit): FileAudit {
  return {
    file: audit.file,
    kind: 'pdf',
    status: audit.status,
    pages: audit.pages,
    checks: audit.checks.map(({ id, status, title, message, clause, matterhorn, rules, wcag, page, object, failures, details }) => ({
      id,
      ...(rules ? { rules } : {}),
      status,
      title,
      message,
      clause,
      matterhorn,
      wcag,
      ...(page !== undefined ? { page } : {}),
      ...(object !== undefined ? { object } : {}),
      failures,
      details,
    })),
  };
}

function htmlCheck(finding: HtmlFinding, status: CheckStatus): FileCheck {
  return {
    id: finding.id,
    status,
    title: finding.help,
    message: status === 'not-checked' ? `Na te kijken: ${finding.description}` : finding.description,
    clause: null,
    matterhorn: null,
    wcag: finding.wcag,
    impact: finding.impact,
    helpUrl: finding.helpUrl,
    nodes: finding.nodes,
  };
}

/**
 * An axe run as a file entry: violations fail, "needs review" is not-checked (axe could not
 * decide; a person must), passed and inapplicable rules are listed by id.
 */
export function htmlFileAudit(audit: HtmlAudit): FileAudit {
  const listed = (id: string, status: CheckStatus): FileCheck => ({
    id,
    status,
    title: id,
    message: status === 'pass' ? 'Geslaagd.' : 'Niets om te controleren op deze pagina.',
    clause: null,
    matterhorn: null,
    wcag: [],
  });
  return {
    file: audit.file,
    kind: 'html',
    status: audit.status,
    checks: [
      ...audit.violations.map((finding) => htmlCheck(finding, 'fail')),
      ...audit.incomplete.map((finding) => htmlCheck(finding, 'not-checked')),
      ...audit.passedRules.map((id) => listed(id, 'pass')),
      ...audit.inapplicableRules.map((id) => listed(id, 'not-applicable')),
    ],
  };
}

/** A file that could not be checked. */
export function failedFileAudit(file: string, kind: FileAudit['kind'], error: string): FileAudit {
  return { file, kind, status: 'error', error, checks: [] };
}
