/**
 * The preview's pages in memory: one per document folder, compiled to its screen HTML only,
 * parsing only the chapters that changed. A page whose source has errors keeps its last good
 * HTML and carries the error report for the overlay.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { compileDocument, type CompileResult } from '../core/compile-document.ts';
import { discoverDocuments } from '../core/discover.ts';
import type { DocumentSource } from '../model/compiled.ts';
import { createParseCache } from '../pipeline/plugins/remark-parse-incremental.ts';

export interface Page {
  doc: DocumentSource;
  /** The last good page (kept while the source has errors). */
  html?: string;
  /** Reporter text of the current errors, if the last rebuild failed. */
  errors?: string;
  /** The sanitised SVG images of the last good page: served instead of the files (they may hold scripts). */
  svgs?: Record<string, string>;
}

/** Reporter text of `files`, as the overlay and the PDF error page show it. */
export function reportText(files: VFile[]): string {
  return reporter(files, { color: false });
}

/** Every document of a content folder as a preview page. */
export class PreviewPages {
  readonly #contentDir: string;
  readonly #pages = new Map<string, Page>();
  readonly #parseCache = createParseCache();

  constructor(contentDir: string) {
    this.#contentDir = contentDir;
  }

  get(slug: string): Page | undefined {
    return this.#pages.get(slug);
  }

  slugs(): string[] {
    return [...this.#pages.keys()];
  }

  all(): Page[] {
    return [...this.#pages.values()];
  }

  /** Read the folder list again: pages for new documents, none for removed ones. Returns the problems found. */
  async discover(): Promise<VFile> {
    const problems = new VFile({ path: path.relative(process.cwd(), this.#contentDir) || '.' });
    const found = await discoverDocuments(this.#contentDir, problems);
    for (const doc of found) if (!this.#pages.has(doc.slug)) this.#pages.set(doc.slug, { doc });
    for (const slug of this.#pages.keys()) if (!found.some((doc) => doc.slug === slug)) this.#pages.delete(slug);
    return problems;
  }

  /** Compile one page's screen HTML (`full`: without the parse cache); on errors the last good page stays. */
  async compile(page: Page, full = false): Promise<CompileResult> {
    const result = await compileDocument(page.doc, { assetBase: '../assets', screenOnly: true, parseCache: full ? undefined : this.#parseCache });
    if (result.document) {
      page.html = result.document.html;
      page.svgs = result.document.svgs;
      page.errors = undefined;
    } else {
      page.errors = reportText(result.files.filter((file) => file.messages.length > 0));
    }
    return result;
  }
}
