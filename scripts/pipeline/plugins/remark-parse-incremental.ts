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
import type { Point, Position } from 'unist';

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

/** A chunk this long may also end at a paragraph or definition boundary, not only at a heading. */
const longChunk = 2000;

/**
 * Start offsets of chunks: before each `##`/`###` heading, and in long stretches without
 * headings (the footnote definitions at the end) before a line at the margin that follows a
 * blank line and cannot continue what came before (not a list item, not indented). Never
 * inside frontmatter, a code fence, a container directive or an HTML comment.
 */
export function chunkStarts(text: string): number[] {
  return scanChunks(text).starts;
}

/**
 * The chunk starts; the labels of footnote and link definitions (outside frontmatter, code and
 * comments, at the start of a block: a definition cannot interrupt a paragraph); and what is
 * still open at the end of the text (unclosed by the author).
 */
function scanChunks(text: string): { starts: number[]; labels: Set<string>; openAtEnd?: 'fence' | 'comment' | 'directive' } {
  const labels = new Set<string>();
  let previousDefinition = false;
  const starts = [0];
  let fence: string | undefined;
  let directives = 0;
  let comment = false;
  // Raw HTML blocks: `<pre>`, `<script>`, `<style>`, `<textarea>` run to their end tag, other
  // blocks to the next blank line; a `## ` line inside one is HTML text, not a heading.
  let htmlEnd: RegExp | undefined;
  let offset = 0;
  let previousBlank = false;
  const lines = text.split('\n');
  // Frontmatter (`---` … `---` at the very start) is YAML: nothing in it starts a chunk.
  let frontmatter = /^---[ \t]*$/.test(lines[0] ?? '');
  for (const [number, line] of lines.entries()) {
    const here = offset;
    offset += line.length + 1;
    if (frontmatter) {
      if (number > 0 && /^---[ \t]*$/.test(line)) frontmatter = false;
      continue;
    }
    const blank = line.trim() === '';
    const afterBlank = previousBlank;
    const afterDefinition = previousDefinition;
    previousBlank = blank;
    previousDefinition = false;
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      if (htmlEnd || !blank) continue;
    }
    // Cheap tests first: most lines are prose and need none of the patterns below.
    const fenceMatch = line.includes('``') || line.includes('~~') ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    const definition = line.includes(']:') && /^(?: {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+))* {0,3}\[(\^?(?:[^\]\\\n]|\\.)+)\]:/.exec(line);
    if (definition && (afterBlank || afterDefinition || number === 0 || /^ {0,3}(#|:::|---)/.test(lines[number - 1]))) {
      labels.add(definition[1]);
      previousDefinition = true;
    }
    // Also after a footnote label, list marker or quote mark: a block may start there too.
    const opensDirective = line.includes(':::') && /^(?: {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+|\[\^[^\]\n]+\]:[ \t]*))* {0,3}:{3,}[A-Za-z]/.test(line);
    const closesDirective = line.includes(':::') && /^ {0,3}:{3,}\s*$/.test(line);
    const free = directives === 0 && !comment && here > 0 && !fenceMatch && !closesDirective;
    if (free && /^#{2,3}[ \t]/.test(line)) starts.push(here);
    else if (free && afterBlank && !blank && here - starts.at(-1)! >= longChunk && /^[^\s>*+\-\d|<]/.test(line)) starts.push(here);
    if (fenceMatch) fence = fenceMatch[1];
    else if (opensDirective) directives++;
    else if (closesDirective && directives > 0) directives--;
    if (!line.includes('<')) {
      // Nothing that opens HTML.
    } else if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) comment = true;
    else if (!fence && /^ {0,3}<[A-Za-z/!?]/.test(line)) {
      const raw = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(line);
      // Conservative: a line that only looks like HTML also just holds off chunk starts.
      if (!raw) htmlEnd = /^\s*$/;
      else if (!new RegExp(`</${raw[1]}>`, 'i').test(line)) htmlEnd = new RegExp(`</${raw[1]}>`, 'i');
    }
  }
  return { starts, labels, openAtEnd: fence ? 'fence' : comment || htmlEnd ? 'comment' : directives > 0 ? 'directive' : undefined };
}

