/**
 * The search behind the redaction proof: does a text hold withheld text in a form a reader would
 * recognise? Pure functions, no I/O, so they are tested without a browser.
 *
 * Both sides are folded the same way, one code point at a time: Unicode compatibility
 * decomposition (NFKD, so ligatures and full-width letters become plain ones), diacritics removed
 * (a redacted "Özil" is also found as "Ozil"), lower case with `ß` as `ss`, and invisible
 * characters dropped (soft hyphen, zero-width space/joiner/non-joiner, word joiner, byte-order
 * mark). Line breaks stay where they are, so a find keeps its line number.
 *
 * A needle is split into runs of letters and digits. Between two runs the haystack may have any
 * separator: nothing, whitespace and line breaks, or punctuation (`piet-geheimnaam` as an id or
 * a file name, `P.G.` as `P. G.`). Within a run a line-end hyphen may split it
 * (`Geheim-⏎naam` in PDF text). A find must start and end at a word boundary: a redacted "Jan"
 * is not found in "Janssen" or "januari".
 */

const invisible = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e']);
const foldCache = new Map<string, string>();

/** The folded form of one code point (see module comment). */
function foldCodePoint(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char.toLowerCase();
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = invisible.has(char) ? '' : char.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
    // NFKD turns a no-break space into a space; keep every other whitespace kind as it is.
    if (foldCache.size < 10_000) foldCache.set(char, folded);
  }
  return folded;
}

/** Fold `text` for searching; line breaks are kept one for one. */
export function foldText(text: string): string {
  // Only upper-case ASCII and non-ASCII need work; the rest is copied as is (fast on large files).
  return text.replace(/[A-Z]|[^\x00-\x7f]/gu, foldCodePoint);
}

/** The index in `text` of the character that became `folded[foldedIndex]`. */
export function originalIndex(text: string, foldedIndex: number): number {
  let length = 0;
  let index = 0;
  for (const char of text) {
    const next = length + foldCodePoint(char).length;
    if (next > foldedIndex) return index;
    length = next;
    index += char.length;
  }
  return text.length;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Latin letters and digits: what a word boundary is made of (other scripts around a match in decoded bytes are noise). */
const wordChar = '[\\p{Script=Latin}\\p{N}]';
/** Between two runs of a needle: up to five pieces of whitespace or the punctuation that joins or splits names. */
const separator = "(?:\\s+|[-\u2010\u2011\u2013\u2014_.,:;/\u00b7'\u2019]){0,5}";
/** In bytes (decompressed PDF streams, binary files): only ASCII spaces, hyphens, points. */
const byteSeparator = '[ \\t\\r\\n\\-_.]{0,3}';
/** Needles shorter than this (in letters and digits) are not looked for in bytes: "P.G." occurs in any font program. */
export const minimumBytesNeedle = 4;
/** Inside a run: a hyphen at a line end (PDF text of a hyphenated word). */
const lineEndHyphen = '(?:[-\u2010]\\s*\\n\\s*)?';

/** The runs of letters and digits of `needle`, folded. */
export function needleWords(needle: string): string[] {
  return foldText(needle).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A pattern that finds `needle` in folded text (see module comment); undefined when it has no
 * letters or digits. `bytes`: for text decoded from binary data, where any byte can be a letter,
 * with strict separators and no short needles.
 */
export function leakPattern(needle: string, options: { bytes?: boolean } = {}): RegExp | undefined {
  const words = needleWords(needle);
  if (words.length === 0) return undefined;
  if (options.bytes && words.join('').length < minimumBytesNeedle) return undefined;
  const body = words.map((word) => [...word].map(escape).join(lineEndHyphen)).join(options.bytes ? byteSeparator : separator);
  return new RegExp(`(?<!${wordChar})${body}(?!${wordChar})`, 'gu');
}

export interface Find {
  /** Index in the original (unfolded) text, and the index after the find. */
  index: number;
  end: number;
  /** 1-based line and column in the original text. */
  line: number;
  column: number;
  /** The text found, as written there. */
  found: string;
}

/** A text folded once, searched for many needles. */
export interface Haystack {
  text: string;
  folded: string;
}

/** Prepare `text` for `findAll`. */
export function haystack(text: string): Haystack {
  return { text, folded: foldText(text) };
}

/** Every place `pattern` (from `leakPattern`) matches in `hay`, with its line and the text as written. */
export function findAll(hay: Haystack, pattern: RegExp, limit = 20): Find[] {
  const finds: Find[] = [];
  pattern.lastIndex = 0;
  for (const match of hay.folded.matchAll(pattern)) {
    const start = originalIndex(hay.text, match.index);
    const end = originalIndex(hay.text, match.index + match[0].length);
    const before = hay.text.slice(0, start);
    const line = before.split('\n').length;
    finds.push({ index: start, end, line, column: start - before.lastIndexOf('\n'), found: hay.text.slice(start, end).replace(/\s+/g, ' ') });
    if (finds.length >= limit) break;
  }
  return finds;
}

/**
 * The capitalised words of four or more letters in a redacted text: the parts of a name that
 * identify a person on their own ("Geheimnaam" of "Piet Geheimnaam").
 */
export function nameParts(withheld: string): string[] {
  const words = withheld.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [];
  return [
    ...new Set(
      words.map((word) => word.replace(/['’-]+$/u, '')).filter((word) => [...word.replace(/\p{M}/gu, '')].filter((char) => /\p{L}/u.test(char)).length >= 4),
    ),
  ];
}
