/**
 * The text of a received original (`original:` of a response), read independently of our
 * Markdown: a PDF through poppler's pdftotext (and pdf.js in content order as a second reader), a Word file through the text runs of its XML, an e-mail
 * through postal-mime (its plain-text body), a text file as it is. The kind is found from the
 * file's first bytes, not its name. Each line keeps where it was (page and line, paragraph,
 * line), so a difference can be shown in the original as well as in the Markdown.
 */
import { readFile } from 'node:fs/promises';
import { pdfTextLines } from '../pdf/pdftotext.ts';
import { pdfContentLines } from '../pdf/text.ts';
import { decodeXml } from '../model/xml-text.ts';

export type OriginalKind = 'pdf' | 'docx' | 'eml' | 'txt';

export interface OriginalLine {
  text: string;
  /** Where in the original, in words: "page 2, line 5", "paragraph 4", "line 12". */
  place: string;
}

export interface OriginalText {
  kind: OriginalKind;
  lines: OriginalLine[];
  /** Page furniture left out of a PDF's text (running heads, page numbers), for the report. */
  furniture: string[];
  /** Why the original cannot serve as the reference (tracked changes, no text), if so. */
  problem?: string;
  /**
   * The same text as a second reader orders it (a PDF: pdf.js in content order, next to
   * pdftotext's reading order, which interleaves the lines of table cells set side by side).
   * Read only when asked: most originals read alike both ways, and pdf.js takes seconds to load.
   */
  otherOrder?: () => Promise<OriginalLine[]>;
}

/** The kind of an original from its first bytes. */
export function originalKind(bytes: Uint8Array): OriginalKind | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\x03\x04')) return 'docx';
  // An e-mail as saved by a mail program: header fields up to the first blank line, one of them From.
  const headerBlock = head.split(/\r?\n\r?\n/)[0];
  if (/^[A-Za-z][A-Za-z0-9-]*:[^\n]*(\r?\n([ \t][^\n]*|[A-Za-z][A-Za-z0-9-]*:[^\n]*))*$/.test(headerBlock) && /^from:/im.test(headerBlock)) return 'eml';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes.includes(0) ? undefined : 'txt';
  } catch {
    return undefined;
  }
}

/** Read the original at `file`; throws with a reason in English when it cannot be read at all. */
export async function readOriginal(file: string): Promise<OriginalText> {
  const bytes = new Uint8Array(await readFile(file));
  const kind = originalKind(bytes);
  if (!kind) throw new Error('not a PDF, Word (.docx), e-mail (.eml) or UTF-8 text file');
  if (kind === 'pdf') {
    const otherOrder = async () => (await pdfContentLines(file)).lines.map((line) => ({ text: line.text, place: `${line.place} in content order` }));
    return { kind, ...(await pdfTextLines(file)), otherOrder };
  }
  if (kind === 'docx') return docxText(bytes);
  if (kind === 'eml') {
    // Loaded when an original is read: a build without one does not pay for the readers.
    const { default: PostalMime } = await import('postal-mime');
    const email = await PostalMime.parse(bytes);
    const body = email.text ?? '';
    return {
      kind,
      lines: numbered(body, (n) => `line ${n} of the body`),
      furniture: [],
      problem: body.trim() ? undefined : 'the e-mail has no plain-text body',
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  return { kind, lines: numbered(text, (n) => `line ${n}`), furniture: [] };
}

function numbered(text: string, place: (n: number) => string): OriginalLine[] {
  return text.split(/\r\n?|\n/).map((line, index) => ({ text: line, place: place(index + 1) }));
}

async function docxText(bytes: Uint8Array): Promise<OriginalText> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')?.async('string');
  if (document === undefined) throw new Error('a ZIP file that is not a Word document (no word/document.xml)');
  // Unaccepted insertions and deletions: what was sent is then not one text.
  const tracked = /<w:(ins|del|moveFrom|moveTo)\b/.test(document);
  // The XML's own text runs, read here (not through the converter the import uses): each note
  // call as the number Word shows (notes are numbered in the order they are called), then the
  // notes, each as its number and its text.
  const notes = new Map<string, string[]>();
  for (const part of ['footnotes', 'endnotes'] as const) {
    const xml = await zip.file(`word/${part}.xml`)?.async('string');
    for (const [, id, body] of xml?.matchAll(new RegExp(`<w:${part.slice(0, -1)}\\b[^>]*w:id="(-?\\d+)"[^>]*>([\\s\\S]*?)</w:${part.slice(0, -1)}>`, 'g')) ??
      []) {
      notes.set(`${part}:${id}`, paragraphsOf(body));
    }
  }
  const called: string[] = [];
  const callNumber = (key: string) => {
    if (!called.includes(key)) called.push(key);
    return String(called.indexOf(key) + 1);
  };
  const label = listLabels(await zip.file('word/numbering.xml')?.async('string'));
  const body = paragraphsOf(document, (kind, id) => callNumber(`${kind}s:${id}`), label);
  const lines: OriginalLine[] = body.map((text, index) => ({ text, place: `paragraph ${index + 1}` }));
  called.forEach((key, index) => {
    const number = String(index + 1);
    (notes.get(key) ?? []).forEach((text, line) => lines.push({ text: text.replace(/\u0000/g, line === 0 ? number : ''), place: `note ${number}` }));
  });
  return {
    kind: 'docx',
    lines,
    furniture: [],
    problem: tracked
      ? 'the Word file has tracked changes, so its text is not one text (ask the sender for the version as sent, with the changes accepted)'
      : undefined,
  };
}

/**
 * The text of each `<w:p>` in `xml`: its `<w:t>` runs, tabs and line breaks; a note call by
 * `call` (in the body), a note's own number mark as U+0000 (in a note, replaced by its number).
 * Deleted text and field instructions are not text.
 */
function paragraphsOf(xml: string, call?: (kind: 'footnote' | 'endnote', id: string) => string, label?: (paragraph: string) => string): string[] {
  const paragraphs: string[] = [];
  for (const [, inner] of xml.matchAll(/<w:p\b(?:[^>]*[^/])?>([\s\S]*?)<\/w:p>|<w:p\b[^>]*\/>()/g)) {
    let text = label?.(inner ?? '') ?? '';
    for (const [token, name, attributes, content] of (inner ?? '').matchAll(
      /<w:(t|tab|br|cr|noBreakHyphen|softHyphen|footnoteReference|endnoteReference|footnoteRef|endnoteRef)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:\1>)/g,
    )) {
      if (name === 't') text += decodeXml(content ?? '');
      else if (name === 'tab') text += '\t';
      else if (name === 'br' || name === 'cr') text += '\n';
      else if (name === 'noBreakHyphen') text += '\u2011';
      else if (name === 'softHyphen') text += '\u00ad';
      else if (name === 'footnoteRef' || name === 'endnoteRef') text += '\u0000';
      else if (call) text += call(name === 'footnoteReference' ? 'footnote' : 'endnote', /w:id="(-?\d+)"/.exec(attributes ?? '')?.[1] ?? token);
    }
    paragraphs.push(text);
  }
  return paragraphs;
}

