/**
 * References to questions of the instrument: `:vraag[3.5]` becomes a link "vraag 3.5" to the
 * question's heading (`#vraag-3-5`). A number the instrument does not have is an error; a
 * question missing from the document is caught by the anchor check.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';
import { questionId, type Instrument } from '../../model/instrument.ts';
import { isDirective, labelOf } from '../directives.ts';

const source = 'kia-instrument';

export interface QuestionReferenceOptions {
  instrument: Instrument;
}

/** Turn `:vraag[3.5]` into a link to the question; see module comment. */
export default function remarkQuestionReferences(options: QuestionReferenceOptions) {
  const numbers = options.instrument.questions.map((question) => question.number);
  return function (tree: Root, file: VFile) {
    visit(tree, 'textDirective', (node, index, parent) => {
      if (!isDirective(node, 'vraag', ['textDirective']) || !parent || index === undefined) return;
      const directive = node as TextDirective;
      const number = labelOf(directive)?.text ?? '';
      if (!numbers.includes(number)) {
        const guess = closest(number, numbers);
        file.message(
          `Unexpected question reference \`${number}\`, expected a question number of the instrument such as \`:vraag[3.5]\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
          { place: directive.position, source, ruleId: 'unknown-question-reference' },
        ).fatal = true;
      }
      parent.children[index] = {
        type: 'link',
        url: `#${questionId(number)}`,
        children: [{ type: 'text', value: `vraag ${number}` }],
        position: directive.position,
      };
    });
  };
}
