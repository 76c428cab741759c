/**
 * `kia preview` (`npm run dev`): a local server for authors. It serves every document's HTML
 * page as the build would write it, watches `content/` and `styles/`, rebuilds only the
 * document that changed (screen HTML only, parsing only the chapters that changed) and tells
 * the open pages to reload. A failed rebuild keeps the last good page and shows the errors as
 * an overlay; the PDF is made on demand (`/__kia/pdf/<slug>`), never on save. `dist/` is not
 * touched: pages live in memory, assets and on-demand PDFs in a temporary folder.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { copyAssets, stylesDir } from '../core/assets.ts';
import { compileDocument } from '../core/compile-document.ts';
import { discoverDocuments, type DocumentSource } from '../core/discover.ts';
import { contentSecurityPolicy } from '../model/security-policy.ts';
import { createParseCache } from '../pipeline/plugins/remark-parse-incremental.ts';
import { build } from './build.ts';

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

export type PreviewEvent =
  | { type: 'ready'; url: string; documents: string[]; ms: number; files: VFile[] }
  /** `ms`: from the first file-system event of the save to the reload message sent. */
  | { type: 'rebuilt'; slug: string; ms: number; files: VFile[] }
  | { type: 'failed'; slug: string; ms: number; files: VFile[] }
  | { type: 'corrected'; slug: string }
  | { type: 'styles'; ms: number }
  | { type: 'pdf'; slug: string; ms: number; ok: boolean; files: VFile[] };

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

interface Page {
  doc: DocumentSource;
  /** The last good page (kept while the source has errors). */
  html?: string;
  /** Reporter text of the current errors, if the last rebuild failed. */
  errors?: string;
  /** The sanitised SVG images of the last good page: served instead of the files (they may hold scripts). */
  svgs?: Record<string, string>;
}

