/**
 * Check footnote references against definitions.
 *
 * GFM leaves a reference without a definition as literal text (`[^bron]`), so a forgotten
 * definition would silently print brackets in a parliamentary document: that is an error.
 * A definition that nothing references is never shown, which is a warning. A second
 * definition with the same label is silently dropped by GFM: an error, naming the first.
 */
import type { Root, Text } from 'mdast';
import type { Point } from 'unist';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

const source = 'kia-footnotes';

/** Report undefined footnote references and duplicate definitions (errors) and unused definitions (warnings). */
export default function remarkFootnoteReferences() {
  return function (tree: Root, file: VFile) {
    const referenced = new Set<string>();
    visit(tree, 'footnoteReference', (node) => {
      referenced.add(node.identifier);
    });
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start;
      if (!start) return;
      for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        file.message(`Unexpected footnote reference \`[^${match[1]}]\` without definition, expected a line \`[^${match[1]}]: …\``, {
          place: advance(start, node.value.slice(0, match.index)),
          source,
          ruleId: 'undefined-footnote',
        }).fatal = true;
      }
    });
    const defined = new Map<string, Point | undefined>();
    visit(tree, 'footnoteDefinition', (node) => {
      const first = defined.get(node.identifier);
      if (defined.has(node.identifier)) {
        file.message(
          `Unexpected second definition of footnote \`[^${node.label ?? node.identifier}]\` (first at ${first ? `${first.line}:${first.column}` : 'an earlier line'}), expected one definition per label`,
          {
            place: node.position,
            source,
            ruleId: 'duplicate-footnote',
          },
        ).fatal = true;
        return;
      }
      defined.set(node.identifier, node.position?.start);
      if (referenced.has(node.identifier)) return;
      file.message(`Unexpected unused footnote definition \`[^${node.label ?? node.identifier}]\`, expected a reference to it in the text`, {
        place: node.position,
        source,
        ruleId: 'unused-footnote',
      });
    });
  };
}

/** The point reached after reading `text` from `start` (text nodes can span lines). */
export function advance(start: Point, text: string): Point {
  const lines = text.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + text.length };
  return { line: start.line + lines.length - 1, column: lines[lines.length - 1].length + 1 };
}
