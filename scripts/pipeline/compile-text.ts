/**
 * The whole pipeline on text in memory, without any file: frontmatter and body through the body
 * processor, a response through the response processor, and both variants of the document.
 * For the property tests and `npm run fuzz`, which feed it random input: whatever comes in,
 * the outcome is HTML and/or vfile messages, never an exception.
 */
import type { Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import { sourceText } from '../check/verbatim.ts';
import type { RenderedResponse } from './plugins/rehype-append-responses.ts';
import { wooGrounds } from '../model/woo-grounds.ts';
import { decisionNoteSections } from '../model/decision-note.ts';
import { projectInstrument } from '../model/instrument.ts';
import { bodyProcessor, documentProcessor, responseProcessor, toHast } from './processor.ts';

export interface CompiledText {
  files: VFile[];
  /** The screen and print HTML, when the input had no errors. */
  html?: { screen: string; print: string };
}

/** Compile `markdown` (with frontmatter) and, optionally, a response to append. */
export async function compileText(markdown: string, response?: string): Promise<CompiledText> {
  const file = new VFile({ path: 'index.md', value: markdown });
  const files = [file];
  const body = await toHast(bodyProcessor({ instrument: projectInstrument(), grounds: wooGrounds(), decisionNoteSections: decisionNoteSections() }), file);
  const matter = file.data.matter;
  const rendered: RenderedResponse[] = [];
  if (response !== undefined && matter) {
    const responseFile = new VFile({ path: 'reactie.md', value: response });
    files.push(responseFile);
    const processor = responseProcessor('reactie-1-', { grounds: wooGrounds() });
    sourceText(processor.parse(responseFile) as MdastRoot, { source: response, redaction: 'public' });
    const tree = await toHast(processor, responseFile);
    rendered.push({ entry: { file: 'reactie.md', from: 'Voorbeeld B.V.', title: 'Reactie', received: '2026-01-01' }, tree, sha256: '0'.repeat(64) });
  }
  if (!matter || files.some((each) => each.messages.some((message) => message.fatal))) return { files };
  const run = async (variant: 'screen' | 'print') => {
    const processor = documentProcessor({ matter, responses: structuredClone(rendered), assetBase: '../assets', variant });
    return processor.stringify((await processor.run(structuredClone(body), file)) as never, file);
  };
  return { files, html: { screen: await run('screen'), print: await run('print') } };
}
