/**
 * `kia import-response`, through the real CLI, on files made by real producers: Word files
 * written by the docx library (headings, nested lists, a table, a footnote, Markdown's own
 * characters in the text; tracked changes; comments) and PDFs printed by Chromium (a text PDF,
 * an image-only "scan"). An import writes the Markdown, the original and the frontmatter entry
 * only after the proof; a refusal writes nothing; the imported response then builds with the
 * verbatim proof against its original.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../scripts/render/browser.ts';
import { libreOfficePdf } from './helpers/libreoffice.ts';
import { makeDocx, splitRowText, twoColumnsText } from './helpers/make-docx.ts';
import { messageLines } from './helpers/messages.ts';
import { fileHashes, runCli, tempDir, writeTree } from './helpers/workspace.ts';

const index = `---
# De nota waar de reacties bij horen.
title: Nota over Klets
type: rapport
lang: nl
date: 2026-11-30
status: concept   # nog niet definitief
---

## Inhoud

De reacties staan hieronder.
`;

/** The Word file's table as GFM: its second row's first cell wraps in the PDFs, beside a cell of one line. */
const table =
  '| Maatregel                                                                                     | Sinds |\n| --------------------------------------------------------------------------------------------- | ----- |\n| Leeftijdscontrole                                                                             | 2025  |\n| Standaard privé-accounts voor iedereen onder de zestien jaar, ook voor wie al een account had | 2026  |';

let files: string;
let textPdf: string;
let scanPdf: string;
let untaggedPdf: string;

beforeAll(async () => {
  files = tempDir();
  writeFileSync(path.join(files, 'zienswijze-klets.docx'), await makeDocx('letter'));
  writeFileSync(path.join(files, 'met-wijzigingen.docx'), await makeDocx('tracked-changes'));
  writeFileSync(path.join(files, 'met-commentaar.docx'), await makeDocx('comments'));
  writeFileSync(path.join(files, 'kapot.docx'), (await makeDocx('letter')).subarray(0, 2000));
  // An encrypted Office file is an OLE compound file: its first bytes are enough to know it.
  writeFileSync(path.join(files, 'beveiligd.docx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
  writeFileSync(path.join(files, 'notitie.txt'), 'Gewone tekst.\n');
  writeFileSync(path.join(files, 'met-afbeeldingen.docx'), await makeDocx('images'));
  // The same letter and a long reply in two columns through LibreOffice, tagged and untagged.
  for (const tagged of [true, false]) {
    const folder = path.join(files, tagged ? 'lo-tagged' : 'lo-untagged');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'brief.docx'), await makeDocx('letter'));
    writeFileSync(path.join(folder, 'kolommen.docx'), await makeDocx('two-columns'));
    const documents = [path.join(folder, 'brief.docx'), path.join(folder, 'kolommen.docx')];
    if (tagged) {
      writeFileSync(path.join(folder, 'rij.docx'), await makeDocx('split-row'));
      documents.push(path.join(folder, 'rij.docx'));
    }
    libreOfficePdf(documents, folder, { tagged });
  }
  // PDFs as Chromium prints them: one with text, one with only an image of text.
  const html = path.join(files, 'reactie.html');
  writeFileSync(
    html,
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Reactie</title><style>body{font:12pt sans-serif;width:12cm}</style></head><body>
<p>Geachte heer, mevrouw,</p>
<p>Wij hebben het rapport met belangstelling gelezen. Onze dienst hanteert een minimumleeftijd van 13 jaar en controleert die bij aanmelding; de formule 2*3*4 staat in onze voorwaarden.</p>
<ul><li>Leeftijdscontrole bij aanmelding</li><li>Standaard privé-accounts</li></ul>
<p>Met vriendelijke groet,</p><p>Klets B.V.</p></body></html>`,
  );
  const scan = path.join(files, 'scan.html');
  writeFileSync(
    scan,
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Scan</title></head><body><img alt="" src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#ddd"/><path d="M10 50h380" stroke="#000"/></svg>').toString('base64')}"></body></html>`,
  );
  const session = await BrowserSession.launch();
  try {
    textPdf = path.join(files, 'reactie-klets.pdf');
    writeFileSync(textPdf, (await session.printWithoutLayout(html, { allowedRoot: files, timeoutMs: 60_000 })).pdf);
    scanPdf = path.join(files, 'gescand.pdf');
    writeFileSync(scanPdf, (await session.printWithoutLayout(scan, { allowedRoot: files, timeoutMs: 60_000 })).pdf);
  } finally {
    await session.close();
  }
  // The same PDF without its structure tree, as a producer that does not tag would give it.
  const untagged = await PDFDocument.load(readFileSync(textPdf));
  untagged.catalog.delete(PDFName.of('StructTreeRoot'));
  untagged.catalog.delete(PDFName.of('MarkInfo'));
  untaggedPdf = path.join(files, 'reactie-zonder-tags.pdf');
  writeFileSync(untaggedPdf, await untagged.save());
}, 120_000);

