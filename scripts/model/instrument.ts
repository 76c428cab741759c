/**
 * The KIA instrument (chapters, questions, risk categories, the 3×3 risk matrix), loaded from
 * `scripts/data/kia-instrument.yml` and validated. Plugins receive it as an option; they never
 * read it themselves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const level = z.enum(['laag', 'midden', 'hoog']);
const questionNumber = z.string().regex(/^[1-9]\d*\.[1-9]\d*$/);

const questionSchema = z.strictObject({
  number: questionNumber,
  title: z.string().min(1),
  question: z.string().min(1).optional(),
  guidance: z.string().min(1),
  /** The risk category this question asks about (chapter 3). */
  category: z
    .string()
    .regex(/^[a-z]+$/)
    .optional(),
  /** `ja-nee`: answered with `::antwoord[ja]` or `::antwoord[nee]` (the pre-scan). */
  answer: z.literal('ja-nee').optional(),
});

const instrumentSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  levels: z.tuple([z.literal('laag'), z.literal('midden'), z.literal('hoog')]),
  undetermined: z.literal('niet bepaald'),
  matrix: z.record(level, z.record(level, level)),
  chapters: z.array(z.strictObject({ number: z.number().int().positive(), title: z.string(), questions: z.array(questionSchema).min(1) })).min(1),
});

export type Level = z.infer<typeof level>;
/** A level or `niet bepaald`. */
export type Assessment = Level | 'niet bepaald';
export type InstrumentQuestion = z.infer<typeof questionSchema> & { chapter: number; id: string };
export type Instrument = Omit<z.infer<typeof instrumentSchema>, 'chapters'> & {
  chapters: Array<{ number: number; title: string; id: string; questions: InstrumentQuestion[] }>;
  /** Every question in instrument order. */
  questions: InstrumentQuestion[];
  /** Risk categories in instrument order: key, label (the question's title) and question. */
  categories: Array<{ key: string; label: string; question: InstrumentQuestion }>;
};

export const instrumentFile = path.join(import.meta.dirname, '..', 'data', 'kia-instrument.yml');

/** The stable id of a question heading: `3.5` → `vraag-3-5`. */
export function questionId(number: string): string {
  return `vraag-${number.replace('.', '-')}`;
}

/** The stable id of a chapter heading: `3` → `hoofdstuk-3`. */
export function chapterId(number: number): string {
  return `hoofdstuk-${number}`;
}

/** Parse and validate an instrument; throws with the problems when the data is malformed. */
export function parseInstrument(text: string): Instrument {
  const result = instrumentSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`Invalid KIA instrument: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const data = result.data;
  const chapters = data.chapters.map((chapter) => ({
    ...chapter,
    id: chapterId(chapter.number),
    questions: chapter.questions.map((question) => {
      if (!question.number.startsWith(`${chapter.number}.`))
        throw new Error(`Invalid KIA instrument: question ${question.number} is not in chapter ${chapter.number}`);
      return { ...question, chapter: chapter.number, id: questionId(question.number) };
    }),
  }));
  const questions = chapters.flatMap((chapter) => chapter.questions);
  const categories = questions
    .filter((question) => question.category)
    .map((question) => ({ key: question.category as string, label: question.title, question }));
  return { ...data, chapters, questions, categories };
}

/** Read and validate an instrument file. */
export function loadInstrument(file = instrumentFile): Instrument {
  return parseInstrument(readFileSync(file, 'utf8'));
}

let projectCopy: Instrument | undefined;

/** The project's instrument, read once per process (it is data shipped with the code). */
export function projectInstrument(): Instrument {
  projectCopy ??= loadInstrument();
  return projectCopy;
}

/** The assessment the standard 3×3 matrix gives for `kans` × `impact`. */
export function matrixAssessment(instrument: Instrument, kans: Assessment, impact: Assessment): Assessment {
  if (kans === 'niet bepaald' || impact === 'niet bepaald') return 'niet bepaald';
  return instrument.matrix[kans]?.[impact] ?? 'niet bepaald';
}
