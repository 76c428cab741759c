/**
 * Low-level helpers over a PDF's structure tree with pdf-lib, used when finishing our PDFs.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Visit every structure element (a dict with `/S`) in document order, depth first. */
export function walkStructure(pdf: PDFDocument, visit: (element: PDFDict, ref: PDFRef | undefined) => void): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const seen = new Set<PDFDict>();
  const walk = (kids: PDFObject | undefined) => {
    if (!kids) return;
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index++) walk(kids.get(index));
      return;
    }
    const ref = kids instanceof PDFRef ? kids : undefined;
    const value = ref ? pdf.context.lookup(ref) : kids;
    if (!(value instanceof PDFDict) || seen.has(value) || !value.has(PDFName.of('S'))) return;
    seen.add(value);
    visit(value, ref);
    walk(value.get(PDFName.of('K')));
  };
  walk(root.get(PDFName.of('K')));
}

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/**
 * Chromium names structure elements after DOM node numbers (`node00000455`), which change from
 * run to run. Renumber them in document order (`id-000001`, …), update the `/Headers` of table
 * cells that point at them and rebuild the ID tree, so the same input gives the same bytes.
 */
export function stabiliseStructureIds(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const renamed = new Map<string, string>();
  const entries: Array<[string, PDFRef | PDFDict]> = [];
  walkStructure(pdf, (element, ref) => {
    const id = text(element.get(PDFName.of('ID')));
    if (id === undefined) return;
    const stable = `id-${String(renamed.size + 1).padStart(6, '0')}`;
    renamed.set(id, stable);
    element.set(PDFName.of('ID'), PDFString.of(stable));
    entries.push([stable, ref ?? element]);
  });
  if (renamed.size === 0) return;
  walkStructure(pdf, (element) => {
    const attributes = element.lookup(PDFName.of('A'));
    const list = attributes instanceof PDFArray ? attributes.asArray().map((item) => pdf.context.lookup(item)) : [attributes];
    for (const attribute of list) {
      if (!(attribute instanceof PDFDict)) continue;
      const headers = attribute.lookup(PDFName.of('Headers'));
      if (!(headers instanceof PDFArray)) continue;
      for (let index = 0; index < headers.size(); index++) {
        const old = text(headers.get(index));
        const stable = old === undefined ? undefined : renamed.get(old);
        if (stable) headers.set(index, PDFString.of(stable));
      }
    }
  });
  // pdf-lib writes every object it holds, referenced or not: drop the old tree's nodes.
  const removeTree = (node: PDFObject | undefined) => {
    if (!(node instanceof PDFRef)) return;
    const dict = pdf.context.lookup(node);
    const kids = dict instanceof PDFDict ? dict.lookup(PDFName.of('Kids')) : undefined;
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) removeTree(kid);
    pdf.context.delete(node);
  };
  removeTree(root.get(PDFName.of('IDTree')));
  const names = pdf.context.obj([]);
  for (const [name, target] of entries.sort(([a], [b]) => (a < b ? -1 : 1))) {
    names.push(PDFString.of(name));
    names.push(target);
  }
  root.set(PDFName.of('IDTree'), pdf.context.register(pdf.context.obj({ Names: names })));
}

/**
 * The print variant marks passages in another language as `<em lang>` (the only inline element
 * Chromium tags with `/Lang`); in the PDF they are spans, not emphasis.
 */
export function langEmphasisToSpan(pdf: PDFDocument): void {
  walkStructure(pdf, (element) => {
    if (element.get(PDFName.of('S')) === PDFName.of('Em') && element.has(PDFName.of('Lang'))) element.set(PDFName.of('S'), PDFName.of('Span'));
  });
}

/**
 * Chromium tags a list item's body as `NonStruct` (or, in the table of contents, as the `Link`
 * and nested `L` themselves) where PDF/UA wants `LI → Lbl? LBody`. Gather everything after
 * the label into one `LBody`. Items with marked content directly inside are left as they are
 * (moving it would need the parent tree rewritten); the list check reports those.
 */
export function wrapListBodies(pdf: PDFDocument): void {
  const items: Array<{ element: PDFDict; ref: PDFRef }> = [];
  walkStructure(pdf, (element, ref) => {
    if (element.get(PDFName.of('S')) === PDFName.of('LI') && ref) items.push({ element, ref });
  });
  for (const { element, ref } of items) {
    const kids = element.get(PDFName.of('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    if (list.some((kid) => !(kid instanceof PDFRef))) continue;
    const isLabel = (kid: PDFObject) => {
      const value = pdf.context.lookup(kid);
      return value instanceof PDFDict && value.get(PDFName.of('S')) === PDFName.of('Lbl');
    };
    const labels = list.filter(isLabel);
    const body = list.filter((kid) => !isLabel(kid));
    if (body.length === 0) continue;
    if (body.length === 1) {
      const only = pdf.context.lookup(body[0]);
      if (only instanceof PDFDict && only.get(PDFName.of('S')) === PDFName.of('LBody')) continue;
      if (only instanceof PDFDict && only.get(PDFName.of('S')) === PDFName.of('NonStruct')) {
        only.set(PDFName.of('S'), PDFName.of('LBody'));
        continue;
      }
    }
    const lbody = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: body }));
    for (const kid of body) {
      const value = pdf.context.lookup(kid);
      if (value instanceof PDFDict) value.set(PDFName.of('P'), lbody);
    }
    element.set(PDFName.of('K'), pdf.context.obj([...labels, lbody]));
  }
}

/**
 * Chromium writes some PDF 2.0 structure types (`Strong`, `Em`, …) that PDF 1.7, and so
 * PDF/UA-1, does not know. Map each one that is used to its nearest PDF 1.7 type in the role
 * map (ISO 14289-1 7.1, Matterhorn 02-001), keeping the element's own type for newer readers.
 */
export function mapNewerStructureTypes(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const used = new Set<string>();
  walkStructure(pdf, (element) => {
    const type = element.get(PDFName.of('S'));
    if (type instanceof PDFName) used.add(type.decodeText());
  });
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? pdf.context.obj({});
  let changed = false;
  for (const [type, standard] of Object.entries(pdf2Types)) {
    if (!used.has(type) || roleMap.has(PDFName.of(type))) continue;
    roleMap.set(PDFName.of(type), PDFName.of(standard));
    changed = true;
  }
  if (changed) root.set(PDFName.of('RoleMap'), roleMap);
}

/** PDF 2.0 (ISO 32000-2) structure types and their PDF 1.7 counterparts. */
const pdf2Types: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'P', Aside: 'Div', DocumentFragment: 'Div', FENote: 'Note' };
