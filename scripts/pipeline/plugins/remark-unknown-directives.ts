/**
 * Directives no plugin took are not ours: they are put back as the text the author typed
 * (remark-directive would otherwise swallow `TikTok:nieuw` as a directive). A block directive
 * is almost certainly a typo of one of ours, so it gets a warning with a did-you-mean.
 * Runs after every directive plugin.
 */
import type { Root, Text } from 'mdast';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';
import type { Directive } from '../directives.ts';

const source = 'kia-directives';

/** Block directives we know, for the hint (text directives: `:lang`, `:vraag`). */
export const knownBlockDirectives = [
  ':::lang',
  ':::risico',
  ':::maatregel',
  '::::afweging',
  ':::voordelen',
  ':::nadelen',
  ':::toelichting',
  '::antwoord',
  '::risico-overzicht',
];

/** Restore directives nobody handled as text; see module comment. */
export default function remarkUnknownDirectives() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (!parent || index === undefined) return;
      const directive = node as Directive;
      // Handled in place (`:::lang` keeps its node and gets an element name).
      if (directive.data?.hName) return;
      const start = directive.position?.start.offset;
      const end = directive.position?.end.offset;
      const value = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${directive.name}`;
      const text: Text = { type: 'text', value, position: directive.position };
      if (directive.type === 'textDirective') parent.children[index] = text as never;
      else {
        parent.children[index] = { type: 'paragraph', children: [text], position: directive.position } as never;
        const guess = closest(
          directive.name,
          knownBlockDirectives.map((name) => name.replace(/^:+/, '')),
        );
        const written = `${directive.type === 'leafDirective' ? '::' : ':::'}${directive.name}`;
        file.message(
          `Unexpected directive \`${written}\`, expected one of ${knownBlockDirectives.map((name) => `\`${name}\``).join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''} (shown as text)`,
          { place: directive.position, source, ruleId: 'unknown-directive' },
        );
      }
      return 'skip';
    });
  };
}
