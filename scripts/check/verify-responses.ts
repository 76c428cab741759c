/**
 * Run the verbatim proof for a built document: every response's source text must equal the
 * text of its section in the written HTML file and, when there is one, in the PDF. For a
 * response with redactions that is the redacted source text (see `sourceText`).
 * A difference is a fatal message on the response file, at the first differing character.
 */
import { readFile } from 'node:fs/promises';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { CompiledDocument } from '../core/compile-document.ts';
import { responseRegions } from '../core/compile-document.ts';
import { findInPdf, firstDifference, pdfTextFromLines, renderedText, type Difference } from './verbatim.ts';
import type { PdfContent } from '../pdf/text.ts';

const source = 'kia-verbatim';

export interface VerbatimResult {
  /** Per response (frontmatter order): whether each format was proven identical. */
  responses: Array<{ html: boolean; pdf: boolean | undefined }>;
}

/**
 * Compare each response with the HTML file at `htmlPath` and the extracted PDF text; `pdfName`
 * names the PDF in messages when it is not the document's own (the publication bundle).
 */
export async function verifyResponses(document: CompiledDocument, htmlPath: string, pdf: PdfContent | undefined, options: { pdfName?: string } = {}): Promise<VerbatimResult> {
  const written = fromHtml(await readFile(htmlPath, 'utf8'));
  const htmlRegions = responseRegions(written);
  const printRegions = responseRegions(document.printTree);
  const pdfText = pdf ? pdfTextFromLines(pdf.pages.flatMap((page) => page.lines)) : undefined;
  let pdfCursor = 0;
  const results: VerbatimResult['responses'] = [];

  document.responses.forEach((response, index) => {
    const fail = (format: string, difference: Difference) => {
      response.file.message(
        `Unexpected ${format}${format === 'PDF' && options.pdfName ? ` (\`${options.pdfName}\`)` : ''} text \`${difference.actual}\` differing from the response at character ${difference.index + 1} (whitespace ignored), expected \`${difference.expected}\` as in the ${response.redactions.length > 0 ? 'redacted source (each `:redact[…]` shown as its ground)' : 'source'}`,
        { place: difference.place, source, ruleId: `verbatim-${format.toLowerCase()}` },
      ).fatal = true;
    };
    const htmlRegion = htmlRegions[index];
    const htmlDifference = htmlRegion
      ? firstDifference(response.source, renderedText(htmlRegion, { withApparatus: false }).text)
      : { index: 0, place: undefined, expected: response.source.text.slice(0, 24), actual: '(reactie ontbreekt in de HTML)' };
    if (htmlDifference) fail('HTML', htmlDifference);

    let pdfOk: boolean | undefined;
    if (pdfText) {
      // The PDF has footnote numbers and list numbers as real text, so compare with the print tree's text including them,
      // after checking that the print tree itself still holds the source text.
      const printRegion = printRegions[index];
      const printDifference = firstDifference(response.source, renderedText(printRegion, { withApparatus: false }).text);
      const expected = renderedText(printRegion, { withApparatus: true });
      const headers: string[] = [];
      visit(printRegion, 'element', (node) => {
        if (node.tagName === 'thead') headers.push(renderedText(node, { withApparatus: true }).text);
      });
      const found = findInPdf(expected, pdfText, pdfCursor, headers.filter(Boolean));
      pdfCursor = found.end;
      const pdfDifference = printDifference ?? found.difference;
      if (pdfDifference) fail('PDF', pdfDifference);
      pdfOk = !pdfDifference;
    }
    results.push({ html: !htmlDifference, pdf: pdfOk });
  });
  return { responses: results };
}
