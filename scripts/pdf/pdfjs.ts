/**
 * pdf.js for Node: its legacy build (the modern one needs built-ins of Node 22), with its worker
 * run in this thread. Loading it replaces built-ins that Node 20 has natively with core-js's
 * JavaScript versions, for the whole process: `Array.prototype.push`, `JSON.parse`,
 * `JSON.stringify`, `Function.prototype.toString`. Every push and JSON parse after it ran slower,
 * pdf.js's own most of all. The natives are put back after loading; the polyfills of what Node 20
 * lacks (`Promise.withResolvers`, the new Set methods, …) stay.
 */
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

// Taken when this module loads, before pdf.js can have replaced them (it is loaded only here).
const natives = (
  [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
  ] as const
).map(([owner, key]) => ({ owner, key, descriptor: Object.getOwnPropertyDescriptor(owner, key)! }));

/** pdf.js's API, loaded (once: Node caches the modules) with the built-ins above native again. */
export async function loadPdfjs(): Promise<typeof Pdfjs> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  // The worker's message handler in this thread: pdf.js would otherwise import the worker itself,
  // later, and its polyfills would replace the natives again.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  for (const { owner, key, descriptor } of natives) Object.defineProperty(owner, key, descriptor);
  return pdfjs;
}
