/**
 * `kia import-response`: take a stakeholder's response in as received (PDF or Word) and prove
 * that nothing changed on the way. The file is converted to Markdown (convert/), and the document
 * is compiled with the response added, in a copy of its folder, through the build's own
 * compile; the response's text as the pipeline reads it is then compared with the received
 * file's text, read independently (check/original-text.ts: pdftotext, the .docx's raw text),
 * exactly as every later build does again. Only when that holds are the Markdown, the received
 * file (`responses/originals/`) and the frontmatter entry written; an existing file is never
 * overwritten, and a refusal or a difference writes nothing.
 */
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { originalKind } from '../check/original-text.ts';
import { verifyOriginal } from '../check/verify-responses.ts';
import { docxToMarkdown, type ConvertedResponse } from '../convert/docx-to-markdown.ts';
import { pdfToMarkdown } from '../convert/pdf-to-markdown.ts';
import { closest } from '../model/did-you-mean.ts';
import { responseRegions } from '../pipeline/responses.ts';
import { buildDate } from './build-date.ts';
import { compileDocument } from './compile-document.ts';
import { discoverDocuments } from './discover.ts';
import { sha256 } from './read-source.ts';

export interface ImportOptions {
  /** The file as received. */
  file: string;
  contentDir: string;
  /** The document the response belongs to. */
  slug: string;
  from: string;
  title?: string;
  /** `YYYY-MM-DD`; default the build date (today). */
  received?: string;
  kind?: 'zienswijze' | 'reactie';
  /** Convert and prove, but write nothing: the entry and the Markdown are returned. */
  dryRun?: boolean;
}

export interface ImportResult {
  ok: boolean;
  /** Every file with messages: the received file, the document, the new response. */
  files: VFile[];
  /** How the file was read. */
  kind?: 'pdf' | 'docx';
  /** The frontmatter entry (YAML) and the Markdown, when converted. */
  entry?: string;
  markdown?: string;
  /** What the conversion could not take over as it was, and the page furniture left out. */
  notes: string[];
  /** The files written (none with `dryRun` or on failure), relative to the working folder. */
  written: string[];
}

const source = 'kia-import';

