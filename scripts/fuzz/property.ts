/**
 * The property the pipeline must keep on any input: compiling never throws; every problem is a
 * vfile message with a kebab-case rule id, a source and a line inside the file; and nothing
 * executable (script elements, event handlers, script URLs) reaches the published HTML.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { compileDocument } from '../core/compile-document.ts';

export interface DocumentInput {
  head: string;
  body: string;
  response?: string;
}

// One document folder per process, rewritten for every case: the input goes through the same
// path as a real build (files read from disk, compileDocument), not a copy of its order.
const folder = mkdtempSync(path.join(tmpdir(), 'kia-fuzz-'));
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
const doc = { slug: 'fuzz', dir: folder, index: path.join(folder, 'index.md') };
const responseEntry = 'responses:\n  - file: reactie.md\n    from: Voorbeeld B.V.\n    title: Reactie\n    received: 2026-01-01\n';

/** The document's Markdown: with a response, its entry is added at the end of a frontmatter block. */
function documentMarkdown(input: DocumentInput): string {
  const head = input.response !== undefined && /^---\n[\s\S]*\n---\n$/.test(input.head) ? `${input.head.slice(0, -4)}${responseEntry}---\n` : input.head;
  return head + input.body;
}

/** Compile `input` as a real document folder; the screen and print HTML when it compiled. */
async function compileInput(input: DocumentInput) {
  const markdown = documentMarkdown(input);
  await writeFile(doc.index, markdown);
  if (input.response === undefined) await rm(path.join(folder, 'reactie.md'), { force: true });
  else await writeFile(path.join(folder, 'reactie.md'), input.response);
  const { document, files } = await compileDocument(doc, { assetBase: '../assets', buildDate: '2026-01-31' });
  return { markdown, files, html: document && { screen: document.html, print: document.printHtml } };
}

/** Check the property for one input; throws an Error describing the first violation. Returns whether HTML came out. */
export async function checkCompiles(input: DocumentInput): Promise<{ html: boolean; ruleIds: string[] }> {
  const { markdown, files, html } = await compileInput(input);
  const lines = markdown.split(/\r\n|\r|\n/).length;
  const ruleIds: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      if (!message.ruleId || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(message.ruleId)) throw new Error(`message without a kebab-case rule id: ${String(message)}`);
      if (!message.source) throw new Error(`message without a source: ${String(message)}`);
      if (file.path === path.relative(process.cwd(), doc.index) && message.line !== undefined && message.line > lines)
        throw new Error(`message at line ${message.line} of a ${lines}-line file: ${String(message)}`);
      ruleIds.push(message.ruleId);
    }
  }
  if (html) {
    if (!html.screen.startsWith('<!doctype html><html lang="')) throw new Error('HTML does not start with a doctype and <html lang>');
    visit(fromHtml(html.screen), 'element', (node) => {
      if (node.tagName === 'script') throw new Error('a <script> element in the HTML');
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/.test(name)) throw new Error(`an event handler \`${name}\` on <${node.tagName}>`);
        if ((name === 'href' || name === 'src') && /^(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u0020]/g, '')))
          throw new Error(`a script URL in ${name} on <${node.tagName}>`);
      }
    });
  }
  return { html: Boolean(html), ruleIds };
}
