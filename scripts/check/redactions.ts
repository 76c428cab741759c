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
import type { Position } from 'unist';
import type { VFile } from 'vfile';

const run = promisify(execFile);
const source = 'kia-redaction';

export interface Redaction {
  text: string;
  ground: string;
  position?: Position;
  file: VFile;
}

/** Whitespace-insensitive, case-sensitive form for searching (line breaks in a PDF are layout). */
const squash = (value: string) => value.replace(/\s+/g, '');

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

/** The searchable forms of one output file: label → text. */
async function readable(file: string): Promise<Array<[string, string]>> {
  const bytes = await readFile(file);
  if (!file.endsWith('.pdf')) {
    const text = bytes.toString('utf8');
    return [['text', text], ['text (entities decoded)', decodeEntities(text)]];
  }
  const forms: Array<[string, string]> = [];
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  forms.push(['text', stdout]);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const strings: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) collectStrings(object, strings);
  forms.push(['strings (info, bookmarks, structure tree)', strings.join('\n')]);
  const work = await mkdtemp(path.join(tmpdir(), 'kia-redaction-'));
  try {
    const expanded = path.join(work, 'expanded.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', '--decode-level=all', file, expanded]).catch((error: { code?: number }) => {
      if (error.code !== 3) throw error; // 3: warnings, output written
    });
    const raw = await readFile(expanded);
    forms.push(['raw bytes, streams decompressed (UTF-8)', raw.toString('utf8')], ['raw bytes, streams decompressed (Latin-1)', raw.toString('latin1')]);
    // UTF-16BE strings may start at an odd or even byte: read both alignments.
    for (const shift of [0, 1]) forms.push(['raw bytes, streams decompressed (UTF-16)', utf16be(raw.subarray(shift))]);
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

/** Search every file under `dir` for every redaction; report each find. True when none. */
export async function checkRedactions(dir: string, redactions: Redaction[]): Promise<boolean> {
  let clean = true;
  const needles = redactions.map((redaction) => ({ redaction, squashed: squash(redaction.text) })).filter((needle) => needle.squashed.length > 0);
  for (const file of (await files(dir)).sort()) {
    // Each form squashed once, not once per redaction: a bundle's decompressed PDF is many MB.
    const forms = (await readable(file)).map(([label, text]) => [label, squash(text)] as const);
    for (const { redaction, squashed } of needles) {
      const where = forms.find(([, text]) => text.includes(squashed));
      if (!where) continue;
      clean = false;
      redaction.file.message(`Unexpected withheld text „${redaction.text}” (grond ${redaction.ground}) in \`${path.relative(dir, file)}\` (${where[0]}), expected it nowhere in the public output`, { place: redaction.position, source, ruleId: 'redaction-leak' }).fatal = true;
    }
  }
  return clean;
}
