/**
 * The PDF check corpus: small PDFs made here with pdf-lib, one that passes every check and,
 * per check, variants that break (or legitimately vary) exactly one thing, with the verdict,
 * clause and Matterhorn condition each must get. These run on PDFs as `kia audit` sees them:
 * no HTML to compare with.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfRules, runChecks, type PdfCheck } from '../scripts/check/pdf-audit.ts';
import { readPdfFacts } from '../scripts/pdf/read.ts';
import { pdfCheckIds } from './helpers/pdf-checks.ts';
import { passingSpec, tinyPdf, xmp, type TinyNode, type TinySpec } from './helpers/tiny-pdf.ts';
import { tempDir } from './helpers/workspace.ts';

async function checksOf(spec: TinySpec): Promise<Map<string, PdfCheck>> {
  const checks = runChecks(await readPdfFacts(await tinyPdf(spec)));
  return new Map(checks.map((check) => [check.id, check]));
}

/** The passing spec with `change` applied to a fresh copy. */
function variant(change: (spec: TinySpec, root: TinyNode) => void): TinySpec {
  const spec = passingSpec();
  change(spec, spec.structure!);
  return spec;
}

const find = (root: TinyNode, type: string): TinyNode => {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (node.type === type) return node;
    stack.push(...(node.kids ?? []));
  }
  throw new Error(`no ${type} in the spec`);
};

const tagged = (line: string, mcid = 0) => `/P <</MCID ${mcid}>> BDC ${line} EMC`;
const text = 'BT /F1 12 Tf 72 700 Td (Tekst) Tj ET';

describe('the passing corpus PDF', () => {
  it('passes every check that applies; only the layout and HTML comparisons are left', async () => {
    const checks = await checksOf(passingSpec());
    expect([...checks.keys()]).toEqual(pdfCheckIds);
    const verdicts = Object.fromEntries([...checks].map(([id, check]) => [id, check.status]));
    expect(verdicts).toEqual({
      ...Object.fromEntries(pdfCheckIds.map((id) => [id, 'pass'])),
      'pdf-formulas-alt': 'not-applicable',
      'pdf-furniture-artifacts': 'not-checked',
      'pdf-headings-match-html': 'not-applicable',
      'pdf-structure-text': 'not-applicable',
      'pdf-lang-passages': 'not-applicable',
      // Nothing of theirs in this file: no annotations other than its link, no forms, media,
      // attachments, optional content, table of contents or composite fonts; a simple standard
      // font without CharSet or Widths to compare with a font program.
      ...Object.fromEntries(
        [
          'pdf-annotations-described',
          'pdf-cid-system-info',
          'pdf-cid-to-gid-map',
          'pdf-cmaps',
          'pdf-embedded-files',
          'pdf-file-attachments',
          'pdf-font-charset',
          'pdf-font-cidset',
          'pdf-font-widths',
          'pdf-form-fields-described',
          'pdf-media-clips',
          'pdf-optional-content',
          'pdf-printer-marks',
          'pdf-toc-structure',
          'pdf-tounicode-values',
          'pdf-widgets-in-form',
          'pdf-xfa',
        ].map((id) => [id, 'not-applicable']),
      ),
    });
  });
});

interface Case {
  name: string;
  spec: () => TinySpec;
  check: string;
  status: PdfCheck['status'];
  clause?: string;
  matterhorn?: string | null;
  /** Text the first failure detail must contain. */
  detail?: string;
}

