/**
 * A received untagged PDF as Markdown, by its layout as poppler's layout analysis gives it
 * (`pdftotext -bbox-layout`: pages, blocks, lines and words with their boxes, in reading order,
 * columns one after the other). Without tags, structure is read from how the page looks:
 *
 * - rows: pdftotext's lines on one baseline (a list label and its text, table cells) are one row;
 * - headings: rows wholly in larger type than the body text, ranked by size;
 * - lists: rows starting with a bullet or a label (`1.`, `a)`), nested by the label's indent;
 * - tables: two or more rows in a run with the same number of cells at the same positions (the
 *   lines of a cell that wraps go on that cell);
 * - footnotes: from the first row low on a page that starts with a raised or small number, every
 *   row to the page's foot is a note; a raised number in the text that names a note is its call;
 * - paragraphs: a line continues the one above (or the last of the previous column or page) unless
 *   that one stopped where the next line's first word would have fitted, the line is indented, or
 *   there is more space between them than between lines;
 * - hyphenation: a hyphen at a line end before a lower-case letter joins the word.
 *
 * Page furniture (as the proof's reader finds it) is left out.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FootnoteDefinition, List, ListItem, RootContent, Table } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { decodeXml } from '../model/xml-text.ts';
import type { ConvertedResponse } from './docx-to-markdown.ts';
import { callMark, collapse, joinLines, markdownOptions, phrasing, weightedMedian } from './markdown-text.ts';

const run = promisify(execFile);

interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Word extends Box {
  text: string;
  /** Set in smaller type and raised above the line: a footnote call or a note's number. */
  raised: boolean;
}

/** pdftotext's lines on one baseline: a list label and its text, or a table's cells. */
interface Row extends Box {
  page: number;
  pageHeight: number;
  cells: Word[][];
  /** The type size of the row's text, raised words aside. */
  size: number;
  /** For a table row whose cells wrap: the top of its last line so far. */
  lastLine?: number;
}

const bulletWord = /^[•◦▪‣∙●○■–-]$/u;
const labelWord = /^(?:(\d{1,3})[.)]|[a-z][.)]|[ivxlc]{1,6}[.)])$/u;
const noteNumber = /^(\d{1,4}|[*†‡]{1,3})$/u;