/** Remove stub nodes (starting at or after `length`) at any depth and end the rest by `end`. */
function dropStubs(nodes: RootContent[], length: number, end: Point): RootContent[] {
  const kept = nodes.filter((node) => (node.position?.start.offset ?? 0) < length);
  for (const node of kept) {
    if (node.position && (node.position.end.offset ?? 0) > length) node.position.end = { ...end };
    if ('children' in node) (node as { children: RootContent[] }).children = dropStubs((node as { children: RootContent[] }).children, length, end);
  }
  return kept;
}

/** Stub definitions for the defined labels `chunk` mentions (as `[label]`), to append to it. */
function stubsFor(chunk: string, labels: Set<string>): string {
  const stubs = new Set<string>();
  for (const match of chunk.matchAll(/\[(\^?(?:[^[\]\\\n]|\\.)+)\]/g)) {
    if (labels.has(match[1])) stubs.add(match[1].startsWith('^') ? `[${match[1]}]: x` : `[${match[1]}]: #`);
  }
  return [...stubs].join('\n\n');
}

/**
 * A deep copy of a cached node with its positions moved by `lines` and `offset` (the chunk's
 * place in the document); the transforms that follow change the tree, never the cache. One
 * walk for both, several times faster than structuredClone and a second walk.
 */
function placedCopy<T>(value: T, lines: number, offset: number): T {
  if (Array.isArray(value)) return value.map((item) => placedCopy(item, lines, offset)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'position' && item) {
      const { start, end } = item as Position;
      copy.position = {
        start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
        end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
      };
    } else copy[key] = placedCopy(item, lines, offset);
  }
  return copy as T;
}

export interface IncrementalOptions {
  cache: ParseCache;
}

/** Replace the processor's parser with the chunked, cached one; see module comment. */
export default function remarkParseIncremental(this: Processor, options: IncrementalOptions) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- unified hands the processor as `this`
  const self = this;
  self.parser = (document, file) => {
    const micromark = {
      extensions: (self.data('micromarkExtensions') ?? []) as never[],
      mdastExtensions: (self.data('fromMarkdownExtensions') ?? []) as never[],
    };
    const key = file.path ?? '';
    const cached = options.cache.files.get(key) ?? new Map<string, RootContent[]>();
    const next = new Map<string, RootContent[]>();
    // Sources are read with \n line endings; anything else is parsed whole (one chunk).
    const { starts, labels, openAtEnd } = document.includes('\r') ? { starts: [0], labels: new Set<string>(), openAtEnd: undefined } : scanChunks(document);
    const root: Root = { type: 'root', children: [] };
    let parsed = 0;
    let line = 0;
    for (const [index, start] of starts.entries()) {
      const text = document.slice(start, starts[index + 1] ?? document.length);
      const last = index === starts.length - 1;
      // Stubs after a fence or comment the author has not closed yet would become its text.
      const stubs = last && (openAtEnd === 'fence' || openAtEnd === 'comment') ? '' : stubsFor(text, labels);
      const chunkKey = `${stubs}\0${text}`;
      let nodes = cached.get(chunkKey) ?? next.get(chunkKey);
      if (!nodes) {
        parsed++;
        // Stubs after the chunk: they do not move its positions and are dropped below.
        const tree = fromMarkdown(stubs ? `${text}\n\n${stubs}` : text, micromark);
        const lines = text.split('\n');
        nodes = stubs ? dropStubs(tree.children, text.length, { line: lines.length, column: lines.at(-1)!.length + 1, offset: text.length }) : tree.children;
      }
      next.set(chunkKey, nodes);
      for (const node of nodes) root.children.push(placedCopy(node, line, start));
      line += text.split('\n').length - 1;
    }
    const lines = document.split(/\r\n|\r|\n/);
    root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines.at(-1)!.length + 1, offset: document.length } };
    options.cache.files.set(key, next);
    options.cache.lastParsed = parsed;
    return root;
  };
}
