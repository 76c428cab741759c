/**
 * Read what the accessibility checks need from a PDF, from any producer.
 *
 * pdf-lib parses the file (classic and cross-reference-stream xref tables, object streams,
 * incremental updates) and gives us the objects: catalog, fonts, outline, annotations and the
 * structure tree (document order, role map applied). Page content streams are decoded and read
 * by our own operator scanner (`content-stream.ts`) for the marked-content checks: that needs
 * every painting operator with its BMC/BDC nesting, which pdf.js does not expose, and it is
 * about ten times faster than pdf.js's text extraction. pdf.js is used only when the laid-out
 * text itself is needed (`text: true`, the build's comparisons with the HTML), because it
 * decodes every font encoding correctly.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  PDFDocument,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { readPdfPages, type TextRun } from './text.ts';
import { checkMarkedContent, type ContentResolver, type MarkedContentFindings } from './content-stream.ts';
import { contentStreams, decodeStream } from './pages.ts';
import { loadPdfjs } from './pdfjs.ts';

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
  /** `RowSpan` and `ColSpan` from the table attributes, when given. */
  rowSpan?: number;
  colSpan?: number;
  children: Array<StructElement | ContentRef>;
  /** Object number, to point at the element in reports. */
  object?: string;
  /** The element's `/P` is missing or is not the element it hangs under. */
  wrongParent?: 'missing' | 'other';
}

/** Whether a child in the structure tree is marked content rather than an element. */
export function isContent(child: StructElement | ContentRef): child is ContentRef {
  return 'mcid' in child;
}

/** The child elements of a structure element (its marked content left out). */
export function kids(element: StructElement): StructElement[] {
  return element.children.filter((child): child is StructElement => !isContent(child));
}

/** Visit `element` and its descendants with their parent; `false` from `visit` skips an element's subtree. */
export function walk(element: StructElement, visit: (element: StructElement, parent: StructElement | undefined) => boolean | void, parent?: StructElement) {
  if (visit(element, parent) === false) return;
  for (const child of kids(element)) walk(child, visit, element);
}

/** What is wrong with the structure tree's role map (ISO 14289-1 7.1). */
export interface RoleMapFindings {
  /** Entries whose chain of mappings does not end at a standard type. */
  unterminated: string[];
  /** Entries that map around in a circle. */
  circular: string[];
  /** Standard types that are mapped to something else. */
  standardRemapped: string[];
}

export interface PdfFacts {
  /** The parsed file, for the checks that read dictionaries the facts below do not gather. */
  document: PDFDocument;
  pageCount: number;
  pageHeights: number[];
  marked: boolean;
  suspects: boolean;
  lang?: string;
  xmp?: string;
  displayDocTitle?: boolean;
  /** `used`: drawn by some text in a visible rendering mode (page, form XObject or annotation appearance), the fonts ISO 14289-1 7.21 is about. */
  fonts: Array<{ name: string; subtype: string; embedded: boolean; toUnicode: boolean; object: string; used: boolean; codes?: number[] }>;
  outline: Array<{ title: string; depth: number }>;
  structure?: StructElement;
  roleMap: RoleMapFindings;
  /** Annotations with what the link checks need; `dict` and the enclosing `structElement` for the checks that read more. */
  annotations: Array<{
    page: number;
    subtype: string;
    contents?: string;
    structRole?: string;
    structLang?: string;
    object: string;
    dict: PDFDict;
    structElement?: PDFDict;
  }>;
  /** A structure type through the role map (`Link1` → `Link`). */
  resolveRole(role: string): string;
  /** Form XObjects whose content has MCIDs and that are drawn more than once (their content cannot belong to one structure element). */
  reusedTaggedForms: Array<{ object: string; times: number }>;
  /** Per page (index 0 = page 1): the /Tabs entry, if any. */
  tabs: Array<string | undefined>;
  /** Per page (index 0 = page 1): what the marked-content checks found in its content streams. */
  content: Array<MarkedContentFindings & { error?: string }>;
  /** Per page (index 0 = page 1): text runs with their marked-content context; only with `text: true`. */
  text?: TextRun[][];
}

