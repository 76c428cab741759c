/**
 * A received Word file (.docx) as Markdown for a response: mammoth turns it into HTML (headings,
 * paragraphs, nested lists, bold and italic, links, tables, footnotes and endnotes), and the
 * unified tools turn that into Markdown (hast-util-to-mdast, mdast-util-to-markdown with GFM:
 * tables, footnotes). Every character of the text is kept; Markdown's own characters in it are
 * escaped, so the pipeline reads back exactly the text that was received (the import proves it).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast, type State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, Root as MdastRoot, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit } from '../model/tree-walk.ts';

export interface ConvertedResponse {
  markdown: string;
  /** What could not be taken over as it was, in words, for the importer's report. */
  notes: string[];
  /** Why the file is refused (nothing is written), if it is: what was found and what is needed. */
  refused?: { found: string; expected: string };
  /** How the file was read, for the provenance comment: "Word, via mammoth". */
  method?: string;
  /** The images the Markdown shows, by their address relative to the response file. */
  images?: Array<{ path: string; bytes: Uint8Array }>;
}

/** What an image without a description in the received file gets: the build refuses it until an editor writes one. */
export const missingDescription = 'TODO: beschrijving';

const noteLink = /^#(footnote|endnote)-(\d+)$/;
const backLink = /^#(footnote|endnote)-ref-(\d+)$/;

/** Convert the .docx `bytes`; tracked changes and comments refuse it (see `refused`). Images are named `images/<imagePrefix>-afbeelding-N.<ext>`. */
export async function docxToMarkdown(bytes: Uint8Array, options: { imagePrefix: string }): Promise<ConvertedResponse> {
  const [{ default: JSZip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return {
      markdown: '',
      notes: [],
      refused: { found: `damaged Word file (${(error as Error).message})`, expected: 'an undamaged .docx (ask the sender to save it again)' },
    };
  }
  const document = await zip.file('word/document.xml')?.async('string');
  if (document === undefined) return { markdown: '', notes: [], refused: { found: 'ZIP file without word/document.xml', expected: 'a Word document (.docx)' } };
  // mammoth would take unaccepted insertions and drop deletions without a word, and leave out
  // comments: what was sent is then not one text.
  if (/<w:(ins|del|moveFrom|moveTo)\b/.test(document)) {
    return {
      markdown: '',
      notes: [],
      refused: {
        found: 'tracked changes (insertions or deletions not accepted)',
        expected: 'the version as sent, with every change accepted (ask the sender)',
      },
    };
  }
  if (/<w:commentReference\b/.test(document) || zip.file('word/comments.xml')) {
    return { markdown: '', notes: [], refused: { found: 'comments in the Word file', expected: 'the version as sent, without comments (ask the sender)' } };
  }
  // Images are written next to the response as files; one without a description in the Word
  // file gets a placeholder the build refuses until an editor describes it.
  const images: NonNullable<ConvertedResponse['images']> = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const extension = image.contentType.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') ?? 'bin';
    const address = `images/${options.imagePrefix}-afbeelding-${images.length + 1}.${extension}`;
    images.push({ path: address, bytes: new Uint8Array(await image.readAsBuffer()) });
    return { src: address };
  });
  const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage });
  const notes = messages.filter((message) => message.type === 'warning').map((message) => message.message);
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return;
    const alt = String(node.properties.alt ?? '').trim();
    if (alt) notes.push(`image ${node.properties.src} taken over with the sender's description: check it`);
    else notes.push(`image ${node.properties.src} has no description: write one in place of \`${missingDescription}\` before the build`);
    node.properties.alt = alt || missingDescription;
  });
  headerRows(tree);
  const definitions = takeNotes(tree);
  const mdast = toMdast(tree, { handlers: { sup: noteCall } }) as MdastRoot;
  for (const [identifier, content] of definitions) {
    const body = toMdast({ type: 'root', children: content }, { handlers: { sup: noteCall } }) as MdastRoot;
    mdast.children.push({ type: 'footnoteDefinition', identifier, label: identifier, children: body.children as FootnoteDefinition['children'] });
  }
  const markdown = toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });
  return { markdown, notes, images, method: 'Word, via mammoth' };
}

/**
 * A Word table whose first row is not marked as a header row comes out of mammoth with data
 * cells only; a GFM table has a header row, and an accessible one needs it: the first row's
 * cells become header cells (their text unchanged).
 */
function headerRows(tree: HastRoot): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'table') return;
    let hasHeader = false;
    visit(node, 'element', (cell) => {
      if (cell.tagName === 'th') hasHeader = true;
    });
    if (hasHeader) return;
    let first: Element | undefined;
    visit(node, 'element', (row) => {
      if (!first && row.tagName === 'tr') first = row;
    });
    for (const cell of first?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  });
}

/** Take mammoth's note lists (`<li id="footnote-1">`) out of the tree: their content by number, back links removed. */
function takeNotes(tree: HastRoot): Map<string, ElementContent[]> {
  const found = new Map<string, ElementContent[]>();
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'ol' || !parent || index === undefined) return;
    const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    if (items.length === 0 || !items.every((item) => /^(footnote|endnote)-\d+$/.test(String(item.properties.id)))) return;
    for (const item of items) {
      const [, kind, number] = /^(footnote|endnote)-(\d+)$/.exec(String(item.properties.id)) ?? [];
      visit(item, 'element', (link, at, holder) => {
        if (link.tagName === 'a' && backLink.test(String(link.properties.href)) && holder && at !== undefined) {
          holder.children.splice(at, 1);
          return at;
        }
      });
      found.set(`${kind === 'endnote' ? 'e' : ''}${number}`, item.children);
    }
    parent.children.splice(index, 1);
    return index;
  });
  return found;
}

/** `<sup><a href="#footnote-1">[1]</a></sup>`, mammoth's note call, as a Markdown footnote reference. */
function noteCall(state: State, node: Element): RootContent | RootContent[] | undefined {
  const link = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a');
  const [, kind, number] = noteLink.exec(String(link?.properties.href ?? '')) ?? [];
  if (number) {
    const identifier = `${kind === 'endnote' ? 'e' : ''}${number}`;
    return { type: 'footnoteReference', identifier, label: identifier };
  }
  return state.all(node) as RootContent[];
}
