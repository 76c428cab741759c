/**
 * The verbatim proof: a stakeholder response's text must reach the HTML and the PDF without
 * one character changed.
 *
 * Texts are compared with whitespace removed (the only normalisation besides line-end
 * hyphenation in the PDF), so a dropped, added, escaped or typographically "improved"
 * character anywhere shows up as a difference at its exact place in the source.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Point } from 'unist';
import type { TextDirective } from 'mdast-util-directive';
import { typedDirective } from '../pipeline/plugins/remark-directives-as-typed.ts';
import { internalGroundNote } from '../pipeline/plugins/remark-redactions.ts';

/** Text with whitespace removed, and where each character came from. */
export interface LocatedText {
  text: string;
  /** Per character: its place in the response's source file, if known. */
  places: Array<Point | undefined>;
}

/** Characters removed before comparing: whitespace and soft hyphens (invisible unless at a break). */
const ignorable = /[\s\u00ad]/u;

function push(target: { chars: string[]; places: Array<Point | undefined> }, value: string, start: Point | undefined) {
  let line = start?.line ?? 0;
  let column = start?.column ?? 0;
  for (const char of value) {
    if (!ignorable.test(char)) {
      target.chars.push(char);
      target.places.push(start ? { line, column } : undefined);
    }
    if (char === '\n') {
      line++;
      column = 1;
    } else column++;
  }
}

export interface SourceTextOptions {
  /** The response file's text: a directive other than `:redact` counts as typed. */
  source: string;
  /**
   * What a `:redact[…]{grond=…}` shows: in `public` only its ground (the withheld text is
   * what the reader must not get), in `internal` the text and its ground. This is the
   * "redacted source text" the proof compares with.
   */
  redaction: 'public' | 'internal';
}

/**
 * The text of a response as the Markdown reader sees it, in rendered order: the body, then the
 * footnote definitions in order of first reference (which is how GFM numbers and shows them).
 * Redactions count as what they show (see `SourceTextOptions`).
 */
