/**
 * The accessibility gate: the example content passes with zero violations, and every check
 * fails on input that breaks exactly its rule. HTML fixtures are pages in
 * test/gate-fixtures/html/<rule>/; PDF fixtures are made here from a real built PDF by
 * breaking one thing with pdf-lib (or, for untagged PDFs and missing fonts, by pdf-lib itself).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import { auditHtml } from '../scripts/check/html-audit.ts';
import { pdfExpectations } from '../scripts/check/expectations.ts';
import { compileDocument } from '../scripts/core/compile-document.ts';
import { auditPdf, type PdfExpectations } from '../scripts/check/pdf-audit.ts';
import type { AccessibilityReport } from '../scripts/check/gate.ts';
import { BrowserSession } from '../scripts/render/browser.ts';
import { walkStructure } from '../scripts/pdf/structure.ts';
import { pdfCheckIds } from './helpers/pdf-checks.ts';
import { projectRoot, tempDir } from './helpers/workspace.ts';

const htmlFixtures = path.join(import.meta.dirname, 'gate-fixtures/html');
let out: string;
let result: BuildResult;
let session: BrowserSession;

beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  result = await build({ contentDir: path.join(projectRoot, 'content'), outDir: out, pdf: true, check: true });
  session = await BrowserSession.launch();
});
afterAll(async () => {
  await session?.close();
});

describe('the example content', () => {
  it('passes the gate: zero axe violations, zero failed or unchecked PDF checks', () => {
    expect(result.ok).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'toegankelijkheid/report.json'), 'utf8')) as AccessibilityReport;
    expect(report.passed).toBe(true);
    expect(report.summary).toMatchObject({ documents: 2, htmlViolations: 0, pdfFailures: 0, pdfNotChecked: 0 });
    for (const document of report.documents) {
      expect(document.pdf?.checks.map((check) => check.id)).toEqual(pdfCheckIds);
      for (const check of document.pdf!.checks) {
        expect(check.matterhorn === null || /^\d\d-\d\d\d$/.test(check.matterhorn), check.id).toBe(true);
        expect(['pass', 'not-applicable'], `${document.slug} ${check.id}: ${check.message}`).toContain(check.status);
      }
    }
    expect(report.manualChecks.length).toBeGreaterThan(10);
  });

  it('writes an accessible Dutch report page that itself passes axe', async () => {
    const page = readFileSync(path.join(out, 'toegankelijkheid/index.html'), 'utf8');
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('Handmatige controlelijst');
    expect(page).toContain('Matterhorn');
    const audit = await auditHtml(session, path.join(out, 'toegankelijkheid/index.html'), { shownFile: 'toegankelijkheid/index.html', allowedRoot: out });
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('negative HTML fixtures fail with their rule', () => {
  for (const rule of readdirSync(htmlFixtures).sort()) {
    it(rule, async () => {
      const audit = await auditHtml(session, path.join(htmlFixtures, rule, 'page.html'), { shownFile: `${rule}/page.html`, allowedRoot: htmlFixtures });
      expect(audit.status).toBe('fail');
      expect(audit.violations.map((violation) => violation.id)).toContain(rule);
    });
  }
});

/** Copy the example PDF, change it with `mutate`, and audit the result. */
async function auditMutated(mutate: (pdf: PDFDocument) => unknown, expected?: PdfExpectations) {
  const source = path.join(out, 'flits/flits.pdf');
  const pdf = await PDFDocument.load(readFileSync(source), { updateMetadata: false });
  await mutate(pdf);
  const file = path.join(tempDir(), 'mutated.pdf');
  writeFileSync(file, await pdf.save({ useObjectStreams: false }));
  return auditPdf(file, { shownFile: 'mutated.pdf', expected });
}

function renameFirst(pdf: PDFDocument, from: string, to: string) {
  let done = false;
  walkStructure(pdf, (element) => {
    if (done || element.get(PDFName.of('S')) !== PDFName.of(from)) return;
    element.set(PDFName.of('S'), PDFName.of(to));
    done = true;
  });
  expect(done, `a ${from} element to rename`).toBe(true);
}

async function failing(audit: Awaited<ReturnType<typeof auditPdf>>) {
  return audit.checks.filter((check) => check.status === 'fail').map((check) => check.id);
}

