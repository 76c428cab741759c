/**
 * Small tagged PDFs built object by object with pdf-lib, for the PDF check corpus: one spec
 * that passes every check, and variants that break exactly one thing.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface TinyNode {
  type: string;
  /** Marked content on the page with this MCID (text `text`). */
  mcid?: number;
  text?: string;
  alt?: string;
  actualText?: string;
  id?: string;
  lang?: string;
  scope?: string;
  kids?: TinyNode[];
  /** Leave out `/P`, or point it at the wrong element. */
  parent?: 'missing' | 'wrong';
  /** An annotation hanging under this element (its OBJR). */
  annotation?: TinyAnnotation;
}

export interface TinyAnnotation {
  subtype: string;
  contents?: string;
}

export interface TinySpec {
  marked?: boolean;
  suspects?: boolean;
  lang?: string | null;
  /** XMP packet; null for none. */
  xmp?: string | null;
  displayDocTitle?: boolean | null;
  structure?: TinyNode | null;
  roleMap?: Record<string, string>;
  /** Page content; by default each MCID of the structure as a line of text, plus an artifact. */
  content?: string;
  font?: 'embedded' | 'not-embedded' | 'no-unicode';
  /** Annotations not in the structure tree. */
  looseAnnotations?: TinyAnnotation[];
  tabs?: string | null;
  outline?: string[];
  /** Form XObjects by resource name, with their content. */
  forms?: Record<string, string>;
}

