/**
 * The HTML edition as people read it (the example assessment, built with its PDF): a link to the
 * PDF with its real page count and size near the top, a way back to the contents from every
 * chapter, the contents beside the text on wide screens, no horizontal scrolling on a 320 px
 * phone or at 200 % zoom, the skip link as the first Tab stop, and a browser print without the
 * navigation. Measured in real Chromium.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import { readPdfPages } from '../scripts/pdf/text.ts';
import { BrowserSession } from '../scripts/render/browser.ts';
import { projectRoot, tempDir } from './helpers/workspace.ts';

let out: string;
let result: BuildResult;
let session: BrowserSession;
beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  result = await build({ contentDir: path.join(projectRoot, 'content'), outDir: out, pdf: true, check: false });
  session = await BrowserSession.launch();
}, 300_000);
afterAll(async () => {
  await session?.close();
});

describe('the HTML edition of the example assessment', () => {
  const page = () => path.join(out, 'flits/index.html');
  const tree = () => fromHtml(readFileSync(page(), 'utf8'));

  it("links to its PDF near the top, with the PDF's own page count and size", () => {
    expect(result.ok).toBe(true);
    const pdf = path.join(out, 'flits/flits.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const kB = Math.max(1, Math.round(statSync(pdf).size / 1024));
    const link = select('header .pdf-download a', tree());
    expect(link?.properties.href).toBe('flits.pdf');
    expect(toText(link!)).toBe(`Deze tekst als PDF (${pages} pagina's, ${kB} kB)`);
  });

  it('ends every chapter with a way back to the contents', () => {
    const main = select('main#inhoud', tree())!;
    const chapters = selectAll(':scope > h2', main).length;
    const back = selectAll('.back-to-toc a[href="#inhoudsopgave"]', main);
    expect(chapters).toBeGreaterThan(3);
    expect(back).toHaveLength(chapters);
    expect(select('nav#inhoudsopgave', tree())).toBeDefined();
  });

  it('reflows at 320 px and at 200 % zoom, keeps the contents beside the text on a wide screen, and starts Tab at the skip link', async () => {
    const layout = await session.measureLayout(page(), { allowedRoot: out, widths: [320, 640, 1400], timeoutMs: 60_000 });
    for (const { width, scrollWidth, overflowing } of layout.slice(0, 2))
      expect({ width, scrollWidth: Math.min(scrollWidth, width + 1000), overflowing }).toEqual({ width, scrollWidth: width, overflowing: [] });
    expect(layout[2].tocInView).toBe(true);
    expect(layout.map((entry) => entry.firstFocus)).toEqual(['Direct naar de inhoud', 'Direct naar de inhoud', 'Direct naar de inhoud']);
  });

  it('prints from the browser as text, without the navigation', async () => {
    const [printed] = await session.measureLayout(page(), { allowedRoot: out, widths: [800], timeoutMs: 60_000, media: 'print' });
    expect(printed.tocShown).toBe(false);
    const html = readFileSync(page(), 'utf8');
    expect(html).toContain('<link rel="stylesheet" href="../assets/reader-print.css" media="print">');
    expect(html).not.toContain('assets/print.css'); // the paged layer is the PDF's
  });

  it("prints contents that fill their page: a chapter's entries may run on to the next page", async () => {
    const { runs } = await readPdfPages(new Uint8Array(readFileSync(path.join(out, 'flits/flits.pdf'))));
    const contents = runs[1].filter((run) => !run.artifact && run.text.trim());
    expect(contents.some((run) => run.text === 'Inhoudsopgave')).toBe(true);
    // The lowest line of the first contents page sits within 40 mm of the bottom margin (25 mm).
    const mm = 72 / 25.4;
    expect(Math.min(...contents.map((run) => run.y))).toBeLessThan((25 + 40) * mm);
  });

  it('gives letters the PDF link but no contents and no way back', () => {
    const letter = fromHtml(readFileSync(path.join(out, 'kamerbrief-flits/index.html'), 'utf8'));
    expect(select('.pdf-download a', letter)?.properties.href).toBe('kamerbrief-flits.pdf');
    expect(selectAll('.back-to-toc', letter)).toHaveLength(0);
  });
});
