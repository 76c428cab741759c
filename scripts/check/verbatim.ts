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
import { diffChars } from 'diff';
import { typedDirective } from '../pipeline/plugins/remark-directives-as-typed.ts';
import { internalGroundNote, redactionText } from '../pipeline/redaction.ts';
import type { LocatedText } from '../model/compiled.ts';
import { expandLigatures, isInvisibleInComparison, withoutInvisibles } from '../model/text-normalisation.ts';

/** Text with whitespace removed, and where each character came from. */
export type { LocatedText } from '../model/compiled.ts';

function push(target: { chars: string[]; places: Array<Point | undefined> }, value: string, start: Point | undefined) {
  let line = start?.line ?? 0;
  let column = start?.column ?? 0;
  for (const char of value) {
    if (!isInvisibleInComparison(char)) {
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
      else if (options.redaction === 'public') push(target, redactionText(code), directive.position?.start);
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
  const parts: string[] = [];
  const lineEnds = new Set<number>();
  let length = 0;
  for (const line of lines) {
    // A whole line at a time: a 585-page bundle has a million characters.
    const kept = withoutInvisibles(line);
    parts.push(kept);
    length += kept.length;
    if (length > 0) lineEnds.add(length - 1);
  }
  return { text: parts.join(''), lineEnds };
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
    return {
      difference: { index: 0, place: expected.places[0], expected: expected.text.slice(0, 24), actual: '(begin van de reactie niet gevonden in de PDF)' },
      end: from,
    };
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

/** An original's text ready for comparing (see `normaliseOriginal`). */
export interface NormalisedOriginal {
  text: string;
  /** Per character: where it stands in the original ("page 2, line 5"). */
  places: string[];
  /** Indices of hyphens that ended a line before a lower-case letter: line-end hyphenation, or not. */
  optionalHyphens: Set<number>;
}

/**
 * A character that starts a bulleted line in a received text, and what it and a bullet list's
 * item count as (a private-use character: no received text has it). A bullet list item with no
 * bullet in the original is no change: PDF text layers and Word's raw text often leave them out.
 */
const bulletAtLineStart = /^\s*[•◦▪‣∙●○■*–-](?=\s)/u;
export const bulletMark = '\ue000';

/**
 * The original's text as the proof compares it: whitespace and soft hyphens removed, ligatures
 * (U+FB00–FB06) decomposed, a hyphen at a line end before a lower-case letter optional, and a
 * bullet at the start of a line counted as `bulletMark`. Nothing else is normalised.
 */
export function normaliseOriginal(lines: Array<{ text: string; place: string }>): NormalisedOriginal {
  const chars: string[] = [];
  const places: string[] = [];
  const optionalHyphens = new Set<number>();
  lines.forEach((line, index) => {
    let text = expandLigatures(line.text);
    const bullet = bulletAtLineStart.exec(text);
    if (bullet) text = bulletMark + text.slice(bullet[0].length);
    for (const char of text) {
      if (isInvisibleInComparison(char)) continue;
      chars.push(char);
      places.push(line.place);
    }
    const next = lines.slice(index + 1).find((other) => other.text.trim());
    if (/\p{L}-\s*$/u.test(text) && next && /^\s*\p{Ll}/u.test(next.text)) optionalHyphens.add(chars.length - 1);
  });
  return { text: chars.join(''), places, optionalHyphens };
}

/**
 * The text of a published response region as a reader of the original would compare it: the
 * text, each redaction box as the text it withholds (`withheld`, by the box's place in the
 * source: the original has it, and the redaction must withhold exactly that), a footnote call
 * as its number, a note as its number and text, an ordered list item as its number with a
 * point, a bullet list item as `bulletMark`. Back links and the notes' heading are left out.
 */
export function publishedText(region: Element | HastRoot, withheld: (start: Point | undefined) => string | undefined): PublishedText {
  const target = { chars: [] as string[], places: [] as Array<Point | undefined> };
  const noteRanges: PublishedText['notes'] = [];
  const cellRanges: PublishedText['cells'] = [];
  const walk = (node: ElementContent | HastRoot, inNotes: boolean) => {
    if (node.type === 'text') {
      push(target, node.value, node.position?.start);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let number = 0;
    let bullets = false;
    let notes = inNotes;
    if (node.type === 'element') {
      const { properties } = node;
      const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
      if (properties.dataFootnoteBackref !== undefined || classes.includes('footnotes-title') || classes.includes('redaction-ground')) return;
      if (classes.includes('redacted')) {
        push(target, withheld(node.position?.start) ?? '', node.position?.start);
        return;
      }
      if (properties.dataFootnotes !== undefined) notes = true;
      if (node.tagName === 'ol') number = typeof properties.start === 'number' ? properties.start : 1;
      if (node.tagName === 'ul') bullets = true;
    }
    for (const child of node.children) {
      const start = target.chars.length;
      let textStart = start;
      if (child.type === 'element' && child.tagName === 'li') {
        if (number > 0) push(target, notes ? `${number}` : `${number}.`, child.position?.start);
        if (number > 0) number++;
        if (bullets) push(target, bulletMark, child.position?.start);
        textStart = target.chars.length;
      }
      walk(child as ElementContent, notes);
      if (notes && number > 0 && child.type === 'element' && child.tagName === 'li') noteRanges.push({ start, textStart, end: target.chars.length });
      if (child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th')) cellRanges.push({ start, end: target.chars.length });
    }
  };
  walk(region, false);
  return { text: target.chars.join(''), places: target.places, notes: noteRanges, cells: cellRanges };
}

/**
 * Where `text` stands in `original` from `from` on: exactly, or else (a changed note) from its
 * longest beginning found to its longest ending found after that, so that the note moves as a
 * whole and the change shows as one difference inside it. Undefined when neither end is found.
 */
function locate(original: string, text: string, from: number): [number, number] | undefined {
  const exact = original.indexOf(text, from);
  if (exact >= 0) return [exact, exact + text.length];
  const longest = (found: (length: number) => boolean) => {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (found(middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const head = longest((length) => original.indexOf(text.slice(0, length), from) >= 0);
  if (head < 8) return undefined;
  const start = original.indexOf(text.slice(0, head), from);
  const window = original.slice(start, start + Math.ceil(text.length * 1.5) + 20);
  const tail = longest((length) => window.indexOf(text.slice(text.length - length), head) >= 0);
  if (tail < 8) return undefined;
  return [start, start + window.indexOf(text.slice(text.length - tail), head) + tail];
}

/** A response's published text, with where each of its notes stands (its number, then its text). */
export interface PublishedText extends LocatedText {
  notes: Array<{ start: number; textStart: number; end: number }>;
  /** Where each table cell's text stands, in reading order (none when the response has no table). */
  cells?: Array<{ start: number; end: number }>;
}

/**
 * The original with its notes moved to the end, in order, where the published text has them. A
 * received PDF has each note at the foot of its page (and a reader may give the note's number
 * before or after its text); the publication has them after the text. A note is moved from where
 * its text stands in the original (its number next to it, if there, goes with it); a changed
 * note is found by its beginning and end and moved too, so the change shows inside it. Moving
 * only reorders the original's characters: nothing is added, dropped or changed.
 */
export function withNotesAtEnd(original: NormalisedOriginal, published: PublishedText): NormalisedOriginal {
  if (published.notes.length === 0) return original;
  // Each moved note: where it stood, and its characters in published order (its number first).
  const moved: Array<{ start: number; end: number; order: number[] }> = [];
  const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);
  let from = 0;
  for (const note of published.notes) {
    const text = published.text.slice(note.textStart, note.end);
    const label = published.text.slice(note.start, note.textStart);
    if (!text) continue;
    const found = locate(original.text, text, from);
    if (!found) continue;
    const [at, end] = found;
    if (label && original.text.slice(at - label.length, at) === label) moved.push({ start: at - label.length, end, order: range(at - label.length, end) });
    else if (label && original.text.slice(end, end + label.length) === label)
      moved.push({ start: at, end: end + label.length, order: [...range(end, end + label.length), ...range(at, end)] });
    else moved.push({ start: at, end, order: range(at, end) });
    from = moved.at(-1)!.end;
  }
  // Appended in loops, not spread: a spread of a long text's indices overflows the call stack.
  const order: number[] = [];
  const append = (indices: Iterable<number>) => {
    for (const index of indices) order.push(index);
  };
  let at = 0;
  for (const note of moved) {
    append(range(at, note.start));
    at = note.end;
  }
  append(range(at, original.text.length));
  for (const note of moved) append(note.order);
  return reordered(original, order);
}

/** The original's characters in `order` (indices into it): text, places and optional hyphens moved along. */
function reordered(original: NormalisedOriginal, order: number[]): NormalisedOriginal {
  const optionalHyphens = new Set<number>();
  order.forEach((index, position) => {
    if (original.optionalHyphens.has(index)) optionalHyphens.add(position);
  });
  let text = '';
  for (const index of order) text += original.text[index];
  return { text, places: order.map((index) => original.places[index]), optionalHyphens };
}

/** The page number of a place in a PDF ("page 29, line 60"); undefined for other originals. */
function pageOf(place: string | undefined): number | undefined {
  const page = place && /^page (\d+)/.exec(place);
  return page ? Number(page[1]) : undefined;
}

/**
 * The original with each table cell that a page break split joined again, where the published
 * text has it whole. A received PDF gives a row that breaks over a page as the first lines of
 * its cells on one page and the rest of them on the next, so in reading order the rest of a cell
 * comes after the other cells' first lines. A cell whose beginning is found after the cells
 * before it, and whose rest opens the next page (after at most a repeated header row), has that
 * rest moved up to its beginning; a rest with a change in it is found by its beginning and end,
 * so the change shows inside the cell. Only the original's characters are reordered, across a
 * page break, in a table: nothing is added, dropped or changed.
 */
export function withSplitCellsJoined(original: NormalisedOriginal, published: PublishedText): NormalisedOriginal {
  if (!published.cells?.length) return original;
  let current = original;
  let order = Array.from({ length: original.text.length }, (_, index) => index);
  let from = 0;
  for (const cell of published.cells) {
    const text = published.text.slice(cell.start, cell.end);
    if (!text) continue;
    // The cell's beginning after the cells before it: of the places its first characters stand
    // (the first 64), the one where it goes on unchanged the longest; whole, the first.
    const probe = text.slice(0, 8);
    let at = -1;
    let head = 0;
    for (let found = current.text.indexOf(probe, from), seen = 0; found >= 0 && seen < 64; found = current.text.indexOf(probe, found + 1), seen++) {
      let length = probe.length;
      while (length < text.length && current.text[found + length] === text[length]) length++;
      if (length > head) [at, head] = [found, length];
      if (length === text.length) break;
    }
    if (at < 0) continue;
    if (head === text.length) {
      from = at + head;
      continue;
    }
    // Where the next page begins, and the rest of the cell near its top.
    const headPage = pageOf(current.places[at + head - 1]);
    let boundary = at + head;
    while (boundary < current.text.length && pageOf(current.places[boundary]) === headPage) boundary++;
    const found = headPage === undefined || boundary - (at + head) > 2000 ? undefined : locate(current.text, text.slice(head), boundary);
    if (!found || found[0] - boundary > 200 || pageOf(current.places[found[0]]) !== pageOf(current.places[boundary])) {
      from = at + head;
      continue;
    }
    const [restStart, restEnd] = found;
    order = [...order.slice(0, at + head), ...order.slice(restStart, restEnd), ...order.slice(at + head, restStart), ...order.slice(restEnd)];
    current = reordered(original, order);
    from = at + head + (restEnd - restStart);
  }
  return current;
}

export interface OriginalDifference {
  /** Where in the original. */
  originalPlace: string;
  /** Where in the response's Markdown (the published text's source), if known. */
  place: Point | undefined;
  /** The original's characters around the change, and the published ones (whitespace removed). */
  expected: string;
  actual: string;
}

/**
 * Every place where the published text differs from the original (both without whitespace), as
 * a character diff (jsdiff), changes close together taken as one; at most `limit`. A hyphen
 * the published text lacks at an optional line-end hyphen is no change.
 */
export function compareWithOriginal(original: NormalisedOriginal, published: LocatedText, limit = 20): OriginalDifference[] {
  const changes = diffChars(original.text, published.text, { maxEditLength: 5000 });
  if (!changes) {
    // Too different to list: say where they part.
    const first = firstDifference({ text: original.text, places: [] }, published.text);
    return first ? [hunk(original, published, first.index, first.index + 1, first.index, first.index + 1)] : [];
  }
  const hunks: Array<[number, number, number, number]> = [];
  let o = 0;
  let p = 0;
  for (const change of changes) {
    const length = change.value.length;
    if (!change.added && !change.removed) {
      o += length;
      p += length;
      continue;
    }
    const [oStart, oEnd, pStart, pEnd] = change.removed ? [o, o + length, p, p] : [o, o, p, p + length];
    if (change.removed && length === 1 && original.text[o] === '-' && original.optionalHyphens.has(o)) {
      o += length;
      continue;
    }
    if (change.added && [...change.value].every((char) => char === bulletMark)) {
      p += length;
      continue;
    }
    const last = hunks.at(-1);
    if (last && oStart - last[1] < 4 && pStart - last[3] < 4) {
      last[1] = oEnd;
      last[3] = pEnd;
    } else hunks.push([oStart, oEnd, pStart, pEnd]);
    if (change.removed) o += length;
    else p += length;
  }
  return hunks.slice(0, limit).map(([oStart, oEnd, pStart, pEnd]) => hunk(original, published, oStart, oEnd, pStart, pEnd));
}

function hunk(original: NormalisedOriginal, published: LocatedText, oStart: number, oEnd: number, pStart: number, pEnd: number): OriginalDifference {
  const context = 4;
  return {
    originalPlace: original.places[Math.min(oStart, original.places.length - 1)] ?? 'the end',
    place: changePlace(published, pStart, pEnd),
    expected: original.text.slice(Math.max(0, oStart - context), oEnd + context).replaceAll(bulletMark, '•'),
    actual: published.text.slice(Math.max(0, pStart - context), pEnd + context).replaceAll(bulletMark, '•'),
  };
}

/**
 * Where a change stands in the Markdown: right after the last published character before it
 * (the characters Markdown consumed stand there), or at the changed character itself.
 */
function changePlace(published: LocatedText, pStart: number, pEnd: number): Point | undefined {
  const before = published.places[pStart - 1];
  const at = published.places[Math.min(pStart, published.places.length - 1)];
  if (before && (pStart === pEnd || !at || at.line === before.line)) return { line: before.line, column: before.column + 1 };
  return at;
}
