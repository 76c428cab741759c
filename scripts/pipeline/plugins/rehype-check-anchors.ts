/**
 * Every link within the document (`[zie bijlage A](#bijlage-a)`) must reach an element with
 * that id: a broken one is an error at the link. Runs after heading ids and the table of
 * contents exist. Links inside stakeholder responses are theirs, verbatim, and not checked.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';

export default function rehypeCheckAnchors() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    let example: string | undefined;
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id !== 'string') return;
      ids.add(node.properties.id);
      if (!example && /^h[2-6]$/.test(node.tagName) && !node.properties.id.startsWith('inhoudsopgave'))
        example = ` (headings get ids from their text: “${toString(node)}” is \`#${node.properties.id}\`)`;
    });
    visit(tree, 'element', (node: Element) => {
      if (Array.isArray(node.properties.className) && node.properties.className.includes('responses')) return SKIP;
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string' || !node.properties.href.startsWith('#') || !node.position) return;
      let target: string;
      try {
        target = decodeURIComponent(node.properties.href.slice(1));
      } catch {
        target = node.properties.href.slice(1);
      }
      if (ids.has(target)) return;
      // A typo, or the heading text without the `h-` prefix ids get when they start with a digit.
      const near = [closest(target, [...ids]), ...[...ids].filter((id) => target.length >= 3 && id.endsWith(`-${target}`))]
        .filter((id, index, all): id is string => Boolean(id) && all.indexOf(id) === index)
        .slice(0, 3);
      file.message(
        `Unexpected link to \`#${target}\` that is not in this document, expected the id of a heading or element${near.length > 0 ? ` (did you mean ${near.map((id) => `\`#${id}\``).join(', ')}?)` : (example ?? '')}`,
        {
          place: node.position,
          source: 'kia-links',
          ruleId: 'missing-anchor',
        },
      ).fatal = true;
    });
  };
}
