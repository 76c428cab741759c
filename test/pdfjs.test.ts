/**
 * pdf.js's legacy build replaces built-ins for the whole process when it loads (core-js);
 * `pdf/pdfjs.ts` puts the natives back. Checked in a fresh Node process, where nothing loaded
 * pdf.js before: the built-ins after reading a PDF are the ones Node started with.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passingSpec, tinyPdf } from './helpers/tiny-pdf.ts';
import { projectRoot, tempDir } from './helpers/workspace.ts';

const script = `
const owners = [[Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify'], [Function.prototype, 'toString']];
const before = owners.map(([owner, key]) => owner[key]);
const { readPdfText } = await import(${JSON.stringify(path.join(projectRoot, 'scripts/pdf/text.ts'))});
const { loadPdfjs } = await import(${JSON.stringify(path.join(projectRoot, 'scripts/pdf/pdfjs.ts'))});
const raw = await import('pdfjs-dist/legacy/build/pdf.mjs');
const replaced = owners.filter(([owner, key], index) => owner[key] !== before[index]).map(([, key]) => key);
await loadPdfjs();
const content = await readPdfText(process.argv[1]);
const after = owners.filter(([owner, key], index) => owner[key] !== before[index]).map(([, key]) => key);
console.log(JSON.stringify({ replaced, after, pages: content.pages.length, withResolvers: typeof Promise.withResolvers }));
`;

describe('pdf.js in our process', () => {
  it('leaves the built-ins Node has natively in place after loading and reading a PDF', async () => {
    const pdf = path.join(tempDir(), 'klein.pdf');
    writeFileSync(pdf, await tinyPdf(passingSpec()));
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, pdf], { cwd: projectRoot, encoding: 'utf8' });
    // pdf.js on its own does replace them (the test can fail); after loadPdfjs they are native again.
    expect(JSON.parse(output)).toEqual({
      replaced: ['push', 'parse', 'stringify', 'toString'],
      after: [],
      pages: expect.any(Number),
      withResolvers: 'function',
    });
  });
});
