/**
 * A build with nothing changed. When the content folder (every file, by its bytes), the options
 * and the build date are those of the last successful build into the same output folder, and the
 * code, assets and tools are the same (the build cache's salt is part of the key), that build's
 * result stands, provided every file in the output folder still has the bytes that build wrote
 * (sha256, recomputed now): its outputs, and the proofs, leak search and checks that were run on
 * exactly those bytes. Its messages (warnings) are reported again. Anything else (a changed
 * byte anywhere, a file added or removed on either side, `--force`, `--only`) builds as usual.
 */
import { VFile } from 'vfile';
import type { ResultCache } from '../model/result-cache.ts';
import { buildDate } from './build-date.ts';
import { folderHash } from './build-cache.ts';
import { folderRecords } from './manifest.ts';

/** A message as stored: what the reporter shows of it. */
interface StoredMessage {
  reason: string;
  place?: VFile['messages'][number]['place'];
  source?: string;
  ruleId?: string;
  fatal?: boolean | null;
  note?: string;
  url?: string;
}

/** What is kept of a successful build: its output files' hashes, its messages and the rest of its result. */
export interface LastBuild<Result> {
  outputs: Array<{ path: string; sha256: string }>;
  files: Array<{ path: string; messages: StoredMessage[] }>;
  result: Result;
}

/** The options that can change what a build writes (`--only` and house-style plugins never take this path). */
export interface BuildShape {
  contentDir: string;
  outDir: string;
  pdf: boolean;
  check: boolean;
  final: boolean;
  redaction: string;
  bundle: boolean;
}

/** The key of a build: its shape, the build date, the working folder (messages name files relative to it) and every content file. */
export async function lastBuildKey(shape: BuildShape): Promise<unknown[]> {
  return [{ ...shape, buildDate: buildDate(), cwd: process.cwd() }, await folderHash(shape.contentDir)];
}

/** The last build's result, if it was made from `key` and the output folder still holds exactly what it wrote. */
export async function unchangedBuild<Result>(
  cache: ResultCache,
  key: unknown[],
  outDir: string,
): Promise<{ files: VFile[]; result: Result; outputs: number } | undefined> {
  const found = await cache.get<LastBuild<Result>>('last-build', key);
  if (!found) return undefined;
  const now = await folderRecords(outDir, outDir).catch(() => []);
  const same =
    now.length === found.value.outputs.length &&
    now.every((record, index) => record.path === found.value.outputs[index].path && record.sha256 === found.value.outputs[index].sha256);
  if (!same) return undefined;
  return { files: found.value.files.map(restoreFile), result: found.value.result, outputs: now.length };
}

/** Remember a successful build made from `key`: what is in the output folder now, its messages and result. */
export async function rememberBuild<Result>(cache: ResultCache, key: unknown[], outDir: string, files: VFile[], result: Result): Promise<void> {
  const outputs = (await folderRecords(outDir, outDir)).map((record) => ({ path: record.path, sha256: record.sha256 }));
  await cache.set<LastBuild<Result>>('last-build', key, { value: { outputs, files: files.map(storeFile), result } });
}

function storeFile(file: VFile): LastBuild<unknown>['files'][number] {
  return {
    path: file.path,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place,
      source: message.source,
      ruleId: message.ruleId,
      fatal: message.fatal,
      note: message.note,
      url: message.url,
    })),
  };
}

function restoreFile(stored: LastBuild<unknown>['files'][number]): VFile {
  const file = new VFile({ path: stored.path });
  for (const each of stored.messages) {
    const message = file.message(each.reason, { place: each.place ?? undefined, source: each.source, ruleId: each.ruleId });
    message.fatal = each.fatal;
    if (each.note !== undefined) message.note = each.note;
    if (each.url !== undefined) message.url = each.url;
  }
  return file;
}
