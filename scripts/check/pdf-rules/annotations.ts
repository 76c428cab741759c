/** Annotations and forms (ISO 14289-1 7.18): descriptions, allowed types, tagging. */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { PdfFacts } from '../../pdf/read.ts';
import { at, is, label, number, text, type PdfRule, type Problem } from './rule.ts';

/** Hidden (F bit 2) or drawn outside the page's crop box: not shown, so not described. */
function notShown(pdf: PDFDocument, annotation: { page: number; dict: PDFDict }): boolean {
  if (((number(annotation.dict, 'F') ?? 0) & 2) === 2) return true;
  const rect = annotation.dict.lookup(PDFName.of('Rect'));
  const page = pdf.getPage(annotation.page - 1);
  const box = page.getCropBox();
  if (!(rect instanceof PDFArray) || rect.size() < 4) return false;
  const [x1, y1, x2, y2] = rect.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
  return Math.max(x1, x2) < box.x || Math.min(x1, x2) > box.x + box.width || Math.max(y1, y2) < box.y || Math.min(y1, y2) > box.y + box.height;
}

/** Every dictionary within `object` (nested directly, not through references). */
function deepDictionaries(object: PDFObject, visit: (dict: PDFDict) => void, depth = 0): void {
  if (depth > 12) return;
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    visit(dict);
    for (const [, value] of dict.entries()) deepDictionaries(value, visit, depth + 1);
  } else if (dict instanceof PDFArray) for (const item of dict.asArray()) deepDictionaries(item, visit, depth + 1);
}

/** The annotations of `subtype` that are shown (see `notShown`). */
function shown(facts: PdfFacts, subtype: string): PdfFacts['annotations'] {
  return facts.annotations.filter((annotation) => annotation.subtype === subtype && !notShown(facts.document, annotation));
}

/** The non-empty Alt of the structure element an annotation belongs to. */
const structAlt = (annotation: PdfFacts['annotations'][number]) => text(annotation.structElement?.lookup(PDFName.of('Alt')))?.trim();

/** The structure type each annotation subtype belongs in (ISO 14289-1 7.18.1, 7.18.4, 7.18.5). */
const ownTag: Record<string, string> = { Link: 'Link', Widget: 'Form' };

