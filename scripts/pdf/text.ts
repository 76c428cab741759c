/**
 * Read the text of a PDF with pdf.js, page by page, separating page furniture (running
 * header, "Pagina X van Y" in the page margins, artifacts such as a draft's watermark) from
 * the body text.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type PdfTextLines, withoutFurniture } from './pdftotext.ts';
import path from 'node:path';
import { loadPdfjs } from './pdfjs.ts';

/** Page margins of the print stylesheet (styles/print.css), in millimetres. */
export const pageMarginsMm = { top: 25, bottom: 25 } as const;
/** Points per millimetre. */
export const mmToPt = 72 / 25.4;

export interface PdfPageText {
  /** Body lines, in content-stream order (the order Chromium painted them). */
  lines: string[];
  /** Lines found in the top or bottom page margin. */
  furniture: string[];
}

export interface PdfContent {
  pages: PdfPageText[];
  info: Record<string, unknown>;
}

/** A run of text on a page as pdf.js gives it, with its marked-content context. */
export interface TextRun {
  text: string;
  /** Baseline y in PDF points from the bottom of the page. */
  y: number;
  /** MCID of the innermost tagged sequence, if tagged. */
  mcid?: number;
  artifact: boolean;
  /** The type size (the text item's height in points). */
  size: number;
}

const require = createRequire(import.meta.url);

/**
 * Extract the text of the PDF at `file`, from page `fromPage` (1-based) on; earlier pages are
 * returned empty, so page indexes stay meaningful.
 */
export async function readPdfText(file: string, options: { fromPage?: number } = {}): Promise<PdfContent> {
  return (await readPdfPages(new Uint8Array(await readFile(file)), options)).content;
}

/**
 * One pdf.js pass over the PDF giving both views of its text: lines per page (body and
 * furniture apart), and text runs with their marked-content context (MCID, artifact), which
 * the PDF checks use. The build reads a 200-page PDF once instead of twice.
 */
export async function readPdfPages(data: Uint8Array, options: { fromPage?: number } = {}): Promise<{ content: PdfContent; runs: TextRun[][] }> {
  const pdfjs = await loadPdfjs();
  const standardFontDataUrl = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep).href;
  const document = await pdfjs.getDocument({ data: data.slice(), verbosity: 0, standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: PdfPageText[] = [];
    const runs: TextRun[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      if (number < (options.fromPage ?? 1)) {
        pages.push({ lines: [], furniture: [] });
        runs.push([]);
        continue;
      }
      const page = await document.getPage(number);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: true });
      const lines: string[] = [];
      const furniture: string[] = [];
      const pageRuns: TextRun[] = [];
      const stack: Array<{ mcid?: number; artifact: boolean }> = [];
      let body = '';
      let margin = '';
      for (const item of content.items as Array<Record<string, unknown>>) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          const id = typeof item.id === 'string' ? /_mc(\d+)$/.exec(item.id) : null;
          stack.push({ mcid: id ? Number(id[1]) : undefined, artifact: item.tag === 'Artifact' });
          continue;
        }
        if (item.type === 'endMarkedContent') {
          stack.pop();
          continue;
        }
        if (typeof item.str !== 'string') continue;
        const y = (item.transform as number[])[5];
        if (item.str !== '') {
          const tagged = [...stack].reverse().find((entry) => entry.mcid !== undefined);
          pageRuns.push({ text: item.str, y, mcid: tagged?.mcid, artifact: stack.some((entry) => entry.artifact), size: Number(item.height) || 0 });
        }
        // Page furniture: text in the page margins, and anything marked as an artifact (the
        // CONCEPT watermark across a draft's pages).
        const inMargin = y < pageMarginsMm.bottom * mmToPt || y > height - pageMarginsMm.top * mmToPt || stack.some((entry) => entry.artifact);
        if (inMargin) {
          margin += item.str;
          if (item.hasEOL) furniture.push(margin), (margin = '');
        } else {
          body += item.str;
          if (item.hasEOL) lines.push(body), (body = '');
        }
      }
      if (body) lines.push(body);
      if (margin) furniture.push(margin);
      pages.push({ lines, furniture });
      runs.push(pageRuns);
      page.cleanup();
    }
    const metadata = await document.getMetadata();
    return { content: { pages, info: metadata.info as Record<string, unknown> }, runs };
  } finally {
    await document.destroy();
  }
}

/**
 * A received PDF's text in content order, as pdf.js reads its content streams (a second reader
 * next to pdftotext, whose reading order interleaves the lines of table cells set side by side):
 * by page and line (a new line where the baseline changes), artifacts and page furniture left out.
 */
export async function pdfContentLines(file: string): Promise<PdfTextLines> {
  const { runs } = await readPdfPages(new Uint8Array(await readFile(file)));
  const artifacts: string[] = [];
  const pages = runs.map((pageRuns, index) => {
    const lines: string[] = [];
    let lastY: number | undefined;
    for (const run of pageRuns) {
      if (run.artifact) {
        if (run.text.trim()) artifacts.push(`page ${index + 1}: ${run.text.trim()}`);
        continue;
      }
      if (lastY === undefined || Math.abs(run.y - lastY) > 1) lines.push(run.text);
      else lines[lines.length - 1] += run.text;
      lastY = run.y;
    }
    return lines;
  });
  return withoutFurniture(pages, artifacts);
}
