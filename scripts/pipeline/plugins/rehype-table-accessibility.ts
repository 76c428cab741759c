/**
 * Make GFM tables accessible: header cells get `scope`, and a paragraph directly before a
 * table that starts with `Tabel` and a colon (`Tabel 3: Risico's per categorie`) becomes
 * its `<caption>`.
 *
 * The caption is kept as written: authors number their tables, we never renumber.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from '../../model/tree-walk.ts';

import { captionPattern } from '../tables.ts';

/** Add `scope` to header cells and turn a `Tabel …:` paragraph into the table caption. */
export default function rehypeTableAccessibility() {
  return function (tree: Root) {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table') return;
      addScopes(node);
      // A table that already has a caption (the generated ones) keeps it.
      if (!parent || index === undefined || node.children.some((child) => child.type === 'element' && child.tagName === 'caption')) return;
      let previousIndex = index - 1;
      while (previousIndex >= 0 && isWhitespace(parent.children[previousIndex])) previousIndex--;
      const previous = parent.children[previousIndex];
      if (!previous || previous.type !== 'element' || previous.tagName !== 'p') return;
      const match = captionPattern.exec(toString(previous));
      if (!match) return;
      node.children.unshift({
        type: 'element',
        tagName: 'caption',
        properties: {},
        children: stripPrefix(previous.children, match[1] ? 0 : match[0].length),
        position: previous.position,
      });
      parent.children.splice(previousIndex, index - previousIndex);
      return index - (index - previousIndex);
    });
  };
}

function addScopes(table: Element) {
  visit(table, 'element', (cell, _index, row) => {
    if (cell.tagName !== 'th' || !row || row.type !== 'element') return;
    const inHead = (table.children.find((child) => child.type === 'element' && child.tagName === 'thead') as Element | undefined)?.children.includes(row);
    cell.properties.scope = inHead ? 'col' : 'row';
  });
}

/** Drop the leading `Tabel:` (only when unnumbered) from the caption's inline content. */
function stripPrefix(children: ElementContent[], length: number): ElementContent[] {
  const copy = structuredClone(children);
  let remaining = length;
  while (remaining > 0 && copy.length > 0) {
    const first = copy[0];
    if (first.type !== 'text') break;
    if (first.value.length <= remaining) {
      remaining -= first.value.length;
      copy.shift();
    } else {
      first.value = first.value.slice(remaining);
      remaining = 0;
    }
  }
  return copy;
}

function isWhitespace(node: unknown): boolean {
  return typeof node === 'object' && node !== null && (node as { type: string }).type === 'text' && /^\s*$/.test((node as { value: string }).value);
}
