/** Writing a compiled document's HTML page and the images it uses, made safe to publish. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledDocument } from '../model/compiled.ts';
import { stripImageMetadata } from '../render/image-safety.ts';

/** What was taken out of a published image. */
export interface PublishedImage {
  /** Relative to the document folder. */
  path: string;
  /** Raster images: the metadata fields removed ("IFD0:Artist", "GPS:GPSLatitude", "PNG:Author"). */
  removedMetadata: string[];
}

/**
 * Write `index.html` and the document's images into `dir`: an SVG as sanitised at compile time,
 * a photo without its metadata (core/image-safety.ts). Returns the page's path and the images.
 */
export async function writePage(document: CompiledDocument, dir: string): Promise<{ htmlPath: string; images: PublishedImage[] }> {
  await mkdir(dir, { recursive: true });
  const htmlPath = path.join(dir, 'index.html');
  await writeFile(htmlPath, document.html);
  const images: PublishedImage[] = [];
  for (const image of document.images) {
    const target = path.join(dir, image);
    await mkdir(path.dirname(target), { recursive: true });
    const svg = document.svgs[image];
    if (svg !== undefined) {
      await writeFile(target, svg);
      images.push({ path: image, removedMetadata: [] });
    } else {
      images.push({ path: image, removedMetadata: await stripImageMetadata(path.join(document.source.dir, image), target) });
    }
  }
  return { htmlPath, images };
}
