/**
 * Run the verbatim proof for a built document: every response's source text must equal the
 * text of its section in the written HTML file and, when there is one, in the PDF. For a
 * response with redactions that is the redacted source text (see `sourceText`).
 * A difference is a fatal message on the response file, at the first differing character.
 */
import { readFile } from 'node:fs/promises';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import type { Point } from 'unist';
import { visit } from '../model/tree-walk.ts';
import type { CompiledDocument } from '../model/compiled.ts';
import { responseRegions } from '../pipeline/responses.ts';
import { findInPdf, firstDifference, pdfTextFromLines, renderedText, type Difference } from './verbatim.ts';
import type { PdfContent } from '../pdf/text.ts';
import { readOriginal, type OriginalKind } from './original-text.ts';
import { compareWithOriginal, normaliseOriginal, publishedText, withNotesAtEnd, withSplitCellsJoined } from './verbatim.ts';

const source = 'kia-verbatim';

export interface VerbatimResult {
  /**
   * Per response (frontmatter order): whether each format was proven identical to the source,
   * and, when the response names its received original, whether the published text equals it.
   */
  responses: Array<{ html: boolean; pdf: boolean | undefined; original?: { verified: boolean; kind?: OriginalKind; furniture: string[] } }>;
}

/**
 * Compare each response with the HTML file at `htmlPath` and the extracted PDF text; `pdfName`
 * names the PDF in messages when it is not the document's own (the publication bundle).
 */
export async function verifyResponses(
  document: CompiledDocument,
  htmlPath: string,
  pdf: PdfContent | undefined,
  options: { pdfName?: string } = {},
): Promise<VerbatimResult> {
  const written = fromHtml(await readFile(htmlPath, 'utf8'));
  const htmlRegions = responseRegions(written);
  const printRegions = responseRegions(document.printTree);
  const pdfText = pdf ? pdfTextFromLines(pdf.pages.flatMap((page) => page.lines)) : undefined;
  let pdfCursor = 0;
  const results: VerbatimResult['responses'] = [];

  for (const [index, response] of document.responses.entries()) {
    const fail = (format: string, difference: Difference) => {
      response.file.message(
        `Unexpected ${format}${format === 'PDF' && options.pdfName ? ` (\`${options.pdfName}\`)` : ''} text \`${difference.actual}\` differing from the response at character ${difference.index + 1} (whitespace ignored), expected \`${difference.expected}\` as in the ${response.redactions.length > 0 ? 'redacted source (each `:redact[…]` shown as its public text)' : 'source'}`,
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
    const original = response.original ? await verifyOriginal(response, printRegions[index]) : undefined;
    results.push({ html: !htmlDifference, pdf: pdfOk, original });
  }
  return { responses: results };
}

/**
 * The published text of a response (its region of the print tree, whose text nodes still point
 * into the response's Markdown) against the received original's text. The HTML and the PDF are
 * each proven equal to that same text above, so they equal the original too. Each difference is
 * a fatal message at its place in the Markdown, naming its place in the original.
 */
export async function verifyOriginal(
  response: CompiledDocument['responses'][number],
  region: Element | undefined,
): Promise<NonNullable<VerbatimResult['responses'][number]['original']>> {
  const original = response.original!;
  const fail = (reason: string, place?: Point) => {
    response.file.message(reason, { place, source, ruleId: 'verbatim-original' }).fatal = true;
  };
  let read;
  try {
    read = await readOriginal(original.absolute);
  } catch (error) {
    fail(`Unexpected original \`${original.relativePath}\` that cannot be read (${(error as Error).message}), expected the file as received`);
    return { verified: false, furniture: [] };
  }
  if (read.problem) {
    fail(`Unexpected original \`${original.relativePath}\`: ${read.problem}, expected one text to compare with`);
    return { verified: false, kind: read.kind, furniture: read.furniture };
  }
  const redactions = response.file.data.redactions ?? [];
  const withheld = (start: Point | undefined) =>
    redactions.find((redaction) => redaction.position?.start.line === start?.line && redaction.position?.start.column === start?.column)?.text;
  const published = publishedText(region ?? { type: 'root', children: [] }, withheld);
  // The proof holds when the published text equals the original's text in one reader's order:
  // both read the same characters, and only where lines side by side go first differs.
  const compare = (lines: typeof read.lines) =>
    compareWithOriginal(withSplitCellsJoined(withNotesAtEnd(normaliseOriginal(lines), published), published), published);
  let differences = compare(read.lines);
  if (differences.length > 0 && read.otherOrder) {
    const other = compare(await read.otherOrder());
    if (other.length < differences.length) differences = other;
  }
  for (const difference of differences) {
    fail(
      `Unexpected published text \`${difference.actual}\`, expected \`${difference.expected}\` as in the original \`${original.relativePath}\` (${difference.originalPlace}; whitespace ignored)`,
      difference.place && pastWhitespace(String(response.file.value), difference.place),
    );
  }
  return { verified: differences.length === 0, kind: read.kind, furniture: read.furniture };
}

/** `place`, moved past any whitespace in `text` (a change found between two words starts at the next one). */
function pastWhitespace(text: string, place: Point): Point {
  const lines = text.split('\n');
  let { line, column } = place;
  while (line <= lines.length) {
    const rest = lines[line - 1].slice(column - 1);
    const skipped = rest.length - rest.trimStart().length;
    if (skipped < rest.length) return { line, column: column + skipped };
    line++;
    column = 1;
  }
  return place;
}
