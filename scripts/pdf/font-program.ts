/**
 * The embedded font programs of a PDF, read with fontkit (TrueType `FontFile2`, CFF `FontFile3`
 * /Type1C and /CIDFontType0C, OpenType). What the PDF/UA font rules need from inside a font:
 * the glyph names and CIDs present (7.21.4.2 CharSet/CIDSet), glyph widths (7.21.5) and the
 * `cmap` subtables (7.21.6). Classic Type 1 programs (`FontFile`, eexec-encrypted) are not
 * read: fontkit has no Type 1 parser, and a check that cannot read a font says so instead of
 * guessing.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { PDFDict, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

export interface FontProgram {
  kind: 'truetype' | 'cff' | 'cff-cid';
  /** Glyphs in the program (CFF: charstrings; TrueType: maxp numGlyphs). */
  glyphCount: number;
  /** TrueType: glyphs with their own horizontal metrics (hhea numberOfHMetrics). */
  metricsCount?: number;
  /** A non-CID CFF program's glyph names, by glyph id. */
  glyphNames?: string[];
  /** A CID-keyed CFF program's CIDs, by glyph id. */
  cids?: number[];
  /** The `cmap` subtables as `platform,encoding` (TrueType and OpenType). */
  cmaps: string[];
  /** Advance width of a glyph in text space units (1000 per em), where the program has metrics. */
  advance(glyph: number): number | undefined;
  /** The glyph a cmap subtable maps `code` to (0 when none). */
  glyphFor(platform: number, encoding: number, code: number): number;
}

const programs = new WeakMap<PDFRawStream, FontProgram | null>();

/** The font program embedded in a FontDescriptor, or undefined when there is none or it cannot be read. */
export function fontProgram(descriptor: PDFDict | undefined): FontProgram | undefined {
  const stream = ['FontFile2', 'FontFile3'].map((key) => descriptor?.lookup(PDFName.of(key))).find((value) => value instanceof PDFRawStream);
  if (!(stream instanceof PDFRawStream)) return undefined;
  if (!programs.has(stream)) programs.set(stream, parse(stream));
  return programs.get(stream) ?? undefined;
}

function parse(stream: PDFRawStream): FontProgram | null {
  try {
    const bytes = Buffer.from(decodePDFRawStream(stream).decode());
    const subtype = stream.dict.lookup(PDFName.of('Subtype'));
    const bareCff = subtype === PDFName.of('Type1C') || subtype === PDFName.of('CIDFontType0C');
    const font = create(bareCff ? inSfnt(bytes) : bytes) as Font & Record<string, unknown>;
    if (bareCff || font['CFF '] !== undefined) return cffProgram(font);
    return trueTypeProgram(font);
  } catch {
    return null;
  }
}

/**
 * A bare CFF program (as PDFs embed it) inside a one-table OpenType wrapper, so fontkit's CFF
 * parser reads it: fontkit opens only whole font files.
 */
function inSfnt(cff: Buffer): Buffer {
  const header = Buffer.alloc(28);
  header.write('OTTO', 0, 'latin1');
  header.writeUInt16BE(1, 4); // one table
  header.writeUInt16BE(16, 6);
  header.write('CFF ', 12, 'latin1');
  header.writeUInt32BE(28, 20); // offset
  header.writeUInt32BE(cff.length, 24);
  return Buffer.concat([header, cff]);
}

interface CffTable {
  isCIDFont: boolean;
  topDict: { CharStrings: unknown[]; charset: unknown };
  getGlyphName(glyph: number): string | null;
}

/** The charset's SIDs or CIDs by glyph id (ISO/Adobe TN 5176, 13): glyph 0 is .notdef / CID 0. */
function charsetIds(cff: CffTable): number[] {
  const count = cff.topDict.CharStrings.length;
  const charset = cff.topDict.charset as { version?: number; glyphs?: number[]; ranges?: Array<{ first: number; nLeft: number; offset: number }> } | unknown[];
  const ids = [0];
  if (Array.isArray(charset)) return Array.from({ length: count }, (_, glyph) => glyph); // predefined charsets: not for CID fonts
  if (charset.version === 0) ids.push(...(charset.glyphs ?? []));
  else for (const range of charset.ranges ?? []) for (let n = 0; n <= range.nLeft; n++) ids.push(range.first + n);
  return ids.slice(0, count);
}

