/**
 * The only module that talks to the browser: Debian's Chromium, driven by puppeteer-core. It
 * lays out print HTML with Paged.js and prints it to PDF, and runs axe-core on HTML pages.
 *
 * One browser serves the whole build; each document gets a fresh page (tab). Every request
 * outside the allowed folder is blocked, so nothing is fetched from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';

const require = createRequire(import.meta.url);
// pagedjs does not export its polyfill path; find it next to the package's CommonJS entry.
// The minified build: the same code, compiled in 0.49 s instead of 0.61 s on the benchmark page.
const pagedPolyfill = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.min.js');
const axeSource = require.resolve('axe-core/axe.min.js');
const pagedHandlers = fileURLToPath(new URL('./paged-handlers.js', import.meta.url));

/** What axe needs to know: which rules to run. Passed through to `axe.run` unchanged. */
export interface AxeRunOptions {
  runOnly: { type: 'tag'; values: string[] };
  rules?: Record<string, { enabled: boolean }>;
  resultTypes?: string[];
}

/** The parts of an axe result we use (axe-core's own shape). */
export interface AxeNodeResult {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeRuleResult {
  id: string;
  impact?: string | null;
  description: string;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AxeNodeResult[];
}
export interface AxeResults {
  violations: AxeRuleResult[];
  incomplete: AxeRuleResult[];
  passes: AxeRuleResult[];
  inapplicable: AxeRuleResult[];
  testEngine: { name: string; version: string };
}

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
  // Requests outside the build folder are still blocked by BrowserSession.print.
  '--allow-file-access-from-files',
];

export interface PrintResult {
  pdf: Uint8Array;
  pages: number;
  /** For each selector in `PrintOptions.locate`: the (1-based) page its first match starts on. */
  located: Record<string, number | undefined>;
  /** The laid-out text of all pages (innerText), for comparing with the PDF's structure. */
  text: string;
  /** The laid-out text of each element matching `PrintOptions.notes` (e.g. footnotes), in order. */
  notes: string[];
  /**
   * A description of every link, by target (`#id` or the absolute URL): its text, with the page
   * number for table-of-contents entries. The PDF's link annotations get it as `/Contents`.
   */
  links: Record<string, string>;
  /** The blocks of `PrintOptions.blocks`, captured before Paged.js laid the page out. */
  blocks: TextBlock[];
  /** Seconds spent loading the page (fonts, scripts), laying it out with Paged.js, reading it back, and printing. */
  timings: { load: number; layout: number; readBack: number; print: number };
}

export interface PrintOptions {
  /** Give up on a document after this long (Paged.js can loop on content it cannot lay out). */
  timeoutMs: number;
  /** Only files inside this folder may be loaded; every other request is blocked. */
  allowedRoot: string;
  /** CSS selectors whose page numbers the caller wants to know (e.g. where the responses start). */
  locate?: string[];
  /**
   * Links (CSS selector) whose target's page number is written, after layout, into the
   * link's `span.page-number` (a placeholder that reserved the room). Real text, unlike
   * `target-counter()`, is tagged in the PDF.
   */
  pageNumberLinks?: string;
  /** Selector of notes (footnotes) whose text should be reported separately in `notes`. */
  notes?: string;
  /**
   * Selector of the blocks (paragraphs, list items, table cells, notes) whose visible text is
   * captured before layout, as `blocks`: what the PDF must contain. Text inside a nested note
   * belongs to the note, not to the paragraph it is anchored in.
   */
  blocks?: string;
}

/** A block of the document before layout: its kind (tag or `note`), visible text, and the heading above it. */
export interface TextBlock {
  kind: string;
  text: string;
  heading: string;
}

/** A layout that did not finish within `PrintOptions.timeoutMs` (its tab is closed). */
export class PrintTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`layout not finished after ${timeoutMs / 1000} s`);
  }
}

/** A running Chromium that prints documents with Paged.js and checks pages with axe. */
export class BrowserSession {
  private constructor(private readonly browser: Browser) {}

