/**
 * Print variant: reserve room for the page numbers in the table of contents. Each entry gets a
 * `span.page-number` holding a placeholder as wide as a three-digit number; the renderer writes
 * the real number into it after layout. (Paged.js fills `target-counter()` only after laying
 * out the page, so numbers that make an entry wrap would push the last entries off the page.)
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../../model/tree-walk.ts';
import { tocId } from '../page-ids.ts';

export const pageNumberPlaceholder = '000';

/** Append a page-number placeholder to every link in the table of contents. */
export default function rehypePrintTocPageNumbers() {
  return function (tree: Root) {
    visit(tree, 'element', (nav) => {
      if (nav.properties.id !== tocId) return;
      visit(nav, 'element', (link) => {
        if (link.tagName === 'a') link.children.push(h('span.page-number', pageNumberPlaceholder));
      });
      return 'skip';
    });
  };
}
