/**
 * The PDF output of a build: lay out a document's print HTML with Paged.js in the one browser
 * of the build, print and finish the PDF, read its text back and check that no block of text
 * was lost. The browser is started on first use (once, also when documents are printed side by
 * side) and restarted once when it dies under a render; a PDF whose inputs are unchanged comes
 * from the build cache without it.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { pdfExpectations } from '../check/expectations.ts';
import type { PdfExpectations } from '../check/pdf-audit.ts';
import { lostBlocks, printBlocks, reportLostBlocks } from '../check/text-loss.ts';
import { typeLabels, type Frontmatter } from '../model/frontmatter-schema.ts';
import type { CompiledDocument } from '../model/compiled.ts';
import { pageCount } from '../model/dutch.ts';
import { readPdfPages, type PdfContent } from '../pdf/text.ts';
import { BrowserSession, PrintTimeout } from '../render/browser.ts';
import { finishPdf, type PdfMetadata } from '../render/finish-pdf.ts';
import { referencedImages } from '../check/referenced-images.ts';
import type { ResultCache } from '../model/result-cache.ts';
import type { Publication } from './publication.ts';

/** What the printer lays out: a document, or the publication bundle. */
export interface Printable {
  slug: string;
  printHtml: string;
  printTree: HastRoot;
  metadata: PdfMetadata;
  /** Selectors whose page the caller needs (e.g. where the responses start). */
  locate: string[];
}

/** A printed PDF and what the checks need of it. */
export interface PrintedPdf {
  pdfInfo: { pages: number; bytes: number };
  expected: PdfExpectations;
  /** Page (1-based) of each selector of `Printable.locate`. */
  located: Record<string, number | undefined>;
  /** The PDF's text as read back. */
  text: PdfContent;
}

/** Progress of one print, for the command's display. */
export type PrintProgress = (event: { slug: string; state: 'start' | 'done'; ms?: number; detail?: string; failed?: boolean }) => void;

/** Thrown by `PdfPrinter.print` when its signal aborted the render. */
export class PrintAborted extends Error {
  constructor() {
    super('print aborted');
  }
}

/** One browser for every PDF of a build (and the gate after it). */
export class PdfPrinter {
  #session: BrowserSession | undefined;
  #launching: Promise<BrowserSession> | undefined;
  #chromiumVersion: string | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #timeoutMs: number;
  readonly #cache: ResultCache | undefined;
  // Closing the browser ends a render in progress at once.
  readonly #onAbort = () => void this.#session?.close();

  /** With `cache`, a print whose inputs are unchanged is taken from it (no browser is started for it). */
  constructor(options: { signal?: AbortSignal; timeoutMs: number; cache?: ResultCache }) {
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs;
    this.#cache = options.cache;
    this.#signal?.addEventListener('abort', this.#onAbort);
  }

  /** The Chromium version that printed, once a PDF was printed. */
  get chromiumVersion(): string | undefined {
    return this.#chromiumVersion;
  }

