/** Writing a compiled document's HTML page and the images it uses. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledDocument } from './compile-document.ts';

/** Write `index.html` and the document's images into `dir`; returns the page's path. */
export async function writePage(document: CompiledDocument, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const htmlPath = path.join(dir, 'index.html');
  await writeFile(htmlPath, document.html);
  for (const image of document.images) {
    await mkdir(path.dirname(path.join(dir, image)), { recursive: true });
    await copyFile(path.join(document.source.dir, image), path.join(dir, image));
  }
  return htmlPath;
}
