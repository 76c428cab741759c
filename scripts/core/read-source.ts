/** Reading source files into vfiles, with paths relative to the working directory. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { createHash } from 'node:crypto';

/** sha256 of `bytes`, as lowercase hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface SourceFile {
  file: VFile;
  bytes: Uint8Array;
  sha256: string;
}

/** Larger sources are refused: a 200-page assessment is well under 1 MB of Markdown. */
export const maxSourceBytes = 10 * 1024 * 1024;

/** Line and column (1-based) of `index` in `text`. */
function pointAt(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

/**
 * Read `absolutePath` as UTF-8 into a vfile whose path is relative to the working directory,
 * so messages read `content/app/index.md:3:1`. Invalid UTF-8, NUL bytes (a binary file),
 * control characters and a file over `maxSourceBytes` are fatal messages, not mojibake. A byte order
 * mark is dropped and CRLF and lone CR line endings become LF, which keeps every line and
 * column as the author's editor shows them; `bytes` and `sha256` stay those of the file.
 */
export async function readSource(absolutePath: string): Promise<SourceFile> {
  const bytes = new Uint8Array(await readFile(absolutePath));
  const file = new VFile({ path: path.relative(process.cwd(), absolutePath) || absolutePath, value: '' });
  const fail = (reason: string, place: { line: number; column: number }, ruleId: string) => {
    file.message(reason, { place, source: 'kia-files', ruleId }).fatal = true;
  };
  if (bytes.length > maxSourceBytes) {
    fail(
      `Unexpected file of ${(bytes.length / 1024 / 1024).toFixed(1)} MB, expected at most ${maxSourceBytes / 1024 / 1024} MB of text (split the document, or move data into appendices)`,
      { line: 1, column: 1 },
      'file-too-large',
    );
    return { file, bytes, sha256: sha256(bytes) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Where the first undecodable byte is, as the author's editor would count lines.
    const lenient = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
    fail(
      'Unexpected bytes that are not UTF-8, expected a UTF-8 text file (save it as UTF-8)',
      pointAt(lenient, Math.max(0, lenient.indexOf('\ufffd'))),
      'invalid-utf8',
    );
    return { file, bytes, sha256: sha256(bytes) };
  }
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    fail('Unexpected NUL byte, expected a text file, not a binary one (a word-processor file saved as .md?)', pointAt(text, nul), 'binary-file');
    return { file, bytes, sha256: sha256(bytes) };
  }
  // Control characters (other than tab and line ends) print as nothing or as boxes, and a
  // response containing one cannot be reproduced faithfully: ask for a clean copy instead.
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    fail(
      `Unexpected control character U+${code}, expected printable text (remove it, or ask the sender for a clean copy)`,
      pointAt(text, control.index),
      'control-character',
    );
    return { file, bytes, sha256: sha256(bytes) };
  }
  file.value = text;
  return { file, bytes, sha256: sha256(bytes) };
}
