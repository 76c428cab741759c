/**
 * Redaction under the Woo: `:redact[Jan Jansen]{grond="5.1.2e"}` marks text to withhold, with
 * its legal ground (`ook="Jansen, J.J."` lists other forms to withhold, `toegestaan="Jan"`
 * parts of the name that may appear elsewhere). In a public build the text is replaced by a
 * box with one public text, "[weggelakt, 5.1.2e]": real text, so wherever the sentence travels
 * (a heading into the contents, the bookmarks, a running head, the landing page) it reads the
 * same, and the ground's description is its title; in an internal build the text stays,
 * highlighted, with its ground. Every redaction lands in `file.data.redactions` so the build can
 * prove the public output holds none of the withheld text. Alternative text is plain text, so a
 * `:redact` in it would be published as typed, name and all: an error.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';
import type { WooGround } from '../../model/woo-grounds.ts';
import { element, isDirective, text, type ElementNode } from '../directives.ts';
import { internalGroundNote, redactionLabel, redactionText } from '../redaction.ts';

const source = 'kia-redaction';

declare module 'vfile' {
  interface DataMap {
    /** Every redaction of the document: the withheld text as written, its ground and place. */
    redactions: Array<{ text: string; ground: string; position?: Position; also: string[]; allowed: string[] }>;
  }
}

export interface RedactionOptions {
  grounds: WooGround[];
  /** `public` (default): withheld text replaced; `internal`: shown, highlighted. */
  mode?: 'public' | 'internal';
}

/** Replace or highlight `:redact[…]{grond=…}`; see module comment. */
export default function remarkRedactions(options: RedactionOptions) {
  const codes = options.grounds.map((ground) => ground.code);
  return function (tree: Root, file: VFile) {
    const redactions: NonNullable<VFile['data']['redactions']> = [];
    visit(tree, 'textDirective', (node, index, parent) => {
      if (!isDirective(node, 'redact', ['textDirective']) || !parent || index === undefined) return;
      const directive = node as TextDirective;
      const withheld = toString(directive).trim();
      const code = directive.attributes?.grond?.trim();
      const ground = options.grounds.find((entry) => entry.code === code);
      if (!withheld)
        file.message('Unexpected empty redaction, expected the text to withhold: `:redact[Jan Jansen]{grond="5.1.2e"}`', {
          place: directive.position,
          source,
          ruleId: 'empty-redaction',
        }).fatal = true;
      if (!ground) {
        const guess = code ? closest(code, codes) : undefined;
        file.message(
          `Unexpected ${code ? `ground \`${code}\`` : 'redaction without `grond`'}, expected a ground of the Woo such as \`grond="5.1.2e"\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
          { place: directive.position, source, ruleId: 'invalid-redaction-ground' },
        ).fatal = true;
      }
      // `ook="Geheimnaam, P.G."`: other forms of the same person or fact, searched as well;
      // `toegestaan="Piet"`: parts of the name that may stay elsewhere in the text.
      const list = (name: string) =>
        (directive.attributes?.[name] ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
      if (withheld)
        redactions.push({ text: withheld, ground: ground?.code ?? code ?? '', position: directive.position, also: list('ook'), allowed: list('toegestaan') });
      let replacement: ElementNode;
      if (options.mode === 'internal') {
        replacement = element('mark', { className: ['redaction-internal'], dataGround: ground?.code }, [
          ...directive.children,
          element('span', { className: ['redaction-ground'] }, [text(internalGroundNote(ground?.code))]),
        ]);
      } else {
        // No trace of the text: not as content, not in an attribute, not in a title.
        replacement = element('span', { className: ['redacted'], title: ground ? redactionLabel(ground) : 'Weggelakt' }, [text(redactionText(ground?.code))]);
      }
      replacement.position = directive.position;
      parent.children[index] = replacement as never;
    });
    visit(tree, 'image', (node) => {
      // The label's directive is gone from `alt` (only its text is left): look at the source.
      const typed = String(file.value ?? '').slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      if (!/:redact\[/.test(`${typed} ${node.alt ?? ''} ${node.title ?? ''}`)) return;
      file.message(
        'Unexpected `:redact[…]` in the alternative text of an image, expected alternative text without withheld text (it is plain text: the redaction would be published as typed; describe the image without the name)',
        { place: node.position, source, ruleId: 'redaction-in-alt-text' },
      ).fatal = true;
    });
    file.data.redactions = redactions;
  };
}
