/**
 * The preview's HTTP routes: the document list, each document's page (with the preview client
 * added), its images (an SVG only as sanitised), the shared assets, the event stream, the error
 * report and the PDF on demand. Every request first passes the host guard.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy } from '../model/security-policy.ts';
import type { EventStreams } from './events.ts';
import { refuseForeign } from './host-guard.ts';
import type { Page, PreviewPages } from './pages.ts';

/** Where the routes find their data. */
export interface PreviewRoutes {
  pages: PreviewPages;
  streams: EventStreams;
  /** The folder holding the copied `assets/`. */
  work: string;
  allowed: Set<string>;
  /** Make the document's PDF: its bytes, or the error report to show. */
  pdf(slug: string): Promise<{ bytes: Uint8Array } | { report: string }>;
}

const clientFiles: Record<string, { file: string; type: string }> = {
  'client.js': { file: path.join(import.meta.dirname, 'client.js'), type: 'text/javascript; charset=utf-8' },
  'preview.css': { file: path.join(import.meta.dirname, 'preview.css'), type: 'text/css; charset=utf-8' },
};
const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const assetTypes: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2' };
// The published pages allow no scripts; the preview adds its own client and its event stream.
const previewPolicy = `${contentSecurityPolicy}; script-src 'self'; connect-src 'self'`;

/** Answer one request of the preview. */
export async function handlePreviewRequest(routes: PreviewRoutes, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pages } = routes;
  if (refuseForeign(request, response, routes.allowed)) return;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  if (parts.some((part) => part === '..' || part.startsWith('.'))) return notFound(response);
  if (parts.length === 0) return documentList(pages, response);
  if (parts[0] === '__kia') {
    if (parts[1] === 'events') return routes.streams.open(request, response);
    if (parts[1] === 'pdf' && parts[2] && pages.get(parts[2])) return servePdf(routes, parts[2], response);
    const errorsOf = parts[1] === 'errors' && parts[2] ? pages.get(parts[2]) : undefined;
    if (errorsOf) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return void response.end(errorsOf.errors ?? '');
    }
    const client = clientFiles[parts[1] ?? ''];
    return client ? serveFile(client.file, client.type, response) : notFound(response);
  }
  if (parts[0] === 'assets') return serveFile(path.join(routes.work, ...parts), assetTypes[path.extname(url.pathname)] ?? 'application/octet-stream', response);
  const page = pages.get(parts[0]);
  if (!page) return notFound(response);
  if (parts.length === 1 && !url.pathname.endsWith('/')) {
    response.writeHead(301, { location: `/${parts[0]}/` });
    return void response.end();
  }
  if (parts.length === 1 || (parts.length === 2 && parts[1] === 'index.html')) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return void response.end(pageHtml(parts[0], page));
  }
  const type = imageTypes[path.extname(url.pathname).toLowerCase()];
  // An SVG is served only as sanitised, never as the file: opened at its own address it would
  // run its scripts in the preview's origin.
  if (type === imageTypes['.svg']) {
    const svg = page.svgs?.[path.join(...parts.slice(1))];
    if (svg === undefined) return notFound(response);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    return void response.end(svg);
  }
  return type ? serveFile(path.join(page.doc.dir, ...parts.slice(1)), type, response) : notFound(response);
}

function documentList(pages: PreviewPages, response: ServerResponse): void {
  const items = pages
    .slugs()
    .map((slug) => `<li><a href="/${slug}/">${slug}</a>${pages.get(slug)?.errors ? ' (bevat fouten)' : ''}</li>`)
    .join('');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kia preview</title><link rel="stylesheet" href="/assets/tokens.css"><link rel="stylesheet" href="/assets/base.css"></head><body><main><h1>kia preview</h1><ul>${items}</ul></main></body></html>`,
  );
}

/** The page as served: marked with its slug and errors, the preview's policy, client and overlay styles added. */
function pageHtml(slug: string, page: Page): string {
  const html =
    page.html ??
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${slug}</title></head><body><main><h1>${slug}</h1><p>Dit document bevat fouten; zie hieronder.</p></main></body></html>`;
  return html
    .replace('<html', `<html data-preview-slug="${slug}"${page.errors ? ' data-preview-errors=""' : ''}`)
    .replace(/(<meta http-equiv="content-security-policy" content=")[^"]*"/i, `$1${previewPolicy}"`)
    .replace('</head>', '<link rel="stylesheet" href="/__kia/preview.css"><script src="/__kia/client.js" defer></script></head>');
}

async function servePdf(routes: PreviewRoutes, slug: string, response: ServerResponse): Promise<void> {
  const made = await routes.pdf(slug);
  if ('report' in made) {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`De PDF kon niet worden gemaakt:\n\n${made.report}\n`);
    return;
  }
  response.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
  response.end(made.bytes);
}

async function serveFile(file: string, type: string, response: ServerResponse): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(await readFile(file));
  } catch {
    notFound(response);
  }
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Niet gevonden\n');
}
