/** Finding the documents under the content folder. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';

export type { DocumentSource } from '../model/compiled.ts';
import type { DocumentSource } from '../model/compiled.ts';

export const slugPattern = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Every folder of `contentDir` with an `index.md`, sorted by slug. Folders starting with `_`
 * or `.` are ignored (shared material); other folders without `index.md` and badly named
 * folders are reported on `problems`.
 */
export async function discoverDocuments(contentDir: string, problems: VFile): Promise<DocumentSource[]> {
  if (!existsSync(contentDir)) {
    problems.message(
      `Unexpected missing content folder \`${path.relative(process.cwd(), contentDir) || contentDir}\`, expected a folder with one subfolder per document`,
      { source: 'kia-files', ruleId: 'missing-content' },
    ).fatal = true;
    return [];
  }
  const entries = await readdir(contentDir, { withFileTypes: true });
  const documents: DocumentSource[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const dir = path.join(contentDir, entry.name);
    const index = path.join(dir, 'index.md');
    const shown = path.relative(process.cwd(), dir);
    if (!slugPattern.test(entry.name)) {
      problems.message(`Unexpected folder name \`${entry.name}\`, expected a slug of lowercase letters, digits and \`-\` (it becomes the URL and PDF name)`, {
        source: 'kia-files',
        ruleId: 'invalid-slug',
        place: undefined,
      }).fatal = true;
      continue;
    }
    if (!existsSync(index)) {
      problems.message(
        `Unexpected document folder \`${shown}\` without \`index.md\`, expected \`${path.join(shown, 'index.md')}\` (prefix the folder with \`_\` if it is not a document)`,
        { source: 'kia-files', ruleId: 'missing-index' },
      ).fatal = true;
      continue;
    }
    documents.push({ slug: entry.name, dir, index });
  }
  return documents;
}

/** The documents `--only SLUG` names (all without it); an unknown slug is a fatal message on `problems`. */
export function selectOnly(documents: DocumentSource[], only: string | undefined, problems: VFile): DocumentSource[] {
  if (!only) return documents;
  const selected = documents.filter((doc) => doc.slug === only);
  if (selected.length === 0) {
    problems.message(`Unexpected document \`${only}\`, expected one of ${documents.map((doc) => `\`${doc.slug}\``).join(', ') || '(none)'}`, {
      source: 'kia-files',
      ruleId: 'unknown-document',
    }).fatal = true;
  }
  return selected;
}