const cases: Case[] = [
  // 5: identification
  {
    name: 'XMP without pdfuaid:part',
    spec: () => variant((spec) => (spec.xmp = xmp({ part: null }))),
    check: 'pdf-pdfua-identifier',
    status: 'fail',
    clause: '5',
    matterhorn: '06-002',
  },
  {
    name: 'pdfuaid:part 2',
    spec: () => variant((spec) => (spec.xmp = xmp({ part: '2' }))),
    check: 'pdf-pdfua-identifier',
    status: 'fail',
    detail: 'pdfuaid:part is 2',
  },
  // 7.1: tagging and metadata
  { name: 'MarkInfo missing', spec: () => variant((spec) => (spec.marked = false)), check: 'pdf-tagged', status: 'fail', clause: '7.1' },
  { name: 'no structure tree', spec: () => variant((spec) => (spec.structure = null)), check: 'pdf-tagged', status: 'fail', detail: 'StructTreeRoot' },
  { name: 'Suspects true', spec: () => variant((spec) => (spec.suspects = true)), check: 'pdf-suspects', status: 'fail', matterhorn: '01-007' },
  { name: 'no XMP metadata', spec: () => variant((spec) => (spec.xmp = null)), check: 'pdf-xmp-metadata', status: 'fail', matterhorn: '06-001' },
  { name: 'XMP without dc:title', spec: () => variant((spec) => (spec.xmp = xmp({ title: '' }))), check: 'pdf-title', status: 'fail', matterhorn: '06-003' },
  {
    name: 'no DisplayDocTitle',
    spec: () => variant((spec) => (spec.displayDocTitle = null)),
    check: 'pdf-display-doc-title',
    status: 'fail',
    matterhorn: '07-001',
  },
  {
    name: 'DisplayDocTitle false',
    spec: () => variant((spec) => (spec.displayDocTitle = false)),
    check: 'pdf-display-doc-title',
    status: 'fail',
    matterhorn: '07-002',
  },
  // 7.2: language
  {
    name: 'no document language',
    spec: () => variant((spec) => (spec.lang = null)),
    check: 'pdf-document-lang',
    status: 'fail',
    clause: '7.2',
    matterhorn: '11-001',
  },
  {
    name: 'an invalid language tag',
    spec: () => variant((spec) => (spec.lang = 'Nederlands (NL)')),
    check: 'pdf-document-lang',
    status: 'fail',
    detail: 'ongeldige taalcode',
  },
  {
    name: 'bookmarks without a document language',
    spec: () => variant((spec) => (spec.lang = null)),
    check: 'pdf-outline-lang',
    status: 'fail',
    matterhorn: '11-003',
  },
  {
    name: 'no bookmarks, no language',
    spec: () => variant((spec) => ((spec.lang = null), (spec.outline = []))),
    check: 'pdf-outline-lang',
    status: 'not-applicable',
  },
  {
    name: 'an annotation text without any language',
    spec: () => variant((spec) => (spec.lang = null)),
    check: 'pdf-annotation-lang',
    status: 'fail',
    matterhorn: '11-004',
  },
  {
    name: 'an annotation text with the language of its element',
    spec: () => variant((spec, root) => ((spec.lang = null), (find(root, 'Link').lang = 'nl'))),
    check: 'pdf-annotation-lang',
    status: 'pass',
  },
  // 7.1: role map and parents
  {
    name: 'a non-standard type without mapping',
    spec: () => variant((_, root) => (find(root, 'P').type = 'Alinea')),
    check: 'pdf-role-map-terminates',
    status: 'fail',
    matterhorn: '02-001',
    detail: 'Alinea',
  },
  {
    name: 'a non-standard type mapped to P',
    spec: () => variant((spec, root) => ((find(root, 'P').type = 'Alinea'), (spec.roleMap = { Alinea: 'P' }))),
    check: 'pdf-role-map-terminates',
    status: 'pass',
  },
  {
    name: 'a mapping that ends at a non-standard type',
    spec: () => variant((spec) => (spec.roleMap = { Alinea: 'Tekstblok' })),
    check: 'pdf-role-map-terminates',
    status: 'fail',
    detail: 'Alinea → Tekstblok',
  },
  {
    name: 'a circular mapping',
    spec: () => variant((spec) => (spec.roleMap = { Alinea: 'Tekst', Tekst: 'Alinea' })),
    check: 'pdf-role-map-circular',
    status: 'fail',
    matterhorn: '02-002',
  },
  {
    name: 'a standard type remapped',
    spec: () => variant((spec) => (spec.roleMap = { P: 'Span' })),
    check: 'pdf-role-map-standard',
    status: 'fail',
    matterhorn: '02-003',
  },
  {
    name: 'an element without /P',
    spec: () => variant((_, root) => (find(root, 'H1').parent = 'missing')),
    check: 'pdf-struct-parents',
    status: 'fail',
    detail: 'geen /P',
  },
  {
    name: 'an element whose /P is another element',
    spec: () => variant((_, root) => (find(root, 'TD').parent = 'wrong')),
    check: 'pdf-struct-parents',
    status: 'fail',
    detail: 'ander element',
  },
  // 7.2: tables and lists
  {
    name: 'a TD directly in a Table',
    spec: () => variant((_, root) => find(root, 'Table').kids!.push({ type: 'TD', mcid: 20, text: 'los' })),
    check: 'pdf-tables-structure',
    status: 'fail',
    matterhorn: '09-004',
  },
  {
    name: 'a Caption between rows',
    spec: () => variant((_, root) => find(root, 'Table').kids!.splice(1, 0, { type: 'Caption', mcid: 20, text: 'Tabel 1' })),
    check: 'pdf-tables-structure',
    status: 'fail',
    detail: 'Caption',
  },
  {
    name: 'a Caption first, rows in THead and TBody',
    spec: () =>
      variant((_, root) => {
        const table = find(root, 'Table');
        table.kids = [
          { type: 'Caption', mcid: 20, text: 'Tabel 1' },
          { type: 'THead', kids: [table.kids![0]] },
          { type: 'TBody', kids: [table.kids![1]] },
        ];
      }),
    check: 'pdf-tables-structure',
    status: 'pass',
  },
  {
    name: 'a P in a list item',
    spec: () => variant((_, root) => (find(root, 'LBody').type = 'P')),
    check: 'pdf-lists-structure',
    status: 'fail',
    matterhorn: '09-005',
  },
  {
    name: 'an LI outside a list',
    spec: () => variant((_, root) => root.kids!.push({ type: 'LI', kids: [{ type: 'LBody', mcid: 20, text: 'los' }] })),
    check: 'pdf-lists-structure',
    status: 'fail',
    detail: 'LI buiten een lijst',
  },
  // 7.3 and 7.7
  {
    name: 'a Figure without Alt',
    spec: () => variant((_, root) => delete find(root, 'Figure').alt),
    check: 'pdf-figures-alt',
    status: 'fail',
    clause: '7.3',
    matterhorn: '13-004',
  },
  {
    name: 'a Figure with ActualText instead of Alt',
    spec: () =>
      variant((_, root) => {
        const figure = find(root, 'Figure');
        delete figure.alt;
        figure.actualText = 'Grafiek';
      }),
    check: 'pdf-figures-alt',
    status: 'pass',
  },
  {
    name: 'a Formula without Alt',
    spec: () => variant((_, root) => root.kids!.push({ type: 'Formula', mcid: 20, text: 'E=mc2' })),
    check: 'pdf-formulas-alt',
    status: 'fail',
    clause: '7.7',
    matterhorn: '17-002',
  },
  {
    name: 'a Formula with Alt',
    spec: () => variant((_, root) => root.kids!.push({ type: 'Formula', mcid: 20, text: 'E=mc2', alt: 'E is m c kwadraat' })),
    check: 'pdf-formulas-alt',
    status: 'pass',
  },
  // 7.4 headings
  {
    name: 'H2 followed by H4',
    spec: () => variant((_, root) => (root.kids![root.kids!.length - 1].type = 'H4')),
    check: 'pdf-headings-nesting',
    status: 'fail',
    clause: '7.4.2',
    matterhorn: '14-003',
  },
  {
    name: 'a first heading that is not H1',
    spec: () => variant((_, root) => (find(root, 'H1').type = 'H2')),
    check: 'pdf-headings-nesting',
    status: 'fail',
    matterhorn: '14-002',
  },
  {
    name: 'H mixed with H1–H6',
    spec: () => variant((_, root) => root.kids!.push({ type: 'H', mcid: 20, text: 'Los' })),
    check: 'pdf-headings-kind',
    status: 'fail',
    clause: '7.4.4',
    matterhorn: '14-007',
  },
  {
    name: 'two H children of one element',
    spec: () =>
      variant((_, root) => {
        for (const heading of root.kids!) if (/^H\d$/.test(heading.type)) heading.type = 'H';
      }),
    check: 'pdf-headings-kind',
    status: 'fail',
    matterhorn: '14-006',
  },
  // 7.5 table headers
  {
    name: 'a TH without Scope',
    spec: () => variant((_, root) => delete find(root, 'TH').scope),
    check: 'pdf-tables-headers',
    status: 'fail',
    clause: '7.5',
    matterhorn: '15-003',
  },
  {
    name: 'a table without TH',
    spec: () => variant((_, root) => (find(root, 'TH').type = 'TD')),
    check: 'pdf-tables-headers',
    status: 'fail',
    detail: 'zonder TH',
  },
  // 7.9 notes
  {
    name: 'a Note without ID',
    spec: () => variant((_, root) => delete find(root, 'Note').id),
    check: 'pdf-notes-id',
    status: 'fail',
    clause: '7.9',
    matterhorn: '19-003',
  },
  {
    name: 'two Notes with one ID',
    spec: () => variant((_, root) => root.kids!.push({ type: 'Note', id: 'noot-1', mcid: 20, text: '2 Bron' })),
    check: 'pdf-notes-id',
    status: 'fail',
    matterhorn: '19-004',
  },
  // 7.1: content streams
  {
    name: 'text outside tagged content and artifacts',
    spec: () => variant((spec) => (spec.content = `${tagged(text)}\n${text}`)),
    check: 'pdf-content-tagged',
    status: 'fail',
    matterhorn: '01-005',
    detail: 'tekst',
  },
  {
    name: 'a filled path outside tagged content and artifacts',
    spec: () => variant((spec) => (spec.content = `${tagged(text)}\n0 0 100 10 re f`)),
    check: 'pdf-content-tagged',
    status: 'fail',
    detail: 'lijn of vlak',
  },
  {
    name: 'a form XObject with untagged text, drawn outside tagged content',
    spec: () => variant((spec) => ((spec.forms = { Fm1: text }), (spec.content = `${tagged(text)}\n/Fm1 Do`))),
    check: 'pdf-content-tagged',
    status: 'fail',
    detail: 'formulier-XObject',
  },
  {
    name: 'the same form XObject drawn inside tagged content',
    spec: () => variant((spec) => ((spec.forms = { Fm1: text }), (spec.content = tagged('/Fm1 Do')))),
    check: 'pdf-content-tagged',
    status: 'pass',
  },
  {
    name: 'an artifact inside tagged content',
    spec: () => variant((spec) => (spec.content = tagged(`/Artifact BMC ${text} EMC`))),
    check: 'pdf-artifact-in-tagged',
    status: 'fail',
    matterhorn: '01-003',
  },
  {
    name: 'tagged content inside an artifact',
    spec: () => variant((spec) => (spec.content = `/Artifact BMC ${tagged(text)} EMC`)),
    check: 'pdf-tagged-in-artifact',
    status: 'fail',
    matterhorn: '01-004',
  },
  // 7.18 annotations
  {
    name: 'a Text annotation outside the structure',
    spec: () => variant((spec) => (spec.looseAnnotations = [{ subtype: 'Text', contents: 'Opmerking' }])),
    check: 'pdf-annotations-tagged',
    status: 'fail',
    clause: '7.18.1',
    matterhorn: '28-002',
  },
  {
    name: 'a Text annotation in an Annot element',
    spec: () => variant((_, root) => root.kids!.push({ type: 'Annot', annotation: { subtype: 'Text', contents: 'Opmerking' } })),
    check: 'pdf-annotations-tagged',
    status: 'pass',
  },
  {
    name: 'a page with annotations without Tabs',
    spec: () => variant((spec) => (spec.tabs = null)),
    check: 'pdf-annotation-tabs',
    status: 'fail',
    clause: '7.18.3',
    matterhorn: '28-008',
  },
  {
    name: 'a page with annotations and Tabs /R',
    spec: () => variant((spec) => (spec.tabs = 'R')),
    check: 'pdf-annotation-tabs',
    status: 'fail',
    matterhorn: '28-009',
  },
  {
    name: 'a link annotation in a Span',
    spec: () => variant((_, root) => (find(root, 'Link').type = 'Span')),
    check: 'pdf-links-tagged',
    status: 'fail',
    clause: '7.18.5',
    matterhorn: '28-011',
  },
  {
    name: 'a link annotation outside the structure',
    spec: () => variant((spec) => (spec.looseAnnotations = [{ subtype: 'Link', contents: 'Link' }])),
    check: 'pdf-links-tagged',
    status: 'fail',
    detail: 'niet in de structuurboom',
  },
  {
    name: 'a link without Contents',
    spec: () => variant((_, root) => delete find(root, 'Link').annotation!.contents),
    check: 'pdf-links-contents',
    status: 'fail',
    clause: '7.18.5',
    matterhorn: '28-012',
  },
  // 7.21 fonts
  {
    name: 'a font that is not embedded',
    spec: () => variant((spec) => (spec.font = 'not-embedded')),
    check: 'pdf-fonts-embedded',
    status: 'fail',
    clause: '7.21.4.1',
    matterhorn: '31-009',
    detail: 'Helvetica',
  },
  {
    name: 'a font without ToUnicode or standard encoding',
    spec: () => variant((spec) => (spec.font = 'no-unicode')),
    check: 'pdf-fonts-unicode',
    status: 'fail',
    clause: '7.21.7',
    matterhorn: '31-027',
  },
  // navigation
  { name: 'chapters without bookmarks', spec: () => variant((spec) => (spec.outline = [])), check: 'pdf-bookmarks', status: 'fail' },
];