/** Convert the untagged PDF at `file` by its layout; see the module comment. */
export async function layoutToMarkdown(file: string, furniture: string[]): Promise<ConvertedResponse> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const rows = readRows(stdout, new Set(furniture));
  const body = weightedMedian(rows.flatMap((row) => row.cells.flat().map((word) => ({ size: word.yMax - word.yMin, weight: word.text.length }))));
  for (const row of rows) markRaised(row, body);

  const { bodyRows, noteRows } = splitNotes(rows, body);
  const definitions: FootnoteDefinition[] = [];
  for (const row of noteRows) {
    const words = row.cells.flat();
    const label = noteNumber.test(words[0].text) ? words[0].text : undefined;
    const text = words
      .slice(label ? 1 : 0)
      .map((word) => word.text)
      .join(' ');
    const last = definitions.at(-1)?.children[0];
    if (label || !last || last.type !== 'paragraph') {
      const id = label ?? `${definitions.length + 1}`;
      definitions.push({ type: 'footnoteDefinition', identifier: id, label: id, children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
    } else {
      const node = last.children[0];
      if (node.type === 'text') node.value = joinLines(node.value, text);
    }
  }
  const labels = new Set(definitions.map((definition) => definition.identifier));

  // The usual distance from one line to the next: more than that between two lines is space between paragraphs.
  const pitch =
    weightedMedian(
      bodyRows.slice(1).flatMap((row, index) => {
        const above = bodyRows[index];
        return above.page === row.page && row.yMin > above.yMin && Math.abs(row.size - above.size) < 0.5 ? [{ size: row.yMin - above.yMin, weight: 1 }] : [];
      }),
    ) || body * 1.2;
  const headingSizes = [...new Set(bodyRows.filter((row) => row.size >= body * 1.2).map((row) => Math.round(row.size)))].sort((a, b) => b - a);
  const children: RootContent[] = [];
  const notes = [
    'read by layout (pdftotext): headings by type size, lists by bullets and labels, tables by aligned cells, footnotes by raised numbers: check the structure before publishing',
    ...furniture.map((line) => `left out as page furniture: ${line}`),
  ];
  let paragraph: { text: string; last: Row } | undefined;
  let list: { root: List; levels: Array<{ x: number; list: List }> } | undefined;
  let table: Row[] = [];
  const flush = () => {
    if (paragraph) children.push({ type: 'paragraph', children: phrasing(paragraph.text) });
    paragraph = undefined;
    list = undefined;
    if (table.length > 0) children.push(tableOf(table));
    table = [];
  };
  const textOf = (words: Word[]) =>
    words.reduce((text, word) => {
      if (word.raised && labels.has(word.text)) return text + callMark(word.text);
      return text ? `${text} ${word.text}` : word.text;
    }, '');

  bodyRows.forEach((row, index) => {
    const words = row.cells.flat();
    const previous = bodyRows[index - 1];
    if (row.size >= body * 1.2) {
      const depth = Math.min(headingSizes.indexOf(Math.round(row.size)) + 1, 6) as 1;
      const last = children.at(-1);
      // A heading over two lines: the same size right below the last heading row.
      if (
        !paragraph &&
        !list &&
        table.length === 0 &&
        last?.type === 'heading' &&
        last.depth === depth &&
        previous &&
        previous.size === row.size &&
        previous.page === row.page
      )
        last.children = phrasing(`${collapse(toText(last.children))} ${textOf(words)}`);
      else {
        flush();
        children.push({ type: 'heading', depth, children: phrasing(textOf(words)) });
      }
      return;
    }
    const label = bulletWord.test(words[0].text) || labelWord.test(words[0].text) ? words[0] : undefined;
    if (label && words.length > 1) {
      if (paragraph || table.length > 0) flush();
      const ordered = labelWord.exec(label.text)?.[1];
      const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(textOf(words.slice(1))) }] };
      if (!list) {
        const root: List = {
          type: 'list',
          ordered: Boolean(ordered),
          ...(ordered && ordered !== '1' ? { start: Number(ordered) } : {}),
          spread: false,
          children: [],
        };
        children.push(root);
        list = { root, levels: [{ x: label.xMin, list: root }] };
      }
      while (list.levels.length > 1 && label.xMin < list.levels.at(-1)!.x - 2) list.levels.pop();
      const level = list.levels.at(-1)!;
      if (label.xMin > level.x + 2 && level.list.children.length > 0) {
        const nested: List = { type: 'list', ordered: Boolean(ordered), spread: false, children: [item] };
        level.list.children.at(-1)!.children.push(nested);
        list.levels.push({ x: label.xMin, list: nested });
      } else level.list.children.push(item);
      paragraph = undefined;
      return;
    }
    const lastTableRow = table.at(-1);
    if (lastTableRow && wrapsCells(lastTableRow, row, pitch)) {
      // The next line of cells that wrap: each piece goes on the cell it stands under.
      for (const cell of row.cells) lastTableRow.cells.find((each) => Math.abs(each[0].xMin - cell[0].xMin) < 4)!.push(...cell);
      lastTableRow.lastLine = row.yMin;
      return;
    }
    if (row.cells.length >= 2 && (aligned(table.at(-1), row) || aligned(row, bodyRows[index + 1]))) {
      if (paragraph || list) flush();
      table.push(row);
      return;
    }
    if (table.length > 0) flush();
    const text = textOf(words);
    // A line under a list item that is indented like the item's text continues the item.
    if (list && !paragraph) {
      const item = list.levels.at(-1)!.list.children.at(-1)!;
      const node = item.children[0];
      if (node.type === 'paragraph' && row.xMin > list.levels.at(-1)!.x + 2 && continues(previous, row, words[0], rows, pitch)) {
        node.children = phrasing(joinLines(toText(node.children), text));
        return;
      }
      list = undefined;
    }
    if (paragraph && continues(paragraph.last, row, words[0], rows, pitch)) {
      paragraph = { text: joinLines(paragraph.text, text), last: row };
      return;
    }
    flush();
    paragraph = { text, last: row };
  });
  flush();
  return { markdown: toMarkdown({ type: 'root', children: [...children, ...definitions] }, markdownOptions), notes, method: 'PDF, by its layout (pdftotext)' };
}

/** The rows of every page, in pdftotext's reading order; lines that are page furniture left out. */
function readRows(xml: string, furniture: Set<string>): Row[] {
  const rows: Row[] = [];
  const number = (attributes: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attributes)?.[1] ?? 0);
  let page = 0;
  for (const [, pageAttributes, content] of xml.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)) {
    page++;
    const pageHeight = number(pageAttributes, 'height');
    for (const [, lineAttributes, words] of content.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
      const cell = [...words.matchAll(/<word\b([^>]*)>([\s\S]*?)<\/word>/g)].map(
        ([, attributes, text]): Word => ({
          text: decodeXml(text),
          xMin: number(attributes, 'xMin'),
          yMin: number(attributes, 'yMin'),
          xMax: number(attributes, 'xMax'),
          yMax: number(attributes, 'yMax'),
          raised: false,
        }),
      );
      if (cell.length === 0 || furniture.has(`page ${page}: ${cell.map((word) => word.text).join(' ')}`)) continue;
      const box = {
        xMin: number(lineAttributes, 'xMin'),
        yMin: number(lineAttributes, 'yMin'),
        xMax: number(lineAttributes, 'xMax'),
        yMax: number(lineAttributes, 'yMax'),
      };
      const middle = (box.yMin + box.yMax) / 2;
      // On a row's baseline: its middle within the row's height (or the row's within its), and
      // beside it. pdftotext may give a note's number after the note's first lines, so the last
      // few rows are looked at, not only the last.
      const last = rows
        .slice(-3)
        .reverse()
        .find(
          (row) =>
            row.page === page &&
            (box.xMin >= row.xMax || box.xMax <= row.xMin) &&
            ((middle > row.yMin && middle < row.yMax) || ((row.yMin + row.yMax) / 2 > box.yMin && (row.yMin + row.yMax) / 2 < box.yMax)),
        );
      if (last) {
        last.cells.push(cell);
        last.cells.sort((a, b) => a[0].xMin - b[0].xMin);
        Object.assign(last, {
          xMin: Math.min(last.xMin, box.xMin),
          xMax: Math.max(last.xMax, box.xMax),
          yMin: Math.min(last.yMin, box.yMin),
          yMax: Math.max(last.yMax, box.yMax),
        });
      } else rows.push({ ...box, page, pageHeight, cells: [cell], size: 0 });
    }
  }
  return rows;
}

