/**
 * Compile one document: read `index.md` and its responses, run the pipeline, and produce the
 * screen HTML, the print HTML (for Paged.js) and what the verbatim proof needs.
 */
import { wooGrounds } from '../model/woo-grounds.ts';
import { decisionNoteSections } from '../model/decision-note.ts';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { projectInstrument, type Instrument } from '../model/instrument.ts';
import { buildDate } from './build-date.ts';
import type { ParseCache } from '../pipeline/plugins/remark-parse-incremental.ts';
import { bodyProcessor, documentProcessor, responseProcessor, toHast } from '../pipeline/processor.ts';
import type { RenderedResponse } from '../pipeline/plugins/rehype-append-responses.ts';
import { sourceText } from '../check/verbatim.ts';
import type { CompiledDocument, CompiledResponse, DocumentSource } from '../model/compiled.ts';
import type { ResponseEntry } from '../model/frontmatter-schema.ts';
import { readSource, sha256 } from './read-source.ts';
import { sanitiseSvg, type SanitisedSvg } from '../render/image-safety.ts';
import { memo, type ResultCache } from '../model/result-cache.ts';
import { toText } from 'hast-util-to-text';
import { guessLanguage, languageNames } from '../check/language-guess.ts';

export type { CompiledDocument, CompiledResponse } from '../model/compiled.ts';

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
  /** The KIA instrument to check against; default the project's. */
  instrument?: Instrument;
  /** `public` (default): `:redact[…]` text withheld; `internal`: shown, highlighted, pages marked "Intern". */
  redaction?: 'public' | 'internal';
  /** `YYYY-MM-DD` shown on drafts; default core/build-date.ts. */
  buildDate?: string;
  /** Only the screen page (the live preview): `printHtml` is then empty and `printTree` an empty root. */
  screenOnly?: boolean;
  /** Parse only the chunks that changed since the last compile with this cache (the live preview). */
  parseCache?: ParseCache;
  /** The team's house style (core/house-style.ts): linked stylesheet, logo in a letter's head. */
  houseStyle?: { logoAlt?: string };
  /** A placeholder image description (`TODO: …`) in a response is a warning, not an error (the import's proof, before the editor describes the image). */
  placeholderAltIsWarning?: boolean;
  /** The build cache: an SVG sanitised before with the same bytes is taken from it. */
  cache?: ResultCache;
}

