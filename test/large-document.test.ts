/**
 * A generated assessment of some 40 pages with 120 footnotes and tables that break across
 * pages: every footnote lands, no line of text is lost, split tables repeat their header row,
 * and the accessibility gate passes. (This is how Paged.js losing lines under a repeated table
 * header was found; `npm run bench` runs the same generator at 200 pages.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import { generateAssessment } from '../scripts/bench/generate-assessment.ts';
import { poppler, tempDir } from './helpers/workspace.ts';

let root: string;
let result: BuildResult;
let text: string;
let pdfFile: string;

beforeAll(async () => {
  root = tempDir();
  await generateAssessment(path.join(root, 'content'), 'groot', { paragraphsPerQuestion: 5, footnotes: 120, measures: 40 });
  result = await build({ contentDir: path.join(root, 'content'), outDir: path.join(root, 'dist'), pdf: true, check: true });
  // When only the gate fails, the output is kept elsewhere: read it there, so every test below
  // still says what is wrong with it.
  pdfFile = path.join(result.keptFailedOutput ?? path.join(root, 'dist'), 'groot/groot.pdf');
  text = poppler('pdftotext', [pdfFile, '-']);
});

describe('a large generated assessment', () => {
  it('builds and passes the accessibility gate', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.accessibility?.passed).toBe(true);
  });

  it('lands all 120 footnotes, each with its number as text', () => {
    for (let n = 1; n <= 120; n++) expect(text, `footnote ${n}`).toContain(`https://voorbeeld.example/bron/${n}\n`);
    const numbers = new Set([...text.matchAll(/^(\d{1,3}) [A-Z]/gm)].map((match) => Number(match[1])));
    for (let n = 1; n <= 120; n++) expect(numbers.has(n), `number of footnote ${n}`).toBe(true);
  });

  it('loses no line of any paragraph', () => {
    // The PDF's text without page furniture and footnotes (generated footnote N starts with N and
    // ends with the URL .../bron/N), joined across pages, must hold every paragraph word for word.
    const source = readFileSync(path.join(root, 'content/groot/index.md'), 'utf8');
    const paragraphs = source
      .split('\n')
      .filter((line) => /^[A-Z][a-z]/.test(line) && !line.startsWith('Tabel'))
      .map((line) => line.replace(/\[\^n\d+\]/g, '').trim());
    const body = text
      .split('\f')
      .map((page) =>
        page
          .replace(/^(\d{1,3}) [A-Z][^\n]*(?:\n[^\n]*){0,3}?https:\/\/voorbeeld\.example\/bron\/\1$/gm, ' ')
          .replace(/^Pagina \d+ van \d+$/m, ' ')
          // The running head: document title, then the current chapter.
          .replace(/^\s*Kinderrechten Impact Assessment Benchmarkdienst\n+(\d [A-Z][^\n]*|Reacties van belanghebbenden)?\n/, ' '),
      )
      .join(' ')
      .replace(/-\n/g, '')
      .replace(/\s+/g, ' ');
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const paragraph of paragraphs) expect(body, paragraph.slice(0, 60)).toContain(paragraph);
  });

  it('repeats the header row of tables that continue on the next page', () => {
    // The 40-row measures table of 4.1 runs over several pages; each page starts with its header row.
    const rows = (readFileSync(path.join(root, 'content/groot/index.md'), 'utf8').match(/^:::maatregel\[/gm) ?? []).length;
    const headers = (poppler('pdftotext', ['-layout', pdfFile, '-']).match(/Risico\s+Risicocategorie\s+Maatregelen\s+Restrisico\s+Beheerder/g) ?? []).length;
    expect(rows).toBe(40);
    expect(headers).toBeGreaterThan(1);
  });
});
