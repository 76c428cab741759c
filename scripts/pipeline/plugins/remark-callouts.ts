/**
 * Guidance callouts: `:::toelichting` … `:::` (or `:::toelichting[Uit de handleiding]`)
 * becomes a note (`role="note"`) with a visible title, set apart on screen and in print.
 * Authors use it for the instrument's "Meer toelichting … in de handleiding" remarks.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { element, isDirective, labelOf, splitLabel, text, visitBlocks } from '../directives.ts';

/** Turn `:::toelichting` blocks into notes; see module comment. */
export default function remarkCallouts() {
  return function (tree: Root) {
    visitBlocks(tree, (node, index, parent) => {
      if (!isDirective(node, 'toelichting')) return;
      const directive = node as ContainerDirective;
      const label = labelOf(directive);
      const note = element('div', { className: ['callout'], role: 'note' }, [element('p', { className: ['callout-title'] }, [element('strong', {}, label ? label.children : [text('Toelichting')])]), ...splitLabel(directive).content]);
      note.position = directive.position;
      parent.children[index] = note as never;
    });
  };
}
