/**
 * The weighing of question 5.3: advantages and disadvantages side by side,
 *
 *     ::::afweging
 *     :::voordelen[Voordelen voor het kinderwelzijn]
 *     - Oefenruimte voor communicatie (zie :vraag[2.8])
 *     :::
 *     :::nadelen
 *     - Ongewenst contact (zie :vraag[3.3])
 *     :::
 *     ::::
 *
 * It becomes a group of two columns with their own headings (`Voordelen`, `Nadelen`, or the
 * label given), so it reads in order for screen readers and in the PDF, and never as a table
 * row taller than a page (Paged.js loses text there).
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { element, isDirective, labelOf, splitLabel, text, visitBlocks, type ElementNode } from '../directives.ts';

const source = 'kia-weighing';
const sides = { voordelen: 'Voordelen', nadelen: 'Nadelen' } as const;

/** Turn `::::afweging` blocks into a two-column group; see module comment. */
export default function remarkWeighing() {
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (node, index, parent) => {
      if (!isDirective(node, 'afweging')) return;
      const directive = node as ContainerDirective;
      const columns: Record<keyof typeof sides, ElementNode[]> = { voordelen: [], nadelen: [] };
      for (const child of splitLabel(directive).content) {
        const side = child.type === 'containerDirective' && (child.name === 'voordelen' || child.name === 'nadelen') ? child.name : undefined;
        if (!side) {
          file.message('Unexpected content directly in `::::afweging`, expected it inside `:::voordelen` or `:::nadelen`', {
            place: child.position,
            source,
            ruleId: 'weighing-content',
          }).fatal = true;
          continue;
        }
        const block = child as ContainerDirective;
        const label = labelOf(block);
        columns[side].push(
          element('section', { className: ['weighing-part'] }, [element('h4', {}, label ? label.children : [text(sides[side])]), ...splitLabel(block).content]),
        );
      }
      for (const side of Object.keys(sides) as Array<keyof typeof sides>) {
        if (columns[side].length === 0)
          file.message(`Unexpected weighing without \`:::${side}\`, expected both advantages and disadvantages`, {
            place: directive.position,
            source,
            ruleId: 'weighing-side-missing',
          }).fatal = true;
      }
      const label = labelOf(directive);
      const group = element('div', { className: ['weighing'], role: 'group', ariaLabel: label?.text ?? 'Afweging van voordelen en nadelen' }, [
        element('div', { className: ['weighing-column', 'weighing-voordelen'] }, columns.voordelen),
        element('div', { className: ['weighing-column', 'weighing-nadelen'] }, columns.nadelen),
      ]);
      group.position = directive.position;
      parent.children[index] = group as never;
    });
  };
}
