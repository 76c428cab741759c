/**
 * The text of a received original (`original:` of a response), read independently of our
 * Markdown: a PDF through poppler's pdftotext, a Word file through mammoth's raw text, an e-mail
 * through postal-mime (its plain-text body), a text file as it is. The kind is found from the
 * file's first bytes, not its name. Each line keeps where it was (page and line, paragraph,
 * line), so a difference can be shown in the original as well as in the Markdown.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

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
  if (kind === 'pdf') return pdfText(file);
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

/** A line that is only a page number: "3", "- 3 -", "Pagina 3 van 12", "3/12". */
const pageNumber = /^\s*(?:[-–]\s*)?(?:(?:pagina|page|blz\.?)\s*)?\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?(?:\s*[-–])?\s*$/i;

async function pdfText(file: string): Promise<OriginalText> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const pages = stdout.split('\f').map((page) => page.split('\n'));
  if (pages.length > 1 && pages.at(-1)!.every((line) => !line.trim())) pages.pop();
  // Running heads and feet: up to three lines at the top or bottom of a page that recur
  // (numbers aside) at the same edge of at least half the pages, or that are only a page number.
  const edgeLines = (page: string[], end: 'top' | 'bottom') => {
    const lines = page.map((text, index) => ({ text, index })).filter((line) => line.text.trim());
    return (end === 'top' ? lines : lines.reverse()).slice(0, 3);
  };
  const shape = (text: string) => text.trim().replace(/\d+/g, '#');
  const recurring = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  for (const page of pages) {
    for (const end of ['top', 'bottom'] as const)
      for (const shaped of new Set(edgeLines(page, end).map((line) => shape(line.text)))) recurring[end].set(shaped, (recurring[end].get(shaped) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  const furniture: string[] = [];
  const lines: OriginalLine[] = [];
  pages.forEach((page, pageIndex) => {
    const skip = new Set<number>();
    for (const end of ['top', 'bottom'] as const) {
      for (const line of edgeLines(page, end)) {
        if (!pageNumber.test(line.text) && !(pages.length >= 2 && (recurring[end].get(shape(line.text)) ?? 0) >= enough)) break;
        skip.add(line.index);
        furniture.push(`page ${pageIndex + 1}: ${line.text.trim()}`);
      }
    }
    page.forEach((text, index) => {
      if (!skip.has(index)) lines.push({ text, place: `page ${pageIndex + 1}, line ${index + 1}` });
    });
  });
  return { kind: 'pdf', lines, furniture, problem: lines.some((line) => line.text.trim()) ? undefined : 'the PDF has no text layer (a scan?)' };
}

async function docxText(bytes: Uint8Array): Promise<OriginalText> {
  const [{ default: JSZip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')?.async('string');
  if (document === undefined) throw new Error('a ZIP file that is not a Word document (no word/document.xml)');
  // mammoth reads unaccepted insertions as text and drops deletions without a word: a file with
  // tracked changes has no one text to compare with.
  const tracked = /<w:(ins|del|moveFrom|moveTo)\b/.test(document);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const paragraphs = value.split(/\n\n/);
  return {
    kind: 'docx',
    lines: paragraphs.flatMap((paragraph, index) => paragraph.split('\n').map((text) => ({ text, place: `paragraph ${index + 1}` }))),
    furniture: [],
    problem: tracked
      ? 'the Word file has tracked changes, so its text is not one text (ask the sender for the version as sent, with the changes accepted)'
      : undefined,
  };
}
