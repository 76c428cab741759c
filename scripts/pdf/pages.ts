/** Reading and replacing a page's content stream with pdf-lib. */
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

/** The page's content (all its content streams, concatenated) as latin1 text. */
export function pageContent(page: PDFPage): string | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const chunks: string[] = [];
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? page.doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) return undefined;
    chunks.push(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
  }
  return chunks.join('\n');
}

/** Replace the page's content with `text` (latin1), compressed, dropping the old streams. */
export function setPageContent(pdf: PDFDocument, page: PDFPage, text: string): void {
  const contents = page.node.get(PDFName.of('Contents'));
  const old = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const stream = pdf.context.flateStream(Buffer.from(text, 'latin1'));
  page.node.set(PDFName.of('Contents'), pdf.context.register(stream));
  for (const ref of old) if (ref instanceof PDFRef) pdf.context.delete(ref);
}
