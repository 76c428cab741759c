/**
 * Integration: build the example content (content/) for real, with Chromium and Paged.js, and
 * check the HTML, the PDF and the manifest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import type { Manifest } from '../scripts/core/manifest.ts';
import { poppler, projectRoot, tempDir } from './helpers/workspace.ts';

const content = path.join(projectRoot, 'content');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function elements(tree: ReturnType<typeof fromHtml>, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

let out: string;
let result: BuildResult;
let html: string;
let tree: ReturnType<typeof fromHtml>;
let pdfFile: string;

beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  result = await build({ contentDir: content, outDir: out, pdf: true });
  html = readFileSync(path.join(out, 'flits/index.html'), 'utf8');
  tree = fromHtml(html);
  pdfFile = path.join(out, 'flits/flits.pdf');
});

describe('kia build on the example content', () => {
  it('succeeds without errors and writes every output', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(result.ok).toBe(true);
    for (const file of [
      'index.html',
      'manifest.json',
      'flits/index.html',
      'flits/flits.pdf',
      'assets/tokens.css',
      'assets/print.css',
      'assets/fonts/noto-sans-latin-400-normal.woff2',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    // The print HTML is an intermediate file, not part of the publication.
    expect(readdirSync(path.join(out, 'flits')).sort()).toEqual(['afbeeldingen', 'flits.pdf', 'index.html']);
    // The SVG is published sanitised: the same drawing (every rect and path with its attributes), no comment.
    const shapes = (svg: string) => svg.match(/<(rect|path)\b[^>]*>/g)?.map((shape) => shape.replace(/\s*\/?>$/, ''));
    const published = readFileSync(path.join(out, 'flits/afbeeldingen/risicomatrix.svg'), 'utf8');
    expect(shapes(published)).toEqual(shapes(readFileSync(path.join(content, 'flits/afbeeldingen/risicomatrix.svg'), 'utf8')));
    expect(published).toContain('viewBox="0 0 240 240"');
    expect(readdirSync(path.join(out, 'kamerbrief-flits')).sort()).toEqual(['index.html', 'kamerbrief-flits.pdf']);
  });

  it('writes an HTML page with language, title, metadata and landmarks', () => {
    const [root] = elements(tree, (node) => node.tagName === 'html');
    expect(root.properties.lang).toBe('nl');
    expect(toString(elements(tree, (node) => node.tagName === 'title')[0])).toBe(
      'Kinderrechten Impact Assessment Flits: Een fictief voorbeeld van een KIA op een videoplatform',
    );
    const meta = Object.fromEntries(
      elements(tree, (node) => node.tagName === 'meta' && typeof node.properties.name === 'string').map((node) => [
        node.properties.name,
        node.properties.content,
      ]),
    );
    expect(meta.author).toBe('dr. Anna de Vries, Mehmet Yilmaz MSc');
    expect(meta.description).toMatch(/^Fictieve kinderrechten impact assessment/);
    for (const tag of ['header', 'nav', 'main', 'footer'])
      expect(
        elements(tree, (node) => node.tagName === tag),
        tag,
      ).toHaveLength(1);
    const skip = elements(tree, (node) => node.tagName === 'a' && String(node.properties.className).includes('skip-link'))[0];
    expect(skip.properties.href).toBe('#inhoud');
    expect(elements(tree, (node) => node.properties.id === 'inhoud')[0].tagName).toBe('main');
  });

  it('has one h1, no skipped heading levels and short ids that do not start with a digit', () => {
    const headings = elements(tree, (node) => headingRank(node) !== undefined);
    expect(headings.filter((node) => node.tagName === 'h1').map((node) => toString(node))).toEqual(['Kinderrechten Impact Assessment Flits']);
    let previous = 0;
    for (const heading of headings) {
      const rank = headingRank(heading)!;
      expect(rank, toString(heading)).toBeLessThanOrEqual(previous + 1);
      previous = rank;
    }
    const ids = elements(tree, (node) => typeof node.properties.id === 'string').map((node) => String(node.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(id.length).toBeLessThanOrEqual(40);
    }
    // Author numbering is kept as written.
    expect(headings.map((node) => toString(node))).toContain('2.1 Geef een beschrijving van de digitale dienst');
  });

  it('builds a table of contents from ## and ### headings, including the responses', () => {
    const nav = elements(tree, (node) => node.tagName === 'nav')[0];
    expect(nav.properties.ariaLabel).toBe('Inhoudsopgave');
    const links = elements(nav as never, (node) => node.tagName === 'a').map((node) => [toString(node), node.properties.href]);
    expect(links).toContainEqual(['1 Voorbereidingen', '#hoofdstuk-1']);
    expect(links).toContainEqual(["3.1 Contentrisico's", '#vraag-3-1']);
    expect(links).toContainEqual(['Overzicht van de risico-inschattingen', '#risico-overzicht']);
    expect(links).toContainEqual(['Reacties van belanghebbenden', '#reacties']);
    expect(links).toContainEqual(['Zienswijze Flits Media', '#reactie-1-titel']);
    for (const [, href] of links)
      expect(
        elements(tree, (node) => node.properties.id === String(href).slice(1)),
        String(href),
      ).toHaveLength(1);
  });

  it('renders accessible Dutch footnotes and tables with header scope and captions', () => {
    const label = elements(tree, (node) => node.properties.id === 'voetnoten')[0];
    expect(toString(label)).toBe('Voetnoten');
    const backrefs = elements(tree, (node) => node.properties.dataFootnoteBackref !== undefined);
    expect(backrefs.length).toBeGreaterThanOrEqual(17);
    expect(toString(backrefs[0])).toBe('↩Terug naar de tekst bij voetnoot 1');
    expect(backrefs[0].properties.ariaLabel).toBeUndefined();
    const headerCells = elements(tree, (node) => node.tagName === 'th');
    expect(headerCells.length).toBeGreaterThan(10);
    // Column headers in <thead>, row headers (risk tables, measures, overview) in <tbody>.
    for (const table of elements(tree, (node) => node.tagName === 'table')) {
      for (const section of table.children.filter(
        (child): child is Element => child.type === 'element' && (child.tagName === 'thead' || child.tagName === 'tbody'),
      )) {
        for (const cell of elements(section as never, (node) => node.tagName === 'th'))
          expect(cell.properties.scope).toBe(section.tagName === 'thead' ? 'col' : 'row');
      }
    }
    const captions = elements(tree, (node) => node.tagName === 'caption').map((node) => toString(node));
    expect(captions).toContain('Tabel 1: Uitkomst van de pre-scan');
    expect(captions).toContain("Risico-inschatting: Schadelijke video's in Voor jou");
    expect(captions).toContain('Maatregelen per risico');
    expect(captions).toContain('Overzicht van de risico-inschattingen per risicocategorie');
  });

  it('shows the document metadata in the header', () => {
    const header = toString(elements(tree, (node) => node.tagName === 'header')[0]);
    for (const text of [
      'Flits (videodeelapp)',
      '14 oktober 2026',
      'Definitief',
      'dr. Anna de Vries en Mehmet Yilmaz MSc',
      'Ministerie van Voorbeeldzaken',
      'VBZ-2026-0142',
    ])
      expect(header).toContain(text);
  });

  it('appends the responses verbatim, in order, with provenance and sha256', () => {
    const responses = elements(
      tree,
      (node) => String(node.properties.className).includes('response') && node.tagName === 'section' && node.properties.dataResponse !== undefined,
    );
    expect(responses.map((node) => toString(elements(node as never, (child) => child.tagName === 'h3')[0]))).toEqual([
      'Zienswijze Flits Media',
      'Reactie van de onderzoekers op de zienswijze',
    ]);
    const first = toString(responses[0]);
    expect(first).toContain('Flits Media B.V.');
    expect(first).toContain('30 september 2026');
    expect(first).toContain('Zienswijze');
    expect(first).toContain(sha256(path.join(content, 'flits/responses/zienswijze-flits.md')));
    // Straight apostrophe and quotes stay straight, curly ones stay curly, raw HTML is text.
    expect(first).toContain("Flits's missie");
    expect(first).toContain('De "risico-inschatting"');
    expect(first).toContain('“Gebruikers jonger dan 13 jaar mogen geen account\naanmaken.”');
    expect(first).toContain('<rustmodus enabled="true">, met 100% dekking & <b>geen</b>');
    expect(elements(responses[0] as never, (node) => node.tagName === 'b' || node.tagName === 'rustmodus')).toEqual([]);
  });

  it('is self-contained: no remote URLs in pages or stylesheets', () => {
    const urls = elements(tree, (node) => typeof node.properties.href === 'string' || typeof node.properties.src === 'string')
      .filter((node) => node.tagName === 'link' || node.tagName === 'script' || node.tagName === 'img')
      .map((node) => String(node.properties.href ?? node.properties.src));
    for (const url of urls) expect(url).not.toMatch(/^(https?:)?\/\//);
    for (const css of readdirSync(path.join(out, 'assets')).filter((name) => name.endsWith('.css'))) {
      expect(readFileSync(path.join(out, 'assets', css), 'utf8')).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    }
    expect(html).not.toContain(projectRoot);
  });

  it('lists every document with links to both formats on the landing page', () => {
    const landing = fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const hrefs = elements(landing, (node) => node.tagName === 'a').map((node) => node.properties.href);
    expect(hrefs).toContain('flits/index.html');
    expect(hrefs).toContain('flits/flits.pdf');
    expect(toString(landing)).toMatch(/PDF \(\d+ pagina's, \d+ kB\)/);
  });

  it('is the publication of content/publication.yml: title, date, sender, Kamerstuk, documents in order with their responses and sizes', () => {
    const landing = fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const text = toString(landing).replace(/\s+/g, ' ');
    expect(toString(elements(landing, (node) => node.tagName === 'h1')[0])).toBe('Kinderrechten Impact Assessment van de videodeelapp Flits');
    // dt and dd follow each other without a space in the markup: compare without whitespace.
    for (const fact of [
      'Datum 2 november 2026',
      'Afzender Ministerie van Voorbeeldzaken, Directie Digitale Samenleving Postbus 20011 2500 EA Den Haag',
      'Kamerstuk 26643 (nummer volgt)',
    ])
      expect(text.replace(/\s/g, '')).toContain(fact.replace(/\s/g, ''));
    const titles = elements(landing, (node) => node.tagName === 'li' && String(node.properties.className).includes('publication')).map((node) =>
      toString(elements(node as never, (child) => child.tagName === 'h2')[0]),
    );
    expect(titles).toEqual(['Aanbieding Kinderrechten Impact Assessment Flits', 'Kinderrechten Impact Assessment Flits']);
    const squashed = text.replace(/\s/g, '');
    expect(squashed).toContain('Met2reactiesvanbelanghebbenden:ZienswijzeFlitsMedia(FlitsMediaB.V.,ontvangen30september2026)');
    expect(squashed).toMatch(/HTML\(\d+kB\):KinderrechtenImpactAssessmentFlitsPDF\(\d+pagina's,\d+kB\)/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.publication).toMatchObject({
      title: 'Kinderrechten Impact Assessment van de videodeelapp Flits',
      kamerstuk: { dossier: '26643' },
      documents: ['kamerbrief-flits', 'flits'],
      file: { path: 'content/publication.yml' },
    });
  });

  it('records inputs, responses and outputs with sha256 in the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const doc = manifest.documents.find((entry) => entry.slug === 'flits')!;
    expect(manifest.documents.map((entry) => entry.slug)).toEqual(['flits', 'kamerbrief-flits']);
    expect(doc.input).toMatchObject({ path: 'content/flits/index.md', sha256: sha256(path.join(content, 'flits/index.md')) });
    expect(doc.responses.map((response) => [response.path, response.sha256, response.verbatim])).toEqual([
      [
        'content/flits/responses/zienswijze-flits.md',
        sha256(path.join(content, 'flits/responses/zienswijze-flits.md')),
        { html: true, pdf: true, against: 'redacted-source' },
      ],
      [
        'content/flits/responses/reactie-onderzoekers.md',
        sha256(path.join(content, 'flits/responses/reactie-onderzoekers.md')),
        { html: true, pdf: true, against: 'source' },
      ],
    ]);
    const outputs = Object.fromEntries(doc.outputs.map((output) => [output.path, output.sha256]));
    expect(outputs['flits/index.html']).toBe(sha256(path.join(out, 'flits/index.html')));
    expect(outputs['flits/flits.pdf']).toBe(sha256(pdfFile));
    expect(JSON.stringify(manifest)).not.toContain(projectRoot);
  });
});

describe('the PDF of the example content', () => {
  it('is A4, tagged, titled, with author, subject and language, all fonts embedded', () => {
    const info = poppler('pdfinfo', [pdfFile]);
    expect(info).toMatch(/^Title:\s+Kinderrechten Impact Assessment Flits: Een fictief voorbeeld/m);
    expect(info).toMatch(/^Author:\s+dr\. Anna de Vries, Mehmet Yilmaz MSc$/m);
    expect(info).toMatch(/^Subject:\s+Fictieve kinderrechten impact assessment/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(readFileSync(pdfFile, 'latin1')).toMatch(/\/Lang\s*\(nl\)/);
    const fonts = poppler('pdffonts', [pdfFile]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).slice(-5, -4)[0], font).toBe('yes');
  });

  it('has a cover page, a table of contents with page numbers and "Pagina X van Y" footers', () => {
    const pages = poppler('pdftotext', ['-layout', pdfFile, '-']).split('\f');
    const total = pages.filter((page) => page.trim()).length;
    expect(pages[0].replace(/\s+/g, ' ')).toContain('Kinderrechten Impact Assessment Flits Een fictief voorbeeld');
    expect(pages[0]).toContain('Ministerie van Voorbeeldzaken');
    expect(pages[0]).not.toContain('Pagina 1');
    expect(pages[1]).toContain('Inhoudsopgave');
    expect(pages[1]).toMatch(/2\.1 Geef een beschrijving van de digitale dienst\s+\d+/);
    for (let n = 2; n <= total; n++) expect(pages[n - 1], `page ${n}`).toContain(`Pagina ${n} van ${total}`);
    // Running header: document title and current chapter.
    expect(pages[3]).toMatch(/Kinderrechten Impact Assessment Flits\s+\S/);
  });

  it('puts footnotes on their page with real-text numbers', () => {
    const pages = poppler('pdftotext', [pdfFile, '-']).split('\f');
    const withCall = pages.findIndex((page) => /Kinderrechten Impact\s+Assessment \(KIA\) ?1 en laat/.test(page));
    expect(withCall).toBeGreaterThan(0);
    expect(pages[withCall]).toMatch(/^1 Ministerie van Voorbeeldzaken \(2025\)\. Kinderrechten Impact Assessment: invuldocument/m);
    const text = pages.join('\n');
    // Every body footnote lands, each with its number as text.
    const definitions = readFileSync(path.join(content, 'flits/index.md'), 'utf8').match(/^\[\^[^\]]+\]:/gm) ?? [];
    expect(definitions.length).toBeGreaterThan(10);
    for (let n = 1; n <= definitions.length; n++) expect(text, `footnote ${n}`).toMatch(new RegExp(`^${n} \\S`, 'm'));
    expect(text).toMatch(new RegExp(`^${definitions.length} De afweging volgt de methode uit de KIA-handleiding`, 'm'));
  });

  it('starts the responses on a new page and keeps their text', () => {
    const pages = poppler('pdftotext', [pdfFile, '-']).split('\f');
    // The page that opens with the heading (the contents, over two pages, only list it).
    const start = pages.findIndex((page) => /^Reacties van belanghebbenden$/m.test(page.trimStart().split('\n').slice(0, 3).join('\n')));
    expect(start).toBeGreaterThan(2);
    const text = pages.slice(start).join('\n');
    expect(text).toContain("Flits's missie");
    expect(text).toContain('<rustmodus enabled="true">');
  });

  it('has bookmarks for ## and ### headings', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfFile)), verbosity: 0 }).promise;
    const outline = (await doc.getOutline()) ?? [];
    const titles: string[] = [];
    const walk = (items: typeof outline) => {
      for (const item of items) {
        titles.push(item.title);
        walk(item.items);
      }
    };
    walk(outline);
    await doc.destroy();
    expect(titles).toContain('1 Voorbereidingen');
    expect(titles).toContain('1.1 Biedt u een digitale dienst aan of gebruikt u deze?');
    expect(titles).toContain('Reacties van belanghebbenden');
  });
});

describe('the Kamerbrief (type: brief)', () => {
  it('has the letter layout in HTML: addressee, sender column, Datum, Betreft, Onze referentie, Bijlage, closing and signature; no contents', () => {
    const letter = fromHtml(readFileSync(path.join(out, 'kamerbrief-flits/index.html'), 'utf8'));
    const head = elements(letter, (node) => node.tagName === 'header')[0];
    const squashed = toString(head).replace(/\s/g, '');
    for (const part of [
      'RetouradresPostbus200112500EADenHaag',
      'AandeVoorzittervandeTweedeKamerderStaten-GeneraalPostbus200182500EADenHaag',
      'MinisterievanVoorbeeldzaken',
      'DirectieDigitaleSamenleving',
      'Datum2november2026',
      'BetreftAanbiedingKinderrechtenImpactAssessmentFlits',
      'OnzereferentieVBZ-2026-0199',
      'BijlageKinderrechtenImpactAssessmentFlits',
    ])
      expect(squashed).toContain(part);
    expect(elements(letter, (node) => node.tagName === 'h1').map((node) => toString(node))).toEqual(['Aanbieding Kinderrechten Impact Assessment Flits']);
    expect(elements(letter, (node) => node.tagName === 'nav')).toEqual([]);
    const closing = toString(elements(letter, (node) => String(node.properties.className).includes('letter-closing'))[0]);
    expect(closing).toBe('Hoogachtend,de minister van Voorbeeldzakennamens deze, de directeur Digitale Samenleving');
  });

  it('starts on its first page in the PDF (no cover), with "Pagina X van Y" on every page', () => {
    const pdf = path.join(out, 'kamerbrief-flits/kamerbrief-flits.pdf');
    const pages = poppler('pdftotext', [pdf, '-'])
      .split('\f')
      .filter((page) => page.trim());
    expect(pages[0]).toContain('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(pages[0]).toContain('Betreft');
    expect(pages[0]).toContain('Hierbij bied ik u het Kinderrechten Impact Assessment');
    for (const [index, page] of pages.entries()) expect(page).toContain(`Pagina ${index + 1} van ${pages.length}`);
    expect(pages.at(-1)).toContain('Hoogachtend,');
  });
});

describe('repeatable and partial builds', () => {
  it('gives byte-identical HTML, PDF and manifest when built twice', async () => {
    const again = path.join(tempDir(), 'dist');
    expect((await build({ contentDir: content, outDir: again, pdf: true })).ok).toBe(true);
    for (const file of [
      'index.html',
      'manifest.json',
      'flits/index.html',
      'flits/flits.pdf',
      'kamerbrief-flits/index.html',
      'kamerbrief-flits/kamerbrief-flits.pdf',
    ]) {
      expect(sha256(path.join(again, file)), file).toBe(sha256(path.join(out, file)));
    }
  });

  it('--only rebuilds one document and keeps the others; --no-pdf leaves the PDF out', async () => {
    const partial = path.join(tempDir(), 'dist');
    expect((await build({ contentDir: content, outDir: partial, pdf: false })).ok).toBe(true);
    const letterBefore = sha256(path.join(partial, 'kamerbrief-flits/index.html'));
    expect(existsSync(path.join(partial, 'flits/flits.pdf'))).toBe(false);
    expect((await build({ contentDir: content, outDir: partial, pdf: true, only: 'flits' })).ok).toBe(true);
    expect(existsSync(path.join(partial, 'flits/flits.pdf'))).toBe(true);
    expect(sha256(path.join(partial, 'kamerbrief-flits/index.html'))).toBe(letterBefore);
    const manifest = JSON.parse(readFileSync(path.join(partial, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.documents.map((doc) => [doc.slug, doc.pdfPages !== null])).toEqual([
      ['flits', true],
      ['kamerbrief-flits', false],
    ]);
    const landing = readFileSync(path.join(partial, 'index.html'), 'utf8');
    expect(landing).toContain('flits/flits.pdf');
    expect(landing).not.toContain('kamerbrief-flits/kamerbrief-flits.pdf');
  });
});
