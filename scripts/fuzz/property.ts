/**
 * The property the pipeline must keep on any input: compiling never throws; every problem is a
 * vfile message with a kebab-case rule id, a source and a line inside the file; and nothing
 * executable (script elements, event handlers, script URLs) reaches the published HTML.
 */
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { compileText } from '../pipeline/compile-text.ts';

export interface DocumentInput {
  head: string;
  body: string;
  response?: string;
}

/** Check the property for one input; throws an Error describing the first violation. Returns whether HTML came out. */
export async function checkCompiles(input: DocumentInput): Promise<{ html: boolean; ruleIds: string[] }> {
  const markdown = input.head + input.body;
  const { files, html } = await compileText(markdown, input.response);
  const lines = markdown.split(/\r\n|\r|\n/).length;
  const ruleIds: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      if (!message.ruleId || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(message.ruleId)) throw new Error(`message without a kebab-case rule id: ${String(message)}`);
      if (!message.source) throw new Error(`message without a source: ${String(message)}`);
      if (file.path === 'index.md' && message.line !== undefined && message.line > lines) throw new Error(`message at line ${message.line} of a ${lines}-line file: ${String(message)}`);
      ruleIds.push(message.ruleId);
    }
  }
  if (html) {
    if (!html.screen.startsWith('<!doctype html><html lang="')) throw new Error('HTML does not start with a doctype and <html lang>');
    visit(fromHtml(html.screen), 'element', (node) => {
      if (node.tagName === 'script') throw new Error('a <script> element in the HTML');
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/.test(name)) throw new Error(`an event handler \`${name}\` on <${node.tagName}>`);
        if ((name === 'href' || name === 'src') && /^(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u0020]/g, ''))) throw new Error(`a script URL in ${name} on <${node.tagName}>`);
      }
    });
  }
  return { html: Boolean(html), ruleIds };
}
