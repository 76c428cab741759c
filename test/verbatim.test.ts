/**
 * The verbatim proof must fail when anything changes a response: a plugin that "improves"
 * typography in the HTML, a change that only reaches the PDF, or an edited output file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/commands/build.ts';
import { compileDocument } from '../scripts/core/compile-document.ts';
import { verifyResponses } from '../scripts/check/verify-responses.ts';
import { normaliseOriginal, withNotesAtEnd, withSplitCellsJoined } from '../scripts/check/verbatim.ts';
import { readPdfText } from '../scripts/pdf/text.ts';
import { formatMessages } from './helpers/messages.ts';
import { document, poppler, tempDir, writeTree } from './helpers/workspace.ts';

const response = `## Reactie

TikTok's reactie bevat "rechte" en “gekrulde” aanhalingstekens.

Tweede alinea met <b>HTML</b> en een voetnoot.[^1]

[^1]: De voetnoot van de reactie.
`;

const responseEntry = `responses:
  - file: responses/reactie.md
    from: Voorbeeld B.V.
    title: Reactie Voorbeeld
    received: 2026-01-15
`;

function workspace() {
  return writeTree({ 'content/doc/index.md': document('## Inhoud\n\nTekst van het document.\n', responseEntry), 'content/doc/responses/reactie.md': response });
}

/** A "smart quotes" plugin, the classic way a pipeline silently changes a stakeholder's words. */
function curlApostrophes() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(/'/g, '’');
    });
  };
}

/** Drops one word from the output: what an overfull layout or a sloppy transform could do. */
function dropWord(word: string) {
  return () => (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(word, '');
    });
  };
}

