/** The part of fontkit 2 (which ships no types) that `pdf/font-program.ts` uses. */
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
  }
  export interface Font {
    numGlyphs: number;
    unitsPerEm: number;
    getGlyph(glyph: number): Glyph;
  }
  export function create(buffer: Buffer, postscriptName?: string): Font;
}
