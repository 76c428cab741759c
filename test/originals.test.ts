/**
 * "Letterlijk overgenomen" means the characters as received: a response that names its received
 * original (`original:`) is proven equal to it on every build, through the real CLI; without
 * one, every character Markdown consumed is a warning and the page claims no more than it can.
 * The originals are made by other producers: Chromium's own printing (PDF), the docx library
 * (Word), an e-mail as a mail program saves it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, InsertedTextRun, Packer, Paragraph, TextRun, HeadingLevel, DeletedTextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { messageLines } from './helpers/messages.ts';
import { runCli, tempDir, writeTree } from './helpers/workspace.ts';

const received = `De formule is 2*3*4 en de variabele heet snake_case_name_here of *echt* belangrijk*.
Zie ook C:\\Users\\data\\_bestand en de prijs van 5 $ -- of "10 euro"... Let op: <b>vet</b> & 1 < 2.
1) Eerste punt
`;
const escaped = `De formule is 2\\*3\\*4 en de variabele heet snake_case_name_here of \\*echt\\* belangrijk\\*.
Zie ook C:\\Users\\data\\\\\\_bestand en de prijs van 5 $ -- of "10 euro"... Let op: <b>vet</b> & 1 < 2.
1\\) Eerste punt
`;

const matter = (original?: string, kind = 'zienswijze') => `---
title: Nota over Flits
type: rapport
lang: nl
date: 2026-01-31
status: definitief
responses:
  - file: responses/zienswijze.md
    from: Flits Media B.V.
    title: Zienswijze Flits
    received: 2026-01-20
    kind: ${kind}
${original ? `    original: ${original}\n` : ''}---

## Inhoud

De zienswijze staat hieronder.
`;

describe('a response with its received original', () => {
  it('fails at every character Markdown ate, naming it as in the original', () => {
    const root = writeTree({
      'content/nota/index.md': matter('responses/originals/zienswijze.txt'),
      'content/nota/responses/zienswijze.md': received,
      'content/nota/responses/originals/zienswijze.txt': received,
    });
    const { code, stderr } = runCli(['build', '--no-pdf', '--no-check'], root);
    expect(code).toBe(1);
    const original = '`responses/originals/zienswijze.txt`';
    expect(messageLines(stderr)).toEqual([
      `1:16 error Unexpected published text \`eis234end\`, expected \`eis2*3*4end\` as in the original ${original} (line 1; whitespace ignored) verbatim-original kia-verbatim`,
      `1:66 error Unexpected published text \`reofecht\`, expected \`reof*echt\` as in the original ${original} (line 1; whitespace ignored) verbatim-original kia-verbatim`,
      `1:71 error Unexpected published text \`echtbela\`, expected \`echt*bela\` as in the original ${original} (line 1; whitespace ignored) verbatim-original kia-verbatim`,
      `2:22 error Unexpected published text \`data_bes\`, expected \`data\\_bes\` as in the original ${original} (line 2; whitespace ignored) verbatim-original kia-verbatim`,
      `3:2 error Unexpected published text \`<2.1.Eers\`, expected \`<2.1)Eers\` as in the original ${original} (line 3; whitespace ignored) verbatim-original kia-verbatim`,
    ]);
  });

  it('passes when the Markdown escapes what the sender typed, through HTML and PDF, and says so', () => {
    const root = writeTree({
      'content/nota/index.md': matter('responses/originals/zienswijze.txt'),
      'content/nota/responses/zienswijze.md': escaped,
      'content/nota/responses/originals/zienswijze.txt': received,
    });
    const { code, stderr } = runCli(['build'], root);
    expect(code, stderr).toBe(0);
    expect(messageLines(stderr)).toEqual([]);
    const html = readFileSync(path.join(root, 'dist/nota/index.html'), 'utf8');
    expect(html).toContain('De formule is 2*3*4 en de variabele heet snake_case_name_here of *echt* belangrijk*.');
    expect(html).toContain('<dt>Origineel</dt><dd>zienswijze.txt, SHA-256 <code class="sha256">');
    expect(html).toContain(
      'De reacties hieronder zijn letterlijk overgenomen zoals ontvangen: bij elke build wordt hun tekst teken voor teken vergeleken met het ontvangen bestand',
    );
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')) as {
      documents: Array<{ responses: Array<{ verbatim: unknown; original: { path: string; kind: string; verified: boolean } }> }>;
    };
    expect(manifest.documents[0].responses[0]).toMatchObject({
      verbatim: { html: true, pdf: true },
      original: { path: 'content/nota/responses/originals/zienswijze.txt', kind: 'txt', verified: true },
    });
    // The original is the editors' reference, not part of the publication.
    expect(execFileSync('find', [path.join(root, 'dist'), '-name', 'zienswijze.txt']).toString()).toBe('');
  }, 120_000);

  it('reads a Word original (made with the docx library) and refuses one with tracked changes', async () => {
    const word = (tracked: boolean) =>
      Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Zienswijze Flits')] }),
                new Paragraph({ children: [new TextRun('De formule is 2*3*4 en '), new TextRun({ text: 'niet', bold: true }), new TextRun(' meer.')] }),
                new Paragraph({
                  children: tracked
                    ? [
                        new TextRun('Met '),
                        new InsertedTextRun({ text: 'hartelijke ', id: 1, author: 'Jurist', date: '2026-01-19T10:00:00Z' }),
                        new DeletedTextRun({ text: 'vriendelijke ', id: 2, author: 'Jurist', date: '2026-01-19T10:00:00Z' }),
                        new TextRun('groet'),
                      ]
                    : [new TextRun('Met vriendelijke groet')],
                }),
              ],
            },
          ],
        }),
      );
    const markdown = '## Zienswijze Flits\n\nDe formule is 2\\*3\\*4 en **niet** meer.\n\nMet vriendelijke groet\n';
    const clean = writeTree({
      'content/nota/index.md': matter('responses/originals/zienswijze.docx'),
      'content/nota/responses/zienswijze.md': markdown,
      'content/nota/responses/originals/zienswijze.docx': await word(false),
    });
    const passed = runCli(['build', '--no-pdf', '--no-check'], clean);
    expect(passed.code, passed.stderr).toBe(0);
    expect(messageLines(passed.stderr)).toEqual([]);

    const tracked = writeTree({
      'content/nota/index.md': matter('responses/originals/zienswijze.docx'),
      'content/nota/responses/zienswijze.md': markdown,
      'content/nota/responses/originals/zienswijze.docx': await word(true),
    });
    const refused = runCli(['build', '--no-pdf', '--no-check'], tracked);
    expect(refused.code).toBe(1);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(
      'error Unexpected original `responses/originals/zienswijze.docx`: the Word file has tracked changes, so its text is not one text (ask the sender for the version as sent, with the changes accepted), expected one text to compare with verbatim-original kia-verbatim',
    );
  }, 60_000);

  it("leaves a PDF original's running heads and page numbers out, and finds a change on its third page", () => {
    // Every paragraph its own words (a running head is a line that recurs; body text does not).
    const name = (n: number) => `${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`;
    const paragraphs = Array.from(
      { length: 60 },
      (_, n) =>
        `Punt ${name(n)} van de zienswijze: de instellingen voor kinderen zijn volgens ons wel degelijk standaard veilig ingesteld, zie bijlage ${name(59 - n)}.`,
    );
    const work = tempDir();
    writeFileSync(
      path.join(work, 'zienswijze.html'),
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Zienswijze Flits Media</title></head><body>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</body></html>`,
    );
    // Chromium's own printing with its default header (date, title) and footer (address, "1/3").
    execFileSync(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(work, 'profile')}`,
        `--print-to-pdf=${path.join(work, 'zienswijze.pdf')}`,
        path.join(work, 'zienswijze.html'),
      ],
      { stdio: 'ignore' },
    );
    const changed = paragraphs.map((text, n) => (n === 49 ? text.replace('standaard', 'meestal') : text));
    const root = writeTree({
      'content/nota/index.md': matter('responses/originals/zienswijze.pdf'),
      'content/nota/responses/zienswijze.md': changed.join('\n\n') + '\n',
      'content/nota/responses/originals/zienswijze.pdf': readFileSync(path.join(work, 'zienswijze.pdf')),
    });
    const { code, stderr } = runCli(['build', '--no-pdf', '--no-check'], root);
    expect(code).toBe(1);
    const lines = messageLines(stderr);
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^99:\d+ error Unexpected published text `[^`]*meestal[^`]*`, expected `[^`]*standaard[^`]*` as in the original `responses\/originals\/zienswijze\.pdf` \(page [23], line \d+; whitespace ignored\) verbatim-original kia-verbatim$/,
    );
    // Built again with the text as received: the furniture is listed in the manifest, not compared.
    writeFileSync(path.join(root, 'content/nota/responses/zienswijze.md'), paragraphs.join('\n\n') + '\n');
    const passed = runCli(['build', '--no-pdf', '--no-check'], root);
    expect(passed.code, passed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')) as {
      documents: Array<{ responses: Array<{ original: { kind: string; verified: boolean; furniture: string[] } }> }>;
    };
    const { original } = manifest.documents[0].responses[0];
    expect(original.kind).toBe('pdf');
    expect(original.verified).toBe(true);
    expect(original.furniture.some((line) => line.includes('Zienswijze Flits Media'))).toBe(true);
    expect(original.furniture.some((line) => /^page 3: 3\/\d+$/.test(line))).toBe(true);
  }, 60_000);
});

describe('a response without its received original', () => {
  it('warns at every character Markdown consumed, with the escape, and claims no more than it proved', () => {
    const root = writeTree({ 'content/nota/index.md': matter(undefined, 'reactie'), 'content/nota/responses/zienswijze.md': received });
    const { code, stderr } = runCli(['build', '--no-pdf', '--no-check'], root);
    expect(code, stderr).toBe(0);
    const tail = 'in a response, expected the received characters kept';
    expect(messageLines(stderr)).toEqual([
      `1:16 warning Unexpected \`*3*\` read as emphasis ${tail} (write \`\\*3\\*\`, or name the received original in \`original:\`) markdown-consumed kia-verbatim`,
      `1:66 warning Unexpected \`*echt*\` read as emphasis ${tail} (write \`\\*echt\\*\`, or name the received original in \`original:\`) markdown-consumed kia-verbatim`,
      `2:22 warning Unexpected \`\\_\` read as an escape (shown as \`_\`) ${tail} (write \`\\\\\\_\`, or name the received original in \`original:\`) markdown-consumed kia-verbatim`,
      `3:1 warning Unexpected \`1)\` read as a list item numbered \`1.\` ${tail} (write \`1\\)\`, or name the received original in \`original:\`) markdown-consumed kia-verbatim`,
    ]);
    const html = readFileSync(path.join(root, 'dist/nota/index.html'), 'utf8');
    expect(html).toContain(
      '<p class="responses-intro">De reacties hieronder zijn overgenomen uit de bestanden die bij elke reactie staan vermeld, met hun SHA-256-vingerafdruk.</p>',
    );
    expect(html).toContain('<dt>Overgenomen</dt><dd>Uit het bestand zienswijze.md; de tekst is niet vergeleken met een ontvangen origineel.</dd>');
    expect(html).not.toContain('letterlijk');
  });

  it('is refused by --final when it is a zienswijze', () => {
    const root = writeTree({ 'content/nota/index.md': matter(), 'content/nota/responses/zienswijze.md': escaped });
    const { code, stderr } = runCli(['build', '--final'], root);
    expect(code).toBe(1);
    expect(messageLines(stderr).filter((line) => line.includes(' error '))).toEqual([
      '8:11 error Unexpected zienswijze `responses/zienswijze.md` without `original:` in a final build, expected the file as received (PDF, .docx, .eml or .txt) to prove the published text equal to it final-without-original kia-final',
    ]);
  });
});
