/**
 * The build cache: what a build may take from the last one instead of doing it again. Only the
 * expensive results are kept — a document's printed PDF (with the layout facts the checks need),
 * axe's verdict on a page, the PDF checks' verdict on a PDF — each under a key made of exactly
 * what it was made from (the print HTML, the page, the PDF's bytes) and a salt of everything else
 * that can change it: our own code, the stylesheets and fonts as copied, the data files, the
 * versions of Node, the packages and Chromium. Compiling, the verbatim proof and the leak
 * search always run again, on the outputs as they are.
 *
 * An entry is a JSON file naming its key and the sha256 of its bytes file, written to a temporary
 * name and renamed into place; a missing, unreadable, truncated or mismatching entry is a miss
 * (it is removed and made again), never used. An entry no build used for two weeks is removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator } from '../model/generator.ts';
import { chromiumPath } from '../render/browser.ts';
import { assetSources } from './assets.ts';
import { toolVersions } from './tool-versions.ts';

import type { CacheEntry, ResultCache } from '../model/result-cache.ts';

export type { ResultCache } from '../model/result-cache.ts';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** sha256 of `data`, hex. */
function hash(...data: Array<string | Uint8Array>): string {
  const digest = createHash('sha256');
  for (const part of data) digest.update(part).update('\0');
  return digest.digest('hex');
}

/** Every file under `dir` (sorted), hashed with its path relative to `dir`. */
export async function folderHash(dir: string): Promise<string> {
  if (!existsSync(dir)) return 'none';
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const digest = createHash('sha256');
  for (const file of files)
    digest
      .update(path.relative(dir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return digest.digest('hex');
}

/**
 * The salt of every key: our code and data (scripts/, package.json), the assets, and the
 * versions of Node, the packages and the Chromium binary (its path, size and time: asking it for
 * its version would mean starting it).
 */
async function cacheSalt(): Promise<string> {
  const assets = createHash('sha256');
  for (const file of await assetSources())
    assets
      .update(path.basename(file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  const chromium = chromiumPath();
  const binary = existsSync(chromium) ? statSync(chromium) : undefined;
  return hash(
    generator,
    JSON.stringify(toolVersions(undefined)),
    `${chromium} ${binary?.size ?? 0} ${binary?.mtimeMs ?? 0}`,
    await folderHash(path.join(packageRoot, 'scripts')),
    readFileSync(path.join(packageRoot, 'package.json')),
    assets.digest('hex'),
  );
}

/** The cache folder of the output folder `outDir`: `.kia-cache/` next to it. */
export function cacheDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), '.kia-cache', path.basename(outDir));
}

/** Open the cache in `dir`. With `read: false` (`--force`) nothing is taken from it, but every result is stored. */
export async function openBuildCache(
  dir: string,
  options: { read: boolean; extraSalt?: Uint8Array[] },
): Promise<ResultCache & { hits: number; misses: number }> {
  await pruneUnused(dir);
  // The project's own inputs of every output (its house style) salt every key too.
  const salt = hash(await cacheSalt(), ...(options.extraSalt ?? []));
  const keyOf = (kind: string, parts: unknown[]) => hash(salt, kind, ...parts.map((part) => (part instanceof Uint8Array ? part : JSON.stringify(part))));
  const fileOf = (kind: string, key: string) => path.join(dir, kind, `${key}.json`);
  const cache = {
    hits: 0,
    misses: 0,
    async get<T>(kind: string, parts: unknown[]) {
      const key = keyOf(kind, parts);
      const file = fileOf(kind, key);
      const found = options.read ? await readEntry<T>(file, key) : undefined;
      if (found) {
        // Used now: kept for another two weeks (see pruneUnused).
        const now = new Date();
        await utimes(file, now, now);
        if (found.bytes) await utimes(file.replace(/\.json$/, '.bin'), now, now);
      }
      if (found) cache.hits++;
      else cache.misses++;
      return found;
    },
    async set<T>(kind: string, parts: unknown[], entry: CacheEntry<T>) {
      const key = keyOf(kind, parts);
      await writeEntry(fileOf(kind, key), key, entry);
    },
  };
  return cache;
}

/** The entry in `file` if it is whole and made under `key`; anything else is removed. */
async function readEntry<T>(file: string, key: string): Promise<CacheEntry<T> | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { key: string; value: T; bytesSha256?: string };
    if (stored.key !== key) throw new Error('key mismatch');
    if (stored.bytesSha256 === undefined) return { value: stored.value };
    const bytes = new Uint8Array(await readFile(file.replace(/\.json$/, '.bin')));
    if (hash(bytes) !== stored.bytesSha256) throw new Error('bytes mismatch');
    return { value: stored.value, bytes };
  } catch {
    await rm(file, { force: true });
    await rm(file.replace(/\.json$/, '.bin'), { force: true });
    return undefined;
  }
}

/** Write the bytes first, then the JSON that vouches for them, each by rename. */
async function writeEntry<T>(file: string, key: string, entry: CacheEntry<T>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  if (entry.bytes) {
    await writeFile(`${temporary}.bin`, entry.bytes);
    await rename(`${temporary}.bin`, file.replace(/\.json$/, '.bin'));
  }
  await writeFile(temporary, JSON.stringify({ key, value: entry.value, ...(entry.bytes ? { bytesSha256: hash(entry.bytes) } : {}) }));
  await rename(temporary, file);
}

/** How long an entry no build used is kept: every edit makes new PDFs, and the old ones go. */
const keepUnusedMs = 14 * 24 * 60 * 60 * 1000;

/** Remove the entries (and stray temporary files) that no build used for two weeks. */
async function pruneUnused(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const cutoff = Date.now() - keepUnusedMs;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stats = await stat(file).catch(() => undefined);
    if (stats && stats.mtimeMs < cutoff) await rm(file, { force: true });
  }
}
