/**
 * The link from a document's HTML edition to its PDF, with the PDF's page count and size, near
 * the top of the page. The shell leaves an empty, hidden place for it; the build fills it once
 * the PDF exists (a build without PDF leaves it empty, so no link points at nothing).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatSize, pageCount } from '../model/dutch.ts';

/** What the shell writes where the link goes (see rehype-document-shell). */
export const pdfLinkPlace = '<p class="pdf-download" hidden></p>';

/** Fill the PDF link's place in the page at `htmlPath`; `pdfName` is relative to the page. */
export async function addPdfLink(htmlPath: string, pdfName: string, pdf: { pages: number; bytes: number }): Promise<void> {
  const html = await readFile(htmlPath, 'utf8');
  const link = `<p class="pdf-download"><a href="${encodeURI(pdfName)}" type="application/pdf">Deze tekst als PDF (${pageCount(pdf.pages)}, ${formatSize(pdf.bytes)})</a></p>`;
  await writeFile(htmlPath, html.replace(pdfLinkPlace, link));
}