export const annotationRules: PdfRule[] = [
  {
    id: 'pdf-annotations-tagged',
    title: 'Annotaties in de structuur',
    clause: '7.18.1',
    rules: ['7.18.1-t01'],
    matterhorn: '28-002',
    wcag: ['1.3.1', '4.1.2'],
    ok: 'Geen annotaties.',
    failed: 'Niet alle annotaties zijn in de structuurboom opgenomen.',
    check(facts) {
      const annotations = facts.annotations.filter((annotation) => annotation.subtype !== 'Popup' && annotation.subtype !== 'PrinterMark');
      if (annotations.length === 0) return 'not-applicable';
      return {
        problems: annotations
          .filter((annotation) => annotation.structRole !== (ownTag[annotation.subtype] ?? 'Annot'))
          .map((annotation) =>
            at(
              annotation,
              `${annotation.subtype}-annotatie ${annotation.structRole ? `in een ${annotation.structRole}-element` : 'niet in de structuurboom'}, verwacht in ${ownTag[annotation.subtype] ?? 'Annot'}${annotation.subtype === 'Widget' ? ' (28-010)' : annotation.subtype === 'Link' ? ' (28-011)' : ''}`,
            ),
          ),
        ok: `Alle ${annotations.length} annotaties hangen in de structuurboom in het juiste element (Link, Form of Annot).`,
      };
    },
  },
  {
    id: 'pdf-annotation-tabs',
    title: 'Tabvolgorde volgt de structuur',
    clause: '7.18.3',
    rules: ['7.18.3-t01'],
    matterhorn: '28-008',
    wcag: ['2.4.3'],
    ok: "Geen pagina's met annotaties.",
    failed: "Niet alle pagina's met annotaties volgen de structuur bij het tabben.",
    check(facts) {
      const pages = [...new Set(facts.annotations.map((annotation) => annotation.page))];
      if (pages.length === 0) return 'not-applicable';
      const problems = pages
        .filter((page) => facts.tabs[page - 1] !== 'S')
        .map((page) => ({ page, text: facts.tabs[page - 1] ? `/Tabs /${facts.tabs[page - 1]} in plaats van /S (28-009)` : 'geen /Tabs (28-008)' }));
      return {
        problems,
        ok: `Alle ${pages.length} pagina's met annotaties hebben /Tabs /S.`,
        matterhorn: problems[0]?.text.includes('28-009') ? '28-009' : '28-008',
      };
    },
  },
  {
    id: 'pdf-links-tagged',
    title: 'Links in een Link-element',
    clause: '7.18.5',
    rules: ['7.18.5-t01'],
    matterhorn: '28-011',
    wcag: ['2.4.4', '4.1.2'],
    ok: 'Geen links.',
    failed: 'Niet alle links zitten in een Link-element.',
    check(facts) {
      const links = facts.annotations.filter((annotation) => annotation.subtype === 'Link');
      if (links.length === 0) return 'not-applicable';
      return {
        problems: links
          .filter((link) => link.structRole !== 'Link')
          .map((link) => at(link, `link ${link.structRole ? `in een ${link.structRole}-element` : 'niet in de structuurboom'}`)),
        ok: `Alle ${links.length} links zitten in een Link-element.`,
      };
    },
  },
  {
    id: 'pdf-links-contents',
    title: 'Links met een beschrijving',
    clause: '7.18.5',
    rules: ['7.18.5-t02'],
    matterhorn: '28-012',
    wcag: ['2.4.4', '4.1.2'],
    ok: 'Geen links.',
    failed: 'Niet alle links hebben een beschrijving (Contents).',
    check(facts) {
      const links = facts.annotations.filter((annotation) => annotation.subtype === 'Link');
      if (links.length === 0) return 'not-applicable';
      return {
        problems: links.filter((link) => !link.contents?.trim()).map((link) => at(link, 'link zonder Contents-beschrijving')),
        ok: `Alle ${links.length} links hebben een beschrijving (Contents).`,
      };
    },
  },
  {
    id: 'pdf-annotations-described',
    title: 'Annotaties met een beschrijving',
    clause: '7.18.1',
    rules: ['7.18.1-t02'],
    matterhorn: '28-004',
    wcag: ['1.1.1', '4.1.2'],
    ok: 'Elke zichtbare annotatie heeft een beschrijving (een niet-lege Contents, of Alt in haar structuurelement).',
    failed: 'Niet elke zichtbare annotatie heeft een beschrijving (Contents of Alt).',
    check(facts) {
      const concerned = facts.annotations.filter(
        (annotation) => !['Widget', 'Popup', 'PrinterMark', 'Link'].includes(annotation.subtype) && !notShown(facts.document, annotation),
      );
      if (concerned.length === 0) return 'not-applicable';
      return concerned
        .filter((annotation) => !annotation.contents?.trim() && !structAlt(annotation))
        .map((annotation) => at(annotation, `${annotation.subtype}-annotatie zonder Contents en zonder Alt`));
    },
  },
  {
    id: 'pdf-form-fields-described',
    title: 'Formuliervelden met een beschrijving',
    clause: '7.18.1',
    rules: ['7.18.1-t03'],
    matterhorn: '28-005',
    wcag: ['4.1.2'],
    ok: 'Elk formulierveld heeft een beschrijving (TU, of Alt bij al zijn widgets).',
    failed: 'Niet elk formulierveld heeft een beschrijving (TU of Alt).',
    check(facts) {
      const widgets = shown(facts, 'Widget');
      if (widgets.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      // A widget is its own field (it has a T), or a kid of its field (Parent): the TU that counts
      // is the field's, not one on a kid widget.
      const fieldTU = (widget: PDFDict) => {
        const field = widget.has(PDFName.of('T')) || !widget.has(PDFName.of('Parent')) ? widget : widget.lookupMaybe(PDFName.of('Parent'), PDFDict);
        for (
          let current: PDFDict | undefined = field, depth = 0;
          current && depth < 16;
          current = current.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++
        ) {
          if (text(current.lookup(PDFName.of('TU')))?.trim()) return true;
        }
        return false;
      };
      for (const widget of widgets) {
        if (fieldTU(widget.dict) || structAlt(widget)) continue;
        problems.push(at(widget, 'formulierveld zonder TU en zonder Alt in zijn structuurelement'));
      }
      return problems;
    },
  },
  {
    id: 'pdf-annotation-types',
    title: 'Geen TrapNet-annotaties',
    clause: '7.18.2',
    rules: ['7.18.2-t01'],
    matterhorn: '28-002',
    wcag: [],
    ok: 'Geen annotaties van een verboden soort (TrapNet).',
    failed: 'Het document bevat TrapNet-annotaties.',
    check(facts) {
      if (facts.annotations.length === 0) return 'not-applicable';
      return facts.annotations.filter((annotation) => annotation.subtype === 'TrapNet').map((annotation) => at(annotation, 'TrapNet-annotatie'));
    },
  },
  {
    id: 'pdf-widgets-in-form',
    title: 'Formulierwidgets in een Form-element',
    clause: '7.18.4',
    rules: ['7.18.4-t01'],
    matterhorn: '28-010',
    wcag: ['1.3.1', '4.1.2'],
    ok: 'Elke formulierwidget zit in een Form-element.',
    failed: 'Niet elke formulierwidget zit in een Form-element.',
    check(facts) {
      const widgets = shown(facts, 'Widget');
      if (widgets.length === 0) return 'not-applicable';
      return widgets
        .filter((widget) => widget.structRole !== 'Form')
        .map((widget) => at(widget, `widget in ${widget.structRole ?? 'geen structuurelement'} in plaats van Form`));
    },
  },
  {
    id: 'pdf-media-clips',
    title: 'Mediafragmenten met inhoudstype en beschrijving',
    clause: '7.18.6.2',
    rules: ['7.18.6.2-t01', '7.18.6.2-t02'],
    matterhorn: '28-014',
    wcag: ['1.1.1'],
    ok: 'Elk mediafragment heeft een inhoudstype (CT) en een beschrijving (Alt).',
    failed: 'Niet elk mediafragment heeft een inhoudstype (CT) en een beschrijving (Alt).',
    check(facts) {
      // Media clips are usually direct objects inside a rendition inside an action: look deep.
      const clips: Array<{ object: string; dict: PDFDict }> = [];
      for (const [ref, object] of facts.document.context.enumerateIndirectObjects()) {
        deepDictionaries(object, (dict) => {
          if (is(dict, 'S', 'MCD')) clips.push({ object: label(ref), dict });
        });
      }
      if (clips.length === 0) return 'not-applicable';
      // Alt is a multi-language text array: pairs of a language and a text; one text must say something.
      const described = (dict: PDFDict) => {
        const alt = dict.lookup(PDFName.of('Alt'));
        return alt instanceof PDFArray && alt.asArray().some((item, index) => index % 2 === 1 && Boolean(text(item)?.trim()));
      };
      return clips.flatMap(({ object, dict }) => [
        ...(dict.has(PDFName.of('CT')) ? [] : [{ object, text: 'mediafragment zonder CT' }]),
        ...(described(dict) ? [] : [{ object, text: 'mediafragment zonder (niet-lege) Alt' }]),
      ]);
    },
  },
  {
    id: 'pdf-file-attachments',
    title: 'Bijlage-annotaties met F en UF',
    clause: '7.18.7',
    rules: ['7.18.7-t01'],
    matterhorn: '28-016',
    wcag: [],
    ok: 'Elke bijlage-annotatie wijst naar een bestand met F en UF.',
    failed: 'Niet elke bijlage-annotatie wijst naar een bestand met een niet-lege F en UF.',
    check(facts) {
      const attachments = facts.annotations.filter((annotation) => annotation.subtype === 'FileAttachment');
      if (attachments.length === 0) return 'not-applicable';
      return attachments
        .filter((annotation) => {
          const spec = annotation.dict.lookupMaybe(PDFName.of('FS'), PDFDict);
          return !text(spec?.lookup(PDFName.of('F'))) || !text(spec?.lookup(PDFName.of('UF')));
        })
        .map((annotation) => at(annotation, 'bijlage zonder niet-lege F en UF in haar bestandsspecificatie'));
    },
  },
  {
    id: 'pdf-printer-marks',
    title: 'Drukkersmerken als artefact',
    clause: '7.18.8',
    rules: ['7.18.8-t01'],
    matterhorn: '28-018',
    wcag: [],
    ok: 'Drukkersmerken (PrinterMark) staan buiten de structuur.',
    failed: 'Een drukkersmerk (PrinterMark) is in de structuur opgenomen.',
    check(facts) {
      const marks = facts.annotations.filter((annotation) => annotation.subtype === 'PrinterMark');
      if (marks.length === 0) return 'not-applicable';
      return marks
        .filter((annotation) => annotation.dict.has(PDFName.of('StructParent')))
        .map((annotation) => at(annotation, 'PrinterMark-annotatie met StructParent'));
    },
  },
];