describe('each check on its corpus variants', () => {
  for (const testCase of cases) {
    it(`${testCase.check}: ${testCase.name} → ${testCase.status}`, async () => {
      const check = (await checksOf(testCase.spec())).get(testCase.check)!;
      expect(check.status, check.message).toBe(testCase.status);
      if (testCase.clause) expect(check.clause).toBe(testCase.clause);
      if (testCase.matterhorn !== undefined) expect(check.matterhorn).toBe(testCase.matterhorn);
      if (testCase.detail) expect(check.details.map((detail) => detail.text).join(' | ')).toContain(testCase.detail);
      if (testCase.status === 'fail') expect(check.failures).toBeGreaterThan(0);
    });
  }

  it('every check has at least one failing variant', () => {
    const covered = new Set(cases.filter((testCase) => testCase.status === 'fail').map((testCase) => testCase.check));
    const comparisons = ['pdf-furniture-artifacts', 'pdf-headings-match-html', 'pdf-structure-text', 'pdf-lang-passages']; // need our layout or HTML: test/gate.test.ts
    // Checks that implement a veraPDF rule fail on that corpus's own files: test/conformance.test.ts.
    const units = pdfRules.filter((rule) => rule.rules.length > 0).map((rule) => rule.id);
    expect(pdfCheckIds.filter((id) => !covered.has(id) && !comparisons.includes(id) && !units.includes(id))).toEqual([]);
  });

  it('a failure names its page and object', async () => {
    const check = (await checksOf(variant((_, root) => delete find(root, 'Figure').alt))).get('pdf-figures-alt')!;
    expect(check.page).toBe(1);
    expect(check.object).toMatch(/^\d+ 0 R$/);
  });
});

