/** pdf.js's worker module (which ships no types): what `pdf/pdfjs.ts` hands to pdf.js as the worker run in this thread. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