/** Compile `doc`; `document` is undefined when any fatal message was reported. */
export async function compileDocument(doc: DocumentSource, options: CompileOptions): Promise<CompileResult> {
  const index = await readSource(doc.index);
  const files = [index.file];
  if (index.file.messages.some((message) => message.fatal)) return { files };
  if (String(index.file.value).trim() === '') {
    index.file.message('Unexpected empty file, expected frontmatter and the text of the document', {
      place: { line: 1, column: 1 },
      source: 'kia-files',
      ruleId: 'empty-file',
    }).fatal = true;
    return { files };
  }
  const grounds = wooGrounds();
  const redaction = options.redaction ?? 'public';
  const bodyTree = await toHast(
    bodyProcessor({
      instrument: options.instrument ?? projectInstrument(),
      grounds,
      decisionNoteSections: decisionNoteSections(),
      parseCache: options.parseCache,
      redaction,
    }),
    index.file,
  );
  const matter = index.file.data.matter;
  const { images, svgs } = await checkImages(doc, index.file, options.cache);

  const responses: CompiledResponse[] = [];
  const rendered: RenderedResponse[] = [];
  for (const [n, entry] of (matter?.responses ?? index.file.data.matterResponses ?? []).entries()) {
    const place = index.file.data.frontmatterPlaces?.[`responses.${n}.file`];
    const absolute = resolveResponse(doc, entry.file, index.file, place);
    if (!absolute) continue;
    const response = await readSource(absolute);
    files.push(response.file);
    if (response.file.messages.some((message) => message.fatal)) continue;
    if (String(response.file.value).trim() === '') {
      response.file.message('Unexpected empty response, expected the text of the response', {
        place: { line: 1, column: 1 },
        source,
        ruleId: 'empty-response',
      }).fatal = true;
      continue;
    }
    let original: CompiledResponse['original'];
    if (entry.original) {
      const originalPath = resolveInside(doc, entry.original, index.file, index.file.data.frontmatterPlaces?.[`responses.${n}.original`], source, 'original');
      if (!originalPath) continue;
      original = { relativePath: entry.original, absolute: originalPath, sha256: sha256(await readFile(originalPath)) };
    }
    const processor = responseProcessor(`reactie-${n + 1}-`, {
      grounds,
      redaction,
      hasOriginal: Boolean(original),
      folder: path.posix.dirname(entry.file),
      placeholderAltIsWarning: options.placeholderAltIsWarning,
    });
    // The proof's reference text comes from a parse of its own, before any transform runs.
    const text = sourceText(processor.parse(response.file) as MdastRoot, { source: String(response.file.value), redaction });
    const tree = await toHast(processor, response.file);
    checkResponseLanguage(tree, entry, n, matter?.lang, index.file);
    const responseImages = await checkImages(doc, response.file, options.cache);
    images.push(...responseImages.images.filter((image) => !images.includes(image)));
    images.sort();
    Object.assign(svgs, responseImages.svgs);
    const withheld = (response.file.data.redactions ?? []).map(
      (entry) => grounds.find((ground) => ground.code === entry.ground) ?? { code: entry.ground, description: '' },
    );
    responses.push({ entry, file: response.file, relativePath: entry.file, sha256: response.sha256, source: text, redactions: withheld, original });
    rendered.push({
      entry,
      tree,
      sha256: response.sha256,
      redactions: withheld,
      internal: redaction === 'internal',
      original: original && { name: path.basename(original.relativePath), sha256: original.sha256 },
    });
  }
  if (!matter || files.some((file) => file.messages.some((message) => message.fatal))) return { files };

  const run = async (variant: 'screen' | 'print') => {
    const processor = documentProcessor({
      matter,
      responses: structuredClone(rendered),
      assetBase: options.assetBase,
      variant,
      buildDate: options.buildDate ?? buildDate(),
      internal: redaction === 'internal',
      extraPlugins: options.extraPlugins?.[variant],
      houseStyle: options.houseStyle,
    });
    // The print variant needs the body untouched, so the screen variant works on a copy.
    const tree = (await processor.run(options.screenOnly ? bodyTree : structuredClone(bodyTree), index.file)) as HastRoot;
    return { tree, html: processor.stringify(tree, index.file) };
  };
  const screen = await run('screen');
  const print = options.screenOnly ? { html: '', tree: { type: 'root', children: [] } as HastRoot } : await run('print');
  return {
    files,
    document: {
      source: doc,
      images,
      svgs,
      matter,
      file: index.file,
      sha256: index.sha256,
      responses,
      html: screen.html,
      printHtml: print.html,
      printTree: print.tree,
    },
  };
}

/**
 * A response written in another language than it declares (its `lang`, else the document's)
 * is read aloud with the wrong pronunciation: a warning at the entry, saying what to declare.
 */
function checkResponseLanguage(tree: HastRoot, entry: ResponseEntry, n: number, documentLang: string | undefined, file: VFile): void {
  const declared = (entry.lang ?? documentLang ?? '').toLowerCase().split('-')[0];
  const guess = guessLanguage(toText(tree));
  if (!declared || !guess || guess.lang === declared) return;
  const places = file.data.frontmatterPlaces;
  file.message(
    `Unexpected response \`${entry.file}\` that reads as ${languageNames[guess.lang]} (${guess.hits} of ${guess.total} common words), expected ${languageNames[declared] ?? `\`${declared}\``} as ${entry.lang ? 'its `lang` says' : "the document's `lang` says"} (declare \`lang: ${guess.lang}\` for the response)`,
    { place: places?.[`responses.${n}.lang`] ?? places?.[`responses.${n}.file`], source, ruleId: 'response-language' },
  );
}

/**
 * Image files: inside the folder, present, and really an image (by their first bytes). An SVG
 * is sanitised (core/image-safety.ts): what was removed is a warning at each reference to it, a
 * file that is not well-formed SVG an error.
 */
