/**
 * Writes `styles/watermark-concept.svg`: the word CONCEPT as glyph outlines (Noto Sans Bold,
 * through opentype.js), rotated and tinted. Drawn as a background, the watermark is vector
 * paths in the PDF, not text: it never shows up in copied, searched or extracted text.
 * Run after changing the word, the font or the colour: `node --import tsx scripts/setup/make-watermark.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import opentype from 'opentype.js';

const require = createRequire(import.meta.url);
const fontFile = path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files', 'noto-sans-latin-700-normal.woff');
const bytes = readFileSync(fontFile);
const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const size = 100;
const letterSpacing = 8;
// Glyph by glyph, so the letter spacing of the old CSS (0.08em) stays.
let x = 0;
const parts: string[] = [];
for (const glyph of font.stringToGlyphs('CONCEPT')) {
  parts.push(glyph.getPath(x, 0, size).toPathData(2));
  x += (glyph.advanceWidth ?? 0) * (size / font.unitsPerEm) + letterSpacing;
}
const width = x - letterSpacing;
const ascent = (font.ascender / font.unitsPerEm) * size * 0.72;
const diagonal = Math.ceil(Math.hypot(width, size) + 20);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-diagonal / 2} ${-diagonal / 2} ${diagonal} ${diagonal}" aria-hidden="true">
<g transform="rotate(-50) translate(${(-width / 2).toFixed(1)} ${(ascent / 2).toFixed(1)})" fill="rgb(169,0,0)" fill-opacity="0.13"><path d="${parts.join('')}"/></g>
</svg>
`;
writeFileSync(new URL('../../styles/watermark-concept.svg', import.meta.url), svg);
process.stdout.write(`styles/watermark-concept.svg: ${svg.length} bytes\n`);
