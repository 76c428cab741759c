/**
 * Show raw HTML as text instead of interpreting it.
 *
 * Used for stakeholder responses: a `<b>` or `<script>` in a platform's reply is part of what
 * they wrote and must appear character for character, never be rendered or dropped.
 */
import type { Root, Text } from 'mdast';
import { visit } from '../../model/tree-walk.ts';

/** Replace every `html` node with a `text` node holding the same characters. */
export default function remarkRawHtmlAsText() {
  return function (tree: Root) {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: node.value, position: node.position };
      if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' || parent.type === 'footnoteDefinition') {
        // Block-level HTML: wrap in a paragraph so it stays a block.
        parent.children[index] = { type: 'paragraph', children: [text], position: node.position } as never;
      } else {
        parent.children[index] = text as never;
      }
    });
  };
}
