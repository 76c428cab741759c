/**
 * One machine-checkable PDF/UA-1 requirement as a small unit: its ISO 14289-1 clause, the rule
 * ids of the veraPDF PDF/UA-1 profile it implements, its Matterhorn failure condition, the Dutch
 * texts of the report, and a function that lists where the file breaks it. Adding a check is
 * adding one unit (and a corpus-backed test: `test/conformance.test.ts`).
 */
import { PDFDict, PDFName, PDFNumber, PDFStream, PDFString, PDFHexString, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import type { PdfFacts, StructElement } from '../../pdf/read.ts';
import type { TextRun } from '../../pdf/text.ts';

export interface Problem {
  page?: number;
  object?: string;
  text: string;
}

/** What the PDF must contain, known from the document it was printed from (`kia build` only). */
export interface PdfExpectations {
  /** The headings of the printed HTML, in order. */
  headings?: Array<{ level: number; text: string }>;
  /** The laid-out text of the printed page (innerText), footnote numbers included. */
  text?: string;
  /**
   * The laid-out text of each footnote. Chromium may put a footnote that Paged.js carried over
   * to the next page at another point in the reading order; notes are matched on their own.
   */
  notes?: string[];
  /** Passages marked with another language: `lang` and their text. */
  langPassages?: Array<{ lang: string; text: string }>;
  /** The PDF's text runs, when the build has already read them (saves a second pdf.js pass). */
  runs?: TextRun[][];
}

/** What several units need, worked out once per file (`check/pdf-rules/context.ts`). */
export interface RuleContext {
  /** Every structure element but the root, with its parent (none without a structure tree). */
  elements: Array<{ element: StructElement; parent?: StructElement }>;
  /** The headings of the structure tree, in order: `H1`–`H6` by number, `H` as `'H'`. */
  headings: Array<{ level: number | 'H'; element: StructElement }>;
  /** An element's text: its ActualText, else the laid-out text of its marked content (when read). */
  textOf(element: StructElement, skip?: (element: StructElement) => boolean): string;
  /** How a report names an element: its text when known, else its type. */
  describe(element: StructElement): string;
  /** Given for our own PDFs (the build, `kia check`); absent for PDFs from elsewhere. */
  expected?: PdfExpectations;
}

/** A unit's answer when its report text or Matterhorn id depends on what it found. */
export interface Verdict {
  problems: Problem[];
  status?: 'not-applicable' | 'not-checked';
  ok?: string;
  failed?: string;
  matterhorn?: string | null;
}

export interface PdfRule {
  id: string;
  /** Dutch name, for the report. */
  title: string;
  clause: string;
  /** veraPDF PDF/UA-1 profile rule ids, e.g. `7.2-t42`. */
  rules: string[];
  matterhorn: string | null;
  wcag: string[];
  ok: string;
  failed: string;
  /** Reads the structure tree: without one the requirement cannot be met (the unit fails). */
  structural?: boolean;
  /** Where the file breaks the requirement; `not-applicable` when nothing in it is concerned. */
  check(facts: PdfFacts, context: RuleContext): Problem[] | 'not-applicable' | Verdict;
}

/** `12 0 R` for an indirect object (the label every report uses). */
export { objectLabel as label } from '../../pdf/read.ts';

const dictionaryCache = new WeakMap<PDFDocument, Array<{ ref: PDFRef; dict: PDFDict }>>();

/** Every indirect dictionary (a stream's dictionary counts) with its reference; listed once per document. */
export function dictionaries(pdf: PDFDocument): Array<{ ref: PDFRef; dict: PDFDict }> {
  const cached = dictionaryCache.get(pdf);
  if (cached) return cached;
  const found: Array<{ ref: PDFRef; dict: PDFDict }> = [];
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict) found.push({ ref, dict: object });
    else if (object instanceof PDFStream) found.push({ ref, dict: object.dict });
  }
  dictionaryCache.set(pdf, found);
  return found;
}

/** Whether `dict` has `key` set to the name `value` (interned names compare by identity: no decoding). */
export function is(dict: PDFDict | undefined, key: string, value: string): boolean {
  return dict?.lookup(PDFName.of(key)) === PDFName.of(value);
}

/** A name's text, or undefined. */
export function name(dict: PDFDict | undefined, key: string): string | undefined {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** A string's text (literal or hex), or undefined. */
export function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** A number, or undefined. */
export function number(dict: PDFDict | undefined, key: string): number | undefined {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/** Where a structure element is, for a problem. */
export const where = (element: StructElement, message: string): Problem => ({ page: element.page, object: element.object, text: message });

/** At most `length` characters of `text`, with an ellipsis when cut. */
export const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** A BCP 47-shaped language tag (ISO 14289-1 7.2, as the reference validator checks it). */
export const validLanguageTag = (tag: string | undefined): tag is string => tag !== undefined && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(tag);

/** Where an annotation (from `facts.annotations`) is, for a problem. */
export const at = (annotation: { page: number; object: string }, message: string): Problem => ({
  page: annotation.page,
  object: annotation.object,
  text: message,
});
