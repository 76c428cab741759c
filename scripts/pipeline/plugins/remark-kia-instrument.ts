/**
 * Check a KIA's body against the instrument: every chapter (`## 3 Risico's`) and question
 * (`### 3.5 Geavanceerde technologierisico's`) heading present once, in order, with its number.
 * Chapters and questions get stable ids (`hoofdstuk-3`, `vraag-3-5`) that authors link to.
 *
 * Only `type: kia` documents are checked. A missing question is an error in a `definitief`
 * document and a warning in a `concept`. Numbered headings in chapters the instrument does not
 * have (`## 6 Bijlagen`, `### 6.1 …`) are not questions and are left alone.
 */
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { chapterId, questionId, type Instrument } from '../../model/instrument.ts';
import { headingNumber } from '../instrument-headings.ts';

const source = 'kia-instrument';

export interface InstrumentOptions {
  instrument: Instrument;
}

/** Check chapter and question headings of `type: kia` documents and give them stable ids. */
export default function remarkKiaInstrument(options: InstrumentOptions) {
  const { instrument } = options;
  const chapters = new Map(instrument.chapters.map((chapter) => [chapter.number, chapter]));
  // One sequence of chapters and questions, in instrument order.
  const sequence = instrument.chapters.flatMap((chapter) => [String(chapter.number), ...chapter.questions.map((question) => question.number)]);
  const order = new Map(sequence.map((key, index) => [key, index]));
  return function (tree: Root, file: VFile) {
    const matter = file.data.matter;
    if (matter?.type !== 'kia') return;
    const found = new Map<string, Heading>();
    let previous: { key: string; index: number } | undefined;
    const firstAfter = new Map<string, Heading>();
    for (const node of tree.children) {
      if (node.type !== 'heading') continue;
      const number = headingNumber(node);
      if (!number || !chapters.has(number.chapter)) continue;
      const key = number.question ?? String(number.chapter);
      const label = number.question ? `question ${key}` : `chapter ${key}`;
      const expectedDepth = number.question ? 3 : 2;
      if (node.depth !== expectedDepth) {
        if (node.depth === 2 || node.depth === 3) {
          file.message(`Unexpected heading level ${node.depth} for ${label}, expected \`${'#'.repeat(expectedDepth)} ${key} …\``, {
            place: node.position,
            source,
            ruleId: 'question-heading-level',
          }).fatal = true;
          // Reported once: it is there, at the wrong level, not missing too.
          if (order.has(key) && !found.has(key)) found.set(key, node);
        }
        continue;
      }
      const index = order.get(key);
      if (index === undefined) {
        const chapter = chapters.get(number.chapter)!;
        const numbers = chapter.questions.map((question) => question.number);
        file.message(
          `Unexpected question number ${key}, expected one of the instrument's questions in chapter ${chapter.number} (${numbers[0]}–${numbers.at(-1)})`,
          { place: node.position, source, ruleId: 'unknown-question' },
        ).fatal = true;
        continue;
      }
      if (found.has(key)) {
        const first = found.get(key)!.position?.start;
        file.message(`Unexpected second heading for ${label}, expected each question once (first at ${first?.line}:${first?.column})`, {
          place: node.position,
          source,
          ruleId: 'duplicate-question',
        }).fatal = true;
        continue;
      }
      if (previous && index < previous.index) {
        file.message(
          `Unexpected ${label} after ${previous.key.includes('.') ? 'question' : 'chapter'} ${previous.key}, expected the instrument's order (${key} before ${previous.key})`,
          { place: node.position, source, ruleId: 'question-out-of-order' },
        ).fatal = true;
      } else {
        previous = { key, index };
      }
      found.set(key, node);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: number.question ? questionId(key) : chapterId(number.chapter) } };
      // Missing entries before this one are reported here, where they belong.
      for (const missing of sequence.slice(0, index)) if (!firstAfter.has(missing)) firstAfter.set(missing, node);
    }
    const fatal = matter.status === 'definitief';
    for (const key of sequence) {
      if (found.has(key)) continue;
      const chapter = chapters.get(Number(key.split('.')[0]))!;
      const question = chapter.questions.find((entry) => entry.number === key);
      const expected = question ? `\`### ${key} ${question.title}\`` : `\`## ${key} ${chapter.title}\``;
      const place = firstAfter.get(key)?.position?.start ?? tree.position?.end;
      file.message(
        `Unexpected missing ${question ? 'question' : 'chapter'} ${key}, expected a heading ${expected}${fatal ? '' : ' (a warning while the status is concept)'}`,
        { place, source, ruleId: 'missing-question' },
      ).fatal = fatal;
    }
  };
}
