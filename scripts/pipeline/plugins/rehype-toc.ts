/**
 * Fill the table of contents (`nav#inhoudsopgave`) from the `<h2>` and `<h3>` headings in
 * `main`, skipping footnote sections. Runs after rehype-heading-ids, so every entry links.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from '../../model/tree-walk.ts';
import { mainId, tocId } from '../page-ids.ts';

/** Build a nested list of links to the `<h2>`/`<h3>` headings of `main`. */
export default function rehypeToc() {
  return function (tree: Root) {
    let nav: Element | undefined;
    let main: Element | undefined;
    visit(tree, 'element', (node) => {
      if (node.properties.id === tocId) nav = node;
      if (node.properties.id === mainId) main = node;
    });
    if (!nav || !main) return;

    const top: Element[] = [];
    let current: { item: Element; sub?: Element } | undefined;
    visit(main, 'element', (node) => {
      if (node.properties.dataFootnotes !== undefined) return SKIP;
      const rank = headingRank(node);
      if (rank !== 2 && rank !== 3) return;
      const link = h('li', [h('a', { href: `#${String(node.properties.id)}` }, toString(node))]);
      if (rank === 2 || !current) {
        current = { item: link };
        top.push(link);
      } else {
        if (!current.sub) {
          current.sub = h('ol');
          current.item.children.push(current.sub);
        }
        current.sub.children.push(link);
      }
      return SKIP;
    });
    if (top.length > 0) nav.children.push(h('ol', top));
  };
}