  /** The live browser, started when there is none (the gate's axe runs use it too). */
  async session(): Promise<BrowserSession> {
    if (this.#session?.alive) return this.#session;
    // Documents printed side by side share one launch.
    this.#launching ??= BrowserSession.launch().finally(() => {
      this.#launching = undefined;
    });
    this.#session = await this.#launching;
    return this.#session;
  }

  /**
   * Lay out and print `printable` into `dir` (`<slug>.pdf`), read its text back and report lost
   * blocks on `file`. A browser that died is restarted once; any other failure is a fatal message
   * on `file` and gives undefined. Throws `PrintAborted` when the signal aborted the render.
   */
  async print(printable: Printable, dir: string, file: VFile, options: { root: string; progress: PrintProgress }): Promise<PrintedPdf | undefined> {
    const { slug } = printable;
    const { progress } = options;
    progress({ slug, state: 'start' });
    const started = performance.now();
    // What the PDF is made of besides our code, the assets and the tools (the cache's salt).
    const inputs = this.#cache && [
      slug,
      printable.printHtml,
      printable.metadata,
      printable.locate,
      await referencedImages(printable.printHtml, dir, options.root),
    ];
    const cached = inputs && (await this.#cache?.get<PrintedPdf & { chromium?: string }>('pdf', inputs));
    if (cached?.bytes) {
      await writeFile(path.join(dir, `${slug}.pdf`), cached.bytes);
      // The Chromium that printed it (the cache's salt holds that binary), for the manifest.
      this.#chromiumVersion ??= cached.value.chromium;
      progress({ slug, state: 'done', ms: performance.now() - started, detail: `${pageCount(cached.value.pdfInfo.pages)}, uit de cache` });
      const { chromium: _, ...value } = cached.value;
      return value;
    }
    try {
      let printed;
      const used: { session?: BrowserSession } = {};
      try {
        printed = await this.#printOnce(printable, dir, options.root, used);
      } catch (error) {
        // A failure in a browser that is still alive is the document's; only a dead browser
        // (the one this print used, or none that would start) is restarted.
        if (used.session?.alive || this.#signal?.aborted) throw error;
        // The browser itself died (killed, out of memory), maybe while starting: start a new
        // one and try this document once more.
        file.message(
          `Unexpected browser crash while rendering the PDF (${(error as Error).message.split('\n')[0]}), expected it to finish; the browser was restarted and the PDF made again`,
          {
            source: 'kia-pdf',
            ruleId: 'browser-restarted',
          },
        );
        if (this.#session === used.session) {
          await this.#session?.close();
          this.#session = undefined;
        }
        printed = await this.#printOnce(printable, dir, options.root, used);
      }
      const ms = performance.now() - started;
      // One reading of the PDF's text: every block of the page must have reached it, the
      // gate's PDF checks use its runs, and the proof its pages from the responses on.
      const { content: text, runs } = await readPdfPages(printed.bytes);
      printed.expected.runs = runs;
      const lost = lostBlocks(printed.blocks, text);
      reportLostBlocks(lost, file);
      progress({
        slug,
        state: 'done',
        ms,
        detail: `${pageCount(printed.pdfInfo.pages)}${lost.length > 0 ? `; ${lost.length} blok(ken) tekst ontbreken in de PDF` : ''}`,
        failed: lost.length > 0,
      });
      const result = { pdfInfo: printed.pdfInfo, expected: printed.expected, located: printed.located, text };
      // Only a PDF that lost no text is kept: a failing one is made again next time.
      if (inputs && lost.length === 0) await this.#cache?.set('pdf', inputs, { value: { ...result, chromium: this.#chromiumVersion }, bytes: printed.bytes });
      return result;
    } catch (error) {
      // Ctrl-C closed the browser under the render: an interruption, not a broken document.
      if (this.#signal?.aborted) throw new PrintAborted();
      if (error instanceof PrintTimeout) {
        file.message(
          `Unexpected PDF layout still running after ${error.timeoutMs / 1000} s, expected it to finish (raise --pdf-timeout for a very long document, or look for content Paged.js cannot lay out, such as a table row taller than a page)`,
          { source: 'kia-pdf', ruleId: 'pdf-timeout' },
        ).fatal = true;
      } else {
        file.message(`Unexpected failure while rendering the PDF (${(error as Error).message}), expected a PDF`, {
          source: 'kia-pdf',
          ruleId: 'pdf-render',
        }).fatal = true;
      }
      progress({ slug, state: 'done', ms: performance.now() - started, failed: true });
      return undefined;
    }
  }

  /** Close the browser and stop listening to the signal. */
  async close(): Promise<void> {
    this.#signal?.removeEventListener('abort', this.#onAbort);
    await this.#session?.close();
  }

  async #printOnce(printable: Printable, dir: string, root: string, used: { session?: BrowserSession }) {
    const session = await this.session();
    used.session = session;
    // The manifest names the Chromium that printed (a build without PDFs names none).
    this.#chromiumVersion ??= await session.version();
    const printPath = path.join(dir, '.print.html');
    await writeFile(printPath, printable.printHtml);
    try {
      const printed = await session.print(printPath, {
        timeoutMs: this.#timeoutMs,
        allowedRoot: root,
        locate: printable.locate,
        pageNumberLinks: 'nav.toc a',
        notes: '.footnote',
        blocks: printBlocks,
      });
      const expected = pdfExpectations(printable.printTree, printed.text, printed.notes);
      const bytes = await finishPdf(printed.pdf, { ...printable.metadata, links: printed.links, headings: expected.headings?.map((heading) => heading.text) });
      await writeFile(path.join(dir, `${printable.slug}.pdf`), bytes);
      return { bytes, pdfInfo: { pages: printed.pages, bytes: bytes.length }, expected, located: printed.located, blocks: printed.blocks };
    } finally {
      await rm(printPath, { force: true });
    }
  }
}

/** A compiled document as something to print. */
export function printableDocument(document: CompiledDocument): Printable {
  return {
    slug: document.source.slug,
    printHtml: document.printHtml,
    printTree: document.printTree,
    metadata: pdfMetadata(document.matter),
    locate: ['.responses'],
  };
}

/** The pages of `content` from `firstPage` (1-based) on; earlier pages empty. */
export function pagesFrom(content: PdfContent, firstPage: number): PdfContent {
  return { ...content, pages: content.pages.map((page, index) => (index + 1 < firstPage ? { lines: [], furniture: [] } : page)) };
}

/** The PDF's document information, from the frontmatter. */
function pdfMetadata(matter: Frontmatter): PdfMetadata {
  return {
    title: matter.subtitle ? `${matter.title}: ${matter.subtitle}` : matter.title,
    authors: matter.authors ?? (matter.commissioner ? [matter.commissioner] : []),
    subject: matter.description ?? `${typeLabels[matter.type]}${matter.service ? ` over ${matter.service}` : ''}`,
    keywords: [typeLabels[matter.type], matter.service, 'kinderrechten'].filter((word): word is string => Boolean(word)),
    lang: matter.lang,
    date: matter.date,
  };
}

/** The bundle PDF's document information. */
export function bundleMetadata(publication: Publication, documents: number): PdfMetadata {
  return {
    title: publication.title,
    authors: [publication.sender.ministry],
    subject: `Publicatie aan de Tweede Kamer: ${documents} ${documents === 1 ? 'document' : 'documenten'}`,
    keywords: ['publicatie', 'Tweede Kamer', 'kinderrechten'],
    lang: 'nl',
    date: publication.date,
  };
}
