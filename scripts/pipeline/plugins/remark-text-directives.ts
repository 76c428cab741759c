/**
 * Syntax: text directives only (`:name[label]{attributes}` inside a paragraph), without the
 * leaf (`::name`) and container (`:::name`) forms of remark-directive.
 *
 * Used for stakeholder responses: the one construct an editor may add there is the inline
 * `:redact[…]{grond=…}`; a line starting with `::` in a platform's reply stays its text.
 */
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';

/** Register the text-directive construct with the parser; see module comment. */
export default function remarkTextDirectives(this: Processor) {
  const data = this.data();
  // Only the text part of the micromark extension: no flow constructs.
  (data.micromarkExtensions ??= []).push({ text: directive().text });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}
