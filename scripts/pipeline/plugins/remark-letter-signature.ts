/**
 * One signature per letter. A Kamerbrief's closing and signature come from `letter.closing` and
 * `letter.signature` and are printed at the end; an author who also typed them as the last
 * paragraphs of the text would get them twice. Those trailing paragraphs, when they are exactly
 * the closing, the signatory's name or office, are taken out with a warning at their place.
 */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { comparableName } from '../../model/text-normalisation.ts';

const source = 'kia-letter';

/** Take a typed copy of the letter's closing and signature out of its text; see module comment. */
export default function remarkLetterSignature() {
  return function (tree: Root, file: VFile) {
    const matter = file.data.matter;
    if (matter?.type !== 'brief') return;
    const letter = matter.letter ?? {};
    const lines = [letter.closing, letter.signature?.name, letter.signature?.function].filter((line): line is string => Boolean(line)).map(comparableName);
    if (lines.length === 0) return;
    // The text's last paragraphs (footnote definitions may follow them), each made of signature lines only.
    let index = tree.children.length - 1;
    while (index >= 0 && tree.children[index].type === 'footnoteDefinition') index--;
    const typed: number[] = [];
    for (; index >= 0; index--) {
      const node = tree.children[index];
      if (node.type !== 'paragraph') break;
      const parts = toString(node as Paragraph)
        .split('\n')
        .map(comparableName)
        .filter(Boolean);
      if (parts.length === 0 || !parts.every((part) => lines.includes(part))) break;
      typed.unshift(index);
    }
    if (typed.length === 0) return;
    const first = tree.children[typed[0]];
    file.message(
      'Unexpected closing or signature typed at the end of the text, expected it only in `letter.closing` and `letter.signature` (printed once, after the text); the typed copy is left out',
      { place: first.position, source, ruleId: 'signature-in-text' },
    );
    tree.children.splice(typed[0], typed.length);
  };
}