export function sourceText(tree: MdastRoot, options: SourceTextOptions): LocatedText {
  const target = { chars: [] as string[], places: [] as Array<Point | undefined> };
  const definitions = new Map<string, MdastNodes>();
  const order: string[] = [];
  const walk = (node: MdastNodes) => {
    if (node.type === 'footnoteDefinition') {
      definitions.set(node.identifier, node);
      return;
    }
    if (node.type === 'footnoteReference') {
      if (!order.includes(node.identifier)) order.push(node.identifier);
      return;
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') {
      push(target, node.value, node.position?.start);
      return;
    }
    if (node.type === 'textDirective') {
      const directive = node as TextDirective;
      const code = directive.attributes?.grond?.trim();
      if (directive.name !== 'redact') push(target, typedDirective(directive, options.source), directive.position?.start);
      else if (options.redaction === 'public') push(target, code ?? '', directive.position?.start);
      else {
        for (const child of directive.children) walk(child);
        push(target, internalGroundNote(code), directive.position?.end);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes);
  };
  walk(tree);
  // A footnote can reference another footnote: keep going until no new ones appear.
  for (let index = 0; index < order.length; index++) {
    const definition = definitions.get(order[index]);
    if (definition && 'children' in definition) for (const child of definition.children) walk(child as MdastNodes);
  }
  return { text: target.chars.join(''), places: target.places };
}

/**
 * The text of a rendered response region. Back links are always left out. Other generated
 * apparatus is left out unless `withApparatus`: footnote call numbers, footnote section titles
 * and ordered-list numbers. The PDF has these as real text (Chromium writes list numbers into
 * the text layer); the source has `[^label]` and `1.` as syntax.
 */
export function renderedText(region: Element | HastRoot, options: { withApparatus: boolean }): LocatedText {
  const target = { chars: [] as string[], places: [] as Array<Point | undefined> };
  const walk = (node: ElementContent | HastRoot) => {
    if (node.type === 'text') {
      push(target, node.value, node.position?.start);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let number = 0;
    if (node.type === 'element') {
      const { properties } = node;
      if (properties.dataFootnoteBackref !== undefined) return;
      const generated = properties.dataFootnoteRef !== undefined || (Array.isArray(properties.className) && properties.className.includes('footnotes-title'));
      if (generated && !options.withApparatus) return;
      if (node.tagName === 'ol') number = typeof properties.start === 'number' ? properties.start : 1;
    }
    for (const child of node.children) {
      if (number > 0 && child.type === 'element' && child.tagName === 'li') {
        if (options.withApparatus) push(target, `${number}.`, undefined);
        number++;
      }
      walk(child as ElementContent);
    }
  };
  walk(region);
  return { text: target.chars.join(''), places: target.places };
}

export interface Difference {
  /** Index in the expected text (whitespace removed) of the first difference. */
  index: number;
  place: Point | undefined;
  expected: string;
  actual: string;
}

/** First difference between `expected` and `actual` (both without whitespace), or undefined. */
export function firstDifference(expected: LocatedText, actual: string): Difference | undefined {
  const length = Math.min(expected.text.length, actual.length);
  let index = 0;
  while (index < length && expected.text[index] === actual[index]) index++;
  if (index === expected.text.length && index === actual.length) return undefined;
  return difference(expected, index, actual.slice(index, index + 24));
}

function difference(expected: LocatedText, index: number, actual: string): Difference {
  return {
    index,
    place: expected.places[Math.min(index, expected.places.length - 1)],
    expected: expected.text.slice(index, index + 24),
    actual,
  };
}

/** Text extracted from a PDF, whitespace removed, remembering which characters ended a line. */
export interface PdfText {
  text: string;
  lineEnds: Set<number>;
}

/** Turn extracted lines into `PdfText`. */
export function pdfTextFromLines(lines: string[]): PdfText {
  const chars: string[] = [];
  const lineEnds = new Set<number>();
  for (const line of lines) {
    for (const char of line) if (!ignorable.test(char)) chars.push(char);
    if (chars.length > 0) lineEnds.add(chars.length - 1);
  }
  return { text: chars.join(''), lineEnds };
}

/**
 * Find `expected` in the PDF text at or after `from` and compare. A hyphen that ends a line in
 * the PDF but is not in the expected text is a hyphenation break and is skipped, and so is a
 * table header row (`repeatedHeaders`, whitespace removed) that the layout repeated on a new page.
 * Returns the difference (if any) and where the match ended.
 */
export function findInPdf(expected: LocatedText, pdf: PdfText, from: number, repeatedHeaders: string[] = []): { difference?: Difference; end: number } {
  const probe = expected.text.slice(0, 48);
  const start = pdf.text.indexOf(probe, from);
  if (start === -1) {
    return { difference: { index: 0, place: expected.places[0], expected: expected.text.slice(0, 24), actual: '(begin van de reactie niet gevonden in de PDF)' }, end: from };
  }
  let i = 0;
  let j = start;
  while (i < expected.text.length) {
    if (expected.text[i] === pdf.text[j]) {
      i++;
      j++;
    } else if (pdf.text[j] === '-' && pdf.lineEnds.has(j)) {
      j++;
    } else {
      const skip = repeatedHeaderAt(expected.text, i, pdf.text, j, repeatedHeaders);
      if (!skip) return { difference: difference(expected, i, pdf.text.slice(j, j + 24)), end: j };
      [i, j] = skip;
    }
  }
  return { end: j };
}

/**
 * A repeated header row may already have matched partly (a row can start like the header):
 * look for a header that began up to its own length before the mismatch and realign after it.
 */
function repeatedHeaderAt(expected: string, i: number, pdf: string, j: number, headers: string[]): [number, number] | undefined {
  for (const header of headers) {
    for (let back = 0; back <= Math.min(header.length, i); back++) {
      if (pdf.startsWith(header, j - back) && expected.slice(i - back, i) === pdf.slice(j - back, j)) return [i - back, j - back + header.length];
    }
  }
  return undefined;
}
