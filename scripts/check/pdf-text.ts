/**
 * Read the text of a PDF with pdf.js, page by page, separating page furniture (running
 * header, "Pagina X van Y" in the page margins) from the body text.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

/** Page margins of the print stylesheet (styles/print.css), in millimetres. */
export const pageMarginsMm = { top: 25, bottom: 25 } as const;
const mmToPt = 72 / 25.4;

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

const require = createRequire(import.meta.url);

/**
 * Extract the text of the PDF at `file`, from page `fromPage` (1-based) on; earlier pages are
 * returned empty, so page indexes stay meaningful.
 */
export async function readPdfText(file: string, options: { fromPage?: number } = {}): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const standardFontDataUrl = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep).href;
  const document = await pdfjs.getDocument({ data, verbosity: 0, standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      if (number < (options.fromPage ?? 1)) {
        pages.push({ lines: [], furniture: [] });
        continue;
      }
      const page = await document.getPage(number);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const lines: string[] = [];
      const furniture: string[] = [];
      let body = '';
      let margin = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5];
        const inMargin = y < pageMarginsMm.bottom * mmToPt || y > height - pageMarginsMm.top * mmToPt;
        if (inMargin) {
          margin += item.str;
          if (item.hasEOL) (furniture.push(margin), (margin = ''));
        } else {
          body += item.str;
          if (item.hasEOL) (lines.push(body), (body = ''));
        }
      }
      if (body) lines.push(body);
      if (margin) furniture.push(margin);
      pages.push({ lines, furniture });
      page.cleanup();
    }
    const metadata = await document.getMetadata();
    return { pages, info: metadata.info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}
