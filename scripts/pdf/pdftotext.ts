/**
 * A PDF's text through poppler's pdftotext, a reader independent of ours (pdf-lib, pdf.js): by
 * page and line, with the running heads and page numbers told apart as page furniture.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfTextLines {
  /** Each line with its place: "page 2, line 5". */
  lines: Array<{ text: string; place: string }>;
  /** The running heads and page numbers left out, as "page N: text". */
  furniture: string[];
  /** Why there is no text to compare with (a scan), if so. */
  problem?: string;
}

/** A line that is only a page number: "3", "- 3 -", "Pagina 3 van 12", "3/12". */
const pageNumber = /^\s*(?:[-–]\s*)?(?:(?:pagina|page|blz\.?)\s*)?\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?(?:\s*[-–])?\s*$/i;

/** A PDF's text as pdftotext reads it, by page and line, running heads and page numbers left out (listed in `furniture`). */
export async function pdfTextLines(file: string): Promise<PdfTextLines> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const pages = stdout.split('\f').map((page) => page.split('\n'));
  if (pages.length > 1 && pages.at(-1)!.every((line) => !line.trim())) pages.pop();
  return withoutFurniture(pages);
}

/**
 * A PDF's lines by page with the page furniture left out (and listed): up to three lines at the
 * top or bottom of a page that recur (numbers aside) at the same edge of at least half the
 * pages, or that are only a page number. Shared by the readers of received PDFs.
 */
export function withoutFurniture(pages: string[][], artifacts: string[] = []): PdfTextLines {
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
  // A bare number at a page's edge is its page number only when the numbers follow the pages
  // (page index plus one offset, on at least half of them): a note's number at the foot of a
  // page (pdftotext may give it after the note's text) is not.
  const bare = /^\s*\d{1,4}\s*$/;
  const numbering = { top: undefined as number | undefined, bottom: undefined as number | undefined };
  for (const end of ['top', 'bottom'] as const) {
    const offsets = new Map<number, number>();
    pages.forEach((page, pageIndex) => {
      const outermost = edgeLines(page, end).find((line) => bare.test(line.text));
      if (outermost) offsets.set(Number(outermost.text) - pageIndex, (offsets.get(Number(outermost.text) - pageIndex) ?? 0) + 1);
    });
    const [offset, count] = [...offsets][0] ?? [];
    if (offsets.size === 1 && count! >= Math.ceil(pages.length / 2)) numbering[end] = offset;
  }
  const isPageNumber = (text: string, pageIndex: number, end: 'top' | 'bottom') =>
    pageNumber.test(text) && (!bare.test(text) || Number(text) - pageIndex === numbering[end]);
  const furniture: string[] = [...artifacts];
  const lines: Array<{ text: string; place: string }> = [];
  pages.forEach((page, pageIndex) => {
    const skip = new Set<number>();
    for (const end of ['top', 'bottom'] as const) {
      for (const line of edgeLines(page, end)) {
        if (!isPageNumber(line.text, pageIndex, end) && !(pages.length >= 2 && !bare.test(line.text) && (recurring[end].get(shape(line.text)) ?? 0) >= enough))
          break;
        skip.add(line.index);
        furniture.push(`page ${pageIndex + 1}: ${line.text.trim()}`);
      }
    }
    page.forEach((text, index) => {
      if (!skip.has(index)) lines.push({ text, place: `page ${pageIndex + 1}, line ${index + 1}` });
    });
  });
  return { lines, furniture, problem: lines.some((line) => line.text.trim()) ? undefined : 'the PDF has no text layer (a scan?)' };
}
