/**
 * One machine-checkable PDF/UA-1 requirement as a small unit: its ISO 14289-1 clause, the rule
 * ids of the veraPDF PDF/UA-1 profile it implements, its Matterhorn failure condition, the Dutch
 * texts of the report, and a function that lists where the file breaks it. Adding a check is
 * adding one unit (and a corpus-backed test: `test/conformance.test.ts`).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib';
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

/** `12 0 R` for an indirect object. */
export const label = (ref: PDFRef) => `${ref.objectNumber} ${ref.generationNumber} R`;

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

/** The items of an array entry (looked up), or []. */
export function items(pdf: PDFDocument, dict: PDFDict | undefined, key: string): PDFObject[] {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFArray ? value.asArray().map((item) => pdf.context.lookup(item) ?? item) : [];
}

/** Every annotation with its page (1-based) and reference. */
export function annotations(pdf: PDFDocument): Array<{ page: number; dict: PDFDict; ref?: PDFRef }> {
  const found: Array<{ page: number; dict: PDFDict; ref?: PDFRef }> = [];
  pdf.getPages().forEach((page, index) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (const item of annots.asArray()) {
      const dict = pdf.context.lookup(item);
      if (dict instanceof PDFDict) found.push({ page: index + 1, dict, ref: item instanceof PDFRef ? item : undefined });
    }
  });
  return found;
}

/** Where an annotation is, for a problem. */
export const at = (annotation: { page: number; ref?: PDFRef }, message: string): Problem => ({ page: annotation.page, object: annotation.ref ? label(annotation.ref) : undefined, text: message });

/** The structure elements by StructParent(s) key (the parent tree, a number tree). */
export function parentTree(pdf: PDFDocument): Map<number, PDFDict> {
  const result = new Map<number, PDFDict>();
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const nums = node.lookup(PDFName.of('Nums'));
    if (nums instanceof PDFArray) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = nums.lookup(index);
        const value = pdf.context.lookup(nums.get(index + 1));
        if (key instanceof PDFNumber && value instanceof PDFDict) result.set(key.asNumber(), value);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(pdf.context.lookup(kid) as PDFDict | undefined, depth + 1);
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 0);
  return result;
}

/** A structure type through the role map (`Link1` → `Link`), as far as it goes. */
export function standardRole(pdf: PDFDocument, role: string | undefined): string | undefined {
  const map = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  let current = role;
  for (let step = 0; current && step < 16; step++) {
    const next = map?.lookup(PDFName.of(current));
    if (!(next instanceof PDFName) || next.decodeText() === current) break;
    current = next.decodeText();
  }
  return current;
}
