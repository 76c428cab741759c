/**
 * A received tagged PDF as Markdown, by its structure tree (see `taggedPdfToMarkdown`).
 */
import type { FootnoteDefinition, List, ListItem, Paragraph, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { type ContentRef, isContent, kids, readPdfFacts, type StructElement, walk } from '../pdf/read.ts';
import type { ConvertedResponse } from './docx-to-markdown.ts';
import { callMark, collapse, joinLines, markdownOptions, phrasing, weightedMedian } from './markdown-text.ts';

/** A list label at the start of an item's text, when the producer tagged it as text: a bullet, `1.`, `a)`, `iv.`. */
const listLabel = /^\s*(?:([•◦▪‣∙●○■–-])|(\d{1,3})[.)]|[a-z][.)]|[ivxlc]{1,6}[.)])(?=\s|$)\s*/u;
/** A note's own label at its start: `1`, `12.`, `*`. */
const noteLabel = /^\s*(\d{1,4}|[*†‡]{1,3})[.)]?\s*/u;

/**
 * A tagged PDF by its structure tree: H1–H6 as headings, P as paragraphs (a one-line paragraph
 * set wholly in larger type as a heading, ranked by size, as producers that tag every
 * paragraph P give them), L/LI/LBody as (nested) lists with their labels (tagged as Lbl or as
 * the item's first text) taken off, Table with TR/TH/TD as a GFM table (a table with a
 * spanning cell stays paragraphs), Note (Footnote, Endnote) as Markdown footnotes with the
 * Link or Reference that shows the note's label as its call, in the tree's order, which is
 * the reading order. Artifacts (running heads, page numbers) are not in the tree. Undefined
 * when the PDF has no structure tree with text.
 */
