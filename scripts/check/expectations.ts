/** What a PDF must contain, read from the print document it was made from. */
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from '../model/tree-walk.ts';
import type { PdfExpectations } from './pdf-audit.ts';
import { collapseWhitespace } from '../model/text-normalisation.ts';

/** Headings and other-language passages of `printTree`, plus the laid-out `text` and `notes` when known. */
export function pdfExpectations(printTree: Root, text?: string, notes?: string[]): PdfExpectations {
  const headings: NonNullable<PdfExpectations['headings']> = [];
  const langPassages: NonNullable<PdfExpectations['langPassages']> = [];
  visit(printTree, 'element', (node) => {
    if (node.tagName === 'html' || node.tagName === 'head') return node.tagName === 'head' ? 'skip' : undefined;
    const rank = headingRank(node);
    if (rank) headings.push({ level: rank, text: toString(node) });
    // A block passage is checked per block (each carries the language in the PDF).
    if (typeof node.properties.lang === 'string' && node.tagName !== 'div')
      langPassages.push({ lang: node.properties.lang, text: collapseWhitespace(toString(node)) });
  });
  return { headings, langPassages, text, notes };
}
