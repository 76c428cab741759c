/**
 * A document's validated frontmatter without compiling it: what the landing page needs of the
 * documents a `--only` build (or the preview's PDF on demand) does not rebuild. The YAML block is
 * read by the same plugin as in a full compile, so the data is the same.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { DocumentSource } from '../model/compiled.ts';
import type { Frontmatter } from '../model/frontmatter-schema.ts';
import remarkKiaFrontmatter from '../pipeline/plugins/remark-kia-frontmatter.ts';
import { readSource } from './read-source.ts';

/** The frontmatter of `doc`, or undefined when the file or its frontmatter has an error. */
export async function readFrontmatter(doc: DocumentSource): Promise<Frontmatter | undefined> {
  const index = await readSource(doc.index);
  if (index.file.messages.some((message) => message.fatal)) return undefined;
  // Only the block between the `---` lines: the body is not parsed.
  const block = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(String(index.file.value))?.[0];
  if (!block) return undefined;
  const file = new VFile({ path: index.file.path, value: block });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkKiaFrontmatter);
  await processor.run(processor.parse(file), file);
  return file.messages.some((message) => message.fatal) ? undefined : file.data.matter;
}
