/**
 * The contract between the build cache (core/build-cache.ts) and what uses it (the PDF output,
 * the gate): results looked up and stored by what they were made from.
 */

/** One cached result: its JSON and, for a PDF, its bytes. */
export interface CacheEntry<T> {
  value: T;
  bytes?: Uint8Array;
}

/** Where results are looked up; `undefined` in a build that does not use the cache. */
export interface ResultCache {
  /** The result stored under `kind` and `parts`, if a whole one is there. */
  get<T>(kind: string, parts: unknown[]): Promise<CacheEntry<T> | undefined>;
  /** Store a result made from `parts`. */
  set<T>(kind: string, parts: unknown[], entry: CacheEntry<T>): Promise<void>;
}

/**
 * The cached result made from `parts`, or a fresh one from `make` (then stored). The parts are
 * gathered only when there is a cache: without one, reading inputs to name a key is wasted work.
 */
export async function memo<T>(cache: ResultCache | undefined, kind: string, parts: () => Promise<unknown[]>, make: () => Promise<T>): Promise<T> {
  if (!cache) return make();
  const inputs = await parts();
  const found = await cache.get<T>(kind, inputs);
  if (found) return found.value;
  const value = await make();
  await cache.set(kind, inputs, { value });
  return value;
}
