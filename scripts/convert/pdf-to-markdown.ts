/**
 * A received PDF as Markdown for a response. A tagged PDF is read by its structure tree
 * (`taggedPdfToMarkdown`: headings, paragraphs, lists, tables in reading order). An untagged one
 * is read by poppler's layout analysis (`layoutToMarkdown`: blocks as paragraphs, larger type as
 * headings, bulleted lines as list items, a hyphen at a line end before a lower-case letter as
 * hyphenation, running heads and page numbers left out and listed). Markdown's own characters in
 * the text are escaped, so the pipeline reads back the text as received; the import proves it.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { pdfTextLines } from '../pdf/pdftotext.ts';
import { isContent, kids, readPdfFacts, walk, type StructElement } from '../pdf/read.ts';
import type { ConvertedResponse } from './docx-to-markdown.ts';
import { decodeXml } from '../model/xml-text.ts';

const bullet = /^\s*[•◦▪‣∙●○■–-]\s+/u;
const run = promisify(execFile);

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

/** One line of pdftotext's layout analysis: its words and its box. */
interface LayoutLine {
  text: string;
  xMin: number;
  height: number;
}

/**
 * An untagged PDF by poppler's layout analysis (`pdftotext -bbox-layout`): each block a
 * paragraph, a block of larger type (at most three lines) a heading ranked by its size, lines
 * that start with a bullet character list items (a continuation line joins its item), page
 * furniture (as the proof's reader finds it) left out.
 */
async function layoutToMarkdown(file: string, furniture: string[]): Promise<ConvertedResponse> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const leftOut = new Set(furniture);
  const blocks: LayoutLine[][] = [];
  for (const [pageNumber, page] of [...stdout.matchAll(/<page\b[^>]*>([\s\S]*?)<\/page>/g)].map((match, index) => [index + 1, match[1]] as const)) {
    for (const [, block] of page.matchAll(/<block\b[^>]*>([\s\S]*?)<\/block>/g)) {
      const lines: LayoutLine[] = [];
      for (const [, attributes, words] of block.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
        const text = [...words.matchAll(/<word\b[^>]*>([\s\S]*?)<\/word>/g)].map((word) => decodeXml(word[1])).join(' ');
        if (leftOut.has(`page ${pageNumber}: ${text.trim()}`)) continue;
        const number = (name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attributes)?.[1] ?? 0);
        lines.push({ text, xMin: number('xMin'), height: number('yMax') - number('yMin') });
      }
      if (lines.length > 0) blocks.push(lines);
    }
  }
  const heights = blocks
    .flat()
    .map((line) => line.height)
    .sort((a, b) => a - b);
  const body = heights[Math.floor(heights.length / 2)] ?? 0;
  const isHeading = (lines: LayoutLine[]) => lines.length <= 3 && lines.every((line) => line.height >= body * 1.2);
  // Heading sizes, largest first: the largest is a level-1 heading, and so on.
  const sizes = [...new Set(blocks.filter(isHeading).map((lines) => Math.round(lines[0].height)))].sort((a, b) => b - a);
  const children: RootContent[] = [];
  for (const lines of blocks) {
    if (isHeading(lines)) {
      const depth = Math.min(sizes.indexOf(Math.round(lines[0].height)) + 1, 6) as 1;
      children.push({ type: 'heading', depth, children: [{ type: 'text', value: lines.map((line) => line.text.trim()).join(' ') }] });
      continue;
    }
    let paragraphLines: string[] = [];
    let items: string[][] = [];
    const flush = () => {
      if (paragraphLines.length > 0) children.push(paragraph(paragraphLines));
      if (items.length > 0)
        children.push({
          type: 'list',
          ordered: false,
          spread: false,
          children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(item)] })),
        });
      paragraphLines = [];
      items = [];
    };
    for (const line of lines) {
      if (bullet.test(line.text)) {
        if (paragraphLines.length > 0) flush();
        items.push([line.text.replace(bullet, '')]);
      } else if (items.length > 0) {
        items.at(-1)!.push(line.text);
      } else {
        paragraphLines.push(line.text);
      }
    }
    flush();
  }
  const notes = [
    'read by layout (pdftotext): headings by type size, lists only by bullet characters; tables and footnotes are not recognised and come out as paragraphs: check the structure before publishing',
    ...furniture.map((line) => `left out as page furniture: ${line}`),
  ];
  return { markdown: toMarkdown({ type: 'root', children }, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*' }), notes };
}

/** Lines as one paragraph: joined with a space, or without the hyphen at a hyphenated line end. */
function paragraph(lines: string[]): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: lines.map((line) => line.trim()).reduce(joinLines, '') }] };
}

/**
 * A tagged PDF by its structure tree: H1–H6 as headings, P as paragraphs, L/LI/LBody as (nested)
 * lists, Table with TR/TH/TD as a GFM table (a table with a spanning cell stays paragraphs),
 * in the tree's order, which is the reading order. Artifacts (running heads, page numbers) are
 * not in the tree. Undefined when the PDF has no structure tree with text.
 */
