/**
 * `kia preview` (`npm run dev`): a local server for authors. It serves every document's HTML
 * page as the build would write it, watches `content/` and `styles/`, rebuilds only the
 * document that changed (screen HTML only, parsing only the chapters that changed) and tells
 * the open pages to reload. A failed rebuild keeps the last good page and shows the errors as
 * an overlay; the PDF is made on demand (`/__kia/pdf/<slug>`), never on save. `dist/` is not
 * touched: pages live in memory, assets and on-demand PDFs in a temporary folder.
 *
 * The parts live under scripts/preview/: the pages (pages.ts), the rebuild queue
 * (rebuild-queue.ts), the watcher (watch-tree.ts), the routes (server.ts) and the host guard.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { VFile } from 'vfile';
import { copyAssets, stylesDir } from '../core/assets.ts';
import { EventStreams, type PreviewEvent } from '../preview/events.ts';
import { allowedHosts } from '../preview/host-guard.ts';
import { PreviewPages, reportText } from '../preview/pages.ts';
import { RebuildQueue, stylesChanged } from '../preview/rebuild-queue.ts';
import { handlePreviewRequest } from '../preview/server.ts';
import { watchTree } from '../preview/watch-tree.ts';
import { build } from './build.ts';

export type { PreviewEvent } from '../preview/events.ts';

export interface PreviewOptions {
  contentDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /**
   * Host names served besides localhost, 127.0.0.1 and [::1] (`--host NAME`). Any other `Host`
   * gets 403: a web page could otherwise read the drafts through DNS rebinding.
   */
  allowedHosts?: string[];
  onEvent?: (event: PreviewEvent) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Start the preview server; resolves once every document is compiled and the server listens. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const started = performance.now();
  // A rebuild allocates a few hundred MB of short-lived trees: a larger young generation lets
  // them die there instead of in repeated scavenges (−15 % save-to-reload on 200 pages).
  setFlagsFromString('--max-semi-space-size=64');
  const emit = options.onEvent ?? (() => {});
  const contentDir = path.resolve(options.contentDir);
  const work = await mkdtemp(path.join(tmpdir(), 'kia-preview-'));
  await copyAssets(work);

  const pages = new PreviewPages(contentDir);
  const startupFiles: VFile[] = [];
  const problems = await pages.discover();
  if (problems.messages.length) startupFiles.push(problems);
  for (const page of pages.all()) startupFiles.push(...(await pages.compile(page)).files.filter((file) => file.messages.length > 0));
  // Once more from the cache: the first save then runs warmed-up code, like every later one.
  for (const page of pages.all()) await pages.compile(page);

  const streams = new EventStreams();
  const queue = new RebuildQueue(pages, streams, emit, async () => void (await copyAssets(work)));
  const watchers = [
    watchTree(contentDir, (file) => {
      const slug = path.relative(contentDir, file).split(path.sep)[0];
      if (slug && !slug.startsWith('.')) queue.changed(slug);
    }),
    watchTree(stylesDir, () => queue.changed(stylesChanged)),
  ];

  // PDFs one at a time, through the real build of that one document into the work folder.
  let pdfQueue: Promise<unknown> = Promise.resolve();
  const pdf = async (slug: string) => {
    const outDir = path.join(work, 'pdf');
    const made = pdfQueue.then(async () => {
      const begun = performance.now();
      const result = await build({ contentDir, outDir, only: slug, pdf: true, check: false });
      emit({ type: 'pdf', slug, ms: performance.now() - begun, ok: result.ok, files: result.files });
      return result.ok ? { bytes: await readFile(path.join(outDir, slug, `${slug}.pdf`)) } : { report: reportText(result.files) };
    });
    pdfQueue = made.catch(() => undefined);
    return made;
  };

  const routes = { pages, streams, work, allowed: allowedHosts(options.allowedHosts), pdf };
  const server = createServer((request, response) => {
    handlePreviewRequest(routes, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Interne fout: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}/`;
  emit({ type: 'ready', url, documents: pages.slugs(), ms: performance.now() - started, files: startupFiles });

  return {
    url,
    async close() {
      for (const watcher of watchers) watcher.close();
      // Timers stop at once; the rebuild in progress is awaited after the server closed.
      const queueClosed = queue.close();
      streams.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queueClosed;
      await pdfQueue;
      await rm(work, { recursive: true, force: true });
    },
  };
}