/** Import `options.file` as a response of `options.slug`; never throws for bad input. */
export async function importResponse(options: ImportOptions): Promise<ImportResult> {
  const shown = path.relative(process.cwd(), options.file) || options.file;
  const received = new VFile({ path: shown });
  const result: ImportResult = { ok: false, files: [received], notes: [], written: [] };
  const refuse = (reason: string, ruleId: string, file = received) => {
    file.message(reason, { source, ruleId }).fatal = true;
    return { ...result, files: result.files.filter((each) => each.messages.length > 0) };
  };

  if (!existsSync(options.file)) return refuse(`Unexpected missing file \`${shown}\`, expected the response as received (PDF or Word)`, 'missing-file');
  const bytes = new Uint8Array(await readFile(options.file));
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  // An encrypted Office file is an OLE compound file (as is an old .doc), not a ZIP.
  if (head.startsWith('\xd0\xcf\x11\xe0'))
    return refuse(
      `Unexpected password-protected or old-format (.doc) Word file \`${shown}\`, expected a .docx without a password (ask the sender to save it again)`,
      'unreadable-file',
    );
  const kind = originalKind(bytes);
  if (kind !== 'pdf' && kind !== 'docx')
    return refuse(`Unexpected file \`${shown}\` that is neither a PDF nor a Word file (.docx) by its content, expected one of those`, 'not-a-response-file');
  result.kind = kind;

  const documents = await discoverDocuments(options.contentDir, new VFile());
  const doc = documents.find((each) => each.slug === options.slug);
  if (!doc) {
    const suggestion = closest(
      options.slug,
      documents.map((each) => each.slug),
    );
    return refuse(
      `Unexpected document \`${options.slug}\`, expected ${suggestion ? `\`${suggestion}\` (did you mean it?)` : `one of ${documents.map((each) => `\`${each.slug}\``).join(', ') || '(none)'}`}`,
      'unknown-document',
    );
  }
  const name = responseName(options.file);
  const markdownPath = `responses/${name}.md`;
  const originalPath = `responses/originals/${path.basename(options.file)}`;
  // Never over an existing file: checked before converting, and again for the images it names.
  const existing = (relatives: string[]) => {
    const found = relatives.find((relative) => existsSync(path.join(doc.dir, relative)));
    return (
      found &&
      refuse(
        `Unexpected existing file \`${path.join(path.relative(process.cwd(), doc.dir), found)}\`, expected a new response (nothing is overwritten; remove or rename it first)`,
        'response-exists',
      )
    );
  };
  const taken = existing([markdownPath, originalPath]);
  if (taken) return taken;

  let converted: ConvertedResponse;
  try {
    converted = kind === 'docx' ? await docxToMarkdown(bytes, { imagePrefix: name }) : await pdfToMarkdown(options.file);
  } catch (error) {
    return refuse(
      `Unexpected ${kind === 'pdf' ? 'PDF' : 'Word file'} that cannot be read (${(error as Error).message.split('\n')[0]}), expected an undamaged file without a password`,
      'unreadable-file',
    );
  }
  if (converted.refused) return refuse(`Unexpected ${converted.refused.found} in \`${shown}\`, expected ${converted.refused.expected}`, 'refused-file');
  result.notes = converted.notes;
  result.markdown = converted.markdown;
  const images = (converted.images ?? []).map((image) => ({ relative: path.posix.join('responses', image.path), bytes: image.bytes }));
  const imageTaken = existing(images.map((image) => image.relative));
  if (imageTaken) return imageTaken;

  const how = converted.method ?? (kind === 'docx' ? 'Word' : 'PDF');
  const entry = [
    `- file: ${markdownPath}`,
    `  from: ${yamlString(options.from)}`,
    `  title: ${yamlString(options.title ?? `${options.kind === 'reactie' ? 'Reactie' : 'Zienswijze'} van ${options.from}`)}`,
    `  received: ${options.received ?? buildDate()}`,
    ...(options.kind ? [`  kind: ${options.kind}`] : []),
    `  # kia import-response: ${how}; sha256 of the received file ${sha256(bytes)}`,
    `  original: ${originalPath}`,
  ];
  result.entry = entry.join('\n');
  const index = await readFile(doc.index, 'utf8');
  const withEntry = addResponseEntry(index, entry);
  if ('error' in withEntry) {
    const indexFile = new VFile({ path: path.relative(process.cwd(), doc.index) });
    result.files.push(indexFile);
    return refuse(withEntry.error, 'frontmatter-not-editable', indexFile);
  }

  // The proof, in a copy of the document folder: the build's own compile reads the response.
  const work = await mkdtemp(path.join(tmpdir(), 'kia-import-'));
  try {
    const copy = path.join(work, doc.slug);
    await cp(doc.dir, copy, { recursive: true });
    await mkdir(path.join(copy, 'responses/originals'), { recursive: true });
    await writeFile(path.join(copy, markdownPath), converted.markdown);
    await copyFile(options.file, path.join(copy, originalPath));
    await writeImages(copy, images);
    await writeFile(path.join(copy, 'index.md'), withEntry.text);
    // An image still to be described is what the import leaves for the editor: here a warning, in the build an error.
    const { document, files } = await compileDocument(
      { slug: doc.slug, dir: copy, index: path.join(copy, 'index.md') },
      { assetBase: '../assets', screenOnly: false, placeholderAltIsWarning: true },
    );
    // Messages name the real paths, where the files will be.
    for (const file of files) file.path = path.relative(process.cwd(), path.join(doc.dir, path.relative(copy, path.resolve(file.path))));
    result.files.push(...files);
    if (document) {
      const response = document.responses.at(-1)!;
      const region = responseRegions(document.printTree)[document.responses.length - 1];
      const proof = await verifyOriginal(response, region);
      result.notes.push(...proof.furniture.map((line) => `page furniture: ${line}`));
    }
    result.files = result.files.filter((file) => file.messages.length > 0);
    if (result.files.some((file) => file.messages.some((message) => message.fatal))) return result;
    result.ok = true;
    if (options.dryRun) return result;
    await mkdir(path.join(doc.dir, 'responses/originals'), { recursive: true });
    await writeFile(path.join(doc.dir, markdownPath), converted.markdown, { flag: 'wx' });
    await copyFile(options.file, path.join(doc.dir, originalPath));
    await writeImages(doc.dir, images);
    await writeFile(doc.index, withEntry.text);
    result.written = [markdownPath, originalPath, ...images.map((image) => image.relative), 'index.md'].map((relative) =>
      path.relative(process.cwd(), path.join(doc.dir, relative)),
    );
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Write the response's images into the document folder `dir`, never over an existing file. */
async function writeImages(dir: string, images: Array<{ relative: string; bytes: Uint8Array }>): Promise<void> {
  for (const image of images) {
    await mkdir(path.dirname(path.join(dir, image.relative)), { recursive: true });
    await writeFile(path.join(dir, image.relative), image.bytes, { flag: 'wx' });
  }
}

/** `zienswijze-klets.docx` → `zienswijze-klets`: lower case, letters and digits, `-` between. */
function responseName(file: string): string {
  const base = path.basename(file, path.extname(file)).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return base.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'reactie';
}

/** A YAML scalar for `value`: plain when that reads back as the same string, else double-quoted. */
function yamlString(value: string): string {
  const plain = parseDocument(`x: ${value}`).get('x');
  return plain === value && !value.includes('#') ? value : JSON.stringify(value);
}

/**
 * `index` with `entry` (lines of one list item) added to the frontmatter's `responses:`, as text:
 * the author's comments, order and formatting stay as they are. A `responses:` written in flow
 * style (`[…]`) cannot take a block item; that is an error.
 */
function addResponseEntry(index: string, entry: string[]): { text: string } | { error: string } {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(index);
  if (!match) return { error: 'Unexpected document without frontmatter, expected `---` lines at the start of index.md' };
  const yamlStart = index.indexOf('\n') + 1;
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, keepSourceTokens: true });
  if (document.errors.length > 0 || !isMap(document.contents))
    return { error: 'Unexpected frontmatter that is not valid YAML, expected it fixed first (kia build names the problem)' };
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'responses');
  if (!pair) {
    const text = `${index.slice(0, yamlStart + yamlText.length)}responses:\n${entry.map((line) => `  ${line}`).join('\n')}\n${index.slice(yamlStart + yamlText.length)}`;
    return { text };
  }
  const sequence = pair.value;
  if (!isSeq(sequence) || sequence.flow || !sequence.range || sequence.items.length === 0) {
    return { error: 'Unexpected `responses:` that is not a block list (`- file: …` lines), expected one the import can add an item to' };
  }
  const first = sequence.items[0] as { range?: [number, number, number] };
  const indent = first.range ? lineCounter.linePos(first.range[0]).col - 3 : 2;
  // After the list's last value, at the end of its line.
  let end = sequence.range[1];
  while (end > 0 && /\s/.test(yamlText[end - 1])) end--;
  const lineEnd = yamlText.indexOf('\n', end);
  const at = yamlStart + (lineEnd === -1 ? yamlText.length : lineEnd + 1);
  const lines = entry.map((line) => `${' '.repeat(Math.max(indent, 0))}${line}`).join('\n');
  return { text: `${index.slice(0, at)}${lines}\n${index.slice(at)}` };
}
