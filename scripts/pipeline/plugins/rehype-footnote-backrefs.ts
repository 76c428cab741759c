/**
 * Make the footnote back links' accessible name contain what they show (WCAG 2.5.3, Label in
 * Name): GFM gives them a visible "↩" and an unrelated `aria-label`. Here the arrow is hidden
 * from assistive technology and the label becomes visually hidden text.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../../model/tree-walk.ts';

/** Replace `aria-label` on back links by visually hidden text. */
export default function rehypeFootnoteBackrefs() {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
      if (node.properties.dataFootnoteBackref === undefined || typeof node.properties.ariaLabel !== 'string') return;
      const label = node.properties.ariaLabel;
      delete node.properties.ariaLabel;
      node.children = [h('span', { ariaHidden: 'true' }, node.children), h('span.visually-hidden', label)];
    });
  };
}
