/** The sections of a beslisnota (`scripts/data/beslisnota.yml`), loaded and validated. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const sectionsSchema = z.strictObject({ sections: z.array(z.strictObject({ title: z.string().min(1), required: z.boolean().optional() })).min(1) });

export type DecisionNoteSection = z.infer<typeof sectionsSchema>['sections'][number];

export const decisionNoteFile = path.join(import.meta.dirname, '..', 'data', 'beslisnota.yml');

let projectCopy: DecisionNoteSection[] | undefined;

/** The sections of a beslisnota, in order, read once per process. */
export function decisionNoteSections(): DecisionNoteSection[] {
  projectCopy ??= sectionsSchema.parse(parse(readFileSync(decisionNoteFile, 'utf8'))).sections;
  return projectCopy;
}
