/**
 * The two report families' shapes: the build's accessibility report (`toegankelijkheid/report.json`)
 * and `kia audit`'s. Types only, shared by the gate, the audit command and the report page.
 */
import type { FileAudit } from './file-audit.ts';
import type { HtmlAudit } from './html-audit.ts';
import type { ManualCriterion } from './manual-criteria.ts';
import type { PdfAudit } from './pdf-audit.ts';

export interface AccessibilityReport {
  reportVersion: 1;
  generator: string;
  standards: { html: string; pdf: string };
  passed: boolean;
  summary: { documents: number; htmlViolations: number; htmlNeedsReview: number; pdfFailures: number; pdfNotChecked: number };
  /** `html` is null for the publication bundle, which is a PDF only. */
  documents: Array<{ slug: string; title: string; html: HtmlAudit | null; pdf: PdfAudit | null; pdfMissing: string | null }>;
  pages: HtmlAudit[];
  /** Every file checked, in the shape `kia audit` writes too. */
  files: FileAudit[];
  manualChecks: ManualCriterion[];
  manualNote: string;
}

export interface AuditReport {
  reportVersion: 1;
  kind: 'audit';
  generator: string;
  standards: { html: string; pdf: string };
  passed: boolean;
  summary: { files: number; passed: number; failed: number; errors: number; pdfFailures: number; htmlViolations: number; notChecked: number };
  files: FileAudit[];
  manualChecks: ManualCriterion[];
  manualNote: string;
  /** Only in a shard's report (`kia audit --shard I/N`): which shard, of how many files in all, and each file's place among them. */
  shard?: { index: number; count: number; files: number; positions: number[] };
}