export async function taggedPdfToMarkdown(bytes: Uint8Array): Promise<ConvertedResponse | undefined> {
  const facts = await readPdfFacts(bytes, { text: true });
  if (!facts.structure) return undefined;
  // The text of each marked-content sequence, lines joined, with the baselines it starts and
  // ends on and its largest type size.
  const sequences = new Map<string, { text: string; firstY: number; lastY: number; size: number }>();
  const sizes: Array<{ size: number; weight: number }> = [];
  facts.text?.forEach((runs, index) => {
    for (const run of runs) {
      if (run.mcid === undefined || run.artifact) continue;
      sizes.push({ size: Math.round(run.size * 2) / 2, weight: run.text.length });
      const key = `${index + 1}:${run.mcid}`;
      const sequence = sequences.get(key);
      if (!sequence) sequences.set(key, { text: run.text, firstY: run.y, lastY: run.y, size: run.size });
      else {
        sequence.text = Math.abs(sequence.lastY - run.y) > 1 ? joinLines(sequence.text, run.text) : sequence.text + run.text;
        sequence.lastY = run.y;
        sequence.size = Math.max(sequence.size, run.size);
      }
    }
  });
  const bodySize = weightedMedian(sizes);
  // Notes first: their labels tell which links and references are calls.
  const noteElements: StructElement[] = [];
  walk(facts.structure, (element) => {
    if (isNote(element)) {
      noteElements.push(element);
      return false;
    }
  });
  const noteLabels = new Set<string>();
  // Children are joined as they stand: sequences on one baseline directly (a word may be split
  // over two styles), on a new baseline as lines. `skip` leaves nested lists to their own items.
  const textOf = (element: StructElement, skip: StructElement[] = []): string => {
    if (element.actualText !== undefined) return element.actualText;
    if ((element.role === 'Link' || element.role === 'Reference') && noteLabels.has(collapse(plainText(element))))
      return callMark(collapse(plainText(element)));
    let text = '';
    let lastY: number | undefined;
    for (const child of element.children) {
      if (!isContent(child) && (skip.includes(child) || isNote(child))) continue;
      const sequence = isContent(child) ? sequences.get(`${child.page}:${child.mcid}`) : undefined;
      const part = isContent(child) ? (sequence?.text ?? '') : textOf(child);
      if (!part) continue;
      text = sequence && lastY !== undefined && Math.abs(lastY - sequence.firstY) > 1 ? joinLines(text, part) : text + part;
      lastY = sequence?.lastY ?? lastY;
    }
    return text;
  };
  const plainText = (element: StructElement): string =>
    contentOf(element)
      .map((ref) => sequences.get(`${ref.page}:${ref.mcid}`)?.text ?? '')
      .join('');
  const definitions: FootnoteDefinition[] = [];
  for (const note of noteElements) {
    const label = noteLabel.exec(textOf(note))?.[1];
    if (label && !noteLabels.has(label)) noteLabels.add(label);
  }
  const notes: string[] = ['read by its structure tree (a tagged PDF)'];
  // The largest type of a paragraph, when the whole of it is larger than the body text: a heading the producer tagged P.
  const largeType = (element: StructElement): number | undefined => {
    const smallest = Math.min(...contentOf(element).map((ref) => sequences.get(`${ref.page}:${ref.mcid}`)?.size ?? 0));
    return Number.isFinite(smallest) && smallest >= bodySize * 1.2 && collapse(textOf(element)).length <= 150 ? Math.round(smallest) : undefined;
  };
  const headingSizes: number[] = [];
  walk(facts.structure, (element) => {
    if (element.role === 'P') {
      const size = largeType(element);
      if (size !== undefined && !headingSizes.includes(size)) headingSizes.push(size);
      return false;
    }
  });
  headingSizes.sort((a, b) => b - a);
  const blocks = (element: StructElement): RootContent[] => {
    const role = element.role;
    const heading = /^H([1-6])$/.exec(role);
    if (heading) return [{ type: 'heading', depth: Number(heading[1]) as 1, children: phrasing(collapse(textOf(element))) }];
    if (isNote(element)) return [];
    if (role === 'P') {
      const size = largeType(element);
      if (size !== undefined)
        return [{ type: 'heading', depth: Math.min(headingSizes.indexOf(size) + 1, 6) as 1, children: phrasing(collapse(textOf(element))) }];
    }
    if (role === 'P' || role === 'H' || role === 'Caption' || role === 'BlockQuote' || role === 'Quote') {
      const text = collapse(textOf(element));
      return text ? [{ type: 'paragraph', children: phrasing(text) }] : [];
    }
    if (role === 'L') {
      // A list's caption goes before it as a paragraph; nothing under L is left out.
      const captions = kids(element).filter((child) => child.role === 'Caption');
      return [...captions.flatMap(blocks), list(element)];
    }
    if (role === 'Table') return table(element) ?? kids(element).flatMap(blocks);
    if (role === 'Figure') {
      notes.push(`a figure was left out (${collapse(element.alt ?? textOf(element)) || 'without description'}): take it over by hand with a description`);
      return [];
    }
    const children = kids(element);
    if (children.length === 0) {
      const text = collapse(textOf(element));
      return text ? [{ type: 'paragraph', children: phrasing(text) }] : [];
    }
    return children.flatMap(blocks);
  };
  const list = (element: StructElement): List => {
    let start: number | undefined;
    let ordered = false;
    const item = (item: StructElement, index: number): ListItem => {
      const body = kids(item).find((child) => child.role === 'LBody') ?? item;
      const nested: StructElement[] = [];
      walk(body, (child) => {
        if (child !== body && child.role === 'L') {
          nested.push(child);
          return false;
        }
      });
      // The label, tagged as Lbl or (as LibreOffice does) as the item's first text: a bullet or
      // number is Markdown's own marker; any other label ("Outlines:") is text and stays.
      const labels = kids(item).filter((child) => child.role === 'Lbl');
      const tagged = collapse(labels.map((lbl) => textOf(lbl)).join(''));
      const text = collapse(textOf(body, [...nested, ...labels]));
      const label = tagged ? listLabel.exec(tagged) : listLabel.exec(text);
      if (index === 0 && label?.[2]) {
        ordered = true;
        start = Number(label[2]);
      }
      const kept = tagged && !(label && label[0].trim() === tagged) ? `${tagged} ` : '';
      const own = collapse(kept + (tagged ? text : text.replace(listLabel, '')));
      return {
        type: 'listItem',
        spread: false,
        children: [...(own ? [{ type: 'paragraph', children: phrasing(own) } as Paragraph] : []), ...nested.map(list)],
      };
    };
    const items: ListItem[] = [];
    for (const child of kids(element)) {
      // A list nested directly in a list (not inside an item's body) belongs to the item before it.
      if (child.role === 'L') {
        const previous = items.at(-1) ?? (items.push({ type: 'listItem', spread: false, children: [] }), items[0]);
        previous.children.push(list(child));
      } else if (child.role === 'LI') items.push(item(child, items.length));
    }
    return { type: 'list', ordered, ...(ordered && start !== 1 ? { start } : {}), spread: false, children: items };
  };
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
          children: row.map((cell) => ({ type: 'tableCell', children: phrasing(collapse(textOf(cell))) })),
        })),
      },
    ];
  };
  const children = blocks(facts.structure);
  for (const note of noteElements) {
    const text = collapse(textOf(note));
    const label = noteLabel.exec(text)?.[1];
    if (!label) {
      notes.push(`a note without a number came out as a paragraph: ${text.slice(0, 60)}`);
      children.push({ type: 'paragraph', children: phrasing(text) });
      continue;
    }
    definitions.push({
      type: 'footnoteDefinition',
      identifier: label,
      label,
      children: [{ type: 'paragraph', children: phrasing(text.replace(noteLabel, '')) }],
    });
  }
  if (!children.some((node) => node.type !== 'heading' || node.children.length > 0)) return undefined;
  return {
    markdown: toMarkdown({ type: 'root', children: [...children, ...definitions] }, markdownOptions),
    notes,
    method: 'PDF, by its structure tree (tagged)',
  };
}

/** The marked-content sequences of an element and its descendants, in order. */
function contentOf(element: StructElement): ContentRef[] {
  return element.children.flatMap((child) => (isContent(child) ? [child] : contentOf(child)));
}

/** Whether a structure element is a footnote or endnote (`Note`, or a producer's own name for one). */
function isNote(element: StructElement): boolean {
  return element.role === 'Note' || /^(Foot|End)note$/i.test(element.rawRole ?? '');
}