describe('negative PDF fixtures fail with their check', () => {
  it('the unmodified PDF passes (the mutations below are what fails)', async () => {
    expect(await failing(await auditMutated(() => {}))).toEqual([]);
  });

  it('an untagged PDF fails pdf-tagged and pdf-content-tagged', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Ongetagde tekst', { x: 72, y: 400, font });
    pdf.setTitle('Ongetagd');
    const file = path.join(tempDir(), 'untagged.pdf');
    writeFileSync(file, await pdf.save());
    const ids = await failing(await auditPdf(file, { shownFile: 'untagged.pdf' }));
    expect(ids).toEqual(expect.arrayContaining(['pdf-tagged', 'pdf-content-tagged', 'pdf-document-lang']));
  });

  it('a standard font that is not embedded fails pdf-fonts-embedded', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('Helvetica, niet ingesloten', { x: 72, y: 400, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const file = path.join(tempDir(), 'font.pdf');
    writeFileSync(file, await pdf.save());
    expect(await failing(await auditPdf(file, { shownFile: 'font.pdf' }))).toContain('pdf-fonts-embedded');
  });

  it('no title fails pdf-title', async () => {
    const audit = await auditMutated((pdf) => {
      pdf.setTitle('');
      const xmp = pdf.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
      const text = Buffer.from(decodePDFRawStream(xmp).decode())
        .toString('utf8')
        .replace(/<dc:title>[\s\S]*?<\/dc:title>/, '');
      pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(pdf.context.stream(text, { Type: 'Metadata', Subtype: 'XML' })));
    });
    expect(await failing(audit)).toEqual(['pdf-title']);
  });

  it("no language anywhere fails pdf-document-lang; without the catalog's only the bookmarks' is lost", async () => {
    // The bookmarks take the catalog's language only, so theirs can no longer be determined.
    expect(await failing(await auditMutated((pdf) => pdf.catalog.delete(PDFName.of('Lang'))))).toEqual(['pdf-outline-lang']);
    // Without a /Lang on the structure elements either, neither the text nor the links'
    // descriptions (Contents) have a language at all.
    const withoutAny = await auditMutated((pdf) => {
      pdf.catalog.delete(PDFName.of('Lang'));
      for (const [, object] of pdf.context.enumerateIndirectObjects())
        if (object instanceof PDFDict && object.has(PDFName.of('S'))) object.delete(PDFName.of('Lang'));
    });
    expect(await failing(withoutAny)).toEqual(['pdf-document-lang', 'pdf-outline-lang', 'pdf-annotation-lang']);
  });

  it('DisplayDocTitle false fails pdf-display-doc-title (07-002)', async () => {
    const audit = await auditMutated((pdf) =>
      pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), pdf.context.obj(false)),
    );
    expect(await failing(audit)).toEqual(['pdf-display-doc-title']);
    expect(audit.checks.find((check) => check.id === 'pdf-display-doc-title')?.matterhorn).toBe('07-002');
  });

  it('no XMP metadata fails pdf-xmp-metadata and pdf-title', async () => {
    expect(await failing(await auditMutated((pdf) => pdf.catalog.delete(PDFName.of('Metadata'))))).toEqual([
      'pdf-pdfua-identifier',
      'pdf-xmp-metadata',
      'pdf-title',
    ]);
  });

  it('a font without ToUnicode fails pdf-fonts-unicode', async () => {
    const audit = await auditMutated((pdf) => {
      for (const [, object] of pdf.context.enumerateIndirectObjects()) {
        if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font') && object.has(PDFName.of('ToUnicode'))) {
          object.delete(PDFName.of('ToUnicode'));
          return;
        }
      }
    }, {});
    // Without the mapping the headings' text can no longer be read, so their bookmarks no longer match either.
    expect(await failing(audit)).toEqual(['pdf-fonts-unicode', 'pdf-bookmarks']);
  });

  it('a figure without alt text fails pdf-figures-alt', async () => {
    expect(await failing(await auditMutated((pdf) => renameFirst(pdf, 'P', 'Figure')))).toEqual(['pdf-figures-alt']);
  });

  it('a skipped heading level fails pdf-headings-nesting (and no longer matches the HTML)', async () => {
    const dir = path.join(projectRoot, 'content/flits');
    const { document } = await compileDocument({ slug: 'flits', dir, index: path.join(dir, 'index.md') }, { assetBase: '../assets' });
    const audit = await auditMutated((pdf) => renameFirst(pdf, 'H2', 'H4'), { headings: pdfExpectations(document!.printTree).headings });
    expect(await failing(audit)).toEqual(['pdf-headings-nesting', 'pdf-headings-match-html']);
  });

  it('a table without header cells fails pdf-tables-headers', async () => {
    const audit = await auditMutated((pdf) => {
      walkStructure(pdf, (element) => {
        if (element.get(PDFName.of('S')) === PDFName.of('TH')) element.set(PDFName.of('S'), PDFName.of('TD'));
      });
    });
    expect(await failing(audit)).toEqual(['pdf-tables-headers']);
  });

  it('a list item without LBody (as Chromium tags it) fails pdf-lists-structure', async () => {
    expect(await failing(await auditMutated((pdf) => renameFirst(pdf, 'LBody', 'NonStruct')))).toEqual(['pdf-lists-structure']);
  });

  it('a link without a description fails pdf-links-contents (28-012)', async () => {
    const audit = await auditMutated((pdf) => {
      for (const page of pdf.getPages()) {
        const annots = page.node.lookup(PDFName.of('Annots'));
        if (annots instanceof PDFArray) for (const item of annots.asArray()) (pdf.context.lookup(item) as PDFDict).delete(PDFName.of('Contents'));
      }
    });
    expect(await failing(audit)).toEqual(['pdf-links-contents']);
  });

  it('a page with links whose tab order is not the structure fails pdf-annotation-tabs (28-009)', async () => {
    const audit = await auditMutated((pdf) => {
      for (const page of pdf.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('R'));
    });
    expect(await failing(audit)).toEqual(['pdf-annotation-tabs']);
    expect(audit.checks.find((check) => check.id === 'pdf-annotation-tabs')?.matterhorn).toBe('28-009');
  });

  it('no bookmarks fails pdf-bookmarks', async () => {
    expect(await failing(await auditMutated((pdf) => pdf.catalog.delete(PDFName.of('Outlines'))))).toEqual(['pdf-bookmarks']);
  });

  it('running heads that are not artifacts fail pdf-furniture-artifacts', async () => {
    const audit = await auditMutated(async (pdf) => {
      const { pageContent, setPageContent } = await import('../scripts/pdf/pages.ts');
      for (const page of pdf.getPages()) setPageContent(pdf, page, pageContent(page)!.replaceAll('/Artifact BMC', '/Span BMC'));
    }, {});
    // A Span without MCID is neither tagged nor an artifact; in the margins it is furniture too.
    expect(await failing(audit)).toEqual(['pdf-content-tagged', 'pdf-furniture-artifacts']);
  });

  it('a structure tree whose text differs from the document fails pdf-structure-text', async () => {
    const audit = await auditMutated(() => {}, { text: 'Een heel ander document.' });
    expect(await failing(audit)).toEqual(['pdf-structure-text']);
  });

  it('an unmarked language passage fails pdf-lang-passages', async () => {
    const audit = await auditMutated(() => {}, { langPassages: [{ lang: 'en', text: 'Flits is een app' }] });
    expect(await failing(audit)).toEqual(['pdf-lang-passages']);
  });

  it('a cyclic role map fails pdf-role-map-circular', async () => {
    const audit = await auditMutated((pdf) => {
      const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
      const roleMap = root.lookup(PDFName.of('RoleMap'), PDFDict);
      roleMap.set(PDFName.of('Alinea'), PDFName.of('Tekst'));
      roleMap.set(PDFName.of('Tekst'), PDFName.of('Alinea'));
    });
    expect(await failing(audit)).toEqual(['pdf-role-map-circular']);
  });

  it('suspect tags fail pdf-suspects', async () => {
    expect(
      await failing(await auditMutated((pdf) => pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).set(PDFName.of('Suspects'), pdf.context.obj(true)))),
    ).toEqual(['pdf-suspects']);
  });
});