function cffProgram(font: Font & Record<string, unknown>): FontProgram {
  const cff = font['CFF '] as CffTable;
  const count = cff.topDict.CharStrings.length;
  const metrics = font['hmtx'] !== undefined && font['hhea'] !== undefined;
  return {
    kind: cff.isCIDFont ? 'cff-cid' : 'cff',
    glyphCount: count,
    ...(cff.isCIDFont ? { cids: charsetIds(cff) } : { glyphNames: Array.from({ length: count }, (_, glyph) => cff.getGlyphName(glyph) ?? '') }),
    cmaps: cmapList(font),
    advance: (glyph) => (metrics ? (font.getGlyph(glyph).advanceWidth * 1000) / font.unitsPerEm : undefined),
    glyphFor: (platform, encoding, code) => lookup(font, platform, encoding, code),
  };
}

function trueTypeProgram(font: Font & Record<string, unknown>): FontProgram {
  const hhea = font['hhea'] as { numberOfMetrics?: number } | undefined;
  return {
    kind: 'truetype',
    glyphCount: font.numGlyphs,
    ...(hhea?.numberOfMetrics !== undefined ? { metricsCount: hhea.numberOfMetrics } : {}),
    cmaps: cmapList(font),
    advance: (glyph) => (glyph < font.numGlyphs ? (font.getGlyph(glyph).advanceWidth * 1000) / font.unitsPerEm : undefined),
    glyphFor: (platform, encoding, code) => lookup(font, platform, encoding, code),
  };
}

interface CmapSubtable {
  platformID: number;
  encodingID: number;
  table: { version: number; codeMap?: number[]; glyphIndexArray?: { toArray?(): number[] } | number[] };
}

function subtables(font: Font & Record<string, unknown>): CmapSubtable[] {
  try {
    return (font['cmap'] as { tables?: CmapSubtable[] } | undefined)?.tables ?? [];
  } catch {
    return [];
  }
}

function cmapList(font: Font & Record<string, unknown>): string[] {
  return subtables(font).map((table) => `${table.platformID},${table.encodingID}`);
}

/** A code through one cmap subtable, with fontkit's own lookup for the subtable formats it knows. */
function lookup(font: Font & Record<string, unknown>, platform: number, encoding: number, code: number): number {
  const subtable = subtables(font).find((table) => table.platformID === platform && table.encodingID === encoding);
  if (!subtable) return 0;
  // fontkit's CmapProcessor reads any single subtable; it is constructed from the cmap table.
  // Its chosen subtable (and the re-encoding it does for a non-Unicode one) is swapped for a moment.
  const processor = (font as unknown as { _cmapProcessor?: { cmap: unknown; encoding: unknown; lookup(code: number): number } })._cmapProcessor;
  if (!processor) return 0;
  const previous = { cmap: processor.cmap, encoding: processor.encoding };
  processor.cmap = subtable.table;
  processor.encoding = null;
  try {
    return processor.lookup(code) ?? 0;
  } catch {
    return 0;
  } finally {
    Object.assign(processor, previous);
  }
}

let glyphList: Map<string, number> | undefined;

/**
 * The Adobe Glyph List (glyph name → Unicode), from `scripts/data/glyphlist.txt` (Adobe's
 * agl-aglfn repository, BSD-3-Clause): the names a non-symbolic TrueType font's Differences may
 * use (ISO 14289-1 7.21.6). `uniXXXX` and `uXXXX[XX]` names count as listed, as the AGL
 * specification reads them.
 */
export function adobeGlyphUnicode(name: string): number | undefined {
  glyphList ??= new Map(
    readFileSync(new URL('../data/glyphlist.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const [glyph, codes] = line.split(';');
        return [glyph, parseInt(codes.split(' ')[0], 16)] as const;
      }),
  );
  const listed = glyphList.get(name);
  if (listed !== undefined) return listed;
  const uni = /^uni([0-9A-F]{4})$/.exec(name) ?? /^u([0-9A-F]{4,6})$/.exec(name);
  return uni ? parseInt(uni[1], 16) : undefined;
}
