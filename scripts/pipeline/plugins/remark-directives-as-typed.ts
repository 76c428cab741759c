/**
 * Turn every text directive not named in `keep` back into the characters that were typed.
 *
 * Used for stakeholder responses, which are parsed with text directives only so that an editor
 * can mark a redaction: anything else that happens to look like a directive in a platform's
 * reply (`zie bijlage:A[1]`) is their text and must appear exactly as written.
 */
import type { Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

/** The source characters of a directive (empty when the node has no offsets). */
export function typedDirective(node: TextDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** Replace text directives not in `options.keep` with a text node of their source. */
export default function remarkDirectivesAsTyped(options: { keep: string[] }) {
  return function (tree: Root, file: VFile) {
    const source = String(file.value);
    visit(tree, 'textDirective', (node, index, parent) => {
      if (options.keep.includes(node.name) || !parent || index === undefined) return;
      // A kept directive inside one that becomes text would become text too: a redaction
      // inside `:x[…]` would publish what it should withhold.
      visit(node, 'textDirective', (inner) => {
        if (inner === node || !options.keep.includes(inner.name)) return;
        file.message(
          `Unexpected \`:${inner.name}[…]\` inside \`:${node.name}[…]\`, which stays text in a response, expected it outside (escape the colon as \`\\:${node.name}\` to keep \`:${node.name}\` as text)`,
          {
            place: inner.position,
            source: 'kia-responses',
            ruleId: 'directive-inside-text',
          },
        ).fatal = true;
      });
      const text: Text = { type: 'text', value: typedDirective(node, source), position: node.position };
      parent.children[index] = text;
    });
  };
}
