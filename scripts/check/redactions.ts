/**
 * Proof that withheld text (`:redact[…]`) is nowhere in the public output: every file the build
 * wrote is searched for every redaction. HTML and JSON as text (entities decoded) and as bytes;
 * a PDF four ways: its text (pdftotext), every string object decoded (document info, bookmarks,
 * the structure tree's alternative and actual text), and its raw bytes with all streams
 * decompressed by qpdf (content, XMP metadata), as UTF-8, Latin-1 and UTF-16. A find is an error
 * at the redaction in the source, naming the file and where in it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFHexString, PDFString } from 'pdf-lib';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Position } from 'unist';
import { visit } from '../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { memo, type ResultCache } from '../model/result-cache.ts';
import { imageMetadata } from '../render/image-safety.ts';
import { findAll, haystack, leakPattern, nameParts, needleWords, type Find } from './leak-search.ts';

const run = promisify(execFile);
const source = 'kia-redaction';

export interface Redaction {
  text: string;
  ground: string;
  position?: Position;
  /** Other forms of the same person or fact (`ook="…"`), searched as well. */
  also?: string[];
  /** Parts of the name that may stay elsewhere (`toegestaan="…"`). */
  allowed?: string[];
  file: VFile;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** One searchable form of an output file: what it is, its text, and whether that text was decoded from binary data. */
interface Form {
  label: string;
  text: string;
  bytes?: boolean;
}

/** The searchable forms of one output file. */
async function readable(file: string): Promise<Form[]> {
  const bytes = await readFile(file);
  if (!file.endsWith('.pdf')) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (text.includes('\u0000')) throw new Error('binary');
    } catch {
      // A font or an image: its bytes as Latin-1; an image also its metadata as ExifTool reads
      // it (decoded: UTF-16 XMP, compressed PNG text chunks).
      const forms: Form[] = [{ label: 'bytes', text: bytes.toString('latin1'), bytes: true }];
      if (/\.(jpe?g|png|gif|webp|tiff?)$/i.test(file))
        forms.push({
          label: 'image metadata',
          text: Object.entries(await imageMetadata(file))
            .map(([key, value]) => `${key}: ${value}`)
            .join('\n'),
        });
      return forms;
    }
    const forms: Form[] = [
      { label: 'text', text },
      { label: 'text (entities decoded)', text: decodeEntities(text) },
    ];
    if (file.endsWith('.html')) {
      // What a reader gets: text across inline markup (`Piet <em>Geheimnaam</em>`), and every
      // attribute (ids, alternative text, accessible names, addresses).
      const tree = fromHtml(text);
      const attributes: string[] = [];
      visit(tree, 'element', (node) => {
        for (const value of Object.values(node.properties))
          if (value !== null && value !== undefined && typeof value !== 'boolean') attributes.push(Array.isArray(value) ? value.join(' ') : String(value));
      });
      forms.push({ label: 'text as read', text: toText(tree) }, { label: 'attributes (ids, alt, aria-label, href)', text: attributes.join('\n') });
    }
    return forms;
  }
  const forms: Form[] = [];
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  forms.push({ label: 'text', text: stdout });
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: Number.POSITIVE_INFINITY });
  const strings: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) collectStrings(object, strings);
  forms.push({ label: 'strings (info, bookmarks, structure tree)', text: strings.join('\n') });
  const work = await mkdtemp(path.join(tmpdir(), 'kia-redaction-'));
  try {
    const expanded = path.join(work, 'expanded.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', '--decode-level=all', file, expanded]).catch(
      (error: { code?: number }) => {
        if (error.code !== 3) throw error; // 3: warnings, output written
      },
    );
    const raw = await readFile(expanded);
    forms.push(
      { label: 'raw bytes, streams decompressed (UTF-8)', text: raw.toString('utf8'), bytes: true },
      { label: 'raw bytes, streams decompressed (Latin-1)', text: raw.toString('latin1'), bytes: true },
    );
    // UTF-16BE strings may start at an odd or even byte: read both alignments.
    for (const shift of [0, 1]) forms.push({ label: 'raw bytes, streams decompressed (UTF-16)', text: utf16be(raw.subarray(shift)), bytes: true });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return forms;
}

