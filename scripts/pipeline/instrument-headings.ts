/**
 * Where a KIA's text stands in the instrument: the number of a chapter or question heading, and
 * the question each top-level node belongs to. Shared by the instrument plugins.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Instrument } from '../model/instrument.ts';

/** A heading's instrument number: `3` for a chapter, `3.5` for a question, or undefined. */
export function headingNumber(heading: Heading): { chapter: number; question?: string } | undefined {
  const match = /^\s*(\d+)(?:\.(\d+))?\.?(?=\s|$)/.exec(toString(heading));
  if (!match) return undefined;
  return { chapter: Number(match[1]), question: match[2] ? `${Number(match[1])}.${Number(match[2])}` : undefined };
}

/** The question each top-level node of a KIA belongs to (by the last question heading before it). */
export function questionsByNode(tree: Root, instrument: Instrument): Map<RootContent, string> {
  const known = new Set(instrument.questions.map((question) => question.number));
  const result = new Map<RootContent, string>();
  let current: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      const number = headingNumber(node);
      current = node.depth === 3 && number?.question && known.has(number.question) ? number.question : undefined;
    }
    if (current) result.set(node, current);
  }
  return result;
}
