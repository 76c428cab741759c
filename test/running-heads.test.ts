/**
 * The running head names the section in force at the top of each page: a chapter that begins
 * halfway down a page is named from the next page on, one that begins at the top of a page is
 * named on that page, and before the first chapter there is none. Checked against the PDF's own
 * text: the head in the page margin, the chapter headings in the body.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText, type PdfContent } from '../scripts/pdf/text.ts';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const chapters = ['Aanleiding', 'Werkwijze', 'Bevindingen', 'Conclusies', 'Vervolg'];
const paragraph = (chapter: string, n: number) =>
  `Alinea ${n} van ${chapter.toLowerCase()}: de instellingen voor kinderen zijn niet standaard veilig, en meldingen komen ook 's nachts binnen, wat de slaap verstoort.`;
// Chapters of different lengths, so that some begin halfway down a page.
const body = chapters
  .map((chapter, index) => `## ${chapter}\n\n${Array.from({ length: 7 + index * 5 }, (_, n) => paragraph(chapter, n + 1)).join('\n\n')}\n`)
  .join('\n');

describe('running heads', () => {
  let pdf: PdfContent;
  beforeAll(async () => {
    const root = writeTree({ 'content/nota/index.md': document(body) });
    const built = runCli(['build', '--no-check'], root);
    expect(built.code, built.stderr).toBe(0);
    pdf = await readPdfText(path.join(root, 'dist/nota/nota.pdf'));
  }, 120_000);

  it('name the section in force at the top of each page', () => {
    let inForce: string | undefined;
    let midPageStarts = 0;
    for (const [index, page] of pdf.pages.entries()) {
      // The contents page lists the chapters too; it is not where they begin.
      if (page.lines.some((line) => line.trim() === 'Inhoudsopgave')) continue;
      const lines = page.lines.filter((line) => line.trim());
      const headings = lines.map((line, at) => ({ at, chapter: chapters.find((chapter) => line.trim() === chapter) })).filter((entry) => entry.chapter);
      // The page's first body line is a heading: that chapter starts the page.
      const startsPage = headings[0]?.at === 0;
      const expected = startsPage ? headings[0].chapter : inForce;
      if (headings.length > 0 && !startsPage) midPageStarts++;
      const head = page.furniture.join(' ');
      for (const chapter of chapters)
        expect(head.includes(chapter), `page ${index + 1}: head „${head}”, expected ${expected ?? 'no section'}`).toBe(chapter === expected);
      if (headings.length > 0) inForce = headings[headings.length - 1].chapter;
    }
    // The case that was wrong before: a chapter beginning halfway down a page.
    expect(midPageStarts).toBeGreaterThan(0);
  });
});
