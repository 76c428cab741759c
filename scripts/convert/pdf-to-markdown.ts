/**
 * A received PDF as Markdown for a response: a tagged PDF by its structure tree
 * (`taggedPdfToMarkdown`), an untagged one by its layout (`layoutToMarkdown`), a PDF without
 * text (a scan) refused. The Markdown says in a comment which way it was read; the import
 * proves the text against the received file either way.
 */
import { readFile } from 'node:fs/promises';
import { pdfTextLines } from '../pdf/pdftotext.ts';
import type { ConvertedResponse } from './docx-to-markdown.ts';
import { layoutToMarkdown } from './pdf-layout-to-markdown.ts';
import { taggedPdfToMarkdown } from './tagged-pdf-to-markdown.ts';

/** Convert the PDF at `file`: by its structure tree when tagged, else by layout; one without text (a scan) is refused. */
export async function pdfToMarkdown(file: string): Promise<ConvertedResponse> {
  const read = await pdfTextLines(file);
  if (read.problem)
    return {
      markdown: '',
      notes: [],
      refused: { found: 'PDF without text to take over (a scan?)', expected: 'a PDF with text or a Word file (ask the sender)' },
    };
  const tagged = await taggedPdfToMarkdown(new Uint8Array(await readFile(file)));
  if (tagged) return { ...tagged, notes: [...tagged.notes, ...read.furniture.map((line) => `left out as page furniture: ${line}`)] };
  return layoutToMarkdown(file, read.furniture);
}
