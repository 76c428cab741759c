/**
 * Passages in another language (WCAG 3.1.2): `:lang[Safety by design]{en}` for a phrase,
 * `:::lang{en}` … `:::` for whole paragraphs. They become `<span lang="en">` and
 * `<div lang="en">`; screen readers switch pronunciation, and the PDF gets `/Lang` on the
 * passage's structure element.
 *
 * `{lang=en}` works too.
 */
import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { isLanguageTag } from '../../model/frontmatter-schema.ts';

const source = 'kia-lang';
type Directive = TextDirective | LeafDirective | ContainerDirective;

/** Turn `lang` directives into elements with `lang`. */
export default function remarkLangPassages() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directive;
      if (directive.name !== 'lang') return;
      const attributes = directive.attributes ?? {};
      const keys = Object.keys(attributes);
      const lang = attributes.lang ?? (keys.length === 1 && !attributes[keys[0]] ? keys[0] : undefined);
      const hName = directive.type === 'textDirective' ? 'span' : 'div';
      if (!lang || !isLanguageTag(lang)) {
        directive.data = { ...directive.data, hName };
        file.message(`Unexpected ${lang ? `language \`${lang}\`` : 'passage without a language'}, expected a BCP 47 tag such as \`:lang[…]{en}\``, {
          place: directive.position,
          source,
          ruleId: 'invalid-lang',
        }).fatal = true;
        return;
      }
      directive.data = { ...directive.data, hName, hProperties: { lang } };
    });
  };
}
