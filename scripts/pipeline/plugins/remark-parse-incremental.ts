/**
 * remark-parse for the live preview: the document is cut into chunks at `##`/`###` headings and
 * only chunks whose text changed since the last parse are parsed again; the rest come from
 * `cache`, which the caller owns (one per preview session). For a 200-page assessment a save
 * then costs one chunk's parse instead of the whole document's (~0.6 s on a small machine).
 *
 * Context that crosses chunks is kept: footnote and link definitions (micromark only makes
 * `[^1]` a reference when `[^1]:` is defined anywhere) are given to each chunk that mentions
 * them as stubs, which are dropped after parsing, and a chunk boundary is never placed inside a code fence, a
 * container directive or an HTML comment. The build always parses the whole document; the
 * preview checks itself against a full parse after each fast rebuild.
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import type { Node } from 'unist';

export interface ParseCache {
  /** Per file path: chunk text and the stubs it was parsed with → its nodes. */
  files: Map<string, Map<string, RootContent[]>>;
  /** Chunks parsed (not taken from the cache) by the last parse, for measurements. */
  lastParsed?: number;
}

/** An empty cache for `remarkParseIncremental`. */
export function createParseCache(): ParseCache {
  return { files: new Map() };
}

/** Start offsets of chunks: before each `##`/`###` heading outside fences, directives and comments. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let fence: string | undefined;
  let directives = 0;
  let comment = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const here = offset;
    offset += line.length + 1;
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (/^ {0,3}:{3,}[A-Za-z]/.test(line)) directives++;
    else if (/^ {0,3}:{3,}\s*$/.test(line) && directives > 0) directives--;
    if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) comment = true;
    if (directives === 0 && !comment && here > 0 && /^#{2,3}[ \t]/.test(line)) starts.push(here);
  }
  return starts;
}

/** Labels of the document's footnote (`^1`) and link definitions, as written. */
function definitionLabels(text: string): Set<string> {
  const labels = new Set<string>();
  for (const match of text.matchAll(/^ {0,3}\[(\^?(?:[^\]\\\n]|\\.)+)\]:/gm)) labels.add(match[1]);
  return labels;
}

/** Stub definitions for the defined labels `chunk` mentions (as `[label]`), to append to it. */
function stubsFor(chunk: string, labels: Set<string>): string {
  const stubs = new Set<string>();
  for (const match of chunk.matchAll(/\[(\^?(?:[^\]\\\n]|\\.)+)\]/g)) {
    if (labels.has(match[1])) stubs.add(match[1].startsWith('^') ? `[${match[1]}]: x` : `[${match[1]}]: #`);
  }
  return [...stubs].join('\n\n');
}

function shift(node: Node, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shift(child, lines, offset);
}

export interface IncrementalOptions {
  cache: ParseCache;
}

/** Replace the processor's parser with the chunked, cached one; see module comment. */
export default function remarkParseIncremental(this: Processor, options: IncrementalOptions) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- unified hands the processor as `this`
  const self = this;
  self.parser = (document, file) => {
    const micromark = { extensions: (self.data('micromarkExtensions') ?? []) as never[], mdastExtensions: (self.data('fromMarkdownExtensions') ?? []) as never[] };
    const key = file.path ?? '';
    const labels = definitionLabels(document);
    const cached = options.cache.files.get(key) ?? new Map<string, RootContent[]>();
    const next = new Map<string, RootContent[]>();
    const starts = chunkStarts(document);
    const root: Root = { type: 'root', children: [] };
    let parsed = 0;
    let line = 0;
    for (const [index, start] of starts.entries()) {
      const text = document.slice(start, starts[index + 1] ?? document.length);
      const stubs = stubsFor(text, labels);
      const chunkKey = `${stubs}\0${text}`;
      let nodes = cached.get(chunkKey) ?? next.get(chunkKey);
      if (!nodes) {
        parsed++;
        // Stubs after the chunk: they do not move its positions and are dropped below.
        const tree = fromMarkdown(stubs ? `${text}\n\n${stubs}` : text, micromark);
        nodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) < text.length);
      }
      next.set(chunkKey, nodes);
      const copy = structuredClone(nodes);
      for (const node of copy) shift(node, line, start);
      root.children.push(...copy);
      line += text.split('\n').length - 1;
    }
    const lines = document.split('\n');
    root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines.at(-1)!.length + 1, offset: document.length } };
    options.cache.files.set(key, next);
    options.cache.lastParsed = parsed;
    return root;
  };
}