describe('verbatim proof', () => {
  it('passes for an untouched response, in HTML and PDF', async () => {
    const root = workspace();
    const result = await build({ contentDir: path.join(root, 'content'), outDir: path.join(root, 'dist'), pdf: true, check: false });
    expect(formatMessages(result.files)).toBe('');
    expect(result.manifest?.documents[0].responses[0].verbatim).toEqual({ html: true, pdf: true, against: 'source' });
  });

  it('fails the build when a plugin curls a straight apostrophe in the HTML', async () => {
    const root = workspace();
    const result = await build({
      contentDir: path.join(root, 'content'),
      outDir: path.join(root, 'dist'),
      pdf: false,
      extraPlugins: { screen: [curlApostrophes] },
    });
    expect(result.ok).toBe(false);
    const messages = formatMessages(result.files);
    expect(messages).toContain(
      'content/doc/responses/reactie.md:3:7 error verbatim-html kia-verbatim: Unexpected HTML text `’sreactiebevat"rechte"en` differing from the response at character 14 (whitespace ignored), expected `\'sreactiebevat"rechte"en` as in the source',
    );
  });

  it('fails the build when only the PDF loses a word', async () => {
    const root = workspace();
    const result = await build({
      contentDir: path.join(root, 'content'),
      outDir: path.join(root, 'dist'),
      pdf: true,
      check: false,
      extraPlugins: { print: [dropWord('Tweede ')] },
    });
    expect(result.ok).toBe(false);
    const messages = formatMessages(result.files);
    expect(messages).toMatch(
      /content\/doc\/responses\/reactie\.md:5:1 error verbatim-pdf kia-verbatim: Unexpected PDF text `alineamet<b>HTML<\/b>e[^`]*` differing from the response at character \d+ \(whitespace ignored\), expected `Tweedealineamet<b>HTML<\/` as in the source/,
    );
    expect(messages).not.toContain('verbatim-html');
  });

  it('compares the text extracted from the real PDF, and fails when a word is missing there', async () => {
    const root = workspace();
    const out = path.join(root, 'dist');
    expect((await build({ contentDir: path.join(root, 'content'), outDir: out, pdf: true, check: false })).ok).toBe(true);
    const doc = { slug: 'doc', dir: path.join(root, 'content/doc'), index: path.join(root, 'content/doc/index.md') };
    const pdf = await readPdfText(path.join(out, 'doc/doc.pdf'));
    const htmlFile = path.join(out, 'doc/index.html');

    const intact = (await compileDocument(doc, { assetBase: '../assets' })).document!;
    expect((await verifyResponses(intact, htmlFile, pdf)).responses).toEqual([{ html: true, pdf: true }]);

    const damaged = {
      ...pdf,
      pages: pdf.pages.map((page) => ({ ...page, lines: page.lines.map((line) => line.replace('aanhalingstekens', 'aanhalingsteken')) })),
    };
    const compiled = (await compileDocument(doc, { assetBase: '../assets' })).document!;
    expect((await verifyResponses(compiled, htmlFile, damaged)).responses).toEqual([{ html: true, pdf: false }]);
    expect(formatMessages([compiled.responses[0].file])).toContain(
      'content/doc/responses/reactie.md:3:62 error verbatim-pdf kia-verbatim: Unexpected PDF text `.Tweedealineamet<b>HTML<` differing from the response at character 63 (whitespace ignored), expected `s.Tweedealineamet<b>HTML` as in the source',
    );
    // The same proof on another PDF (the publication bundle) names that PDF.
    const inBundle = (await compileDocument(doc, { assetBase: '../assets' })).document!;
    await verifyResponses(inBundle, htmlFile, damaged, { pdfName: 'publicatie/publicatie.pdf' });
    expect(formatMessages([inBundle.responses[0].file])).toContain(
      'error verbatim-pdf kia-verbatim: Unexpected PDF (`publicatie/publicatie.pdf`) text `.Tweedealineamet<b>HTML<`',
    );
  });

  it('reports the first differing character when a written HTML file is edited', async () => {
    const root = workspace();
    const doc = { slug: 'doc', dir: path.join(root, 'content/doc'), index: path.join(root, 'content/doc/index.md') };
    const { document: compiled } = await compileDocument(doc, { assetBase: '../assets' });
    const htmlFile = path.join(tempDir(), 'index.html');
    writeFileSync(htmlFile, compiled!.html.replace('“gekrulde”', '"gekrulde"'));
    const result = await verifyResponses(compiled!, htmlFile, undefined);
    expect(result.responses).toEqual([{ html: false, pdf: undefined }]);
    expect(formatMessages([compiled!.responses[0].file])).toContain(
      'content/doc/responses/reactie.md:3:36 error verbatim-html kia-verbatim: Unexpected HTML text `"gekrulde"aanhalingsteke` differing from the response at character 38',
    );
  });

  it('reads the source text from the Markdown, footnotes in reference order', async () => {
    const root = writeTree({
      'content/doc/index.md': document('Tekst.\n', responseEntry),
      'content/doc/responses/reactie.md': 'Eerst B.[^b] Dan A.[^a]\n\n[^a]: Noot A.\n[^b]: Noot B.\n',
    });
    const doc = { slug: 'doc', dir: path.join(root, 'content/doc'), index: path.join(root, 'content/doc/index.md') };
    const { document: compiled } = await compileDocument(doc, { assetBase: '../assets' });
    expect(compiled!.responses[0].source.text).toBe('EerstB.DanA.NootB.NootA.');
    const htmlFile = path.join(tempDir(), 'index.html');
    writeFileSync(htmlFile, compiled!.html);
    expect((await verifyResponses(compiled!, htmlFile, undefined)).responses).toEqual([{ html: true, pdf: undefined }]);
    expect(compiled!.responses[0].file.messages).toEqual([]);
    expect(readFileSync(htmlFile, 'utf8')).toContain('Noot B.');
  });
});

describe('verbatim proof of a response with redactions', () => {
  const redacted = 'Gesprek met :redact[Jan Jansen]{grond="5.1.2e"} over bijlage:B[1].\n\nTweede alinea.\n';

  it('compares with the redacted source: each redaction as its public text, other directive-like text as typed', async () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.\n', responseEntry), 'content/doc/responses/reactie.md': redacted });
    const doc = { slug: 'doc', dir: path.join(root, 'content/doc'), index: path.join(root, 'content/doc/index.md') };
    const { document: compiled } = await compileDocument(doc, { assetBase: '../assets' });
    expect(compiled!.responses[0].source.text).toBe('Gesprekmet[weggelakt,5.1.2e]overbijlage:B[1].Tweedealinea.');
    const { document: internal } = await compileDocument(doc, { assetBase: '../assets', redaction: 'internal' });
    expect(internal!.responses[0].source.text).toBe('GesprekmetJanJansen[weglakken:5.1.2e]overbijlage:B[1].Tweedealinea.');
  });

  it('still fails on a changed character, saying it compared with the redacted source', async () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.\n', responseEntry), 'content/doc/responses/reactie.md': redacted });
    const result = await build({
      contentDir: path.join(root, 'content'),
      outDir: path.join(root, 'dist'),
      pdf: false,
      check: false,
      extraPlugins: { screen: [dropWord('Tweede')] },
    });
    expect(formatMessages(result.files)).toContain(
      'content/doc/responses/reactie.md:3:1 error verbatim-html kia-verbatim: Unexpected HTML text `alinea.` differing from the response at character 46 (whitespace ignored), expected `Tweedealinea.` as in the redacted source (each `:redact[…]` shown as its public text)',
    );
  });
});

describe('verbatim proof with a long table in a response', () => {
  it('passes when the table breaks across pages and its header row is repeated', async () => {
    const rows = Array.from({ length: 70 }, (_, n) => `| Punt ${n + 1} | De reactie op punt ${n + 1} ("letterlijk"). |`).join('\n');
    const root = writeTree({
      'content/doc/index.md': document('## Inhoud\n\nTekst van het document.\n', responseEntry),
      'content/doc/responses/reactie.md': `## Reactie met een lange tabel\n\n| Punt | Reactie |\n| ---- | ------- |\n${rows}\n\nSlotzin van de reactie.\n`,
    });
    const result = await build({ contentDir: path.join(root, 'content'), outDir: path.join(root, 'dist'), pdf: true, check: false });
    expect(formatMessages(result.files)).toBe('');
    expect(result.manifest?.documents[0].responses[0].verbatim).toEqual({ html: true, pdf: true, against: 'source' });
    // The header row really is in the PDF more than once.
    const text = poppler('pdftotext', ['-layout', path.join(root, 'dist/doc/doc.pdf'), '-']);
    expect(text.match(/^\s*Punt\s+Reactie\s*$/gm)?.length).toBeGreaterThan(1);
  });
});

