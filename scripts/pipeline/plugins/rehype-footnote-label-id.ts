/**
 * Give the footnote section's title a document-unique id.
 *
 * remark-rehype always calls it `footnote-label` (its `clobberPrefix` does not reach it), so a
 * document with responses, each with its own notes, would repeat the id and every footnote call
 * would be described by the body's title. This renames the title and the calls' references.
 */
import type { Root } from 'hast';
import { visit } from '../../model/tree-walk.ts';

const generatedId = 'footnote-label';

/** Rename the footnote title id to `options.id` and update `aria-describedby` of the calls. */
export default function rehypeFootnoteLabelId(options: { id: string }) {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
      if (node.properties.id === generatedId) node.properties.id = options.id;
      const describedBy = node.properties.ariaDescribedBy;
      if (Array.isArray(describedBy) && describedBy.includes(generatedId)) {
        node.properties.ariaDescribedBy = describedBy.map((id) => (id === generatedId ? options.id : id));
      }
    });
  };
}
