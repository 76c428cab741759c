/**
 * One machine-checkable PDF/UA-1 requirement as a small unit: its ISO 14289-1 clause, the rule
 * ids of the veraPDF PDF/UA-1 profile it implements, its Matterhorn failure condition, the Dutch
 * texts of the report, and a function that lists where the file breaks it. Adding a check is
 * adding one unit (and a corpus-backed test: `test/conformance.test.ts`).
 */
import { PDFDict, PDFName, PDFNumber, PDFStream, PDFString, PDFHexString, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import type { PdfFacts } from '../../pdf/read.ts';

export interface Problem {
  page?: number;
  object?: string;
  text: string;
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
  /** Where the file breaks the requirement; `not-applicable` when nothing in it is concerned. */
  check(facts: PdfFacts): Problem[] | 'not-applicable';
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

/** Where an annotation (from `facts.annotations`) is, for a problem. */
export const at = (annotation: { page: number; object: string }, message: string): Problem => ({ page: annotation.page, object: annotation.object, text: message });