describe('notes of a received original moved to the end', () => {
  it('moves a note of a long original (300,000 characters) without running out of stack', () => {
    const body = 'tekst'.repeat(60_000);
    const note = 'Eennotitieaandevoetvandepagina.';
    const originalText = `${body.slice(0, 1000)}1${note}${body.slice(1000)}`;
    const original = { text: originalText, places: [...originalText].map((_, index) => `teken ${index}`), optionalHyphens: new Set<number>() };
    const publishedText = `${body}1${note}`;
    const published = { text: publishedText, places: [], notes: [{ start: body.length, textStart: body.length + 1, end: publishedText.length }] };
    const moved = withNotesAtEnd(original, published);
    expect(moved.text).toBe(publishedText);
    expect(moved.places.at(-1)).toBe(`teken ${1001 + note.length - 1}`);
  });
});

describe('table cells of a received original split by a page break', () => {
  // A row whose first cell breaks over pages 1 and 2, as a PDF reader gives it: the first lines of
  // both cells on page 1, the rest of the first cell at the top of page 2.
  const lines = [
    { text: 'Maatregel Stand', place: 'page 1, line 1' },
    { text: 'Controle van de leeftijd bij', place: 'page 1, line 2' },
    { text: 'in voorbereiding', place: 'page 1, line 3' },
    { text: 'aanmelding voor iedereen.', place: 'page 2, line 1' },
    { text: 'Toets gepland', place: 'page 2, line 2' },
  ];
  const cells = ['Maatregel', 'Stand', 'Controlevandeleeftijdbijaanmeldingvooriedereen.', 'invoorbereiding', 'Toets', 'gepland'];
  const published = (texts: string[]) => {
    const ranges: Array<{ start: number; end: number }> = [];
    let at = 0;
    for (const text of texts) ranges.push({ start: at, end: (at += text.length) });
    return { text: texts.join(''), places: [], notes: [], cells: ranges };
  };

  it('joins the cell again, places moved along, nothing added or dropped', () => {
    const joined = withSplitCellsJoined(normaliseOriginal(lines), published(cells));
    expect(joined.text).toBe('MaatregelStandControlevandeleeftijdbijaanmeldingvooriedereen.invoorbereidingToetsgepland');
    expect(joined.places.slice(38, 40)).toEqual(['page 2, line 1', 'page 2, line 1']);
    expect(joined.places.at(-1)).toBe('page 2, line 2');
  });

  it('joins a changed rest too, so the change stays inside the cell', () => {
    // (Found by its beginning and its end, eight characters or more each, as a changed note is.)
    const changed = cells.map((cell) => cell.replace('voor', 'van'));
    expect(withSplitCellsJoined(normaliseOriginal(lines), published(changed)).text).toBe(
      'MaatregelStandControlevandeleeftijdbijaanmeldingvooriedereen.invoorbereidingToetsgepland',
    );
  });

  it('reorders nothing when the rest is not at the top of the next page, or there is no next page', () => {
    const notAtTop = [
      ...lines.slice(0, 3),
      { text: 'Een alinea die eerst komt, lang genoeg om meer dan tweehonderd tekens te tellen. '.repeat(3), place: 'page 2, line 1' },
      ...lines.slice(3),
    ];
    const original = normaliseOriginal(notAtTop);
    expect(withSplitCellsJoined(original, published(cells)).text).toBe(original.text);
    const onePage = normaliseOriginal(lines.map((line) => ({ ...line, place: 'paragraph 1' })));
    expect(withSplitCellsJoined(onePage, published(cells)).text).toBe(onePage.text);
  });
});
