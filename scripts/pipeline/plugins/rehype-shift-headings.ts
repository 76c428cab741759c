/**
 * Shift heading ranks, so a response's `##` sits below the response title (an `<h3>`).
 */
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from '../../model/tree-walk.ts';

/** Move every heading down by `shift` ranks (capped at `<h6>`). */
export default function rehypeShiftHeadings(options: { shift: number }) {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
      const rank = headingRank(node);
      if (rank) node.tagName = `h${Math.min(6, rank + options.shift)}`;
    });
  };
}
