/**
 * Read what the accessibility checks need from a PDF: catalog entries and fonts with pdf-lib,
 * the structure tree (document order, role map applied) with pdf-lib, and the text of every
 * page with its marked-content context (tagged / artifact / neither) with pdf.js.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFDocument, type PDFObject } from 'pdf-lib';

export interface ContentRef {
  page: number;
  mcid: number;
}

export interface StructElement {
  /** The standard structure type, after the role map (`P`, `H2`, `Figure`, …). */
  role: string;
  /** The type as written, when the role map changed it. */
  rawRole?: string;
  alt?: string;
  actualText?: string;
  lang?: string;
  id?: string;
  /** First page this element has content on (1-based). */
  page?: number;
  /** `Scope` and `Headers` from the table attributes. */
  scope?: string;
  headers?: string[];
  children: Array<StructElement | ContentRef>;
  /** Object number, to point at the element in reports. */
  object?: string;
}

export interface TextRun {
  text: string;
  /** Baseline y in PDF points from the bottom of the page. */
  y: number;
  /** MCID of the innermost tagged sequence, if tagged. */
  mcid?: number;
  artifact: boolean;
}

export interface PdfFacts {
  pageCount: number;
  pageHeights: number[];
  marked: boolean;
  suspects: boolean;
  lang?: string;
  infoTitle?: string;
  xmp?: string;
  displayDocTitle?: boolean;
  fonts: Array<{ name: string; subtype: string; embedded: boolean; toUnicode: boolean; object: string }>;
  outline: Array<{ title: string; depth: number }>;
  structure?: StructElement;
  roleMapProblems: string[];
  /** Annotations with what the link checks need. */
  annotations: Array<{ page: number; subtype: string; contents?: string; structRole?: string; object: string }>;
  /** Per page (index 0 = page 1): the /Tabs entry, if any. */
  tabs: Array<string | undefined>;
  /** Per page (index 0 = page 1): text runs with their marked-content context. */
  text: TextRun[][];
}

const require = createRequire(import.meta.url);

function decodeText(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

function refKey(ref: PDFRef): string {
  return `${ref.objectNumber}R${ref.generationNumber ? ref.generationNumber : ''}`;
}

/** Read `bytes`; throws for files pdf-lib or pdf.js cannot open. */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const catalog = pdf.catalog;
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((page, index) => [refKey(page.ref), index + 1]));

  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const marked = markInfo?.get(PDFName.of('Marked')) === PDFBool.True;
  const suspects = markInfo?.get(PDFName.of('Suspects')) === PDFBool.True;
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const displayFlag = preferences?.get(PDFName.of('DisplayDocTitle'));
  const info = pdf.context.lookupMaybe(pdf.context.trailerInfo.Info, PDFDict);
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8') : undefined;

  const fonts: PdfFacts['fonts'] = [];
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '?';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // checked through their Type0 parent
    let descriptorOwner: PDFDict = object;
    if (subtype === 'Type0') {
      const descendants = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
      const first = descendants ? pdf.context.lookup(descendants.get(0)) : undefined;
      if (first instanceof PDFDict) descriptorOwner = first;
    }
    const descriptor = descriptorOwner.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = subtype === 'Type3' || Boolean(descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key))));
    fonts.push({
      name: decodeText(object.get(PDFName.of('BaseFont'))) ?? '(zonder naam)',
      subtype,
      embedded,
      toUnicode: object.has(PDFName.of('ToUnicode')) || ['WinAnsiEncoding', 'MacRomanEncoding'].includes(decodeText(object.get(PDFName.of('Encoding'))) ?? ''),
      object: `${ref.objectNumber} ${ref.generationNumber} R`,
    });
  }

  const outline: PdfFacts['outline'] = [];
  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walkOutline = (item: PDFDict | undefined, depth: number, guard: Set<PDFDict>) => {
    while (item && !guard.has(item)) {
      guard.add(item);
      outline.push({ title: decodeText(item.get(PDFName.of('Title'))) ?? '', depth });
      walkOutline(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1, guard);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  if (outlines) walkOutline(outlines.lookupMaybe(PDFName.of('First'), PDFDict), 1, new Set());

  const { structure, roleMapProblems } = readStructure(pdf, pageIndex);
  const parents = parentTree(pdf);
  const annotations: PdfFacts['annotations'] = [];
  pages.forEach((page, index) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (const item of annots.asArray()) {
      const annot = pdf.context.lookup(item);
      if (!(annot instanceof PDFDict)) continue;
      const structParent = annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      const parent = structParent === undefined ? undefined : parents.get(structParent);
      annotations.push({
        page: index + 1,
        subtype: decodeText(annot.get(PDFName.of('Subtype'))) ?? '?',
        contents: decodeText(annot.get(PDFName.of('Contents'))),
        structRole: parent ? decodeText(parent.get(PDFName.of('S'))) : undefined,
        object: item instanceof PDFRef ? `${item.objectNumber} ${item.generationNumber} R` : '(direct)',
      });
    }
  });
  const text = await readText(bytes);
  return {
    pageCount: pages.length,
    pageHeights: pages.map((page) => page.getHeight()),
    marked,
    suspects,
    lang: decodeText(catalog.get(PDFName.of('Lang'))),
    infoTitle: info ? decodeText(info.get(PDFName.of('Title'))) : undefined,
    xmp,
    displayDocTitle: displayFlag === undefined ? undefined : displayFlag === PDFBool.True,
    fonts,
    outline,
    structure,
    roleMapProblems,
    annotations,
    tabs: pages.map((page) => decodeText(page.node.get(PDFName.of('Tabs')))),
    text,
  };
}

