/**
 * A whole parliamentary publication, end to end through the real CLI, Chromium, axe, poppler
 * and qpdf: `test/fixture-publication/` holds a Kamerbrief offering two small assessments, one
 * of them still a concept with a platform's response that has a redaction.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Manifest } from '../scripts/core/manifest.ts';
import { poppler, runCli, tempDir } from './helpers/workspace.ts';

const fixture = path.join(import.meta.dirname, 'fixture-publication/content');
const epoch = { SOURCE_DATE_EPOCH: '1764028800' }; // 25 November 2025

/** Every file under `dir`, relative, sorted. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))]))
    .sort();
}

/** The text of each PDF page, in content-stream order (the watermark's letters stay together). */
function pdfPages(file: string): string[] {
  return poppler('pdftotext', ['-raw', file, '-'])
    .split('\f')
    .filter((page) => page.trim());
}

describe('a publication: a letter and two assessments, one a concept', () => {
  let root: string;
  let dist: string;
  beforeAll(() => {
    root = tempDir();
    cpSync(fixture, path.join(root, 'content'), { recursive: true });
    const built = runCli(['build', '--bundle'], root, epoch);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('3 document(en) gebouwd');
    expect(built.stderr).toMatch(/✓ publicatie +letterlijk-controle .*\(kia-beeldbox: 1 van 1 reacties letterlijk \(1 na weglakken\)\)/);
    dist = path.join(root, 'dist');
  }, 180_000);

  it('has a landing page with the publication and every document in order, with type, status, pages, sizes and responses', () => {
    const text = toText(fromHtml(readFileSync(path.join(dist, 'index.html'), 'utf8'))).replace(/\s+/g, ' ');
    expect(text).toContain('Kinderrechten Impact Assessments Klets en Beeldbox');
    expect(text).toContain('Datum 16 november 2026');
    expect(text).toContain('Afzender Ministerie van Voorbeeldzaken, Directie Digitale Samenleving Postbus 20011 2500 EA Den Haag');
    expect(text).toContain('Kamerstuk 26643, nr. 1234');
    const letter = text.indexOf('Aanbieding Kinderrechten Impact Assessments Klets en Beeldbox Brief · Definitief');
    const klets = text.indexOf('Kinderrechten Impact Assessment Klets Kinderrechten Impact Assessment · Klets · Definitief');
    const beeldbox = text.indexOf('Kinderrechten Impact Assessment Beeldbox Kinderrechten Impact Assessment · Beeldbox · Concept');
    expect(letter).toBeGreaterThan(-1);
    expect(klets).toBeGreaterThan(letter);
    expect(beeldbox).toBeGreaterThan(klets);
    expect(text).toMatch(/PDF \(1 pagina, \d+ kB\): Aanbieding/);
    const kletsPages = pdfPages(path.join(dist, 'kia-klets/kia-klets.pdf')).length;
    expect(text).toContain(`PDF (${kletsPages} pagina's,`);
    expect(text).toContain('Met de reactie van belanghebbenden: Zienswijze van Beeldbox (Beeldbox Inc., ontvangen 20 september 2026)');
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.publication?.documents).toEqual(['kamerbrief', 'kia-klets', 'kia-beeldbox']);
    expect(manifest.documents.map((document) => [document.slug, document.status, document.pdfPages])).toEqual([
      ['kamerbrief', 'definitief', 1],
      ['kia-beeldbox', 'concept', expect.any(Number)],
      ['kia-klets', 'definitief', kletsPages],
    ]);
  });

  it('marks every page of the concept, and no page of the final documents', () => {
    const concept = pdfPages(path.join(dist, 'kia-beeldbox/kia-beeldbox.pdf'));
    expect(concept.length).toBeGreaterThan(5);
    for (const [index, page] of concept.entries()) expect(page, `kia-beeldbox page ${index + 1}`).toContain('Concept · gebouwd op 25 november 2025');
    for (const slug of ['kamerbrief', 'kia-klets']) {
      for (const [index, page] of pdfPages(path.join(dist, `${slug}/${slug}.pdf`)).entries()) {
        expect(page, `${slug} page ${index + 1}`).not.toContain('Concept');
        expect(page.replace(/\s+/g, ''), `${slug} page ${index + 1}`).not.toContain('CONCEPT');
      }
    }
    expect(readFileSync(path.join(dist, 'kia-beeldbox/index.html'), 'utf8')).toContain('class="draft-banner" role="note"');
    expect(readFileSync(path.join(dist, 'kia-klets/index.html'), 'utf8')).not.toContain('draft-banner');
  });

  it('lays the letter out as a Kamerbrief, with "Pagina X van Y" on its page', () => {
    const [page] = pdfPages(path.join(dist, 'kamerbrief/kamerbrief.pdf'));
    const text = page.replace(/\s+/g, ' ');
    for (const part of [
      'Retouradres Postbus 20011 2500 EA Den Haag',
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
      'Betreft',
      'Onze referentie',
      'VBZ-2026-0311',
      'Hoogachtend,',
      'J. Voorbeeld',
      'Pagina 1 van 1',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('passes the accessibility gate for every document and the landing page', () => {
    const report = JSON.parse(readFileSync(path.join(dist, 'toegankelijkheid/report.json'), 'utf8')) as { passed: boolean };
    expect(report.passed).toBe(true);
  });

  it('withholds the redacted name and address of the response from every public artefact', () => {
    for (const file of files(dist)) {
      const bytes = readFileSync(path.join(dist, file));
      for (const withheld of ['Sanne', 'de Boer', 'deboer']) expect(bytes.includes(withheld), `${file}: ${withheld}`).toBe(false);
    }
    const pdf = path.join(dist, 'kia-beeldbox/kia-beeldbox.pdf');
    expect(poppler('pdftotext', [pdf, '-'])).not.toContain('Sanne');
    const expanded = path.join(root, 'expanded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', pdf, expanded]);
    expect(readFileSync(expanded).includes('Sanne')).toBe(false);
    expect(readFileSync(expanded).includes(Buffer.from('Sanne', 'utf16le').swap16())).toBe(false);
  });

  it('refuses --final while the concept is in it, naming it, and leaves dist/ as it was', () => {
    const before = files(dist).map((file) => [file, readFileSync(path.join(dist, file)).toString('base64')]);
    const final = runCli(['build', '--final'], root, epoch);
    expect(final.code).toBe(1);
    const lines = final.stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(lines).toContain('content/kia-beeldbox/index.md');
    expect(lines).toContain(
      '12:9 error Unexpected `status: concept` in a final build, expected `definitief` (a draft cannot go to parliament) final-concept kia-final',
    );
    expect(final.stderr).not.toContain('content/kia-klets/index.md');
    expect(files(dist).map((file) => [file, readFileSync(path.join(dist, file)).toString('base64')])).toEqual(before);
  }, 120_000);

  it('builds byte-identical output a second time with SOURCE_DATE_EPOCH', () => {
    const again = runCli(['build', '--bundle', '--out', 'dist-2'], root, epoch);
    expect(again.code, again.stderr).toBe(0);
    const second = path.join(root, 'dist-2');
    expect(files(second)).toEqual(files(dist));
    for (const file of files(dist)) expect(readFileSync(path.join(second, file)).equals(readFileSync(path.join(dist, file))), file).toBe(true);
  }, 180_000);

  describe('--bundle: the whole publication as one PDF', () => {
    const bundle = () => path.join(dist, 'publicatie/publicatie.pdf');

    it('has a cover, one table of contents whose page numbers are right, and page numbers running through', () => {
      const pages = pdfPages(bundle());
      const squashed = pages.map((page) => page.replace(/\s+/g, ' '));
      expect(squashed[0]).toContain('Publicatie aan de Tweede Kamer Kinderrechten Impact Assessments Klets en Beeldbox');
      expect(squashed[0]).toContain('Kamerstuk 26643, nr. 1234');
      expect(squashed[1]).toContain('Inhoud van deze publicatie');
      // -layout: the floated page numbers stay on their entry's line.
      const contents = poppler('pdftotext', ['-layout', '-f', '2', '-l', '2', bundle(), '-']).replace(/\s+/g, ' ');
      const entries = [
        ...contents.matchAll(
          /(Aanbieding Kinderrechten Impact Assessments Klets en Beeldbox|Kinderrechten Impact Assessment Klets|Kinderrechten Impact Assessment Beeldbox) (\d+)/g,
        ),
      ].map((match) => [match[1], Number(match[2])] as const);
      expect(entries.map(([title]) => title)).toEqual([
        'Aanbieding Kinderrechten Impact Assessments Klets en Beeldbox',
        'Kinderrechten Impact Assessment Klets',
        'Kinderrechten Impact Assessment Beeldbox',
      ]);
      for (const [title, page] of entries) expect(squashed[page - 1], `${title} on page ${page}`).toContain(title);
      // No per-document contents in the bundle: one table of contents.
      expect(squashed.filter((page) => page.includes('Inhoudsopgave'))).toEqual([]);
      // Page numbers run through the documents (covers have none: the bundle's and each assessment's).
      const covers = new Set([1, entries[1][1], entries[2][1]]);
      for (let number = 1; number <= pages.length; number++) {
        expect(squashed[number - 1].includes(`Pagina ${number} van ${pages.length}`), `page ${number}`).toBe(!covers.has(number));
      }
      // The concept's pages, and only those, carry its watermark.
      const beeldbox = entries[2][1];
      for (const [index, page] of pages.entries())
        expect(page.includes('Concept · gebouwd op 25 november 2025'), `page ${index + 1}`).toBe(index + 1 >= beeldbox);
      // Where a response's text is in the bundle, its redaction box is too, not the name.
      expect(squashed.join(' ')).toContain('onze jurist [weggelakt, 5.1.2e]');
    });

    it('has continuous bookmarks: the publication, then every document with its chapters', async () => {
      const pdf = await PDFDocument.load(readFileSync(bundle()));
      const titles = (first: PDFDict | undefined): Array<{ title: string; children: string[] }> => {
        const items = [];
        for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
          const child = item.lookupMaybe(PDFName.of('First'), PDFDict);
          items.push({ title: item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText(), children: titles(child).map((entry) => entry.title) });
        }
        return items;
      };
      const outline = titles(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookupMaybe(PDFName.of('First'), PDFDict));
      expect(outline.map((entry) => entry.title)).toEqual([
        'Kinderrechten Impact Assessments Klets en Beeldbox',
        'Aanbieding Kinderrechten Impact Assessments Klets en Beeldbox',
        'Kinderrechten Impact Assessment Klets',
        'Kinderrechten Impact Assessment Beeldbox',
      ]);
      expect(outline[2].children).toEqual(['1 Voorbereidingen', '2 Doelstelling', "3 Risico's", '4 Handelingsopties', '5 Afweging']);
      expect(outline[3].children.at(-1)).toBe('Reacties van belanghebbenden');
    });

    it('is checked by the gate, recorded in the manifest and linked from the landing page', () => {
      const report = JSON.parse(readFileSync(path.join(dist, 'toegankelijkheid/report.json'), 'utf8')) as {
        documents: Array<{ slug: string; html: unknown; pdf: { status: string; file: string } | null }>;
      };
      const entry = report.documents.find((document) => document.slug === 'publicatie');
      const page = toText(fromHtml(readFileSync(path.join(dist, 'toegankelijkheid/index.html'), 'utf8'))).replace(/\s+/g, ' ');
      expect(page).toContain('3 documenten en de hele publicatie als één PDF; 0 overtredingen in HTML');
      expect(page).toContain('Kinderrechten Impact Assessments Klets en Beeldbox (de hele publicatie in één PDF)');
      expect(entry).toMatchObject({ html: null, pdf: { status: 'pass', file: 'publicatie/publicatie.pdf' } });
      const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Manifest;
      const pages = pdfPages(bundle()).length;
      expect(manifest.bundle).toMatchObject({ path: 'publicatie/publicatie.pdf', pages, bytes: readFileSync(bundle()).length });
      const text = toText(fromHtml(readFileSync(path.join(dist, 'index.html'), 'utf8'))).replace(/\s+/g, ' ');
      expect(text).toContain(`De hele publicatie als één PDF (${pages} pagina's,`);
      const info = poppler('pdfinfo', [bundle()]);
      expect(info).toMatch(/Title: +Kinderrechten Impact Assessments Klets en Beeldbox/);
      expect(info).toMatch(/Tagged: +yes/);
    });

    it('--internal --bundle shows the withheld text and marks every page of the bundle Intern', () => {
      const internal = runCli(['build', '--internal', '--bundle', '--no-check'], root, epoch);
      expect(internal.code, internal.stderr).toBe(0);
      const pages = pdfPages(path.join(root, 'dist-intern/publicatie/publicatie.pdf'));
      for (const [index, page] of pages.entries()) expect(page, `page ${index + 1}`).toContain('INTERN — bevat weggelakte gegevens');
      expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Sanne de Boer [weglakken: 5.1.2e]');
    }, 120_000);

    it('refuses --bundle without a publication file, with --no-pdf and with --only', () => {
      const alone = tempDir();
      cpSync(path.join(fixture, 'kia-klets'), path.join(alone, 'content/kia-klets'), { recursive: true });
      const refused = runCli(['build', '--bundle', '--no-pdf'], alone, epoch);
      expect(refused.code).toBe(1);
      const lines = refused.stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
      expect(lines).toContain(
        'error Unexpected --bundle without `publication.yml` in the content folder, expected the publication file that lists the documents in order bundle-without-publication kia-bundle',
      );
      expect(lines).toContain('error Unexpected --bundle with --no-pdf, expected to build the PDFs bundle-without-pdf kia-bundle');
      const only = runCli(['build', '--bundle', '--only', 'kia-klets'], root, epoch);
      expect(only.code).toBe(1);
      expect(only.stderr).toContain('bundle-with-only');
    });
  });
});
