/**
 * Pre-scan answers (questions 1.1–1.3): `::antwoord[ja]` or `::antwoord[nee]` on its own line
 * becomes "Antwoord: Ja" with the answer in bold. Anything else is an error; an answer under a
 * question that is not a yes/no question of the instrument is a warning.
 */
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { Instrument } from '../../model/instrument.ts';
import { capitalise, element, isDirective, labelOf, text, visitBlocks } from '../directives.ts';
import { questionsByNode } from '../instrument-headings.ts';

const source = 'kia-prescan';

export interface PrescanOptions {
  instrument: Instrument;
}

/** Turn `::antwoord[…]` lines into answers; see module comment. */
export default function remarkPrescanAnswers(options: PrescanOptions) {
  const { instrument } = options;
  const yesNo = instrument.questions.filter((question) => question.answer === 'ja-nee').map((question) => question.number);
  return function (tree: Root, file: VFile) {
    const questionOf = questionsByNode(tree, instrument);
    visitBlocks(tree, (node, index, parent) => {
      if (!isDirective(node, 'antwoord', ['leafDirective'])) return;
      const directive = node as LeafDirective;
      const given = labelOf(directive)?.text ?? '';
      const answer = given.toLowerCase();
      if (answer !== 'ja' && answer !== 'nee') {
        file.message(`Unexpected answer \`${given}\`, expected \`::antwoord[ja]\` or \`::antwoord[nee]\``, {
          place: directive.position,
          source,
          ruleId: 'invalid-answer',
        }).fatal = true;
      }
      const question = parent.type === 'root' ? questionOf.get(directive as never) : undefined;
      if (file.data.matter?.type === 'kia' && (!question || !yesNo.includes(question))) {
        file.message(`Unexpected yes/no answer${question ? ` under question ${question}` : ''}, expected it under ${yesNo.join(', ')}`, {
          place: directive.position,
          source,
          ruleId: 'answer-outside-prescan',
        });
      }
      const paragraph = element('p', { className: ['prescan-answer'] }, [text('Antwoord: '), element('strong', {}, [text(capitalise(answer || '—'))])]);
      paragraph.position = directive.position;
      parent.children[index] = paragraph as never;
    });
  };
}