async function checkImages(doc: DocumentSource, file: VFile, cache: ResultCache | undefined): Promise<{ images: string[]; svgs: Record<string, string> }> {
  const found = new Set<string>();
  const svgs: Record<string, string> = {};
  const sanitised = new Map<string, SanitisedSvg>();
  for (const image of file.data.images ?? []) {
    const absolute = resolveInside(doc, image.url, file, image.position?.start, 'kia-images', 'image');
    if (!absolute) continue;
    const bytes = new Uint8Array(await readFile(absolute));
    const head = bytes.slice(0, 512);
    if (!looksLikeImage(head)) {
      file.message(`Unexpected file \`${image.url}\` that is not an image, expected PNG, JPEG, GIF, WebP or SVG`, {
        place: image.position,
        source: 'kia-images',
        ruleId: 'not-an-image',
      }).fatal = true;
      continue;
    }
    const relative = path.relative(doc.dir, absolute);
    if (isSvg(head)) {
      let result = sanitised.get(relative);
      if (!result) {
        result = await memo(
          cache,
          'svg',
          async () => [bytes],
          () => sanitiseSvg(new TextDecoder('utf-8').decode(bytes)),
        );
        sanitised.set(relative, result);
      }
      if (result.error || !result.svg) {
        file.message(`Unexpected SVG \`${image.url}\` that is ${result.error}, expected a well-formed SVG file`, {
          place: image.position,
          source: 'kia-images',
          ruleId: 'invalid-svg',
        }).fatal = true;
        continue;
      }
      if (result.removed.length > 0) {
        file.message(
          `Unexpected ${result.removed.join('; ')} in \`${image.url}\`, expected an SVG without scripts, event handlers or references outside the file (removed from the published copy)`,
          { place: image.position, source: 'kia-images', ruleId: 'unsafe-svg' },
        );
      }
      svgs[relative] = result.svg;
    }
    found.add(relative);
  }
  return { images: [...found].sort(), svgs };
}

function isSvg(head: Uint8Array): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[\s\S]*?>\s*)?<svg[\s>]/.test(
    Buffer.from(head)
      .toString('latin1')
      .replace(/^\ufeff|^\xef\xbb\xbf/, ''),
  );
}

function looksLikeImage(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1');
  return (
    text.startsWith('\x89PNG') ||
    text.startsWith('\xff\xd8\xff') ||
    text.startsWith('GIF8') ||
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') ||
    isSvg(head)
  );
}

/** Resolve a response path, reporting absolute paths, escapes from the folder and missing files. */
function resolveResponse(doc: DocumentSource, relative: string, file: VFile, place: { line: number; column: number } | undefined): string | undefined {
  return resolveInside(doc, relative, file, place, source, 'response');
}

/** Resolve `relative` inside the document folder, or report why not. */
function resolveInside(
  doc: DocumentSource,
  relative: string,
  file: VFile,
  place: { line: number; column: number } | undefined,
  source: string,
  kind: 'response' | 'image' | 'original',
): string | undefined {
  const report = (reason: string, ruleId: string) => {
    file.message(reason, { place, source, ruleId }).fatal = true;
    return undefined;
  };
  const folder = path.relative(process.cwd(), doc.dir) || '.';
  const outside = `${kind}-outside-document`;
  if (path.isAbsolute(relative)) return report(`Unexpected absolute path \`${relative}\`, expected a path relative to \`${folder}\``, outside);
  const absolute = path.resolve(doc.dir, relative);
  if (!absolute.startsWith(doc.dir + path.sep))
    return report(`Unexpected path \`${relative}\` outside the document folder, expected a file inside \`${folder}\``, outside);
  if (!existsSync(absolute))
    return report(`Unexpected missing ${kind} file \`${relative}\`, expected a file at \`${path.join(folder, relative)}\``, `missing-${kind}`);
  const real = realpathSync(absolute);
  if (!real.startsWith(realpathSync(doc.dir) + path.sep))
    return report(`Unexpected link \`${relative}\` pointing outside the document folder, expected a file inside \`${folder}\``, outside);
  if (!statSync(real).isFile())
    return report(`Unexpected folder \`${relative}\`, expected a ${kind} file at \`${path.join(folder, relative)}\``, `missing-${kind}`);
  return absolute;
}
