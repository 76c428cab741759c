/**
 * Compile one document: read `index.md` and its responses, run the pipeline, and produce the
 * screen HTML, the print HTML (for Paged.js) and what the verbatim proof needs.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { bodyProcessor, documentProcessor, responseProcessor, toHast } from '../pipeline/processor.ts';
import type { RenderedResponse } from '../pipeline/plugins/rehype-append-responses.ts';
import { sourceText, type LocatedText } from '../check/verbatim.ts';
import type { DocumentSource } from './discover.ts';
import type { Frontmatter, ResponseEntry } from './frontmatter-schema.ts';
import { readSource } from './read-source.ts';

export interface CompiledResponse {
  entry: ResponseEntry;
  file: VFile;
  /** Path relative to the document folder, as in frontmatter. */
  relativePath: string;
  sha256: string;
  /** The response's text as read from its source, for the verbatim proof. */
  source: LocatedText;
}

export interface CompiledDocument {
  source: DocumentSource;
  matter: Frontmatter;
  file: VFile;
  sha256: string;
  responses: CompiledResponse[];
  html: string;
  printHtml: string;
  /** The print document before serialisation: its text nodes still point into the sources. */
  printTree: HastRoot;
}

export interface CompileResult {
  document?: CompiledDocument;
  /** Every file with messages: `index.md` and each response. */
  files: VFile[];
}

const source = 'kia-responses';

export interface CompileOptions {
  assetBase: string;
  /**
   * House-style transforms run after ours on the finished document, per variant. The verbatim
   * proof checks their effect too: a plugin that touches a response fails the build.
   */
  extraPlugins?: { screen?: PluggableList; print?: PluggableList };
}

/** Compile `doc`; `document` is undefined when any fatal message was reported. */
export async function compileDocument(doc: DocumentSource, options: CompileOptions): Promise<CompileResult> {
  const index = await readSource(doc.index);
  const files = [index.file];
  const bodyTree = await toHast(bodyProcessor(), index.file);
  const matter = index.file.data.matter;

  const responses: CompiledResponse[] = [];
  const rendered: RenderedResponse[] = [];
  for (const [n, entry] of (matter?.responses ?? index.file.data.matterResponses ?? []).entries()) {
    const place = index.file.data.frontmatterPlaces?.[`responses.${n}.file`];
    const absolute = resolveResponse(doc, entry.file, index.file, place);
    if (!absolute) continue;
    const response = await readSource(absolute);
    files.push(response.file);
    if (String(response.file.value).trim() === '') {
      response.file.message('Unexpected empty response, expected the text of the response', { place: { line: 1, column: 1 }, source, ruleId: 'empty-response' }).fatal = true;
      continue;
    }
    const processor = responseProcessor(`reactie-${n + 1}-`);
    // The proof's reference text comes from a parse of its own, before any transform runs.
    const text = sourceText(processor.parse(response.file) as MdastRoot);
    const tree = await toHast(processor, response.file);
    responses.push({ entry, file: response.file, relativePath: entry.file, sha256: response.sha256, source: text });
    rendered.push({ entry, tree, sha256: response.sha256 });
  }
  if (!matter || files.some((file) => file.messages.some((message) => message.fatal))) return { files };

  const run = async (variant: 'screen' | 'print') => {
    const processor = documentProcessor({ matter, responses: structuredClone(rendered), assetBase: options.assetBase, variant, extraPlugins: options.extraPlugins?.[variant] });
    const tree = (await processor.run(structuredClone(bodyTree), index.file)) as HastRoot;
    return { tree, html: processor.stringify(tree, index.file) };
  };
  const screen = await run('screen');
  const print = await run('print');
  return {
    files,
    document: { source: doc, matter, file: index.file, sha256: index.sha256, responses, html: screen.html, printHtml: print.html, printTree: print.tree },
  };
}

/** Resolve a response path, reporting absolute paths, escapes from the folder and missing files. */
function resolveResponse(doc: DocumentSource, relative: string, file: VFile, place: { line: number; column: number } | undefined): string | undefined {
  const report = (reason: string, ruleId: string) => {
    file.message(reason, { place, source, ruleId }).fatal = true;
    return undefined;
  };
  const folder = path.relative(process.cwd(), doc.dir) || '.';
  if (path.isAbsolute(relative)) return report(`Unexpected absolute path \`${relative}\`, expected a path relative to \`${folder}\``, 'response-outside-document');
  const absolute = path.resolve(doc.dir, relative);
  if (!absolute.startsWith(doc.dir + path.sep)) return report(`Unexpected path \`${relative}\` outside the document folder, expected a file inside \`${folder}\``, 'response-outside-document');
  if (!existsSync(absolute)) return report(`Unexpected missing response file \`${relative}\`, expected a file at \`${path.join(folder, relative)}\``, 'missing-response');
  const real = realpathSync(absolute);
  if (!real.startsWith(realpathSync(doc.dir) + path.sep)) return report(`Unexpected link \`${relative}\` pointing outside the document folder, expected a file inside \`${folder}\``, 'response-outside-document');
  return absolute;
}

/** The `div.response-body` elements of a document tree, in order. */
export function responseRegions(tree: HastRoot): Element[] {
  const regions: Element[] = [];
  visit(tree, 'element', (node) => {
    const className = node.properties.className;
    if (Array.isArray(className) && className.includes('response-body')) regions.push(node);
  });
  return regions;
}