describe('the same checks on other file layouts', () => {
  const verdicts = (checks: Map<string, PdfCheck>) => Object.fromEntries([...checks].map(([id, check]) => [id, check.status]));
  const checksOfBytes = async (bytes: Uint8Array) => new Map(runChecks(await readPdfFacts(bytes)).map((check) => [check.id, check]));

  it('object streams and a cross-reference stream (rewritten by qpdf) give the same verdicts', async () => {
    const dir = tempDir();
    const plain = await tinyPdf(passingSpec());
    writeFileSync(path.join(dir, 'plain.pdf'), plain);
    execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', path.join(dir, 'plain.pdf'), path.join(dir, 'packed.pdf')]);
    const packed = new Uint8Array(readFileSync(path.join(dir, 'packed.pdf')));
    expect(Buffer.from(packed).toString('latin1')).toContain('/ObjStm');
    expect(verdicts(await checksOfBytes(packed))).toEqual(verdicts(await checksOf(passingSpec())));
  });

  it('an incremental update is read as the latest revision', async () => {
    const original = await tinyPdf(passingSpec());
    const pdf = await PDFDocument.load(original);
    const catalogRef = pdf.context.trailerInfo.Root as PDFRef;
    const catalog = pdf.catalog.clone();
    catalog.delete(PDFName.of('Lang'));
    const text = Buffer.from(original).toString('latin1');
    const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const objectOffset = original.length + 1;
    const object = `${catalogRef.objectNumber} 0 obj\n${catalog.toString()}\nendobj\n`;
    const xrefOffset = objectOffset + object.length;
    const update = `\n${object}xref\n0 1\n0000000000 65535 f \n${catalogRef.objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${pdf.context.largestObjectNumber + 1} /Root ${catalogRef.objectNumber} 0 R /Prev ${previous} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    const updated = new Uint8Array(Buffer.concat([Buffer.from(original), Buffer.from(update, 'latin1')]));
    const checks = await checksOfBytes(updated);
    expect(checks.get('pdf-document-lang')?.status).toBe('fail');
    expect(checks.get('pdf-figures-alt')?.status).toBe('pass');
  });
});
