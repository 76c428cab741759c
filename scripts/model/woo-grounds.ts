/** The Woo grounds for redaction (`scripts/data/woo-gronden.yml`), loaded and validated. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const groundsSchema = z.array(z.strictObject({ code: z.string().regex(/^5\.\d(\.\d[a-z]?)?$/), description: z.string().min(1) })).min(1);

export type WooGround = z.infer<typeof groundsSchema>[number];

export const groundsFile = path.join(import.meta.dirname, '..', 'data', 'woo-gronden.yml');

let projectCopy: WooGround[] | undefined;

/** The project's Woo grounds, read once per process. */
export function wooGrounds(): WooGround[] {
  projectCopy ??= groundsSchema.parse(parse(readFileSync(groundsFile, 'utf8')));
  return projectCopy;
}