/**
 * The label Word shows before a list paragraph, from `word/numbering.xml`: a number as its level's
 * text says (`%1.`, `%1.%2.`, `(%1)`), counted per list and level (a deeper level starts again
 * under each new item above it), or `• ` for a bullet. Word keeps these out of the text runs.
 */
function listLabels(numbering: string | undefined): (paragraph: string) => string {
  if (!numbering) return () => '';
  const abstractOf = new Map<string, string>();
  for (const [, numId, body] of numbering.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId\b[^>]*w:val="(\d+)"/.exec(body)?.[1];
    if (abstract) abstractOf.set(numId, abstract);
  }
  const levels = new Map<string, { format: string; text: string; start: number }>();
  for (const [, abstractId, body] of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    for (const [, level, definition] of body.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(`${abstractId}:${level}`, {
        format: /<w:numFmt\b[^>]*w:val="([^"]+)"/.exec(definition)?.[1] ?? 'decimal',
        text: decodeXml(/<w:lvlText\b[^>]*w:val="([^"]*)"/.exec(definition)?.[1] ?? ''),
        start: Number(/<w:start\b[^>]*w:val="(\d+)"/.exec(definition)?.[1] ?? 1),
      });
    }
  }
  const counters = new Map<string, number[]>();
  return (paragraph) => {
    const properties = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph)?.[1];
    const numId = properties && /<w:numId\b[^>]*w:val="(\d+)"/.exec(properties)?.[1];
    const abstract = numId && abstractOf.get(numId);
    if (!properties || !abstract) return '';
    const level = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(properties)?.[1] ?? 0);
    const definition = levels.get(`${abstract}:${level}`);
    if (!definition || definition.format === 'none') return '';
    if (definition.format === 'bullet') return '• ';
    const counts = counters.get(numId) ?? [];
    counts[level] = (counts[level] ?? (levels.get(`${abstract}:${level}`)?.start ?? 1) - 1) + 1;
    counts.length = level + 1;
    counters.set(numId, counts);
    return `${definition.text.replace(/%(\d)/g, (_, n: string) => String(counts[Number(n) - 1] ?? levels.get(`${abstract}:${Number(n) - 1}`)?.start ?? 1))} `;
  };
}
