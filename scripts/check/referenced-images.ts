/** The images a page loads, by content: part of what a cached PDF or verdict was made from. */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The images `html` (in `dir`) shows from the build folder `root` (the document's, or every
 * document's in a bundle), each with the sha256 of its bytes: part of a cached result's inputs
 * (stylesheets and fonts are in the cache's salt).
 */
export async function referencedImages(html: string, dir: string, root: string): Promise<Array<[string, string]>> {
  const found = new Map<string, string>();
  for (const [, reference] of html.matchAll(/\ssrc="([^"#?:]+)"/g)) {
    const file = path.resolve(dir, decodeURI(reference));
    const relative = path.relative(root, file);
    if (found.has(relative) || relative.startsWith('..') || relative.startsWith(`assets${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) continue;
    found.set(
      relative,
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1));
}