describe('kia import-response', () => {
  it('takes a Word file in with its structure, adds the entry in place, and the build proves it against the original', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const imported = runCli(
      [
        'import-response',
        path.join(files, 'zienswijze-klets.docx'),
        '--doc',
        'nota',
        '--from',
        'Klets B.V.',
        '--received',
        '2026-11-20',
        '--kind',
        'zienswijze',
      ],
      root,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('kia: Word overgenomen en letterlijk gelijk aan het origineel');
    const sha = createHash('sha256')
      .update(readFileSync(path.join(files, 'zienswijze-klets.docx')))
      .digest('hex');
    // The author's comments and layout stay; the entry comes at the end of the frontmatter.
    expect(readFileSync(path.join(root, 'content/nota/index.md'), 'utf8')).toBe(
      index.replace(
        'status: concept   # nog niet definitief\n',
        `status: concept   # nog niet definitief\nresponses:\n  - file: responses/zienswijze-klets.md\n    from: Klets B.V.\n    title: Zienswijze van Klets B.V.\n    received: 2026-11-20\n    kind: zienswijze\n    # kia import-response: Word, via mammoth; sha256 of the received file ${sha}\n    original: responses/originals/zienswijze-klets.docx\n`,
      ),
    );
    expect(readFileSync(path.join(root, 'content/nota/responses/zienswijze-klets.md'), 'utf8')).toBe(
      [
        '# Zienswijze op het concept',
        '',
        'Geachte heer, mevrouw,',
        '',
        'Wij danken u voor de gelegenheid te reageren. Onze aanpak is **zorgvuldig** en _proportioneel_.[^1] Het getal 2\\*3\\*4 en \\[haken] blijven staan, net als \\_dit\\_ en #hekje.',
        '',
        '## Onze maatregelen',
        '',
        '- Leeftijdscontrole bij aanmelding',
        '  - Met een tweede stap voor twijfelgevallen',
        '- Standaard privé-accounts voor minderjarigen',
        '',
        'Onze toezeggingen:',
        '',
        '1. Wij publiceren elk jaar een verslag.',
        '2. Wij laten dat verslag toetsen.',
        '',
        table,
        '',
        'Meer op [onze website](https://voorbeeld.nl/veiligheid).',
        '',
        'Met vriendelijke groet,',
        '',
        'Klets B.V.',
        '',
        '[^1]: Zie ons jaarverslag 2025, p. 12.',
        '',
      ].join('\n'),
    );
    expect(
      readFileSync(path.join(root, 'content/nota/responses/originals/zienswijze-klets.docx')).equals(readFileSync(path.join(files, 'zienswijze-klets.docx'))),
    ).toBe(true);

    const built = runCli(['build', '--no-check'], root);
    expect(built.code, built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8'));
    expect(manifest.documents[0].responses[0]).toMatchObject({ verbatim: { html: true, pdf: true }, original: { kind: 'docx', verified: true, sha256: sha } });

    // Never over an existing response.
    const again = runCli(['import-response', path.join(files, 'zienswijze-klets.docx'), '--doc', 'nota', '--from', 'Klets B.V.'], root);
    expect(again.code).toBe(1);
    expect(messageLines(again.stderr)).toEqual([
      'error Unexpected existing file `content/nota/responses/zienswijze-klets.md`, expected a new response (nothing is overwritten; remove or rename it first) response-exists kia-import',
    ]);
  }, 180_000);

  it('takes a tagged PDF in by its structure tree, leaving nothing out, and the build proves it', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const imported = runCli(['import-response', textPdf, '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-21'], root);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('kia: let op: read by its structure tree (a tagged PDF)');
    expect(readFileSync(path.join(root, 'content/nota/responses/reactie-klets.md'), 'utf8')).toBe(
      [
        'Geachte heer, mevrouw,',
        '',
        'Wij hebben het rapport met belangstelling gelezen. Onze dienst hanteert een minimumleeftijd van 13 jaar en controleert die bij aanmelding; de formule 2\\*3\\*4 staat in onze voorwaarden.',
        '',
        '- Leeftijdscontrole bij aanmelding',
        '- Standaard privé-accounts',
        '',
        'Met vriendelijke groet,',
        '',
        'Klets B.V.',
        '',
      ].join('\n'),
    );
    const built = runCli(['build', '--no-check'], root);
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')).documents[0].responses[0].original).toMatchObject({
      kind: 'pdf',
      verified: true,
    });
  }, 180_000);

  it('takes an untagged PDF in by its layout, paragraph by paragraph, and says what it could not recognise', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const imported = runCli(['import-response', untaggedPdf, '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-21'], root);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(
      'kia: let op: read by layout (pdftotext): headings by type size, lists by bullets and labels, tables by aligned cells, footnotes by raised numbers',
    );
    // Chromium draws list bullets as shapes: without the tags the two items read as two short paragraphs.
    expect(readFileSync(path.join(root, 'content/nota/responses/reactie-zonder-tags.md'), 'utf8').split('\n\n')).toEqual([
      'Geachte heer, mevrouw,',
      'Wij hebben het rapport met belangstelling gelezen. Onze dienst hanteert een minimumleeftijd van 13 jaar en controleert die bij aanmelding; de formule 2\\*3\\*4 staat in onze voorwaarden.',
      'Leeftijdscontrole bij aanmelding',
      'Standaard privé-accounts',
      'Met vriendelijke groet,',
      'Klets B.V.\n',
    ]);
  }, 60_000);

  it("takes in LibreOffice's PDFs of a Word letter, tagged and untagged, with its structure: headings, nested and numbered lists, a table, a footnote", () => {
    // What the Word file says, as Markdown; a PDF carries no bold, italic or link addresses in its text.
    const expected = [
      '# Zienswijze op het concept',
      'Geachte heer, mevrouw,',
      'Wij danken u voor de gelegenheid te reageren. Onze aanpak is zorgvuldig en proportioneel.[^1] Het getal 2\\*3\\*4 en \\[haken] blijven staan, net als \\_dit\\_ en #hekje.',
      '## Onze maatregelen',
      '- Leeftijdscontrole bij aanmelding\n  - Met een tweede stap voor twijfelgevallen\n- Standaard privé-accounts voor minderjarigen',
      'Onze toezeggingen:',
      '1. Wij publiceren elk jaar een verslag.\n2. Wij laten dat verslag toetsen.',
      table,
      'Meer op onze website.',
      'Met vriendelijke groet,',
      'Klets B.V.',
      '[^1]: Zie ons jaarverslag 2025, p. 12.\n',
    ].join('\n\n');
    for (const [folder, how] of [
      ['lo-tagged', 'read by its structure tree (a tagged PDF)'],
      ['lo-untagged', 'read by layout (pdftotext)'],
    ]) {
      const root = writeTree({ 'content/nota/index.md': index });
      const imported = runCli(
        ['import-response', path.join(files, folder, 'brief.pdf'), '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-21'],
        root,
      );
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain(`kia: let op: ${how}`);
      expect(readFileSync(path.join(root, 'content/nota/responses/brief.md'), 'utf8'), folder).toBe(expected);
      const built = runCli(['build', '--no-check'], root);
      expect(built.code, built.stderr).toBe(0);
      expect(JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')).documents[0].responses[0]).toMatchObject({
        verbatim: { html: true, pdf: true },
        original: { kind: 'pdf', verified: true },
      });
    }
  }, 240_000);

  it('takes in a reply in two columns with notes on three pages, tagged and untagged, and the proof still sees a changed note', () => {
    // The expectation is the text the Word file was written from.
    const text = twoColumnsText();
    const expected = `${[
      `# ${text.heading}`,
      ...text.paragraphs.map((paragraph) => (paragraph.note ? `${paragraph.text}[^${paragraph.note}]${paragraph.after}` : paragraph.text)),
      ...text.closing,
      ...text.notes.map((note, index) => `[^${index + 1}]: ${note}`),
    ].join('\n\n')}\n`;
    for (const folder of ['lo-tagged', 'lo-untagged']) {
      const pdf = path.join(files, folder, 'kolommen.pdf');
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
      const root = writeTree({ 'content/nota/index.md': index });
      const imported = runCli(['import-response', pdf, '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-21'], root);
      expect(imported.code, imported.stderr).toBe(0);
      const markdown = path.join(root, 'content/nota/responses/kolommen.md');
      expect(readFileSync(markdown, 'utf8'), folder).toBe(expected);
      const built = runCli(['build', '--no-check'], root);
      expect(built.code, built.stderr).toBe(0);
      // One word of the fourth note changed: the note is not moved, and the difference is named.
      writeFileSync(markdown, expected.replace('door ons gekozen', 'door hen gekozen'));
      const changed = runCli(['build', '--no-check'], root);
      expect(changed.code).toBe(1);
      const line = expected.split('\n').findIndex((each) => each.includes('door ons gekozen')) + 1;
      expect(messageLines(changed.stderr), folder).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${line}:\\d+ error Unexpected published text \`.*hen.*\`, expected \`.*ons.*\` as in the original \`responses/originals/kolommen\\.pdf\` \\(page 2, line \\d+; whitespace ignored\\) verbatim-original kia-verbatim$`,
          ),
        ),
      ]);
    }
  }, 300_000);

  it("takes in LibreOffice's tagged PDF of a reply whose table row breaks over a page, the row whole, and the proof still sees a change in its second half", () => {
    const text = splitRowText();
    const pdf = path.join(files, 'lo-tagged', 'rij.pdf');
    // The row does break: its long cell begins on page 1 and ends on page 2.
    const pageText = (page: number) => execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, pdf, '-'], { encoding: 'utf8' });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
    expect(pageText(1)).toContain('(stap 1)');
    expect(pageText(1)).toContain('in voorbereiding');
    expect(pageText(2)).toContain('(stap 11)');
    const root = writeTree({ 'content/nota/index.md': index });
    const imported = runCli(['import-response', pdf, '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-21'], root);
    expect(imported.code, imported.stderr).toBe(0);
    const markdown = path.join(root, 'content/nota/responses/rij.md');
    const blocks = readFileSync(markdown, 'utf8').trimEnd().split('\n\n');
    expect(blocks.filter((block) => !block.startsWith('|'))).toEqual([`# ${text.heading}`, ...text.paragraphs, ...text.closing]);
    const cells = (line: string) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
    const table = blocks.find((block) => block.startsWith('|'))!.split('\n');
    expect([cells(table[0]), ...table.slice(2).map(cells)]).toEqual([text.header, ...text.rows]);
    const built = runCli(['build', '--no-check'], root);
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')).documents[0].responses[0].original).toMatchObject({
      kind: 'pdf',
      verified: true,
    });
    // One number in the part of the cell on page 2 changed: named, on the row's line.
    const source = readFileSync(markdown, 'utf8');
    writeFileSync(markdown, source.replace('(stap 11)', '(stap 13)'));
    const changed = runCli(['build', '--no-check'], root);
    expect(changed.code).toBe(1);
    const line = source.split('\n').findIndex((each) => each.includes('(stap 11)')) + 1;
    expect(messageLines(changed.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${line}:\\d+ error Unexpected published text \`[^\`]*13[^\`]*\`, expected \`[^\`]*11[^\`]*\` as in the original \`responses/originals/rij\\.pdf\` \\(page 2, line \\d+( in content order)?; whitespace ignored\\) verbatim-original kia-verbatim$`,
        ),
      ),
    ]);
  }, 240_000);

  it('takes the images of a Word file over with their description, or a placeholder the build refuses until an editor writes one', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const imported = runCli(
      ['import-response', path.join(files, 'met-afbeeldingen.docx'), '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-20'],
      root,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(
      'kia: let op: image images/met-afbeeldingen-afbeelding-1.png has no description: write one in place of `TODO: beschrijving` before the build',
    );
    const markdownPath = path.join(root, 'content/nota/responses/met-afbeeldingen.md');
    const markdown = readFileSync(markdownPath, 'utf8');
    expect(markdown).toContain(
      '![TODO: beschrijving](images/met-afbeeldingen-afbeelding-1.png)\n\n![Rood vierkant, het logo van Klets](images/met-afbeeldingen-afbeelding-2.png)\n',
    );
    for (const n of [1, 2])
      expect(
        readFileSync(path.join(root, `content/nota/responses/images/met-afbeeldingen-afbeelding-${n}.png`))
          .subarray(0, 8)
          .toString('hex'),
      ).toBe('89504e470d0a1a0a');

    const refused = runCli(['build', '--no-check', '--no-pdf'], root);
    expect(refused.code).toBe(1);
    const line = markdown.split('\n').findIndex((each) => each.startsWith('![TODO')) + 1;
    expect(messageLines(refused.stderr)).toEqual([
      `${line}:1-${line}:64 error Unexpected placeholder \`TODO: beschrijving\` as alternative text of image \`images/met-afbeeldingen-afbeelding-1.png\`, expected a description of what the image shows (write it in place of the placeholder) image-alt-placeholder kia-images`,
    ]);

    writeFileSync(markdownPath, markdown.replace('TODO: beschrijving', 'Blauwe balk met de huiskleur van Klets'));
    const built = runCli(['build', '--no-check'], root);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'dist/nota/index.html'), 'utf8');
    expect(html).toContain('<img src="responses/images/met-afbeeldingen-afbeelding-1.png" alt="Blauwe balk met de huiskleur van Klets">');
    expect(html).toContain('<img src="responses/images/met-afbeeldingen-afbeelding-2.png" alt="Rood vierkant, het logo van Klets">');
    expect(
      readFileSync(path.join(root, 'dist/nota/responses/images/met-afbeeldingen-afbeelding-2.png')).equals(
        readFileSync(path.join(root, 'content/nota/responses/images/met-afbeeldingen-afbeelding-2.png')),
      ),
    ).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')).documents[0].responses[0].original).toMatchObject({
      kind: 'docx',
      verified: true,
    });
  }, 180_000);

  it('--dry-run converts and proves, prints the entry and writes nothing', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const before = fileHashes(root);
    const result = runCli(
      ['import-response', path.join(files, 'zienswijze-klets.docx'), '--doc', 'nota', '--from', 'Klets B.V.', '--received', '2026-11-20', '--dry-run'],
      root,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('- file: responses/zienswijze-klets.md\n  from: Klets B.V.\n  title: Zienswijze van Klets B.V.\n  received: 2026-11-20\n');
    expect(fileHashes(root)).toEqual(before);
  }, 60_000);

  it('refuses what it cannot take over as one text, with a clear message, and writes nothing', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    const before = fileHashes(root);
    const refusals: Record<string, string> = {
      'met-wijzigingen.docx':
        'error Unexpected tracked changes (insertions or deletions not accepted) in `FILE`, expected the version as sent, with every change accepted (ask the sender) refused-file kia-import',
      'met-commentaar.docx':
        'error Unexpected comments in the Word file in `FILE`, expected the version as sent, without comments (ask the sender) refused-file kia-import',
      'beveiligd.docx':
        'error Unexpected password-protected or old-format (.doc) Word file `FILE`, expected a .docx without a password (ask the sender to save it again) unreadable-file kia-import',
      'notitie.txt':
        'error Unexpected file `FILE` that is neither a PDF nor a Word file (.docx) by its content, expected one of those not-a-response-file kia-import',
      'gescand.pdf':
        'error Unexpected PDF without text to take over (a scan?) in `FILE`, expected a PDF with text or a Word file (ask the sender) refused-file kia-import',
    };
    for (const [name, expected] of Object.entries(refusals)) {
      const file = path.join(files, name);
      const result = runCli(['import-response', file, '--doc', 'nota', '--from', 'Klets B.V.'], root);
      expect(result.code, name).toBe(1);
      expect(messageLines(result.stderr), name).toEqual([expected.replace('FILE', path.relative(root, file))]);
      expect(result.stderr).toContain('kia: reactie niet overgenomen; er is niets geschreven');
    }
    const damaged = runCli(['import-response', path.join(files, 'kapot.docx'), '--doc', 'nota', '--from', 'Klets B.V.'], root);
    expect(damaged.code).toBe(1);
    expect(messageLines(damaged.stderr)).toEqual([
      expect.stringMatching(
        /^error Unexpected damaged Word file \(.+\) in `.+kapot\.docx`, expected an undamaged \.docx \(ask the sender to save it again\) refused-file kia-import$/,
      ),
    ]);
    const unknown = runCli(['import-response', path.join(files, 'zienswijze-klets.docx'), '--doc', 'notaa', '--from', 'Klets B.V.'], root);
    expect(messageLines(unknown.stderr)).toEqual(['error Unexpected document `notaa`, expected `nota` (did you mean it?) unknown-document kia-import']);
    expect(fileHashes(root)).toEqual(before);
  }, 120_000);
});

const corpus = path.resolve(import.meta.dirname, '../../shared/conformance/verapdf-pdfua1');

describe.skipIf(!existsSync(corpus))('kia import-response on tagged PDFs of other producers (veraPDF corpus)', () => {
  it('keeps a list caption and a list nested directly in a list, and the proof holds', () => {
    const root = writeTree({ 'content/nota/index.md': index });
    for (const file of ['7.2 Text/7.2-t34-pass-c.pdf', '7.2 Text/7.2-t17-pass-g.pdf']) {
      const result = runCli(['import-response', path.join(corpus, file), '--doc', 'nota', '--from', 'Klets B.V.', '--dry-run'], root);
      expect(result.code, `${file}\n${result.stderr}`).toBe(0);
    }
  }, 60_000);
});
