/**
 * Content Paged.js cannot lay out is caught: every block of the page (captured before layout)
 * must be in the PDF's text, else the build fails naming what is missing.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../scripts/pdf/text.ts';
import { lostBlocks, printBlocks } from '../scripts/check/text-loss.ts';
import { copyAssets } from '../scripts/core/assets.ts';
import { compileDocument } from '../scripts/core/compile-document.ts';
import { BrowserSession } from '../scripts/render/browser.ts';
import { document, projectRoot, runCli, tempDir, writeTree } from './helpers/workspace.ts';

describe('text lost in layout', () => {
  it('finds a block whose first words also start an earlier sentence (no false alarm)', () => {
    // More than a page of other text between the two (pieces of a block resume within 20,000 characters).
    const filler = Array.from({ length: 2000 }, (_, n) => `Andere zin ${n}.`);
    const pdf = {
      pages: [
        {
          lines: [
            'Gezondheid beperkt uitkomst wordt toezichthouder sterk.',
            ...filler,
            'Gezondheid beperkt',
            'uitkomst vergroot reactie',
            'toont eigenwaarde.',
          ],
        },
      ],
    } as never;
    const found = { kind: 'li', text: 'Gezondheid beperkt uitkomst vergroot reactie toont eigenwaarde.', heading: '4.1' };
    const missing = { kind: 'li', text: 'Gezondheid beperkt uitkomst verdwijnt helemaal uit de PDF.', heading: '4.1' };
    expect(lostBlocks([found, missing], pdf)).toEqual([missing]);
  });

  it('a table row taller than a page: Paged.js drops it, the build fails and names the cells', () => {
    const cell = Array.from({ length: 260 }, (_, index) => `Zin ${index + 1} van een cel die langer is dan een pagina.`).join(' ');
    const root = writeTree({
      'content/doc/index.md': document(`## Tabel\n\n| Kop A | Kop B |\n| --- | --- |\n| kort | ${cell} |\n| na | de rij daarna |\n\nSlotalinea.\n`),
      'dist/index.html': '<p>vorige build</p>\n',
    });
    const { code, stderr } = runCli(['build', '--no-check'], root);
    expect(code).toBe(1);
    const lines = stderr
      .split('\n')
      .filter((line) => line.includes('pdf-text-lost'))
      .map((line) => line.trim().replace(/\s+/g, ' '));
    expect(lines).toContain(
      'error Unexpected tabelcel „de rij daarna” (onder „Tabel”) missing from the PDF, expected all text of the HTML in the PDF (Paged.js could not lay it out: split the table row or shorten the note) pdf-text-lost kia-pdf',
    );
    expect(lines).toContain(
      'error Unexpected tabelcel „Zin 1 van een cel die langer is dan een pagina. Zin 2 van ee…” (onder „Tabel”) missing from the PDF, expected all text of the HTML in the PDF (Paged.js could not lay it out: split the table row or shorten the note) pdf-text-lost kia-pdf',
    );
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
  });

  it('finds every block of the example in its PDF, and misses one that is taken out of the text', async () => {
    const work = tempDir();
    const dir = path.join(projectRoot, 'content/flits');
    const { document: compiled } = await compileDocument({ slug: 'flits', dir, index: path.join(dir, 'index.md') }, { assetBase: '../assets' });
    await copyAssets(work);
    mkdirSync(path.join(work, 'flits'));
    for (const image of compiled!.images) cpSync(path.join(dir, image), path.join(work, 'flits', image), { recursive: true });
    writeFileSync(path.join(work, 'flits/print.html'), compiled!.printHtml);
    const session = await BrowserSession.launch();
    try {
      const printed = await session.print(path.join(work, 'flits/print.html'), {
        timeoutMs: 120_000,
        allowedRoot: work,
        notes: '.footnote',
        blocks: printBlocks,
      });
      writeFileSync(path.join(work, 'flits.pdf'), printed.pdf);
      const { blocks } = printed;
      expect(blocks.filter((block) => block.kind === 'note').length).toBeGreaterThan(10);
      expect(blocks.filter((block) => block.kind === 'td').length).toBeGreaterThan(10);
      const pdf = await readPdfText(path.join(work, 'flits.pdf'));
      expect(lostBlocks(blocks, pdf)).toEqual([]);
      // A note whose words are on one line of the PDF only: take that line out.
      const lines = pdf.pages.flatMap((page) => page.lines);
      const probeOf = (block: { text: string }) => block.text.trim().split(/\s+/).slice(1, 5).join(' ');
      const note = blocks.filter((block) => block.kind === 'note').find((block) => lines.filter((line) => line.includes(probeOf(block))).length === 1)!;
      const probe = probeOf(note);
      const damaged = { ...pdf, pages: pdf.pages.map((page) => ({ ...page, lines: page.lines.filter((line) => !line.includes(probe)) })) };
      expect(lostBlocks(blocks, damaged)).toEqual([note]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
