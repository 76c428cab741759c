/**
 * Give every heading a short, stable id.
 *
 * Ids never start with a digit (Paged.js builds CSS selectors from them and crashes on
 * `#1-voorbereidingen`) and stay under `maxLength` characters (longer ones become PDF
 * destination names that poppler rejects). An author's number is kept: "2.1 Geef een
 * beschrijving" becomes `h-2-1-geef-een-beschrijving`.
 */
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from '../../model/tree-walk.ts';

export interface HeadingIdOptions {
  /** Longest id to generate; default 32. */
  maxLength?: number;
}

/** Assign ids to headings that have none; existing ids are kept and reserved. */
export default function rehypeHeadingIds(options: HeadingIdOptions = {}) {
  const maxLength = options.maxLength ?? 32;
  return function (tree: Root) {
    const taken = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      if (!headingRank(node) || node.properties.id) return;
      const base = slugify(toString(node), maxLength);
      let id = base;
      for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`;
      taken.add(id);
      node.properties.id = id;
    });
  };
}

/** Lowercase ASCII words joined by `-`, cut at a word boundary, never starting with a digit. */
export function slugify(text: string, maxLength: number): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const prefix = words.length === 0 || /^[0-9]/.test(words[0]) ? ['h'] : [];
  let slug = '';
  for (const word of [...prefix, ...words]) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || 'h';
}
