/** The stylesheets and fonts every page needs, copied into `dist/assets/`. */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HouseStyle } from './house-style.ts';

const require = createRequire(import.meta.url);
export const stylesDir = fileURLToPath(new URL('../../styles/', import.meta.url));
/** The editor schemas of the frontmatter and publication.yml (scripts/model/json-schemas.ts). */
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const fontsDir = path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');

/** Latin and Latin Extended (Dutch, names, € and typographic quotes), regular and bold, upright and italic. */
export const fontFiles = ['latin', 'latin-ext'].flatMap((subset) =>
  ['400', '700'].flatMap((weight) => ['normal', 'italic'].map((style) => `noto-sans-${subset}-${weight}-${style}.woff2`)),
);

/** The files `copyAssets` copies, where they come from: stylesheets, their images, the fonts. */
export async function assetSources(): Promise<string[]> {
  const styles = (await readdir(stylesDir)).filter((name) => name.endsWith('.css') || name.endsWith('.svg')).sort();
  return [...styles.map((name) => path.join(stylesDir, name)), ...fontFiles.map((name) => path.join(fontsDir, name))];
}

/**
 * Copy `styles/*.css`, the images they use (`*.svg`) and the fonts into `<outDir>/assets/`, and
 * the house style when there is one (`huisstijl.css`, `huisstijl-logo.svg`, its fonts); returns
 * the written paths relative to outDir.
 */
export async function copyAssets(outDir: string, houseStyle?: HouseStyle): Promise<string[]> {
  const target = path.join(outDir, 'assets');
  await mkdir(path.join(target, 'fonts'), { recursive: true });
  const written: string[] = [];
  for (const name of (await readdir(stylesDir)).filter((name) => name.endsWith('.css') || name.endsWith('.svg')).sort()) {
    await copyFile(path.join(stylesDir, name), path.join(target, name));
    written.push(`assets/${name}`);
  }
  for (const name of fontFiles) {
    await copyFile(path.join(fontsDir, name), path.join(target, 'fonts', name));
    written.push(`assets/fonts/${name}`);
  }
  if (houseStyle) {
    await writeFile(path.join(target, 'huisstijl.css'), houseStyle.css);
    written.push('assets/huisstijl.css');
    if (houseStyle.logo) {
      await writeFile(path.join(target, 'huisstijl-logo.svg'), houseStyle.logo.svg);
      written.push('assets/huisstijl-logo.svg');
    }
    for (const font of houseStyle.fonts) {
      await copyFile(font.source, path.join(target, 'fonts', font.name));
      written.push(`assets/fonts/${font.name}`);
    }
  }
  return written;
}
