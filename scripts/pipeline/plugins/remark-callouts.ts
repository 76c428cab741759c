/**
 * Callouts: `:::toelichting` … `:::` (or `:::toelichting[Uit de handleiding]`) becomes a note
 * (`role="note"`) with a visible title, set apart on screen and in print. Authors use it for the
 * instrument's "Meer toelichting … in de handleiding" remarks. `:::kader[Titel]` is the boxed
 * passage with a heading that letters use (seed 004: "Uit de Jongerenraad Digitalisering"); its
 * title is required.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { element, isDirective, labelOf, splitLabel, text, visitBlocks } from '../directives.ts';

/** Turn `:::toelichting` blocks into notes; see module comment. */
export default function remarkCallouts() {
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (node, index, parent) => {
      const boxed = isDirective(node, 'kader');
      if (!boxed && !isDirective(node, 'toelichting')) return;
      const directive = node as ContainerDirective;
      const label = labelOf(directive);
      if (boxed && !label) {
        const message = file.message('Unexpected `:::kader` without a title, expected `:::kader[Titel]`', {
          place: directive.position,
          source: 'kia-press',
          ruleId: 'box-without-title',
        });
        message.fatal = true;
      }
      const title = element('p', { className: ['callout-title'] }, [element('strong', {}, label ? label.children : [text(boxed ? 'Kader' : 'Toelichting')])]);
      const note = element('div', { className: boxed ? ['callout', 'callout-box'] : ['callout'], role: 'note' }, [title, ...splitLabel(directive).content]);
      note.position = directive.position;
      parent.children[index] = note as never;
    });
  };
}