/** Mark the raised words of a row (smaller type, bottom above the row's baseline) and set the row's type size from the rest. */
function markRaised(row: Row, body: number): void {
  const words = row.cells.flat();
  const tallest = Math.max(...words.map((word) => word.yMax - word.yMin));
  const bottom = Math.max(...words.map((word) => word.yMax));
  for (const word of words)
    word.raised = word.yMax - word.yMin < Math.min(tallest, body) * 0.8 && (word.yMax < bottom - 1 || words.length === 1 || tallest < body * 0.8);
  const sizes = words.filter((word) => !word.raised).map((word) => word.yMax - word.yMin);
  row.size = sizes.length > 0 ? Math.max(...sizes) : tallest;
}

/**
 * The note rows: from a row in the lower half of a page that starts with a raised number (or a
 * number in smaller type than the body text), down to the foot of its page or column (the next
 * row higher up on the page starts the next column).
 */
function splitNotes(rows: Row[], body: number): { bodyRows: Row[]; noteRows: Row[] } {
  const bodyRows: Row[] = [];
  const noteRows: Row[] = [];
  let inNotes = false;
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    if (inNotes && (previous?.page !== row.page || row.yMin < previous.yMin)) inNotes = false;
    if (!inNotes) {
      const first = row.cells.flat()[0];
      const startsNote = noteNumber.test(first.text) && (first.raised || row.size < body * 0.9) && row.yMin > row.pageHeight / 2 && row.cells.flat().length > 1;
      inNotes = startsNote && bodyRows.at(-1)?.page === row.page;
    }
    (inNotes ? noteRows : bodyRows).push(row);
  });
  return { bodyRows, noteRows };
}

/**
 * Whether `row` goes on the paragraph whose last line is `last`: the same page or the next, not
 * indented, no space between them, and `last` ran on until the first word of `row` no longer fitted.
 */
function continues(last: Row | undefined, row: Row, first: Word, rows: Row[], pitch: number): boolean {
  if (!last) return false;
  const lineHeight = last.yMax - last.yMin;
  // The next column: higher up on the same page, to the right.
  const nextColumn = row.page === last.page && row.yMin < last.yMin && row.xMin > last.xMin + 20;
  if (row.page === last.page && !nextColumn && (row.yMin < last.yMin || row.yMin - last.yMin > pitch * 1.25)) return false;
  if (row.page !== last.page && row.page !== last.page + 1) return false;
  if (Math.abs(row.xMin - last.xMin) > 3 && row.page === last.page && !nextColumn) return false;
  // The right edge of the column: the widest line on the page that starts where this one does.
  const edge = Math.max(...rows.filter((other) => other.page === last.page && Math.abs(other.xMin - last.xMin) < 30).map((other) => other.xMax));
  const space = lineHeight * 0.3;
  return last.xMax + space + (first.xMax - first.xMin) > edge;
}

/** Whether `row` holds the next lines of cells of the table row `last` that wrap: right below it, each piece under one of its cells. */
function wrapsCells(last: Row, row: Row, pitch: number): boolean {
  if (row.page !== last.page || row.cells.length >= last.cells.length) return false;
  const above = last.lastLine ?? last.yMin;
  if (row.yMin <= above || row.yMin - above > pitch * 1.25) return false;
  return row.cells.every((cell) => last.cells.some((each) => Math.abs(each[0].xMin - cell[0].xMin) < 4));
}

/** Whether two rows are cells of one table: the same number of cells, starting at the same places. */
function aligned(a: Row | undefined, b: Row | undefined): boolean {
  if (!a || !b || a.page !== b.page || a.cells.length !== b.cells.length || a.cells.length < 2) return false;
  if (bulletWord.test(a.cells[0][0].text) || labelWord.test(a.cells[0][0].text) || bulletWord.test(b.cells[0][0].text) || labelWord.test(b.cells[0][0].text))
    return false;
  return a.cells.every((cell, index) => Math.abs(cell[0].xMin - b.cells[index][0].xMin) < 4);
}

function tableOf(rows: Row[]): Table {
  return {
    type: 'table',
    children: rows.map((row) => ({
      type: 'tableRow',
      children: row.cells.map((cell) => ({ type: 'tableCell', children: phrasing(cell.map((word) => word.text).join(' ')) })),
    })),
  };
}

function toText(nodes: ReadonlyArray<{ type: string; value?: string; identifier?: string }>): string {
  return nodes.map((node) => (node.type === 'footnoteReference' ? callMark(node.identifier ?? '') : (node.value ?? ''))).join('');
}