export function xmp({ title = 'Voorbeeld', part = '1' as string | null } = {}): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${title ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>` : ''}</rdf:Description>
${part === null ? '' : `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>${part}</pdfuaid:part></rdf:Description>`}
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** A document that passes every check: headings, a list, a table, a figure, a note, a link. */
export function passingSpec(): TinySpec {
  return {
    structure: {
      type: 'Document',
      kids: [
        { type: 'H1', mcid: 0, text: 'Titel' },
        {
          type: 'P',
          mcid: 1,
          text: 'Alinea',
          kids: [{ type: 'Link', mcid: 2, text: 'link', annotation: { subtype: 'Link', contents: 'Link naar voorbeeld.nl' } }],
        },
        { type: 'H2', mcid: 3, text: 'Hoofdstuk' },
        {
          type: 'L',
          kids: [
            {
              type: 'LI',
              kids: [
                { type: 'Lbl', mcid: 4, text: '1.' },
                { type: 'LBody', mcid: 5, text: 'Punt' },
              ],
            },
          ],
        },
        {
          type: 'Table',
          kids: [
            { type: 'TR', kids: [{ type: 'TH', scope: 'Column', mcid: 6, text: 'Kop' }] },
            { type: 'TR', kids: [{ type: 'TD', mcid: 7, text: 'Cel' }] },
          ],
        },
        { type: 'Figure', alt: 'Een grafiek', mcid: 8, text: 'grafiek' },
        { type: 'Note', id: 'noot-1', mcid: 9, text: '1 Bron' },
        { type: 'H2', mcid: 10, text: 'Bijlage' },
      ],
    },
    outline: ['Hoofdstuk', 'Bijlage'],
  };
}

/** Build the PDF bytes for `spec`. */
export async function tinyPdf(spec: TinySpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([595, 842]);
  const context = pdf.context;
  const catalog = pdf.catalog;
  if (spec.marked !== false) catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true, ...(spec.suspects ? { Suspects: true } : {}) }));
  if (spec.lang !== null) catalog.set(PDFName.of('Lang'), PDFString.of(spec.lang ?? 'nl'));
  if (spec.displayDocTitle !== null) catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: spec.displayDocTitle ?? true }));
  const packet = spec.xmp === undefined ? xmp() : spec.xmp;
  if (packet !== null) catalog.set(PDFName.of('Metadata'), context.register(context.stream(packet, { Type: 'Metadata', Subtype: 'XML' })));

  // The font: embedded with a ToUnicode map unless the spec says otherwise.
  const fontDict: Record<string, PDFObject | string> = {
    Type: 'Font',
    Subtype: spec.font === 'not-embedded' ? 'Type1' : 'TrueType',
    BaseFont: spec.font === 'not-embedded' ? 'Helvetica' : 'Voorbeeld',
  };
  if (spec.font !== 'not-embedded') {
    const program = context.register(context.stream('nep-lettertype', {}));
    fontDict.FontDescriptor = context.register(context.obj({ Type: 'FontDescriptor', FontName: 'Voorbeeld', Flags: 32, FontFile2: program }));
  }
  if (spec.font !== 'no-unicode') fontDict.Encoding = 'WinAnsiEncoding';
  const font = context.register(context.obj(fontDict));
  const forms = Object.fromEntries(
    Object.entries(spec.forms ?? {}).map(([name, content]) => [
      name,
      context.register(context.stream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: { Font: { F1: font } } })),
    ]),
  );
  page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: font }, XObject: forms }));

  const annots: PDFRef[] = [];
  const parentTree: PDFObject[] = [];
  const mcidOwners: PDFRef[] = [];
  const lines: string[] = [];
  const rootRef = context.nextRef();
  const element = (node: TinyNode, parent: PDFRef): PDFRef => {
    const ref = context.nextRef();
    const dict = context.obj({ Type: 'StructElem', S: node.type, Pg: page.ref }) as PDFDict;
    if (node.parent !== 'missing') dict.set(PDFName.of('P'), node.parent === 'wrong' ? ref : parent);
    if (node.alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(node.alt));
    if (node.actualText !== undefined) dict.set(PDFName.of('ActualText'), PDFHexString.fromText(node.actualText));
    if (node.id !== undefined) dict.set(PDFName.of('ID'), PDFString.of(node.id));
    if (node.lang !== undefined) dict.set(PDFName.of('Lang'), PDFString.of(node.lang));
    if (node.scope !== undefined) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: node.scope }));
    const kids = PDFArray.withContext(context);
    if (node.mcid !== undefined) {
      kids.push(PDFNumber.of(node.mcid));
      mcidOwners[node.mcid] = ref;
      lines.push(`/${node.type} <</MCID ${node.mcid}>> BDC BT /F1 12 Tf 72 ${780 - node.mcid * 20} Td (${node.text ?? ''}) Tj ET EMC`);
    }
    for (const kid of node.kids ?? []) kids.push(element(kid, ref));
    if (node.annotation) {
      const annotRef = context.register(
        context.obj({
          Type: 'Annot',
          Subtype: node.annotation.subtype,
          Rect: [72, 700, 200, 712],
          StructParent: 1 + annots.length,
          ...(node.annotation.contents !== undefined ? { Contents: PDFHexString.fromText(node.annotation.contents) } : {}),
        }),
      );
      annots.push(annotRef);
      parentTree.push(PDFNumber.of(annots.length), ref);
      kids.push(context.obj({ Type: 'OBJR', Obj: annotRef, Pg: page.ref }));
    }
    dict.set(PDFName.of('K'), kids);
    context.assign(ref, dict);
    return ref;
  };
  if (spec.structure) {
    const top = element(spec.structure, rootRef);
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
    const root = context.obj({
      Type: 'StructTreeRoot',
      K: top,
      ParentTree: context.obj({ Nums: [PDFNumber.of(0), context.obj(mcidOwners), ...parentTree] }),
    }) as PDFDict;
    if (spec.roleMap) root.set(PDFName.of('RoleMap'), context.obj(spec.roleMap));
    context.assign(rootRef, root);
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  }
  for (const loose of spec.looseAnnotations ?? []) {
    annots.push(
      context.register(
        context.obj({
          Type: 'Annot',
          Subtype: loose.subtype,
          Rect: [72, 600, 200, 612],
          ...(loose.contents !== undefined ? { Contents: PDFHexString.fromText(loose.contents) } : {}),
        }),
      ),
    );
  }
  if (annots.length > 0) page.node.set(PDFName.of('Annots'), context.obj(annots));
  if (spec.tabs !== null && annots.length > 0) page.node.set(PDFName.of('Tabs'), PDFName.of(spec.tabs ?? 'S'));

  const content = spec.content ?? [...lines, '/Artifact BMC BT /F1 9 Tf 72 30 Td (Pagina 1 van 1) Tj ET EMC', '/Artifact BMC 0 0 595 10 re f EMC'].join('\n');
  page.node.set(PDFName.of('Contents'), context.register(context.stream(content)));

  if (spec.outline && spec.outline.length > 0) {
    const outlineRef = context.nextRef();
    const itemRefs = spec.outline.map(() => context.nextRef());
    spec.outline.forEach((title, index) => {
      context.assign(
        itemRefs[index],
        context.obj({
          Title: PDFHexString.fromText(title),
          Parent: outlineRef,
          Dest: [page.ref, 'Fit'],
          ...(index > 0 ? { Prev: itemRefs[index - 1] } : {}),
          ...(index < itemRefs.length - 1 ? { Next: itemRefs[index + 1] } : {}),
        }),
      );
    });
    context.assign(outlineRef, context.obj({ Type: 'Outlines', First: itemRefs[0], Last: itemRefs[itemRefs.length - 1], Count: itemRefs.length }));
    catalog.set(PDFName.of('Outlines'), outlineRef);
  }
  return pdf.save({ useObjectStreams: false });
}