const clientFiles: Record<string, { file: string; type: string }> = {
  'client.js': { file: path.join(import.meta.dirname, '..', 'preview', 'client.js'), type: 'text/javascript; charset=utf-8' },
  'preview.css': { file: path.join(import.meta.dirname, '..', 'preview', 'preview.css'), type: 'text/css; charset=utf-8' },
};
const imageTypes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml' };
const assetTypes: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2' };
// The published pages allow no scripts; the preview adds its own client and its event stream.
const previewPolicy = `${contentSecurityPolicy}; script-src 'self'; connect-src 'self'`;

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
  const parseCache = createParseCache();
  const pages = new Map<string, Page>();
  const clients = new Set<ServerResponse>();
  const report = (files: VFile[]) => reporter(files, { color: false });

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  /** Compile one document's screen page; on errors the last good page stays. */
  const compile = async (page: Page, full = false) => {
    const result = await compileDocument(page.doc, { assetBase: '../assets', screenOnly: true, parseCache: full ? undefined : parseCache });
    if (result.document) {
      page.html = result.document.html;
      page.svgs = result.document.svgs;
      page.errors = undefined;
    } else {
      page.errors = report(result.files.filter((file) => file.messages.length > 0));
    }
    return result;
  };

  const discover = async () => {
    const problems = new VFile({ path: path.relative(process.cwd(), contentDir) || '.' });
    const found = await discoverDocuments(contentDir, problems);
    for (const doc of found) if (!pages.has(doc.slug)) pages.set(doc.slug, { doc });
    for (const slug of pages.keys()) if (!found.some((doc) => doc.slug === slug)) pages.delete(slug);
    return problems;
  };

  const startupFiles: VFile[] = [];
  const problems = await discover();
  if (problems.messages.length) startupFiles.push(problems);
  for (const page of pages.values()) startupFiles.push(...(await compile(page)).files.filter((file) => file.messages.length > 0));
  // Once more from the cache: the first save then runs warmed-up code, like every later one.
  for (const page of pages.values()) await compile(page);

  // Rebuilds run one at a time, in the order the saves came in; saves of one document within
  // `settle` ms (editors write a file in several steps) make one rebuild.
  let queue: Promise<void> = Promise.resolve();
  const pending = new Map<string, { since: number; timer: NodeJS.Timeout }>();
  const settle = 10;
  let verifyTimer: NodeJS.Timeout | undefined;
  const toVerify = new Set<string>();

  const rebuild = (slug: string, since: number) => {
    queue = queue.then(async () => {
      if (slug === '*styles*') {
        await copyAssets(work);
        send('reload', { slug: '*' });
        emit({ type: 'styles', ms: performance.now() - since });
        return;
      }
      // The folder list only changes when a document appears or goes: not on every save.
      const known = pages.get(slug);
      if (!known || !existsSync(known.doc.index)) await discover();
      const page = pages.get(slug);
      if (!page) {
        send('reload', { slug: '*' });
        return;
      }
      const result = await compile(page);
      const ms = performance.now() - since;
      if (result.document) {
        send('reload', { slug, ms });
        emit({ type: 'rebuilt', slug, ms, files: result.files.filter((file) => file.messages.length > 0) });
        scheduleVerify(slug);
      } else {
        send('failed', { slug, report: page.errors });
        emit({ type: 'failed', slug, ms, files: result.files.filter((file) => file.messages.length > 0) });
      }
    });
  };

  // The fast rebuild parses chapters apart; once the author pauses, a full parse confirms it.
  const scheduleVerify = (slug: string) => {
    toVerify.add(slug);
    clearTimeout(verifyTimer);
    verifyTimer = setTimeout(() => {
      queue = queue.then(async () => {
        for (const name of toVerify) {
          const page = pages.get(name);
          if (!page?.html) continue;
          const fast = page.html;
          await compile(page, true);
          if (page.html !== fast) {
            send('reload', { slug: name });
            emit({ type: 'corrected', slug: name });
          }
        }
        toVerify.clear();
      });
    }, 1500);
  };

  const changed = (slug: string) => {
    const now = performance.now();
    const entry = pending.get(slug);
    if (entry) clearTimeout(entry.timer);
    const since = entry?.since ?? now;
    pending.set(slug, {
      since,
      timer: setTimeout(() => {
        pending.delete(slug);
        rebuild(slug, since);
      }, settle),
    });
  };

  const watchers = [
    watchTree(contentDir, (file) => {
      const slug = path.relative(contentDir, file).split(path.sep)[0];
      if (slug && !slug.startsWith('.')) changed(slug);
    }),
    watchTree(stylesDir, () => changed('*styles*')),
  ];

  let pdfQueue: Promise<unknown> = Promise.resolve();
  const servePdf = async (slug: string, response: ServerResponse) => {
    const outDir = path.join(work, 'pdf');
    const run = pdfQueue.then(async () => {
      const begun = performance.now();
      const result = await build({ contentDir, outDir, only: slug, pdf: true, check: false });
      emit({ type: 'pdf', slug, ms: performance.now() - begun, ok: result.ok, files: result.files });
      return result;
    });
    pdfQueue = run.catch(() => undefined);
    const result = await run;
    if (!result.ok) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`De PDF kon niet worden gemaakt:\n\n${report(result.files)}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
    response.end(await readFile(path.join(outDir, slug, `${slug}.pdf`)));
  };

  const serveFile = async (file: string, type: string, response: ServerResponse) => {
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(await readFile(file));
    } catch {
      notFound(response);
    }
  };

  const notFound = (response: ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Niet gevonden\n');
  };

  const pageHtml = (slug: string, page: Page): string => {
    const html = page.html ?? `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${slug}</title></head><body><main><h1>${slug}</h1><p>Dit document bevat fouten; zie hieronder.</p></main></body></html>`;
    return html
      .replace('<html', `<html data-preview-slug="${slug}"${page.errors ? ' data-preview-errors=""' : ''}`)
      .replace(/(<meta http-equiv="content-security-policy" content=")[^"]*"/i, `$1${previewPolicy}"`)
      .replace('</head>', '<link rel="stylesheet" href="/__kia/preview.css"><script src="/__kia/client.js" defer></script></head>');
  };

  const allowed = new Set(['localhost', '127.0.0.1', '[::1]', ...(options.allowedHosts ?? []).map((name) => name.toLowerCase())]);
  const refuse = (response: ServerResponse, what: string, value: string | undefined) => {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`Geweigerd: ${what} „${value ?? '(geen)'}”. De preview antwoordt alleen op localhost, 127.0.0.1 en [::1]; sta een andere naam toe met kia preview --host NAAM.\n`);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // DNS rebinding: a page on another site reaches us under its own name. Only our names pass,
    // and requests that do work (the PDF, the event stream) must not come from another origin.
    if (!hostAllowed(request.headers.host, allowed)) return refuse(response, 'onbekende host', request.headers.host);
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, allowed)) return refuse(response, 'verzoek van een andere site', origin);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
    if (parts.some((part) => part === '..' || part.startsWith('.'))) return notFound(response);
    if (parts.length === 0) {
      const items = [...pages.keys()].map((slug) => `<li><a href="/${slug}/">${slug}</a>${pages.get(slug)!.errors ? ' (bevat fouten)' : ''}</li>`).join('');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kia preview</title><link rel="stylesheet" href="/assets/tokens.css"><link rel="stylesheet" href="/assets/base.css"></head><body><main><h1>kia preview</h1><ul>${items}</ul></main></body></html>`);
    }
    if (parts[0] === '__kia') {
      if (parts[1] === 'events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': kia preview\n\n');
        clients.add(response);
        request.on('close', () => clients.delete(response));
        return;
      }
      if (parts[1] === 'pdf' && parts[2] && pages.has(parts[2])) return servePdf(parts[2], response);
      if (parts[1] === 'errors' && parts[2] && pages.has(parts[2])) {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        return response.end(pages.get(parts[2])!.errors ?? '');
      }
      const client = clientFiles[parts[1] ?? ''];
      return client ? serveFile(client.file, client.type, response) : notFound(response);
    }
    if (parts[0] === 'assets') return serveFile(path.join(work, ...parts), assetTypes[path.extname(url.pathname)] ?? 'application/octet-stream', response);
    const page = pages.get(parts[0]);
    if (!page) return notFound(response);
    if (parts.length === 1 && !url.pathname.endsWith('/')) {
      response.writeHead(301, { location: `/${parts[0]}/` });
      return response.end();
    }
    if (parts.length === 1 || (parts.length === 2 && parts[1] === 'index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(pageHtml(parts[0], page));
    }
    const type = imageTypes[path.extname(url.pathname).toLowerCase()];
    // An SVG is served only as sanitised, never as the file: opened at its own address it would
    // run its scripts in the preview's origin.
    if (type === imageTypes['.svg']) {
      const svg = page.svgs?.[path.join(...parts.slice(1))];
      if (svg === undefined) return notFound(response);
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
      return response.end(svg);
    }
    return type ? serveFile(path.join(page.doc.dir, ...parts.slice(1)), type, response) : notFound(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
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
  emit({ type: 'ready', url, documents: [...pages.keys()], ms: performance.now() - started, files: startupFiles });

  return {
    url,
    async close() {
      for (const watcher of watchers) watcher.close();
      clearTimeout(verifyTimer);
      for (const entry of pending.values()) clearTimeout(entry.timer);
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.catch(() => undefined);
      await pdfQueue;
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * Watch every folder under `root` (one watcher per folder, not per file: editors and git save
 * by writing a new file and renaming it over the old one, which ends a watch on the file).
 * New folders are picked up when they appear.
 */
function watchTree(root: string, onChange: (file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        const file = name ? path.join(dir, String(name)) : dir;
        if (event === 'rename') scan(file);
        onChange(file);
      });
    } catch {
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    scan(dir);
  };
  const scan = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    add(dir);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) add(path.join(dir, entry.name));
  };
  add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** The host name of a `Host` header (`name`, `name:port`, `[::1]:port`), lower case, or undefined. */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::\d+)?$/i.exec(header.trim());
  return match?.[1].toLowerCase();
}

/** True when the `Host` header names one of `allowed`. */
function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  const name = hostName(header);
  return name !== undefined && allowed.has(name);
}

/** True when an `Origin` header is an http(s) origin on one of `allowed`. */
function originAllowed(origin: string, allowed: Set<string>): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowed.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}
