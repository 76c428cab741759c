/**
 * Every way kia-press compares texts, in one place, each named for what it ignores. Which one a
 * comparison uses follows from what may differ between its two sides without a reader seeing a
 * change:
 *
 * - `collapseWhitespace`: labels and titles shown to people (line breaks in source or layout).
 * - `withoutWhitespace`: text through the PDF's outline, whose titles Chromium breaks anywhere.
 * - `withoutInvisibles` / `isInvisibleInComparison`: the verbatim proof and the PDF's structure
 *   against the HTML: whitespace and soft hyphens (invisible unless at a line break); every
 *   other character counts.
 * - `withoutLineBreaking`: whether a block of text reached the PDF at all: also hyphens, which
 *   Paged.js adds and removes at line ends.
 * - `expandLigatures`: a received PDF's text layer, which holds ﬁ for "fi".
 * - `comparableName`: a name typed in a letter against the frontmatter (case and spacing).
 *
 * The redaction proof folds much further (case, diacritics, compatibility forms, every
 * invisible character): check/leak-search.ts, because a leak may hide in any of those.
 */

const invisible = /[\s\u00ad]/u;
const invisibles = /[\s\u00ad]+/gu;
const lineBreaking = /[\s\u00ad\-\u2010\u2011]+/gu;

/** Runs of whitespace as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** All whitespace removed. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** True for a character the verbatim comparisons skip: whitespace or a soft hyphen. */
export function isInvisibleInComparison(char: string): boolean {
  return invisible.test(char);
}

/** Whitespace and soft hyphens removed. */
export function withoutInvisibles(text: string): string {
  return text.replace(invisibles, '');
}

/** Whitespace, soft hyphens and hyphens removed: what line breaking may add or take away. */
export function withoutLineBreaking(text: string): string {
  return text.replace(lineBreaking, '');
}

/** The Latin ligatures U+FB00–FB06 as their letters. */
export function expandLigatures(text: string): string {
  return text.replace(/[\ufb00-\ufb06]/gu, (ligature) => ligature.normalize('NFKC'));
}

/** A name or line as typed, for comparing with the frontmatter: spacing collapsed, lower case. */
export function comparableName(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}
