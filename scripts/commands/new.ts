/**
 * `kia new <slug> [--service NAME]`: scaffold `content/<slug>/index.md` from the instrument.
 * Never overwrites: an existing folder is an error.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { slugPattern } from '../core/discover.ts';
import { projectInstrument } from '../model/instrument.ts';
import { schemasDir } from '../core/assets.ts';
import { scaffoldAssessment } from '../core/scaffold.ts';

export interface NewOptions {
  contentDir: string;
  slug: string;
  service?: string;
  /** `YYYY-MM-DD`; default today. */
  date?: string;
}

export interface NewResult {
  ok: boolean;
  file?: string;
  problems: VFile;
}

/** Write a new assessment; problems (bad slug, existing folder) are messages, never thrown. */
export async function newAssessment(options: NewOptions): Promise<NewResult> {
  const contentDir = path.resolve(options.contentDir);
  const dir = path.join(contentDir, options.slug);
  const problems = new VFile({ path: path.relative(process.cwd(), dir) || dir });
  const fail = (reason: string, ruleId: string): NewResult => {
    problems.message(reason, { source: 'kia-new', ruleId }).fatal = true;
    return { ok: false, problems };
  };
  if (!slugPattern.test(options.slug))
    return fail(`Unexpected slug \`${options.slug}\`, expected lowercase letters, digits and \`-\` (it becomes the URL and PDF name)`, 'invalid-slug');
  if (existsSync(dir)) return fail(`Unexpected existing folder \`${problems.path}\`, expected a new slug (kia new never overwrites)`, 'document-exists');
  if (options.service !== undefined && options.service.trim() === '')
    return fail('Unexpected empty --service, expected the name of the digital service', 'invalid-service');
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const schema = path.relative(dir, path.join(schemasDir, 'kia.schema.json')).split(path.sep).join('/');
  const text = scaffoldAssessment({ instrument: projectInstrument(), service: options.service?.trim(), date, schema });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'index.md');
  await writeFile(file, text, { flag: 'wx' });
  return { ok: true, file, problems };
}