function utf16be(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

function collectStrings(object: unknown, into: string[]): void {
  if (object instanceof PDFString || object instanceof PDFHexString) {
    into.push(object.decodeText());
    return;
  }
  const value = object as { asArray?: () => unknown[]; entries?: () => Array<[unknown, unknown]>; dict?: unknown };
  if (typeof value?.asArray === 'function') for (const item of value.asArray()) collectStrings(item, into);
  else if (typeof value?.entries === 'function') for (const [, item] of value.entries()) collectStrings(item, into);
  if (value?.dict) collectStrings(value.dict, into);
}

/**
 * Search every file under `dir` (its text in every form, and its name) for every redaction and
 * its other forms; each find is a fatal message at the redaction. True when none. With a cache,
 * a file's finds are taken from it when the file has the same bytes and name and the needles are
 * the same: the verdict comes only with the bytes it was reached on.
 */
export async function checkRedactions(dir: string, redactions: Redaction[], cache?: ResultCache): Promise<boolean> {
  let clean = true;
  const needles = redactions.flatMap((redaction) => [redaction.text, ...(redaction.also ?? [])].map((text) => ({ redaction, text })));
  const texts = needles.map((needle) => needle.text);
  const patterns = texts.map((text) => ({ text: leakPattern(text), bytes: leakPattern(text, { bytes: true }) }));
  for (const file of (await files(dir)).sort()) {
    const shown = path.relative(dir, file);
    const finds = await memo(
      cache,
      'leak-search',
      async () => [await readFile(file), shown, texts],
      () => searchFile(file, shown, patterns),
    );
    for (const { needle, where } of finds) {
      const { redaction, text } = needles[needle];
      clean = false;
      const form = text === redaction.text ? '' : ` as its other form „${text}”`;
      redaction.file.message(
        `Unexpected withheld text „${redaction.text}” (grond ${redaction.ground})${form} in \`${shown}\` (${where.join('; ')}), expected it nowhere in the public output`,
        { place: redaction.position, source, ruleId: 'redaction-leak' },
      ).fatal = true;
    }
  }
  return clean;
}

/** Where in `file` (shown as `shown`) each needle was found (its patterns for text and for bytes): the needle's index and each form's finds. */
async function searchFile(
  file: string,
  shown: string,
  patterns: Array<{ text: RegExp | undefined; bytes: RegExp | undefined }>,
): Promise<Array<{ needle: number; where: string[] }>> {
  // Each form folded once, not once per redaction: a bundle's decompressed PDF is many MB.
  const forms = [{ label: 'file name', text: shown }, ...(await readable(file))].map((form) => ({ ...form, hay: haystack(form.text) }));
  return patterns.flatMap((pattern, needle) => {
    const where = forms.flatMap(({ label, hay, bytes }) => {
      const search = bytes ? pattern.bytes : pattern.text;
      const found = search ? findAll(hay, search, 50) : [];
      return found.length > 0 ? [describe(label, found)] : [];
    });
    return where.length > 0 ? [{ needle, where }] : [];
  });
}

/** "text as read, line 14: „PIET GEHEIMNAAM”, line 20: „Piet Geheimnaam”": where and as what a form holds the name (up to three different writings). */
function describe(label: string, finds: Find[]): string {
  const distinct = finds.filter((find, index) => finds.findIndex((other) => other.found === find.found) === index).slice(0, 3);
  return `${label}, ${distinct.map((find) => `line ${find.line}: „${find.found.length > 80 ? `${find.found.slice(0, 80)}…` : find.found}”`).join(', ')}`;
}

/**
 * The parts of a redacted name that identify a person on their own (capitalised words of four
 * or more letters: "Geheimnaam" of "Piet Geheimnaam"), found anywhere in the sources outside
 * the redactions themselves: a warning at each place, an error in a final build, unless the
 * redaction lists the part in `toegestaan`. The sources are what the public text is made of, so
 * the place is one the author can go to. True when nothing fatal was reported.
 */
export function checkNameParts(sources: VFile[], redactions: Redaction[], final: boolean): boolean {
  let ok = true;
  const fold = (value: string) => needleWords(value).join(' ');
  const searches = redactions.flatMap((redaction) => {
    const allowed = new Set((redaction.allowed ?? []).map(fold));
    const full = [redaction.text, ...(redaction.also ?? [])].map((text) => leakPattern(text)).filter((pattern): pattern is RegExp => Boolean(pattern));
    return nameParts(redaction.text)
      .filter((part) => !allowed.has(fold(part)) && !(redaction.also ?? []).some((other) => fold(other) === fold(part)))
      .flatMap((part) => {
        const pattern = leakPattern(part);
        return pattern ? [{ redaction, part, pattern, full }] : [];
      });
  });
  if (searches.length === 0) return true;
  for (const file of sources) {
    const text = String(file.value ?? '');
    // The redactions themselves (and their `ook`/`toegestaan` lists) are not "elsewhere".
    let blanked = text;
    for (const redaction of redactions) {
      const start = redaction.position?.start.offset;
      const end = redaction.position?.end.offset;
      if (redaction.file !== file || start === undefined || end === undefined) continue;
      blanked = blanked.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + blanked.slice(end);
    }
    const hay = haystack(blanked);
    for (const { redaction, part, pattern, full } of searches) {
      // Where the whole name stands, the leak search reports it as an error already.
      const whole = full.flatMap((fullPattern) => findAll(hay, fullPattern, 1000).map((find) => [find.index, find.end] as const));
      for (const find of findAll(hay, pattern, 1000)) {
        if (whole.some(([start, end]) => find.index >= start && find.index < end)) continue;
        const at = redaction.position?.start;
        const message = file.message(
          `Unexpected \`${find.found}\`, part of the withheld „${redaction.text}” (grond ${redaction.ground}${at ? `, ${redaction.file === file ? '' : `${redaction.file.path}:`}${at.line}:${at.column}` : ''}), still in the text, expected it withheld as well (redact it here, or list it in the redaction's \`ook\`) or allowed (\`toegestaan="${part}"\`)`,
          { place: { line: find.line, column: find.column }, source, ruleId: 'redaction-name-part' },
        );
        if (final) {
          message.fatal = true;
          ok = false;
        }
      }
    }
  }
  return ok;
}
