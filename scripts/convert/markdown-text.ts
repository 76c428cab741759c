/**
 * What the readers of received files share when they write Markdown: how lines join, footnote
 * calls inside text, and the Markdown writer's settings (Markdown's own characters in the text
 * are escaped, so the pipeline reads back the text as received).
 */
import type { PhrasingContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';

export const markdownOptions: ToMarkdownOptions = { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*' };

/** Stands for a footnote call inside text until the text becomes Markdown phrasing (private-use characters: no received text has them). */
export const callMark = (label: string) => `\u{F0000}${label}\u{F0001}`;
const calls = /\u{F0000}(.*?)\u{F0001}/gu;

/** Text with footnote calls (`callMark`) as Markdown phrasing: text and footnote references. */
export function phrasing(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let at = 0;
  for (const match of text.matchAll(calls)) {
    if (match.index > at) nodes.push({ type: 'text', value: text.slice(at, match.index) });
    nodes.push({ type: 'footnoteReference', identifier: match[1], label: match[1] });
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) });
  return nodes;
}

/** The median of values weighted by how much text has them. */
export function weightedMedian(values: Array<{ size: number; weight: number }>): number {
  const sorted = [...values].sort((a, b) => a.size - b.size);
  const half = sorted.reduce((sum, value) => sum + value.weight, 0) / 2;
  let seen = 0;
  for (const value of sorted) {
    seen += value.weight;
    if (seen >= half) return value.size;
  }
  return 0;
}

/**
 * Two lines as one text: a hyphen at the end of the first before a lower-case letter is taken as
 * hyphenation and dropped (as the proof's reader of a PDF may), else a space between them unless
 * one is already there.
 */
export function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return before && !/\s$/.test(before) && !/^\s/.test(after) ? `${before} ${after}` : before + after;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