/** The parent tree (number tree) as a map from StructParent(s) key to the structure element. */
function parentTree(pdf: PDFDocument): Map<number, PDFDict> {
  const result = new Map<number, PDFDict>();
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const walkNode = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const nums = node.lookup(PDFName.of('Nums'));
    if (nums instanceof PDFArray) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = nums.lookup(index);
        const value = pdf.context.lookup(nums.get(index + 1));
        if (key instanceof PDFNumber && value instanceof PDFDict) result.set(key.asNumber(), value);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walkNode(pdf.context.lookup(kid) as PDFDict | undefined, depth + 1);
  };
  walkNode(root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 0);
  return result;
}

const standardTypes = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

function readStructure(pdf: PDFDocument, pageIndex: Map<string, number>): { structure?: StructElement; roleMapProblems: string[] } {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { roleMapProblems: [] };
  const roleMap = new Map<string, string>();
  const map = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  for (const [key, value] of map?.entries() ?? []) if (value instanceof PDFName) roleMap.set(key.decodeText(), value.decodeText());
  const roleMapProblems: string[] = [];
  for (const [from] of roleMap) {
    if (standardTypes.has(from)) roleMapProblems.push(`standaardtype ${from} is omgeleid naar ${roleMap.get(from)}`);
    const seen = new Set([from]);
    let current = roleMap.get(from);
    while (current && !standardTypes.has(current)) {
      if (seen.has(current)) {
        roleMapProblems.push(`kringverwijzing in de rolverwijzing vanaf ${from}`);
        break;
      }
      seen.add(current);
      current = roleMap.get(current);
    }
    if (current === undefined) roleMapProblems.push(`${from} verwijst niet naar een standaardtype`);
  }
  const resolve = (role: string) => {
    let current = role;
    const seen = new Set<string>();
    while (!standardTypes.has(current) && roleMap.has(current) && !seen.has(current)) {
      seen.add(current);
      current = roleMap.get(current)!;
    }
    return current;
  };

  const visited = new Set<PDFDict>();
  const element = (dict: PDFDict, ref: PDFRef | undefined, inheritedPage: number | undefined): StructElement => {
    visited.add(dict);
    const rawRole = dict === root ? 'StructTreeRoot' : (decodeText(dict.get(PDFName.of('S'))) ?? '');
    const pg = dict.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? (pageIndex.get(refKey(pg)) ?? inheritedPage) : inheritedPage;
    const result: StructElement = { role: dict === root ? rawRole : resolve(rawRole), children: [], page, object: ref ? `${ref.objectNumber} ${ref.generationNumber} R` : undefined };
    if (result.role !== rawRole) result.rawRole = rawRole;
    result.alt = decodeText(dict.get(PDFName.of('Alt')));
    result.actualText = decodeText(dict.get(PDFName.of('ActualText')));
    result.lang = decodeText(dict.get(PDFName.of('Lang')));
    result.id = decodeText(dict.get(PDFName.of('ID')));
    const attributes = dict.lookup(PDFName.of('A'));
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray().map((item) => pdf.context.lookup(item)) : [attributes]) {
      if (!(attribute instanceof PDFDict)) continue;
      const scope = decodeText(attribute.get(PDFName.of('Scope')));
      if (scope) result.scope = scope;
      const headers = attribute.lookup(PDFName.of('Headers'));
      if (headers instanceof PDFArray) result.headers = headers.asArray().map((header) => decodeText(header) ?? '');
    }
    const kids = dict.get(PDFName.of('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
      if (kid instanceof PDFNumber) {
        if (page) result.children.push({ page, mcid: kid.asNumber() });
        continue;
      }
      const kidRef = kid instanceof PDFRef ? kid : undefined;
      const value = kidRef ? pdf.context.lookup(kidRef) : kid;
      if (!(value instanceof PDFDict) || visited.has(value)) continue;
      const type = decodeText(value.get(PDFName.of('Type')));
      if (type === 'MCR') {
        const mcrPage = value.get(PDFName.of('Pg'));
        const mcid = value.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
        const at = mcrPage instanceof PDFRef ? pageIndex.get(refKey(mcrPage)) : page;
        if (mcid !== undefined && at) result.children.push({ page: at, mcid });
      } else if (type === 'OBJR') {
        continue;
      } else if (value.has(PDFName.of('S'))) {
        result.children.push(element(value, kidRef, page));
      }
    }
    if (!result.page) result.page = result.children.map((child) => child.page).find(Boolean);
    return result;
  };
  return { structure: element(root, undefined, undefined), roleMapProblems };
}

async function readText(bytes: Uint8Array): Promise<TextRun[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep).href;
  const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: TextRun[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const runs: TextRun[] = [];
      const stack: Array<{ mcid?: number; artifact: boolean }> = [];
      for (const item of content.items as Array<Record<string, unknown>>) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          const id = typeof item.id === 'string' ? /_mc(\d+)$/.exec(item.id) : null;
          stack.push({ mcid: id ? Number(id[1]) : undefined, artifact: item.tag === 'Artifact' });
          continue;
        }
        if (item.type === 'endMarkedContent') {
          stack.pop();
          continue;
        }
        if (typeof item.str !== 'string' || item.str === '') continue;
        const tagged = [...stack].reverse().find((entry) => entry.mcid !== undefined);
        runs.push({ text: item.str, y: (item.transform as number[])[5], mcid: tagged?.mcid, artifact: stack.some((entry) => entry.artifact) });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
