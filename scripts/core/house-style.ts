/**
 * The team's house style (`huisstijl:` in content/publication.yml) made ready for the build: a
 * stylesheet over our token layer (colours, the font's @font-face rules and `--font-body`),
 * the logo (sanitised SVG) and the font files, for the HTML and the PDF alike. Every problem is
 * a message at its line and column in publication.yml: a colour below WCAG AA contrast on
 * white (4.5:1), a missing or unsafe logo file, an @fontsource package the project does not have.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { HouseStyleSettings } from '../model/publication-schema.ts';
import { sanitiseSvg } from '../render/image-safety.ts';

export interface HouseStyle {
  /** `assets/huisstijl.css`. */
  css: string;
  /** The logo as safe SVG and its alternative text. */
  logo?: { svg: string; alt: string };
  /** Font files to copy into `assets/fonts/`: their name there and where they are. */
  fonts: Array<{ name: string; source: string }>;
}

const source = 'kia-house-style';
const tokens = { tekst: '--color-text', accent: '--color-accent', link: '--color-link' } as const;

/** WCAG 2.1 contrast ratio of a `#rrggbb` colour on white. */
export function contrastOnWhite(colour: string): number {
  const channel = (hex: string) => {
    const value = Number.parseInt(hex, 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [1, 3, 5].map((at) => channel(colour.slice(at, at + 2)));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/**
 * Read the house style of the publication in `contentDir`; messages go to `file` at `places`
 * (keys as `huisstijl.kleuren.accent`). Undefined when a problem was found.
 */
export async function readHouseStyle(
  settings: HouseStyleSettings,
  contentDir: string,
  file: VFile,
  places: Record<string, Point>,
): Promise<HouseStyle | undefined> {
  const fail = (reason: string, key: string, ruleId: string) => {
    file.message(reason, { place: places[key] ?? places.huisstijl, source, ruleId }).fatal = true;
  };
  const declarations: string[] = [];
  for (const [name, token] of Object.entries(tokens) as Array<[keyof typeof tokens, string]>) {
    const colour = settings.kleuren?.[name];
    if (!colour) continue;
    const ratio = contrastOnWhite(colour);
    if (ratio < 4.5)
      fail(
        `Unexpected colour \`${colour}\` for ${name} with a contrast of ${ratio.toFixed(2)}:1 on white, expected at least 4.5:1 (WCAG 2.1 AA, 1.4.3)`,
        `huisstijl.kleuren.${name}`,
        'house-style-contrast',
      );
    declarations.push(`  ${token}: ${colour.toLowerCase()};`);
  }

  let logo: HouseStyle['logo'];
  if (settings.logo) {
    const shown = settings.logo.bestand;
    const absolute = path.resolve(contentDir, shown);
    if (path.relative(contentDir, absolute).startsWith('..') || path.isAbsolute(shown))
      fail(`Unexpected logo \`${shown}\` outside the content folder, expected a file in it`, 'huisstijl.logo.bestand', 'logo-outside');
    else if (!existsSync(absolute))
      fail(
        `Unexpected missing logo \`${shown}\`, expected an SVG file at \`${path.join(path.relative(process.cwd(), contentDir), shown)}\``,
        'huisstijl.logo.bestand',
        'missing-logo',
      );
    else {
      const sanitised = await sanitiseSvg(await readFile(absolute, 'utf8'));
      if (!sanitised.svg)
        fail(`Unexpected logo \`${shown}\` that is not well-formed SVG (${sanitised.error}), expected an SVG file`, 'huisstijl.logo.bestand', 'logo-not-svg');
      else if (sanitised.removed.length > 0)
        fail(
          `Unexpected ${sanitised.removed.join(', ')} in logo \`${shown}\`, expected an SVG without scripts or external references`,
          'huisstijl.logo.bestand',
          'unsafe-logo',
        );
      else logo = { svg: sanitised.svg, alt: settings.logo.alt };
    }
  }

  const fonts: HouseStyle['fonts'] = [];
  const faces: string[] = [];
  if (settings.lettertype) {
    const found = fontPackage(settings.lettertype, contentDir);
    if (!found)
      fail(
        `Unexpected font package \`${settings.lettertype}\` that is not installed, expected it in the project (\`npm install ${settings.lettertype}\`)`,
        'huisstijl.lettertype',
        'unknown-font',
      );
    else {
      let family: string | undefined;
      for (const weight of ['400', '400-italic', '700', '700-italic']) {
        const sheet = path.join(found, `${weight}.css`);
        if (!existsSync(sheet)) continue;
        // The package's own @font-face rules, Latin and Latin Extended only, pointing at our copies.
        for (const [face] of readFileSync(sheet, 'utf8').matchAll(/@font-face\s*\{[^}]*\}/g)) {
          const woff2 = /url\(\.\/files\/([^)]+?\.woff2)\)/.exec(face)?.[1];
          if (!woff2 || !/-latin-(ext-)?\d/.test(woff2)) continue;
          family ??= /font-family:\s*([^;]+);/.exec(face)?.[1].trim();
          fonts.push({ name: woff2, source: path.join(found, 'files', woff2) });
          faces.push(face.replace(/src:[^;]+;/, `src: url('fonts/${woff2}') format('woff2');`));
        }
      }
      if (!family)
        fail(
          `Unexpected font package \`${settings.lettertype}\` without Latin fonts, expected an @fontsource font package`,
          'huisstijl.lettertype',
          'unknown-font',
        );
      else declarations.push(`  --font-body: ${family}, 'Noto Sans', sans-serif;`);
    }
  }
  if (file.messages.some((message) => message.fatal && message.source === source)) return undefined;
  const css = [
    '/* Layer 1b: the house style of this publication (content/publication.yml, huisstijl:), over the tokens. */',
    ...faces,
    ...(declarations.length > 0 ? [`:root {\n${declarations.join('\n')}\n}`] : []),
    '',
  ].join('\n');
  return { css, logo, fonts };
}

/** The folder of an installed @fontsource package: from the project (the content folder's parent), else from kia-press's own. */
function fontPackage(name: string, contentDir: string): string | undefined {
  for (const from of [path.join(path.dirname(path.resolve(contentDir)), 'package.json'), import.meta.url]) {
    try {
      return path.dirname(createRequire(from).resolve(`${name}/package.json`));
    } catch {}
  }
  return undefined;
}
