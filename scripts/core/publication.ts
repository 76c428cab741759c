/**
 * `content/publication.yml`: the bundle an editor sends to parliament — title, date, sender,
 * Kamerstuk reference (optional until known) and the documents in order. Validated like
 * frontmatter (every problem at its line and column). Without the file, every document under
 * `content/` is built on its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Publication, publicationSchema } from '../model/publication-schema.ts';
import { readSource } from './read-source.ts';
import { validateYaml } from '../model/yaml-schema.ts';
import type { Point } from 'unist';
import type { VFile } from 'vfile';

export { type Publication, publicationSchema };

export const publicationFileName = 'publication.yml';

/**
 * Read and validate `<contentDir>/publication.yml` against the documents found (`slugs`).
 * Returns undefined (and no file) when there is none; otherwise the file with its messages.
 */
export async function readPublication(
  contentDir: string,
  slugs: string[],
): Promise<{ file: VFile; publication?: Publication; places: Record<string, Point> } | undefined> {
  const location = path.join(contentDir, publicationFileName);
  if (!existsSync(location)) return undefined;
  const source = await readSource(location);
  const file = source.file;
  if (file.messages.some((message) => message.fatal)) return { file, places: {} };
  const { data, values, places } = validateYaml(String(file.value), {
    file,
    source: 'kia-publication',
    schema: publicationSchema,
    notMapping: {
      reason: 'Unexpected publication file that is not a mapping, expected `key: value` lines (title, date, sender, documents)',
      ruleId: 'publication-not-mapping',
    },
  });
  // The document list is checked even when other fields are wrong: every problem in one run.
  const listed = data?.documents ?? (Array.isArray(values?.documents) ? (values.documents as unknown[]) : []);
  const seen = new Set<string>();
  for (const [index, slug] of listed.entries()) {
    if (typeof slug !== 'string') continue;
    const place = places[`documents.${index}`];
    if (!slugs.includes(slug)) {
      file.message(
        `Unexpected document \`${slug}\` in the publication, expected one of ${slugs.map((each) => `\`${each}\``).join(', ') || '(none)'} (a folder under content/)`,
        { place, source: 'kia-publication', ruleId: 'unknown-document' },
      ).fatal = true;
    } else if (seen.has(slug)) {
      file.message(`Unexpected second \`${slug}\` in the publication, expected each document once`, {
        place,
        source: 'kia-publication',
        ruleId: 'duplicate-document',
      }).fatal = true;
    }
    seen.add(slug);
  }
  if (listed.length === 0) return { file, places };
  for (const slug of slugs.filter((each) => !seen.has(each))) {
    file.message(`Unexpected document \`${slug}\` missing from the publication, expected every folder under content/ in \`documents\` (or move it out)`, {
      place: places.documents,
      source: 'kia-publication',
      ruleId: 'document-not-in-publication',
    });
  }
  return { file, places, publication: data && !file.messages.some((message) => message.fatal) ? data : undefined };
}