export async function taggedPdfToMarkdown(bytes: Uint8Array): Promise<ConvertedResponse | undefined> {
  const facts = await readPdfFacts(bytes, { text: true });
  if (!facts.structure) return undefined;
  // The text of each marked-content sequence, lines joined, with the baselines it starts and ends on.
  const sequences = new Map<string, { text: string; firstY: number; lastY: number }>();
  facts.text?.forEach((runs, index) => {
    for (const run of runs) {
      if (run.mcid === undefined || run.artifact) continue;
      const key = `${index + 1}:${run.mcid}`;
      const sequence = sequences.get(key);
      if (!sequence) sequences.set(key, { text: run.text, firstY: run.y, lastY: run.y });
      else {
        sequence.text = Math.abs(sequence.lastY - run.y) > 1 ? joinLines(sequence.text, run.text) : sequence.text + run.text;
        sequence.lastY = run.y;
      }
    }
  });
  // Children are joined as they stand: sequences on one baseline directly (a word may be split
  // over two styles), on a new baseline as lines. `skip` leaves nested lists to their own items.
  const textOf = (element: StructElement, skip: StructElement[] = []): string => {
    if (element.actualText !== undefined) return element.actualText;
    let text = '';
    let lastY: number | undefined;
    for (const child of element.children) {
      if (!isContent(child) && skip.includes(child)) continue;
      const sequence = isContent(child) ? sequences.get(`${child.page}:${child.mcid}`) : undefined;
      const part = isContent(child) ? (sequence?.text ?? '') : textOf(child);
      if (!part) continue;
      text = sequence && lastY !== undefined && Math.abs(lastY - sequence.firstY) > 1 ? joinLines(text, part) : text + part;
      lastY = sequence?.lastY ?? lastY;
    }
    return text;
  };
  const notes: string[] = ['read by its structure tree (a tagged PDF)'];
  const blocks = (element: StructElement): RootContent[] => {
    const role = element.role;
    const heading = /^H([1-6])$/.exec(role);
    if (heading) return [{ type: 'heading', depth: Number(heading[1]) as 1, children: [{ type: 'text', value: collapse(textOf(element)) }] }];
    if (role === 'P' || role === 'H' || role === 'Caption' || role === 'BlockQuote' || role === 'Quote') {
      const text = collapse(textOf(element));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
    if (role === 'L') return [list(element)];
    if (role === 'Table') return table(element) ?? kids(element).flatMap(blocks);
    if (role === 'Figure') {
      notes.push(`a figure was left out (${collapse(element.alt ?? textOf(element)) || 'without description'}): take it over by hand with a description`);
      return [];
    }
    const children = kids(element);
    if (children.length === 0) {
      const text = collapse(textOf(element));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
    return children.flatMap(blocks);
  };
  const list = (element: StructElement): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: kids(element)
      .filter((item) => item.role === 'LI')
      .map((item): ListItem => {
        const body = kids(item).find((child) => child.role === 'LBody') ?? item;
        const nested = kids(body).filter((child) => child.role === 'L');
        const own = collapse(textOf(body, nested));
        return {
          type: 'listItem',
          spread: false,
          children: [...(own ? [{ type: 'paragraph', children: [{ type: 'text', value: own }] } as Paragraph] : []), ...nested.map(list)],
        };
      }),
  });
  const table = (element: StructElement): RootContent[] | undefined => {
    const rows = [] as StructElement[];
    walk(element, (child) => {
      if (child.role === 'TR') {
        rows.push(child);
        return false;
      }
    });
    const cells = rows.map((row) => kids(row).filter((cell) => cell.role === 'TH' || cell.role === 'TD'));
    if (cells.length === 0 || cells.some((row) => row.length !== cells[0].length || row.some((cell) => (cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1))) {
      notes.push('a table with spanning cells or uneven rows came out as paragraphs');
      return undefined;
    }
    return [
      {
        type: 'table',
        children: cells.map((row) => ({
          type: 'tableRow',
          children: row.map((cell) => ({ type: 'tableCell', children: [{ type: 'text', value: collapse(textOf(cell)) }] })),
        })),
      },
    ];
  };
  const children = blocks(facts.structure);
  if (!children.some((node) => node.type !== 'heading' || node.children.length > 0)) return undefined;
  return { markdown: toMarkdown({ type: 'root', children }, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*' }), notes };
}

/**
 * Two lines as one text: a hyphen at the end of the first before a lower-case letter is taken as
 * hyphenation and dropped (as the proof's reader of a PDF may), else a space between them unless
 * one is already there.
 */
function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return before && !/\s$/.test(before) && !/^\s/.test(after) ? `${before} ${after}` : before + after;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