/** Why a file could not be read at all. */
export class PdfReadError extends Error {
  constructor(
    readonly reason: 'not-pdf' | 'damaged' | 'password' | 'encrypted',
    message: string,
  ) {
    super(message);
  }
}

function decodeText(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

/** How reports name an object: `12 0 R`. */
export function objectLabel(ref: PDFRef): string {
  return `${ref.objectNumber} ${ref.generationNumber} R`;
}

function refKey(ref: PDFRef): string {
  return `${ref.objectNumber}R${ref.generationNumber ? ref.generationNumber : ''}`;
}

/** Read `bytes`; throws a `PdfReadError` (in Dutch) for files that cannot be checked. */
export async function readPdfFacts(bytes: Uint8Array, options: { text?: boolean | TextRun[][] } = {}): Promise<PdfFacts> {
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!header.includes('%PDF-')) throw new PdfReadError('not-pdf', 'Geen PDF: het bestand begint niet met %PDF-.');
  let pdf: PDFDocument;
  let pages: PDFPage[];
  // pdf-lib skips damaged objects it can recover from and says so only through console.warn;
  // keep that out of the terminal (it is not ours to print) while the file is parsed.
  // biome-ignore lint/suspicious/noConsole: takes pdf-lib's warnings out of the terminal; prints nothing
  const warn = console.warn;
  console.warn = () => {};
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false, parseSpeed: Number.POSITIVE_INFINITY });
    pages = pdf.getPages();
  } catch (error) {
    throw new PdfReadError('damaged', `Beschadigde PDF: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    console.warn = warn;
  }
  if (pages.length === 0) throw new PdfReadError('damaged', 'Beschadigde PDF: geen pagina’s gevonden (kapotte kruisverwijzingstabel of paginaboom).');
  if (pdf.context.trailerInfo.Encrypt !== undefined) await refuseEncrypted(bytes);
  const catalog = pdf.catalog;
  const pageIndex = new Map(pages.map((page, index) => [refKey(page.ref), index + 1]));

  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const marked = markInfo?.get(PDFName.of('Marked')) === PDFBool.True;
  const suspects = markInfo?.get(PDFName.of('Suspects')) === PDFBool.True;
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const displayFlag = preferences?.get(PDFName.of('DisplayDocTitle'));
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
      toUnicode:
        object.has(PDFName.of('ToUnicode')) ||
        ['WinAnsiEncoding', 'MacRomanEncoding'].includes(decodeText(object.get(PDFName.of('Encoding'))) ?? '') ||
        predefinedUnicodeCMap(object, descriptorOwner),
      object: objectLabel(ref),
      used: true,
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

  const { structure, roleMap, resolveRole } = readStructure(pdf, pageIndex);
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
        contents: decodeText(annot.lookup(PDFName.of('Contents'))), // may be an indirect string
        // Through the role map: a `Link1` mapped to `Link` is a Link (ISO 14289-1 7.18.5).
        structRole: parent ? resolveRole(decodeText(parent.get(PDFName.of('S'))) ?? '') : undefined,
        structLang: parent ? inheritedLang(parent) : undefined,
        object: item instanceof PDFRef ? objectLabel(item) : '(direct)',
        dict: annot,
        structElement: parent,
      });
    }
  });
  // Form XObjects read once for the whole file, and how often each is drawn.
  const forms = new Map<PDFObject, string | null>();
  const drawn: DrawnForms = new Map();
  const content = pages.map((page) => readPageContent(pdf, page, forms, drawn));
  const reusedTaggedForms = [...drawn.entries()]
    .filter(([stream, { times }]) => times > 1 && /\/MCID\s+\d/.test(forms.get(stream) ?? ''))
    .map(([, { object, times }]) => ({ object, times }));
  // Which fonts render text: pages and their form XObjects, and annotation appearances. When
  // any content could not be read, every font counts as used.
  if (content.every((page) => !page.error)) {
    const used = new Set(content.flatMap((page) => page.fonts));
    for (const annotation of annotations) for (const font of appearanceFonts(pdf, annotation.dict)) used.add(font);
    const codes = new Map<string, Set<number>>();
    for (const page of content) for (const [font, shown] of page.codes) codes.set(font, new Set([...(codes.get(font) ?? []), ...shown]));
    for (const font of fonts) {
      font.used = used.has(font.object);
      const shown = codes.get(font.object);
      if (shown) font.codes = [...shown].sort((a, b) => a - b);
    }
  }
  // Runs the caller already has (the build read the PDF's text once) are used as they are.
  const text = Array.isArray(options.text) ? options.text : options.text ? (await readPdfPages(bytes)).runs : undefined;
  return {
    document: pdf,
    pageCount: pages.length,
    pageHeights: pages.map((page) => page.getHeight()),
    marked,
    suspects,
    lang: decodeText(catalog.lookup(PDFName.of('Lang'))), // may be an indirect object
    xmp,
    displayDocTitle: displayFlag === undefined ? undefined : displayFlag === PDFBool.True,
    fonts,
    outline,
    structure,
    roleMap,
    annotations,
    resolveRole,
    tabs: pages.map((page) => decodeText(page.node.get(PDFName.of('Tabs')))),
    reusedTaggedForms,
    content,
    text,
  };
}

/**
 * An encrypted PDF: with a user password we cannot open it at all; without one (permissions
 * only) pdf-lib cannot decrypt its strings and streams, so our checks would read noise.
 */
async function refuseEncrypted(bytes: Uint8Array): Promise<never> {
  const pdfjs = await loadPdfjs();
  try {
    const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
    await document.destroy();
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      throw new PdfReadError('password', 'De PDF is met een wachtwoord beveiligd; zonder wachtwoord is niets te controleren.');
  }
  throw new PdfReadError(
    'encrypted',
    'De PDF is versleuteld (alleen rechtenbeveiliging); ontsleutel hem eerst, bijvoorbeeld met `qpdf --decrypt in.pdf uit.pdf`.',
  );
}

/** Resolve `Do` targets and named property lists against a resource dictionary. */
/** How often each form XObject is drawn, with its label. */
type DrawnForms = Map<PDFObject, { object: string; times: number }>;

function resolverFor(pdf: PDFDocument, resources: PDFDict | undefined, forms: Map<PDFObject, string | null>, drawn?: DrawnForms): ContentResolver {
  const identity = new Map<string, boolean>();
  const simple = new Map<string, boolean>();
  const fontLabels = new Map<string, string | undefined>();
  return {
    xobject(name) {
      const ref = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.get(PDFName.of(name));
      const stream = ref ? pdf.context.lookup(ref) : undefined;
      if (!(stream instanceof PDFStream) || stream.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form')) return undefined;
      if (!forms.has(stream)) forms.set(stream, decodeStream(stream) ?? null);
      const form = forms.get(stream);
      if (form == null) return undefined;
      drawn?.set(stream, { object: ref instanceof PDFRef ? objectLabel(ref) : '(direct)', times: (drawn.get(stream)?.times ?? 0) + 1 });
      return { form, resolver: resolverFor(pdf, stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, forms, drawn) };
    },
    properties(name) {
      const list = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict);
      return list?.has(PDFName.of('MCID')) ?? false;
    },
    propertiesLang(name) {
      return resources?.lookupMaybe(PDFName.of('Properties'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict)?.has(PDFName.of('Lang')) ?? false;
    },
    // Asked for every text-showing operator: answered once per font name.
    identityCid(name) {
      let answer = identity.get(name);
      if (answer === undefined) {
        const font = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict);
        const encoding = font?.lookup(PDFName.of('Encoding'));
        answer =
          font?.lookup(PDFName.of('Subtype')) === PDFName.of('Type0') && (encoding === PDFName.of('Identity-H') || encoding === PDFName.of('Identity-V'));
        identity.set(name, answer);
      }
      return answer;
    },
    simpleFont(name) {
      let answer = simple.get(name);
      if (answer === undefined) {
        const subtype = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict)?.lookup(PDFName.of('Subtype'));
        answer = subtype === PDFName.of('Type1') || subtype === PDFName.of('TrueType') || subtype === PDFName.of('MMType1');
        simple.set(name, answer);
      }
      return answer;
    },
    font(name) {
      if (!fontLabels.has(name)) {
        const ref = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.get(PDFName.of(name));
        fontLabels.set(name, ref instanceof PDFRef ? objectLabel(ref) : undefined);
      }
      return fontLabels.get(name);
    },
  };
}

/**
 * A Type0 font whose descendant uses one of the Adobe character collections GB1, CNS1, Japan1
 * or Korea1 maps its codes to Unicode without a ToUnicode (ISO 14289-1 7.21.7, ISO 32000-1
 * 9.10.2, as the reference validator applies it).
 */
function predefinedUnicodeCMap(font: PDFDict, descendant: PDFDict): boolean {
  if (font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Type0') return false;
  const info = descendant.lookupMaybe(PDFName.of('CIDSystemInfo'), PDFDict);
  const registry = decodeText(info?.lookup(PDFName.of('Registry')));
  const ordering = decodeText(info?.lookup(PDFName.of('Ordering')));
  return registry === 'Adobe' && ['GB1', 'CNS1', 'Japan1', 'Korea1'].includes(ordering ?? '');
}

/** Fonts used by an annotation's normal appearance stream(s) (form fields, stamps). */
function appearanceFonts(pdf: PDFDocument, annotation: PDFDict): string[] {
  const normal = annotation.lookupMaybe(PDFName.of('AP'), PDFDict)?.get(PDFName.of('N'));
  const target = normal ? pdf.context.lookup(normal) : undefined;
  const streams =
    target instanceof PDFStream
      ? [target]
      : target instanceof PDFDict
        ? target
            .values()
            .map((value) => pdf.context.lookup(value))
            .filter((value): value is PDFStream => value instanceof PDFStream)
        : [];
  return streams.flatMap((stream) => {
    const text = decodeStream(stream);
    return text === undefined ? [] : checkMarkedContent(text, resolverFor(pdf, stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), new Map())).fonts;
  });
}

/** The marked-content findings of one page; the page's content streams are read as one. */
function readPageContent(pdf: PDFDocument, page: PDFPage, forms: Map<PDFObject, string | null>, drawn: DrawnForms): MarkedContentFindings & { error?: string } {
  try {
    const text = contentStreams(page)
      .map(decodeStream)
      .filter((part) => part !== undefined)
      .join('\n');
    return checkMarkedContent(text, resolverFor(pdf, page.node.Resources(), forms, drawn));
  } catch (error) {
    return {
      untagged: [],
      artifactInTagged: [],
      taggedInArtifact: [],
      fonts: [],
      langMcids: [],
      notdef: [],
      codes: new Map(),
      error: `inhoud niet te lezen: ${(error as Error).message}`,
    };
  }
}

/** The `/Lang` of a structure element or its nearest ancestor that has one. */
function inheritedLang(element: PDFDict): string | undefined {
  for (let current: PDFDict | undefined = element, depth = 0; current && depth < 64; current = current.lookupMaybe(PDFName.of('P'), PDFDict), depth++) {
    const lang = decodeText(current.lookup(PDFName.of('Lang')));
    if (lang) return lang;
  }
  return undefined;
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

/** The standard structure types of ISO 32000-1, 14.8.4. */
export const standardTypes = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);

function readStructure(
  pdf: PDFDocument,
  pageIndex: Map<string, number>,
): { structure?: StructElement; roleMap: RoleMapFindings; resolveRole: (role: string) => string } {
  const roleMapFindings: RoleMapFindings = { unterminated: [], circular: [], standardRemapped: [] };
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { roleMap: roleMapFindings, resolveRole: (role) => role };
  const roleMap = new Map<string, string>();
  const map = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  for (const [key, value] of map?.entries() ?? []) if (value instanceof PDFName) roleMap.set(key.decodeText(), value.decodeText());
  for (const [from] of roleMap) {
    if (standardTypes.has(from)) {
      roleMapFindings.standardRemapped.push(`standaardtype ${from} is omgeleid naar ${roleMap.get(from)}`);
      // A standard type mapped (through other types) back onto itself is a cycle as well (LI → LI).
      const chain = [from];
      let next = roleMap.get(from);
      while (next !== undefined && next !== from && !chain.includes(next) && chain.length < 64) {
        chain.push(next);
        next = roleMap.get(next);
      }
      if (next === from) roleMapFindings.circular.push(`kringverwijzing: ${[...chain, from].join(' → ')}`);
      continue;
    }
    const seen = new Set([from]);
    let current = roleMap.get(from);
    while (current && !standardTypes.has(current)) {
      if (seen.has(current)) {
        roleMapFindings.circular.push(`kringverwijzing: ${[...seen, current].join(' → ')}`);
        break;
      }
      seen.add(current);
      current = roleMap.get(current);
    }
    if (current === undefined) roleMapFindings.unterminated.push(`${[...seen].join(' → ')} eindigt niet bij een standaardtype`);
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
  const element = (dict: PDFDict, ref: PDFRef | undefined, inheritedPage: number | undefined, parent?: PDFDict): StructElement => {
    visited.add(dict);
    const rawRole = dict === root ? 'StructTreeRoot' : (decodeText(dict.get(PDFName.of('S'))) ?? '');
    const pg = dict.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? (pageIndex.get(refKey(pg)) ?? inheritedPage) : inheritedPage;
    const result: StructElement = { role: dict === root ? rawRole : resolve(rawRole), children: [], page, object: ref ? objectLabel(ref) : undefined };
    if (result.role !== rawRole) result.rawRole = rawRole;
    if (parent) {
      const declared = dict.get(PDFName.of('P'));
      if (declared === undefined) result.wrongParent = 'missing';
      else if (pdf.context.lookup(declared) !== parent) result.wrongParent = 'other';
    }
    result.alt = decodeText(dict.get(PDFName.of('Alt')));
    result.actualText = decodeText(dict.get(PDFName.of('ActualText')));
    result.lang = decodeText(dict.lookup(PDFName.of('Lang')));
    result.id = decodeText(dict.get(PDFName.of('ID')));
    const attributes = dict.lookup(PDFName.of('A'));
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray().map((item) => pdf.context.lookup(item)) : [attributes]) {
      if (!(attribute instanceof PDFDict)) continue;
      const scope = decodeText(attribute.get(PDFName.of('Scope')));
      if (scope) result.scope = scope;
      const headers = attribute.lookup(PDFName.of('Headers'));
      if (headers instanceof PDFArray) result.headers = headers.asArray().map((header) => decodeText(header) ?? '');
      const rowSpan = attribute.lookup(PDFName.of('RowSpan'));
      if (rowSpan instanceof PDFNumber) result.rowSpan = rowSpan.asNumber();
      const colSpan = attribute.lookup(PDFName.of('ColSpan'));
      if (colSpan instanceof PDFNumber) result.colSpan = colSpan.asNumber();
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
        result.children.push(element(value, kidRef, page, dict));
      }
    }
    if (!result.page) result.page = result.children.map((child) => child.page).find(Boolean);
    return result;
  };
  return { structure: element(root, undefined, undefined), roleMap: roleMapFindings, resolveRole: resolve };
}
