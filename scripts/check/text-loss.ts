/**
 * Paged.js can silently drop content it cannot lay out (a table row taller than a page, an
 * overfull footnote). Every block of the print page, captured before layout, must be found in
 * the text pdf.js extracts from the PDF; what is not there is named, with the heading above it.
 */
import type { VFile } from 'vfile';
import type { TextBlock } from '../render/browser.ts';
import type { PdfContent } from '../pdf/text.ts';
import { collapseWhitespace, withoutLineBreaking } from '../model/text-normalisation.ts';

/** The blocks whose text the PDF must contain: the cover, the body, tables, notes, the responses. */
export const printBlocks =
  '.doc-header h1, .doc-header p, .doc-header dt, .doc-header dd, .letter-head p, .letter-head dt, .letter-head dd, .letter-head h1, main p, main li:not(:has(p, li)), main th, main td, main caption, main h2, main h3, main h4, main h5, main h6, main dt, main dd, .footnote';

// Whitespace, soft hyphens and hyphens are left out on both sides: line breaks and hyphenation
// are the layout's business, not lost text.
const squash = withoutLineBreaking;

const kindLabels: Record<string, string> = {
  p: 'alinea',
  li: 'lijstitem',
  th: 'tabelkop',
  td: 'tabelcel',
  caption: 'tabelbijschrift',
  note: 'voetnoot',
  dt: 'gegeven',
  dd: 'gegeven',
  h1: 'titel',
};

/**
 * Where `wanted` ends in `text`, found from `from` on, allowing it to be interrupted: a
 * paragraph that breaks across pages has the first page's footnotes between its two halves.
 * A piece must resume within `gap` characters. -1 when it is not there.
 */
function findInPieces(text: string, wanted: string, from: number, gap = 20_000): number {
  // Every place the block's start occurs is a candidate: a greedy match from the first one fails
  // when an earlier sentence happens to start with the same words.
  const first = wanted.slice(0, 24);
  for (let start = text.indexOf(first, from); start !== -1; start = text.indexOf(first, start + 1)) {
    const end = matchFrom(text, wanted, start, gap);
    if (end !== -1) return end;
  }
  return -1;
}

function matchFrom(text: string, wanted: string, start: number, gap: number): number {
  let i = 0;
  let position = start;
  while (i < wanted.length) {
    const probe = wanted.slice(i, i + 24);
    const at = i === 0 ? start : text.indexOf(probe, position);
    if (at === -1 || (i > 0 && at - position > gap)) return -1;
    let j = at;
    while (i < wanted.length && text[j] === wanted[i]) {
      i++;
      j++;
    }
    position = j;
  }
  return position;
}

/** The blocks not found in the PDF's text, in document order. */
export function lostBlocks(blocks: TextBlock[], pdf: PdfContent): TextBlock[] {
  const text = squash(pdf.pages.flatMap((page) => page.lines).join(''));
  const lost: TextBlock[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const wanted = squash(block.text);
    if (!wanted) continue;
    // In reading order from where the previous block ended; notes float to the page foot and
    // may sit anywhere, so they and anything not found after the cursor are looked for everywhere.
    const end = block.kind === 'note' ? -1 : findInPieces(text, wanted, cursor);
    if (end !== -1) {
      cursor = end;
      continue;
    }
    if (findInPieces(text, wanted, 0) !== -1) continue;
    lost.push(block);
  }
  return lost;
}

/** Report each lost block as an error on the document's source file. */
export function reportLostBlocks(lost: TextBlock[], file: VFile): void {
  for (const block of lost) {
    const words = collapseWhitespace(block.text);
    const shown = words.length > 60 ? `${words.slice(0, 60)}…` : words;
    file.message(
      `Unexpected ${kindLabels[block.kind] ?? 'kop'} „${shown}”${block.heading && block.kind[0] !== 'h' ? ` (onder „${block.heading}”)` : ''} missing from the PDF, expected all text of the HTML in the PDF (Paged.js could not lay it out: split the table row or shorten the note)`,
      {
        source: 'kia-pdf',
        ruleId: 'pdf-text-lost',
      },
    ).fatal = true;
  }
}