  /** Start Chromium; fails with a clear message when it is not installed. */
  static async launch(): Promise<BrowserSession> {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      throw new Error(`Chromium not found at ${executablePath}; install it with \`apt-get install -y chromium chromium-driver\` (as root) or set KIA_CHROMIUM`);
    }
    // Signals are ours to handle (the CLI aborts the build and cleans up); puppeteer would exit at once.
    // A pipe instead of a WebSocket: when our process dies, even by SIGKILL, the pipe closes and
    // Chromium exits with it instead of living on as an orphan.
    // Loaded on first launch: a build whose PDFs and verdicts all come from the cache never needs it.
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath,
      args: chromiumArgs,
      headless: true,
      pipe: true,
      protocolTimeout: 0,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return new BrowserSession(browser);
  }

  /** The browser's product and version, e.g. `Chrome/142.0.7444.175` (for the manifest). */
  version(): Promise<string> {
    return this.browser.version();
  }

  /** Whether the browser is still running (false after a crash or `close`). */
  get alive(): boolean {
    return this.browser.connected;
  }

  /** Lay out `htmlFile` with Paged.js and print it to a tagged PDF with an outline. */
  async print(htmlFile: string, options: PrintOptions): Promise<PrintResult> {
    const page = await this.openPage(options.allowedRoot);
    let timer: NodeJS.Timeout | undefined;
    try {
      await page.evaluateOnNewDocument(() => {
        (window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
        // Paged.js lays the content out into pages of its own; laying the page out as one long
        // screen first would be wasted (0.4–0.6 s on the 197-page benchmark). Hidden by a
        // constructed sheet, which Paged.js does not read as one of the document's stylesheets.
        const hide = new CSSStyleSheet();
        hide.replaceSync('body { display: none !important; }');
        document.adoptedStyleSheets = [hide];
      });
      const work = (async () => {
        const started = performance.now();
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
        // Every font of the stylesheets, loaded before layout: with the body hidden none is in use
        // yet, so `document.fonts.ready` alone would not wait for them. One that fails to load
        // falls back as it would in any browser. They load while Paged.js is compiled.
        await page.evaluate(() => {
          (window as unknown as { kiaFonts: Promise<unknown> }).kiaFonts = Promise.all([...document.fonts].map((font) => font.load().catch(() => undefined)));
        });
        await page.addScriptTag({ path: pagedPolyfill });
        await page.addScriptTag({ path: pagedHandlers });
        await page.evaluate(() => (window as unknown as { kiaFonts: Promise<unknown> }).kiaFonts.then(() => undefined));
        const loaded = performance.now();
        const { pages, located, text, notes, links, blocks, layoutMs } = await page.evaluate(
          async (selectors: string[], pageNumberLinks: string | undefined, notesSelector: string | undefined, blocksSelector: string | undefined) => {
            document.adoptedStyleSheets = [];
            // Before layout: the visible text of every block, to check later that none was lost.
            const blocks: Array<{ kind: string; text: string; heading: string }> = [];
            if (blocksSelector) {
              let heading = '';
              for (const block of document.querySelectorAll<HTMLElement>(blocksSelector)) {
                const note = notesSelector ? block.closest(notesSelector) : null;
                let text = '';
                const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const parent = node.parentElement;
                  if (!parent || !parent.checkVisibility()) continue;
                  if (notesSelector && parent.closest(notesSelector) !== note) continue;
                  text += node.textContent;
                }
                const kind = note ? 'note' : block.tagName.toLowerCase();
                if (/^h[1-6]$/.test(kind)) heading = text.trim();
                blocks.push({ kind, text, heading });
              }
            }
            // The content moves into the template Paged.js takes it from (it would otherwise copy
            // the body through innerHTML: the whole document serialised and parsed again).
            const template = document.createElement('template');
            template.dataset.ref = 'pagedjs-content';
            template.content.append(...document.body.childNodes);
            document.body.append(template);
            const polyfill = (window as unknown as { PagedPolyfill: { preview: () => Promise<{ total: number }> } }).PagedPolyfill;
            const layoutStarted = performance.now();
            const flow = await polyfill.preview();
            const layoutMs = performance.now() - layoutStarted;
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
                const span = link.querySelector('.page-number');
                if (number && span) span.textContent = number;
              }
            }
            // Hidden from assistive technology (a draft's watermark) is page furniture, and an
            // element with role="img" (a redaction box) is a figure whose text is its alternative
            // text: neither is text of the structure tree.
            const hidden = [...document.querySelectorAll<HTMLElement>('.pagedjs_pages [aria-hidden="true"], .pagedjs_pages [role="img"]')];
            for (const element of hidden) element.style.display = 'none';
            const text = document.querySelector<HTMLElement>('.pagedjs_pages')?.innerText ?? '';
            const notes = notesSelector ? [...document.querySelectorAll<HTMLElement>(`.pagedjs_pages ${notesSelector}`)].map((note) => note.innerText) : [];
            for (const element of hidden) element.style.display = '';
            const links: Record<string, string> = {};
            for (const link of document.querySelectorAll<HTMLAnchorElement>('.pagedjs_pages a[href]')) {
              const target = link.getAttribute('href')!.startsWith('#') ? decodeURIComponent(link.hash) : link.href;
              if (links[target]) continue;
              const pageNumber = link.querySelector('.page-number')?.textContent;
              const label = [...link.childNodes]
                .filter((node) => !(node instanceof HTMLElement && node.classList.contains('page-number')))
                .map((node) => node.textContent)
                .join('')
                .replace(/\s+/g, ' ')
                .trim();
              links[target] =
                link.closest('.footnote-call') || link.hasAttribute('data-footnote-ref')
                  ? `Voetnoot ${label}`
                  : pageNumber
                    ? `${label}, pagina ${pageNumber}`
                    : label || target;
            }
            return { pages: flow.total, located, text, notes, links, blocks, layoutMs };
          },
          options.locate ?? [],
          options.pageNumberLinks,
          options.notes,
          options.blocks,
        );
        const evaluated = performance.now();
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 });
        const layout = layoutMs / 1000;
        const timings = {
          load: (loaded - started) / 1000,
          layout,
          readBack: (evaluated - loaded) / 1000 - layout,
          print: (performance.now() - evaluated) / 1000,
        };
        return { pdf, pages, located, text, notes, links, blocks, timings };
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrintTimeout(options.timeoutMs)), options.timeoutMs);
      });
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      await page
        .browserContext()
        .close()
        .catch(() => undefined);
    }
  }

  /**
   * Chromium printing `htmlFile` itself, without Paged.js: tagged, with an outline. No page
   * layout of ours (no running heads, footnotes at the end): the limit any Chromium pipeline
   * can reach on the same HTML, which the benchmark compares the PDF stage with.
   */
  async printWithoutLayout(htmlFile: string, options: { allowedRoot: string; timeoutMs: number }): Promise<{ pdf: Uint8Array; seconds: number }> {
    const page = await this.openPage(options.allowedRoot);
    try {
      const started = performance.now();
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: options.timeoutMs });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: options.timeoutMs });
      return { pdf, seconds: (performance.now() - started) / 1000 };
    } finally {
      await page
        .browserContext()
        .close()
        .catch(() => undefined);
    }
  }

  /**
   * Run axe-core on `htmlFile` in this browser. Requests outside `allowedRoot` are blocked and
   * listed in `blocked`, so a page that needs the network shows up instead of passing quietly.
   */
  async runAxe(
    htmlFile: string,
    options: {
      allowedRoot: string;
      axe: AxeRunOptions;
      timeoutMs: number;
      locale?: string;
      /** Called once the page has loaded: from then on axe runs in the browser without needing our event loop. */
      onLoaded?: () => void;
    },
  ): Promise<{ results: AxeResults; blocked: string[]; ruleOrder: string[] }> {
    const blocked: string[] = [];
    const page = await this.openPage(options.allowedRoot, blocked);
    try {
      // Evaluated through DevTools, not added as a <script>: our pages' Content-Security-Policy
      // forbids scripts, and axe must see the page as readers get it, policy included. Given
      // before the page loads, Chromium compiles it while the page is still being fetched
      // (0.3–0.6 s less on the 197-page benchmark page than after the load).
      this.axeScript ??= readFileSync(axeSource, 'utf8');
      await page.evaluateOnNewDocument(this.axeScript);
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: options.timeoutMs });
      options.onLoaded?.();
      const { results, ruleOrder } = await page.evaluate(
        async (axeOptions, locale) => {
          const axe = (
            window as unknown as {
              axe: {
                configure: (spec: unknown) => void;
                run: (context: Document, options: unknown) => Promise<unknown>;
                getRules: () => Array<{ ruleId: string }>;
              };
            }
          ).axe;
          if (locale) axe.configure({ locale });
          // The order axe reports rules in: results of runs with different rules merge in it.
          return { results: await axe.run(document, axeOptions), ruleOrder: axe.getRules().map((rule) => rule.ruleId) };
        },
        options.axe as unknown as Record<string, unknown>,
        options.locale ? this.axeLocale(options.locale) : null,
      );
      return { results: results as AxeResults, blocked, ruleOrder };
    } finally {
      await page
        .browserContext()
        .close()
        .catch(() => undefined);
    }
  }

  /**
   * How `htmlFile` lays out at each CSS viewport width (320 px: a phone, WCAG 1.4.10; 640 px: a
   * 1280 px window at 200 % zoom, WCAG 1.4.4): the page's scroll width, the widest elements that
   * stick out, whether the contents column stays in view after scrolling, where the first Tab
   * goes, and (with `media: 'print'`, as the browser prints it) whether the contents are shown.
   */
  async measureLayout(
    htmlFile: string,
    options: { allowedRoot: string; widths: number[]; timeoutMs: number; media?: 'screen' | 'print' },
  ): Promise<Array<{ width: number; scrollWidth: number; overflowing: string[]; tocInView: boolean; tocShown: boolean; firstFocus: string }>> {
    const page = await this.openPage(options.allowedRoot);
    try {
      await page.emulateMediaType(options.media ?? 'screen');
      const results = [];
      for (const width of options.widths) {
        await page.setViewport({ width, height: 800 });
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: options.timeoutMs });
        await page.keyboard.press('Tab');
        const firstFocus = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        results.push(
          await page.evaluate(
            (viewport: number, focus: string) => {
              const overflowing = [...document.querySelectorAll('body *')]
                .filter((element) => element.getBoundingClientRect().right > viewport + 1)
                .slice(0, 5)
                .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`);
              window.scrollTo(0, document.documentElement.scrollHeight / 2);
              const toc = document.querySelector('nav.toc');
              const box = toc?.getBoundingClientRect();
              return {
                width: viewport,
                scrollWidth: document.documentElement.scrollWidth,
                overflowing,
                tocInView: Boolean(box && box.bottom > 0 && box.top < window.innerHeight && box.width > 0),
                tocShown: Boolean(toc && getComputedStyle(toc).display !== 'none'),
                firstFocus: focus,
              };
            },
            width,
            firstFocus,
          ),
        );
      }
      return results;
    } finally {
      await page
        .browserContext()
        .close()
        .catch(() => undefined);
    }
  }

  private axeScript: string | undefined;
  private readonly axeLocales = new Map<string, Record<string, unknown>>();

  /** axe-core's translation for `locale`, read once per session rather than once per page. */
  private axeLocale(locale: string): Record<string, unknown> {
    let translation = this.axeLocales.get(locale);
    if (!translation) {
      translation = JSON.parse(readFileSync(require.resolve(`axe-core/locales/${locale}.json`), 'utf8')) as Record<string, unknown>;
      this.axeLocales.set(locale, translation);
    }
    return translation;
  }

  /** A new tab that may only load files under `allowedRoot` (and data: URLs). */
  private async openPage(allowedRoot: string, blocked: string[] = []) {
    // A context of its own per page: Chromium then gives each its own renderer process, so two
    // documents are laid out side by side on two cores (in one context they share one).
    const page = await (await this.browser.createBrowserContext()).newPage();
    const root = path.resolve(allowedRoot) + path.sep;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      const allowed = url.startsWith('data:') || (url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).startsWith(root));
      if (!allowed) blocked.push(url);
      void (allowed ? request.continue() : request.abort('blockedbyclient'));
    });
    return page;
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
