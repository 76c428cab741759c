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

/**
 * Read `absolutePath` as UTF-8 into a vfile whose path is relative to the working directory,
 * so messages read `content/app/index.md:3:1`. Invalid UTF-8 is a fatal message, not mojibake.
 */
export async function readSource(absolutePath: string): Promise<SourceFile> {
  const bytes = new Uint8Array(await readFile(absolutePath));
  const file = new VFile({ path: path.relative(process.cwd(), absolutePath) || absolutePath });
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    file.value = '';
    file.message('Unexpected bytes that are not UTF-8, expected a UTF-8 text file', { place: { line: 1, column: 1 }, source: 'kia-files', ruleId: 'invalid-utf8' }).fatal = true;
  }
  return { file, bytes, sha256: sha256(bytes) };
}
