/**
 * The only module that talks to the browser: Debian's Chromium, driven by puppeteer-core,
 * laying out print HTML with Paged.js and printing it to PDF.
 *
 * One browser serves the whole build; each document gets a fresh page (tab).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';

const require = createRequire(import.meta.url);
// pagedjs does not export its polyfill path; find it next to the package's CommonJS entry.
const pagedPolyfill = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/** Where Chromium lives; `KIA_CHROMIUM` or `PUPPETEER_EXECUTABLE_PATH` override the Debian path. */
export function chromiumPath(): string {
  return process.env.KIA_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
}

/** Flags for a quiet headless Chromium on a machine without network or sandbox. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
  // Paged.js fetches the stylesheets with XHR; file: pages may only do that with this flag.
  // Requests outside the build folder are still blocked by PdfPrinter.print.
  '--allow-file-access-from-files',
];

export interface PrintResult {
  pdf: Uint8Array;
  pages: number;
  /** For each selector in `PrintOptions.locate`: the (1-based) page its first match starts on. */
  located: Record<string, number | undefined>;
}

export interface PrintOptions {
  /** Give up on a document after this long (Paged.js can loop on content it cannot lay out). */
  timeoutMs: number;
  /** Only files inside this folder may be loaded; every other request is blocked. */
  allowedRoot: string;
  /** CSS selectors whose page numbers the caller wants to know (e.g. where the responses start). */
  locate?: string[];
  /**
   * Links (CSS selector) whose target's page number should become real text: a
   * `span.page-number` appended to the link, and `page-numbers-as-text` on `<html>` so the
   * stylesheet can drop the `target-counter()` it laid out with. Generated content is not
   * tagged in the PDF; text is.
   */
  pageNumberLinks?: string;
}

/** A running Chromium that prints documents with Paged.js. */
export class PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  /** Start Chromium; fails with a clear message when it is not installed. */
  static async launch(): Promise<PdfPrinter> {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      throw new Error(`Chromium not found at ${executablePath}; install it with \`apt-get install -y chromium chromium-driver\` (as root) or set KIA_CHROMIUM`);
    }
    const browser = await puppeteer.launch({ executablePath, args: chromiumArgs, headless: true, protocolTimeout: 0 });
    return new PdfPrinter(browser);
  }

  /** Lay out `htmlFile` with Paged.js and print it to a tagged PDF with an outline. */
  async print(htmlFile: string, options: PrintOptions): Promise<PrintResult> {
    const page = await this.browser.newPage();
    const root = path.resolve(options.allowedRoot) + path.sep;
    let timer: NodeJS.Timeout | undefined;
    try {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        const allowed = url.startsWith('data:') || (url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).startsWith(root));
        if (process.env.KIA_DEBUG) console.error(allowed ? 'allow' : 'block', url);
        void (allowed ? request.continue() : request.abort('blockedbyclient'));
      });
      await page.evaluateOnNewDocument(() => {
        (window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
      });
      const work = (async () => {
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.addScriptTag({ path: pagedPolyfill });
        const { pages, located } = await page.evaluate(async (selectors: string[], pageNumberLinks: string | undefined) => {
          const polyfill = (window as unknown as { PagedPolyfill: { preview: () => Promise<{ total: number }> } }).PagedPolyfill;
          const flow = await polyfill.preview();
          const located: Record<string, number | undefined> = {};
          for (const selector of selectors) {
            const pageElement = document.querySelector(selector)?.closest<HTMLElement>('.pagedjs_page');
            located[selector] = pageElement ? Number(pageElement.dataset.pageNumber) : undefined;
          }
          // Paged.js adds an empty link before each footnote, pointing at a random id. Our
          // footnote calls are real text already; these would only add unnamed links and make
          // the PDF differ from build to build.
          for (const call of document.querySelectorAll('[data-footnote-call]')) call.remove();
          if (pageNumberLinks) {
            for (const link of document.querySelectorAll<HTMLAnchorElement>(pageNumberLinks)) {
              const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
              const number = target?.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber;
              if (!number) continue;
              const span = document.createElement('span');
              span.className = 'page-number';
              span.textContent = number;
              link.append(span);
            }
            document.documentElement.classList.add('page-numbers-as-text');
          }
          return { pages: flow.total, located };
        }, options.locate ?? [], options.pageNumberLinks);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 });
        return { pdf, pages, located };
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Unexpected PDF layout taking longer than ${options.timeoutMs / 1000} s, expected it to finish (is there content Paged.js cannot lay out?)`)), options.timeoutMs);
      });
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => undefined);
    }
  }

  /** Stop Chromium and every process it started. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => this.browser.process()?.kill('SIGKILL'));
  }

  /** Process id of the browser, for memory measurements. */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }
}
