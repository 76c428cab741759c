/**
 * Print variant: Chromium gives a `<span lang>` no structure element of its own, so its
 * language never reaches the PDF. An `<em lang>` does get one (with `/Lang`); the print
 * stylesheet keeps it upright, and the PDF finishing step renames those `Em` to `Span`.
 * A `<div lang>` loses its language too, so it moves onto each block inside it, through
 * sections and divs (paragraphs, headings, quotes and lists keep theirs).
 */
import type { Root } from 'hast';
import { visit } from '../../model/tree-walk.ts';

/** Turn `span[lang]` into `em.lang-passage[lang]`; give the blocks in a `div[lang]` its language. */
export default function rehypePrintLangPassages() {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
      const lang = node.properties.lang;
      if (typeof lang !== 'string') return;
      if (node.tagName === 'span') {
        node.tagName = 'em';
        node.properties.className = ['lang-passage'];
      } else if (node.tagName === 'div') {
        // A section (a response's notes) gets no language of its own either: on to its blocks.
        const give = (children: typeof node.children) => {
          for (const child of children) {
            if (child.type !== 'element' || child.properties.lang !== undefined) continue;
            if (child.tagName === 'section' || child.tagName === 'div') give(child.children);
            else child.properties.lang = lang;
          }
        };
        give(node.children);
        // Chromium writes /Lang only where the language changes, so the div must not have it.
        delete node.properties.lang;
      }
    });
  };
}
