/**
 * The PDF half of the accessibility gate and of `kia audit`: machine-checkable PDF/UA-1
 * (ISO 14289-1) checks, each with its most specific clause and Matterhorn Protocol 1.1 failure
 * condition. No PDF/UA validator (veraPDF, PAC) can be installed here, so these are our own,
 * on the facts `scripts/pdf/read.ts` gathers. They work on PDFs from any producer; the checks
 * that compare the PDF with the HTML it was printed from run only inside `kia build`.
 */
import { readFile } from 'node:fs/promises';
import { isContent, kids, readPdfFacts, standardTypes, walk, type PdfFacts, type StructElement, type TextRun } from '../pdf/read.ts';
import { pageMarginsMm } from '../pdf/text.ts';
import { annotationRules } from './pdf-rules/annotations.ts';
import { documentRules } from './pdf-rules/document.ts';
import { fontRules } from './pdf-rules/fonts.ts';
import { structureRules } from './pdf-rules/structure.ts';

/** The checks written as units (check/pdf-rules/), in report order. */
export const pdfRules = [...documentRules, ...structureRules, ...annotationRules, ...fontRules];

export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'not-checked';

export interface PdfCheck {
  id: string;
  status: CheckStatus;
  /** Dutch name of the check, for the report. */
  title: string;
  /** The most specific ISO 14289-1 clause, e.g. `7.1`, `7.18.5`, `7.21.4.1`. */
  clause: string;
  /** Matterhorn Protocol 1.1 failure condition, e.g. `06-003`, or null where it has none. */
  matterhorn: string | null;
  /** The rule ids of the veraPDF PDF/UA-1 profile the check implements, where named (`7.2-t26`). */
  rules?: string[];
  wcag: string[];
  message: string;
  /** Where it first failed: page (1-based) and object (`12 0 R`). */
  page?: number;
  object?: string;
  /** How many places failed; `details` lists at most 20 of them. */
  failures: number;
  details: Array<{ page?: number; object?: string; text: string }>;
}

export interface PdfAudit {
  file: string;
  status: 'pass' | 'fail';
  pages: number;
  checks: PdfCheck[];
  seconds: number;
}

/** What the PDF must contain, known from the document it was printed from (`kia build` only). */
export interface PdfExpectations {
  /** The headings of the printed HTML, in order. */
  headings?: Array<{ level: number; text: string }>;
  /** The laid-out text of the printed page (innerText), footnote numbers included. */
  text?: string;
  /**
   * The laid-out text of each footnote. Chromium may put a footnote that Paged.js carried over
   * to the next page at another point in the reading order; notes are matched on their own.
   */
  notes?: string[];
  /** Passages marked with another language: `lang` and their text. */
  langPassages?: Array<{ lang: string; text: string }>;
  /** The PDF's text runs, when the build has already read them (saves a second pdf.js pass). */
  runs?: TextRun[][];
}

const mmToPt = 72 / 25.4;
const squash = (text: string) => text.replace(/[\s\u00ad]+/gu, '');
const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length)}…` : text);
const validLanguageTag = (tag: string | undefined) => tag !== undefined && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(tag);


/**
 * Audit the PDF at `file`. With `expected` (inside `kia build`) the laid-out text is read too,
 * for the comparisons with the HTML. Throws a `PdfReadError` for files that cannot be read.
 */
export async function auditPdf(file: string, options: { shownFile: string; expected?: PdfExpectations }): Promise<PdfAudit> {
  const started = performance.now();
  const facts = await readPdfFacts(new Uint8Array(await readFile(file)), { text: options.expected?.runs ?? options.expected !== undefined });
  const checks = runChecks(facts, options.expected);
  return { file: options.shownFile, status: checks.some((check) => check.status === 'fail') ? 'fail' : 'pass', pages: facts.pageCount, checks, seconds: (performance.now() - started) / 1000 };
}

type CheckHead = Pick<PdfCheck, 'id' | 'title' | 'clause' | 'matterhorn' | 'wcag'>;
type Problems = PdfCheck['details'];

/**
 * All checks over already-read facts, in report order. `expected` is given for our own PDFs
 * (the build and `kia check`) and left out for PDFs from elsewhere (`kia audit`).
 */
export function runChecks(facts: PdfFacts, expected?: PdfExpectations): PdfCheck[] {
  const checks: PdfCheck[] = [];
  const add = (head: CheckHead, problems: Problems, ok: string, failed: string, status?: CheckStatus) => {
    const final = status ?? (problems.length > 0 ? 'fail' : 'pass');
    const first = final === 'fail' ? problems.find((problem) => problem.page !== undefined || problem.object !== undefined) : undefined;
    checks.push({
      ...head,
      status: final,
      message: final === 'fail' ? failed : ok,
      ...(first?.page !== undefined ? { page: first.page } : {}),
      ...(first?.object !== undefined ? { object: first.object } : {}),
      failures: final === 'fail' ? problems.length : 0,
      details: problems.slice(0, 20),
    });
  };
  const structure = facts.structure;
  /** For checks that read the structure tree: without one their requirement cannot be met. */
  const addStructural = (head: CheckHead, problems: Problems, ok: string, failed: string, status?: CheckStatus) =>
    structure ? add(head, problems, ok, failed, status) : add(head, [{ text: 'geen structuurboom' }], '', 'Niet te bepalen: de PDF heeft geen structuurboom (tags).', 'fail');
  const elements: Array<{ element: StructElement; parent?: StructElement }> = [];
  if (structure) walk(structure, (element, parent) => void elements.push({ element, parent }));
  elements.shift(); // the StructTreeRoot itself

  // Text of every MCID, by page (only when the laid-out text was read).
  const mcidText = new Map<string, string>();
  facts.text?.forEach((runs, index) => {
    for (const run of runs) if (run.mcid !== undefined) mcidText.set(`${index + 1}:${run.mcid}`, (mcidText.get(`${index + 1}:${run.mcid}`) ?? '') + run.text);
  });
  const textOf = (element: StructElement, skip: (element: StructElement) => boolean = () => false): string => {
    if (skip(element)) return '';
    if (element.actualText !== undefined) return element.actualText;
    return element.children.map((child) => (isContent(child) ? (mcidText.get(`${child.page}:${child.mcid}`) ?? '') : textOf(child, skip))).join('');
  };
  /** How a report names an element: its text when known, else its type. */
  const describe = (element: StructElement) => {
    const text = textOf(element).trim();
    return text ? `${element.role} „${clip(text, 60)}”` : element.rawRole && element.rawRole !== element.role ? `${element.rawRole} (${element.role})` : element.role;
  };
  const at = (element: StructElement, text: string) => ({ page: element.page, object: element.object, text });

  // --- 5 and 7.1: identification, tagging, metadata ---
  const xmpPart = pdfuaPart(facts.xmp);
  add(
    { id: 'pdf-pdfua-identifier', title: 'PDF/UA-identificatie in de metadata', clause: '5', matterhorn: '06-002', wcag: [] },
    xmpPart === '1' ? [] : [{ text: facts.xmp === undefined ? 'geen XMP-metadata' : xmpPart === undefined ? 'geen pdfuaid:part in de XMP-metadata' : `pdfuaid:part is ${xmpPart} in plaats van 1` }],
    'De XMP-metadata noemt PDF/UA-1 (pdfuaid:part 1).',
    'De PDF verklaart niet dat hij aan PDF/UA-1 voldoet (pdfuaid:part ontbreekt of is niet 1).',
  );
  add(
    { id: 'pdf-tagged', title: 'Getagde PDF', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1'] },
    [...(facts.marked ? [] : [{ text: 'MarkInfo /Marked ontbreekt of is niet true' }]), ...(structure ? [] : [{ text: 'geen StructTreeRoot (structuurboom)' }])],
    'De PDF is getagd: /MarkInfo /Marked true en een structuurboom.',
    'De PDF is niet (volledig) getagd, zodat hulptechnologie de structuur niet kent.',
  );
  add(
    { id: 'pdf-suspects', title: 'Geen twijfelachtige tags', clause: '7.1', matterhorn: '01-007', wcag: ['1.3.1'] },
    facts.suspects ? [{ text: '/MarkInfo /Suspects is true' }] : [],
    'De tags zijn niet als twijfelachtig gemarkeerd.',
    'De PDF meldt zelf dat de tags twijfelachtig zijn (/Suspects true).',
  );
  add(
    { id: 'pdf-xmp-metadata', title: 'XMP-metadata', clause: '7.1', matterhorn: '06-001', wcag: [] },
    facts.xmp ? [] : [{ text: 'geen /Metadata-stroom in de catalogus' }],
    'De PDF heeft een XMP-metadatastroom.',
    'De PDF heeft geen XMP-metadata.',
  );
  const xmpTitle = facts.xmp ? /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(facts.xmp)?.[1]?.trim() : undefined;
  add(
    { id: 'pdf-title', title: 'Documenttitel (dc:title)', clause: '7.1', matterhorn: '06-003', wcag: ['2.4.2'] },
    xmpTitle ? [] : [{ text: facts.xmp ? 'geen (niet-lege) dc:title in de XMP-metadata' : 'geen XMP-metadata, dus geen dc:title' }],
    `De titel is „${xmpTitle}”.`,
    'De XMP-metadata hebben geen titel (dc:title).',
  );
  add(
    { id: 'pdf-display-doc-title', title: 'Titel tonen in plaats van bestandsnaam', clause: '7.1', matterhorn: facts.displayDocTitle === false ? '07-002' : '07-001', wcag: ['2.4.2'] },
    facts.displayDocTitle ? [] : [{ text: facts.displayDocTitle === false ? '/DisplayDocTitle is false' : 'geen /ViewerPreferences /DisplayDocTitle' }],
    'Lezers tonen de documenttitel (/DisplayDocTitle true).',
    'Lezers tonen de bestandsnaam in plaats van de titel.',
  );

  // --- 7.2: natural language ---
  // The language of text is the nearest of: its marked content, its structure element and that
  // element's ancestors, the catalog (ISO 14289-1 7.2, ISO 32000-1 14.9.2). Without a catalog
  // /Lang, the text is still determined when all tagged content has one from its marked content
  // or its structure element.
  const documentLang = validLanguageTag(facts.lang) ? facts.lang : undefined;
  const undetermined: StructElement[] = [];
  if (!documentLang && structure) {
    const visitLang = (element: StructElement, inherited: string | undefined) => {
      const lang = validLanguageTag(element.lang) ? element.lang : inherited;
      if (!lang && element.children.some((child) => isContent(child) && !facts.content[child.page - 1]?.langMcids.includes(child.mcid))) undetermined.push(element);
      for (const kid of kids(element)) visitLang(kid, lang);
    };
    visitLang(structure, undefined);
  }
  const invalidCatalogLang = facts.lang !== undefined && !documentLang;
  const perElement = !documentLang && !invalidCatalogLang && structure !== undefined && undetermined.length === 0;
  add(
    { id: 'pdf-document-lang', title: 'Taal van het document', clause: '7.2', matterhorn: '11-001', wcag: ['3.1.1'] },
    documentLang || perElement
      ? []
      : invalidCatalogLang
        ? [{ text: `ongeldige taalcode „${facts.lang}”` }]
        : structure
          ? undetermined.slice(0, 20).map((element) => at(element, `${describe(element)}: geen /Lang in het element, zijn voorouders of de catalogus`))
          : [{ text: 'geen /Lang in de catalogus en geen structuurboom' }],
    documentLang ? `De documenttaal is ${facts.lang}.` : 'De catalogus noemt geen documenttaal, maar alle tekst in de structuur heeft een taal via haar element of een voorouder.',
    'De taal van het document is niet vast te stellen, dus een schermlezer kiest mogelijk de verkeerde uitspraak.',
  );
  // Bookmarks take their language from the catalog only (veraPDF 7.2-t02).
  add(
    { id: 'pdf-outline-lang', title: 'Taal van de bladwijzers', clause: '7.2', matterhorn: '11-003', wcag: ['3.1.1'] },
    documentLang || facts.outline.length === 0 ? [] : [{ text: `${facts.outline.length} bladwijzers zonder bepaalbare taal (geen geldige /Lang in de catalogus)` }],
    facts.outline.length === 0 ? 'Geen bladwijzers.' : `De bladwijzers hebben de documenttaal (${documentLang}).`,
    'De taal van de bladwijzers is niet vast te stellen.',
    facts.outline.length === 0 ? 'not-applicable' : undefined,
  );
  const described = facts.annotations.filter((annotation) => annotation.contents !== undefined);
  add(
    { id: 'pdf-annotation-lang', title: 'Taal van annotatieteksten', clause: '7.2', matterhorn: '11-004', wcag: ['3.1.1'] },
    described.filter((annotation) => !documentLang && !validLanguageTag(annotation.structLang)).map((annotation) => ({ page: annotation.page, object: annotation.object, text: `${annotation.subtype}-annotatie met Contents zonder bepaalbare taal` })),
    described.length === 0 ? 'Geen annotaties met een tekst (Contents).' : `De taal van alle ${described.length} annotatieteksten (Contents) is te bepalen.`,
    'Van sommige annotatieteksten is de taal niet vast te stellen.',
    described.length === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.1: structure types and the tree itself ---
  const unmapped = elements.filter(({ element }) => !standardTypes.has(element.role) && !facts.roleMap.circular.some((cycle) => cycle.includes(element.rawRole ?? element.role)));
  addStructural(
    { id: 'pdf-role-map-terminates', title: 'Eigen structuurtypen verwezen naar standaardtypen', clause: '7.1', matterhorn: '02-001', wcag: ['1.3.1'] },
    [...facts.roleMap.unterminated.map((text) => ({ text })), ...unmapped.map(({ element }) => at(element, `structuurtype ${element.rawRole ?? element.role} is geen standaardtype en niet verwezen`))],
    'Alle structuurtypen zijn standaardtypen of verwijzen (via de RoleMap) naar een standaardtype.',
    'Niet alle eigen structuurtypen verwijzen naar een standaardtype.',
  );
  addStructural(
    { id: 'pdf-role-map-circular', title: 'Geen kringverwijzingen in de rolverwijzing', clause: '7.1', matterhorn: '02-002', wcag: ['1.3.1'] },
    facts.roleMap.circular.map((text) => ({ text })),
    'De rolverwijzing (RoleMap) heeft geen kringverwijzingen.',
    'De rolverwijzing (RoleMap) verwijst in een kring.',
  );
  addStructural(
    { id: 'pdf-role-map-standard', title: 'Standaardtypen niet omgeleid', clause: '7.1', matterhorn: '02-003', wcag: ['1.3.1'] },
    facts.roleMap.standardRemapped.map((text) => ({ text })),
    'Geen standaardtype is in de rolverwijzing omgeleid.',
    'De rolverwijzing leidt standaardtypen om naar andere typen.',
  );
  addStructural(
    { id: 'pdf-struct-parents', title: 'Elk structuurelement kent zijn ouder', clause: '7.1', matterhorn: null, wcag: ['1.3.1'] },
    elements.filter(({ element }) => element.wrongParent).map(({ element }) => at(element, `${describe(element)}: ${element.wrongParent === 'missing' ? 'geen /P' : '/P wijst naar een ander element dan zijn ouder'} (ISO 32000-1 14.7.2)`)),
    `Alle ${elements.length} structuurelementen wijzen met /P naar hun ouder.`,
    'Niet elk structuurelement wijst met /P naar zijn ouder; hulptechnologie kan de boom dan niet omhoog volgen.',
  );

  // --- 7.2: table and list structure (ISO 32000-1 tables 336 and 337) ---
  const tableSyntax: Problems = [];
  let tableCount = 0;
  const tableParts = new Set(['TR', 'THead', 'TBody', 'TFoot']);
  for (const { element, parent } of elements) {
    const roles = kids(element).map((kid) => kid.role);
    if (element.role === 'Table') {
      tableCount++;
      const body = roles.filter((role) => role !== 'Caption');
      const captions = roles.filter((role) => role === 'Caption').length;
      if (captions > 1 || (captions === 1 && roles[0] !== 'Caption' && roles[roles.length - 1] !== 'Caption')) tableSyntax.push(at(element, 'Caption niet als eerste of laatste kind, of meer dan één Caption'));
      for (const kid of kids(element)) if (kid.role !== 'Caption' && !tableParts.has(kid.role)) tableSyntax.push(at(kid, `${describe(kid)} direct in een Table (verwacht TR, THead, TBody, TFoot of Caption)`));
      if (body.filter((role) => role === 'THead').length > 1) tableSyntax.push(at(element, 'meer dan één THead'));
      if (body.filter((role) => role === 'TFoot').length > 1) tableSyntax.push(at(element, 'meer dan één TFoot'));
      if ((body.includes('THead') || body.includes('TFoot')) && !body.includes('TBody')) tableSyntax.push(at(element, 'THead of TFoot zonder TBody'));
    }
    if (['THead', 'TBody', 'TFoot'].includes(element.role)) {
      if (parent?.role !== 'Table') tableSyntax.push(at(element, `${element.role} buiten een Table (in ${parent?.role ?? '?'})`));
      for (const kid of kids(element)) if (kid.role !== 'TR') tableSyntax.push(at(kid, `${describe(kid)} in een ${element.role} (verwacht TR)`));
    }
    if (element.role === 'TR') {
      if (!parent || !['Table', 'THead', 'TBody', 'TFoot'].includes(parent.role)) tableSyntax.push(at(element, `TR buiten een tabel (in ${parent?.role ?? '?'})`));
      for (const kid of kids(element)) if (kid.role !== 'TH' && kid.role !== 'TD') tableSyntax.push(at(kid, `${describe(kid)} in een TR (verwacht TH of TD)`));
    }
    if ((element.role === 'TH' || element.role === 'TD') && parent?.role !== 'TR') tableSyntax.push(at(element, `${element.role} buiten een TR (in ${parent?.role ?? '?'})`));
  }
  addStructural(
    { id: 'pdf-tables-structure', title: 'Opbouw van tabellen', clause: '7.2', matterhorn: '09-004', wcag: ['1.3.1'] },
    tableSyntax,
    tableCount === 0 ? 'Geen tabellen in de structuur.' : `Alle ${tableCount} tabellen zijn opgebouwd als Table → (THead/TBody/TFoot →) TR → TH/TD.`,
    'Niet alle tabellen zijn volgens de norm opgebouwd.',
    tableCount === 0 && tableSyntax.length === 0 ? 'not-applicable' : undefined,
  );
  const lists: Problems = [];
  let listCount = 0;
  for (const { element, parent } of elements) {
    if (element.role === 'L') {
      listCount++;
      const roles = kids(element).map((kid) => kid.role);
      for (const [index, kid] of kids(element).entries()) {
        if (kid.role === 'Caption' && index !== 0) lists.push(at(kid, 'Caption niet als eerste kind van een lijst (L)'));
        else if (!['LI', 'Caption', 'L'].includes(kid.role)) lists.push(at(kid, `${describe(kid)} direct in een lijst (L)`));
      }
      if (roles.filter((role) => role === 'Caption').length > 1) lists.push(at(element, 'meer dan één Caption in een lijst'));
    }
    if (element.role === 'LI') {
      if (parent?.role !== 'L') lists.push(at(element, `LI buiten een lijst (in ${parent?.role ?? '?'})`));
      for (const kid of kids(element)) if (kid.role !== 'Lbl' && kid.role !== 'LBody') lists.push(at(kid, `${describe(kid)} in een lijstitem (LI) in plaats van Lbl of LBody`));
    }
    if (element.role === 'LBody' && parent?.role !== 'LI') lists.push(at(element, `LBody buiten een lijstitem (in ${parent?.role ?? '?'})`));
  }
  addStructural(
    { id: 'pdf-lists-structure', title: 'Opbouw van lijsten', clause: '7.2', matterhorn: '09-005', wcag: ['1.3.1'] },
    lists,
    listCount === 0 ? 'Geen lijsten in de structuur.' : `Alle ${listCount} lijsten zijn opgebouwd als L → LI → Lbl/LBody.`,
    'Niet alle lijsten zijn volgens de norm opgebouwd.',
    listCount === 0 && lists.length === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.3 figures, 7.7 formulas ---
  /** Every element of `role` has Alt or ActualText (figures 7.3, formulas 7.7). */
  const addAlternativeText = (role: string, head: CheckHead, none: string, all: (count: number) => string, failed: string) => {
    const found = elements.filter(({ element }) => element.role === role).map(({ element }) => element);
    addStructural(
      head,
      // As the reference validator reads ISO 32000-1 14.9.3/14.9.4: a non-empty Alt, or an ActualText (an empty one says the content reads as nothing).
      found.filter((element) => !element.alt?.trim() && element.actualText === undefined).map((element) => at(element, `${role} zonder Alt of ActualText`)),
      found.length === 0 ? none : all(found.length),
      failed,
      found.length === 0 ? 'not-applicable' : undefined,
    );
  };
  addAlternativeText(
    'Figure',
    { id: 'pdf-figures-alt', title: 'Afbeeldingen met alternatieve tekst', clause: '7.3', matterhorn: '13-004', wcag: ['1.1.1'] },
    'Geen afbeeldingen (Figure) in de structuur.',
    (count) => `Alle ${count} afbeeldingen hebben een alternatieve tekst.`,
    'Niet alle afbeeldingen hebben een alternatieve tekst.',
  );
  addAlternativeText(
    'Formula',
    { id: 'pdf-formulas-alt', title: 'Formules met alternatieve tekst', clause: '7.7', matterhorn: '17-002', wcag: ['1.1.1'] },
    'Geen formules (Formula) in de structuur.',
    (count) => `Alle ${count} formules hebben een alternatieve tekst.`,
    'Niet alle formules hebben een alternatieve tekst.',
  );

  // --- 7.4 headings ---
  const headings: Array<{ level: number | 'H'; element: StructElement }> = [];
  for (const { element } of elements) {
    const match = /^H([1-6])?$/.exec(element.role);
    if (match) headings.push({ level: match[1] ? Number(match[1]) : 'H', element });
  }
  const nesting: Problems = [];
  let previous = 0;
  for (const heading of headings) {
    if (heading.level === 'H') continue;
    if (previous === 0 && heading.level !== 1) nesting.push(at(heading.element, `de eerste genummerde kop is H${heading.level}, niet H1 (14-002)`));
    else if (heading.level > previous + 1) nesting.push(at(heading.element, `${describe(heading.element)} (H${heading.level}) na H${previous}`));
    previous = heading.level;
  }
  addStructural(
    { id: 'pdf-headings-nesting', title: 'Kopniveaus zonder sprongen', clause: '7.4.2', matterhorn: nesting[0]?.text.includes('14-002') ? '14-002' : '14-003', wcag: ['1.3.1', '2.4.6'] },
    nesting,
    headings.length === 0 ? 'Geen koppen in de structuur.' : `${headings.length} koppen, beginnend bij H1, zonder overgeslagen niveaus.`,
    'De eerste kop is geen H1, of er worden kopniveaus overgeslagen.',
    headings.length === 0 ? 'not-applicable' : undefined,
  );
  const headingKinds: Problems = [];
  const usesH = headings.some((heading) => heading.level === 'H');
  if (usesH && headings.some((heading) => heading.level !== 'H')) headingKinds.push({ text: 'het document gebruikt zowel H als H1–H6 (14-007)' });
  for (const { element } of elements) if (kids(element).filter((kid) => kid.role === 'H').length > 1) headingKinds.push(at(element, `${element.role} heeft meer dan één H als kind (14-006)`));
  addStructural(
    { id: 'pdf-headings-kind', title: 'Koppen óf genummerd óf ongenummerd', clause: '7.4.4', matterhorn: headingKinds[0]?.text.includes('14-006') ? '14-006' : '14-007', wcag: ['1.3.1'] },
    headingKinds,
    headings.length === 0 ? 'Geen koppen in de structuur.' : usesH ? 'Het document gebruikt alleen H, hooguit één per element.' : 'Het document gebruikt alleen genummerde koppen (H1–H6).',
    'Het document mengt H met H1–H6, of een element heeft meer dan één H.',
    headings.length === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.5 table headers ---
  const headerProblems: Problems = [];
  for (const { element } of elements) {
    if (element.role !== 'Table') continue;
    const cells: StructElement[] = [];
    walk(element, (inner) => {
      if (inner.role === 'TH' || inner.role === 'TD') cells.push(inner);
      return inner === element || inner.role !== 'Table'; // a nested table is checked on its own
    });
    const headerCells = cells.filter((cell) => cell.role === 'TH');
    const usesHeaders = cells.some((cell) => cell.headers && cell.headers.length > 0);
    if (headerCells.length === 0) headerProblems.push(at(element, 'tabel zonder TH-cellen'));
    for (const header of headerCells) if (!header.scope && !usesHeaders) headerProblems.push(at(header, `${describe(header)} zonder Scope (en de tabel gebruikt geen Headers)`));
  }
  addStructural(
    { id: 'pdf-tables-headers', title: 'Tabellen met bepaalbare kopcellen', clause: '7.5', matterhorn: '15-003', wcag: ['1.3.1'] },
    headerProblems,
    tableCount === 0 ? 'Geen tabellen in de structuur.' : `Alle ${tableCount} tabellen hebben kopcellen (TH) met Scope of Headers.`,
    'Niet alle tabellen hebben bepaalbare kopcellen.',
    tableCount === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.9 notes ---
  const notes = elements.filter(({ element }) => element.role === 'Note').map(({ element }) => element);
  const noteIds = new Map<string, number>();
  for (const note of notes) if (note.id) noteIds.set(note.id, (noteIds.get(note.id) ?? 0) + 1);
  const noteProblems = [
    ...notes.filter((note) => !note.id).map((note) => at(note, `${describe(note)} zonder ID (19-003)`)),
    ...notes.filter((note) => note.id && noteIds.get(note.id)! > 1).map((note) => at(note, `Note-ID „${note.id}” komt vaker voor (19-004)`)),
  ];
  addStructural(
    { id: 'pdf-notes-id', title: 'Voetnoten (Note) met een eigen ID', clause: '7.9', matterhorn: noteProblems[0]?.text.includes('19-004') ? '19-004' : '19-003', wcag: ['1.3.1'] },
    noteProblems,
    notes.length === 0 ? 'Geen voetnoten als Note-element in de structuur.' : `Alle ${notes.length} Note-elementen hebben een eigen ID.`,
    'Niet alle Note-elementen hebben een (unieke) ID.',
    notes.length === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.1: page content tagged or artifact, never nested (from the content streams) ---
  const untagged: Problems = [];
  const artifactInTagged: Problems = [];
  const taggedInArtifact: Problems = [];
  facts.content.forEach((page, index) => {
    if (page.error) untagged.push({ page: index + 1, text: page.error });
    const kinds = new Map<string, number>();
    for (const item of page.untagged) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    for (const [kind, count] of kinds) untagged.push({ page: index + 1, text: `${count}× ${kindLabels[kind] ?? kind} niet getagd en geen artefact` });
    if (page.artifactInTagged.length > 0) artifactInTagged.push({ page: index + 1, text: `${page.artifactInTagged.length}× Artifact binnen getagde inhoud (byte ${page.artifactInTagged[0]} van de inhoudsstroom)` });
    if (page.taggedInArtifact.length > 0) taggedInArtifact.push({ page: index + 1, text: `${page.taggedInArtifact.length}× getagde inhoud (MCID) binnen een Artifact (byte ${page.taggedInArtifact[0]})` });
  });
  add(
    { id: 'pdf-content-tagged', title: 'Alle inhoud getagd of artefact', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1'] },
    untagged,
    'Alle tekst, lijnen, vlakken en afbeeldingen op de pagina’s staan in getagde inhoud of zijn als artefact gemarkeerd.',
    'Er staat inhoud op de pagina’s die niet getagd en geen artefact is: een schermlezer slaat die over of leest hem zonder structuur.',
  );
  add(
    { id: 'pdf-artifact-in-tagged', title: 'Geen artefact binnen getagde inhoud', clause: '7.1', matterhorn: '01-003', wcag: ['1.3.1'] },
    artifactInTagged,
    'Geen artefact staat binnen getagde inhoud.',
    'Er staan artefacten binnen getagde inhoud.',
  );
  add(
    { id: 'pdf-tagged-in-artifact', title: 'Geen getagde inhoud binnen een artefact', clause: '7.1', matterhorn: '01-004', wcag: ['1.3.1'] },
    taggedInArtifact,
    'Geen getagde inhoud staat binnen een artefact.',
    'Er staat getagde inhoud binnen artefacten; hulptechnologie slaat die over.',
  );

  // --- 7.8: running heads and page numbers (needs our own page layout) ---
  if (facts.text && expected) {
    const furniture: Problems = [];
    facts.text.forEach((runs, index) => {
      const height = facts.pageHeights[index];
      for (const run of runs) {
        if (!run.text.trim() || run.artifact) continue;
        if (run.y < pageMarginsMm.bottom * mmToPt || run.y > height - pageMarginsMm.top * mmToPt) furniture.push({ page: index + 1, text: `„${clip(run.text)}” in de paginamarge is ${run.mcid === undefined ? 'niet gemarkeerd' : 'als inhoud getagd'}` });
      }
    });
    add(
      { id: 'pdf-furniture-artifacts', title: 'Paginakop en paginanummers als artefact', clause: '7.8', matterhorn: '18-001', wcag: ['1.3.1'] },
      furniture,
      'Kopregels en paginanummers in de marges zijn als artefact gemarkeerd.',
      'Tekst in de paginamarges (kopregel, paginanummer) is niet als artefact gemarkeerd.',
    );
  } else {
    add(
      { id: 'pdf-furniture-artifacts', title: 'Paginakop en paginanummers als artefact', clause: '7.8', matterhorn: '18-001', wcag: ['1.3.1'] },
      [],
      'Niet automatisch gecontroleerd: wat kopregel of paginanummer is, hangt af van de opmaak; alleen bij `kia build` zijn de paginamarges bekend. Controleer het handmatig (bijvoorbeeld met PAC).',
      '',
      'not-checked',
    );
  }

  // --- 7.18: annotations ---
  const ownTag: Record<string, string> = { Link: 'Link', Widget: 'Form' };
  const otherAnnotations = facts.annotations.filter((annotation) => annotation.subtype !== 'Popup' && annotation.subtype !== 'PrinterMark');
  add(
    { id: 'pdf-annotations-tagged', title: 'Annotaties in de structuur', clause: '7.18.1', matterhorn: '28-002', wcag: ['1.3.1', '4.1.2'] },
    otherAnnotations
      .filter((annotation) => annotation.structRole !== (ownTag[annotation.subtype] ?? 'Annot'))
      .map((annotation) => ({
        page: annotation.page,
        object: annotation.object,
        text: `${annotation.subtype}-annotatie ${annotation.structRole ? `in een ${annotation.structRole}-element` : 'niet in de structuurboom'}, verwacht in ${ownTag[annotation.subtype] ?? 'Annot'}${annotation.subtype === 'Widget' ? ' (28-010)' : annotation.subtype === 'Link' ? ' (28-011)' : ''}`,
      })),
    otherAnnotations.length === 0 ? 'Geen annotaties.' : `Alle ${otherAnnotations.length} annotaties hangen in de structuurboom in het juiste element (Link, Form of Annot).`,
    'Niet alle annotaties zijn in de structuurboom opgenomen.',
    otherAnnotations.length === 0 ? 'not-applicable' : undefined,
  );
  const annotatedPages = [...new Set(facts.annotations.map((annotation) => annotation.page))];
  const tabProblems = annotatedPages.filter((page) => facts.tabs[page - 1] !== 'S').map((page) => ({ page, text: facts.tabs[page - 1] ? `/Tabs /${facts.tabs[page - 1]} in plaats van /S (28-009)` : 'geen /Tabs (28-008)' }));
  add(
    { id: 'pdf-annotation-tabs', title: 'Tabvolgorde volgt de structuur', clause: '7.18.3', matterhorn: tabProblems[0]?.text.includes('28-009') ? '28-009' : '28-008', wcag: ['2.4.3'] },
    tabProblems,
    annotatedPages.length === 0 ? "Geen pagina's met annotaties." : `Alle ${annotatedPages.length} pagina's met annotaties hebben /Tabs /S.`,
    "Niet alle pagina's met annotaties volgen de structuur bij het tabben.",
    annotatedPages.length === 0 ? 'not-applicable' : undefined,
  );
  const links = facts.annotations.filter((annotation) => annotation.subtype === 'Link');
  add(
    { id: 'pdf-links-tagged', title: 'Links in een Link-element', clause: '7.18.5', matterhorn: '28-011', wcag: ['2.4.4', '4.1.2'] },
    links.filter((link) => link.structRole !== 'Link').map((link) => ({ page: link.page, object: link.object, text: `link ${link.structRole ? `in een ${link.structRole}-element` : 'niet in de structuurboom'}` })),
    links.length === 0 ? 'Geen links.' : `Alle ${links.length} links zitten in een Link-element.`,
    'Niet alle links zitten in een Link-element.',
    links.length === 0 ? 'not-applicable' : undefined,
  );
  add(
    { id: 'pdf-links-contents', title: 'Links met een beschrijving', clause: '7.18.5', matterhorn: '28-012', wcag: ['2.4.4', '4.1.2'] },
    links.filter((link) => !link.contents?.trim()).map((link) => ({ page: link.page, object: link.object, text: 'link zonder Contents-beschrijving' })),
    links.length === 0 ? 'Geen links.' : `Alle ${links.length} links hebben een beschrijving (Contents).`,
    'Niet alle links hebben een beschrijving (Contents).',
    links.length === 0 ? 'not-applicable' : undefined,
  );

  // --- 7.21: fonts: the ones used for rendering (text shown in a mode other than 3, invisible) ---
  const rendering = facts.fonts.filter((font) => font.used);
  const unused = facts.fonts.length - rendering.length;
  const unusedNote = unused > 0 ? ` (${unused} ${unused === 1 ? 'lettertype staat' : 'lettertypen staan'} alleen in de bronnen en tekent geen tekst)` : '';
  add(
    { id: 'pdf-fonts-embedded', title: 'Lettertypen ingesloten', clause: '7.21.4.1', matterhorn: '31-009', wcag: [] },
    rendering.filter((font) => !font.embedded).map((font) => ({ object: font.object, text: `${font.name} (${font.subtype}) is niet ingesloten` })),
    rendering.length === 0 ? `Geen lettertypen die tekst tekenen${unusedNote}.` : `Alle ${rendering.length} lettertypen die tekst tekenen zijn ingesloten${unusedNote}.`,
    'Niet alle lettertypen zijn ingesloten.',
    rendering.length === 0 ? 'not-applicable' : undefined,
  );
  add(
    { id: 'pdf-fonts-unicode', title: 'Unicode-koppeling van lettertypen', clause: '7.21.7', matterhorn: '31-027', wcag: ['1.3.1'] },
    rendering.filter((font) => !font.toUnicode && font.subtype !== 'Type3').map((font) => ({ object: font.object, text: `${font.name} heeft geen ToUnicode en geen standaardcodering` })),
    rendering.length === 0 ? `Geen lettertypen die tekst tekenen${unusedNote}.` : `Alle lettertypen die tekst tekenen koppelen hun tekens aan Unicode${unusedNote}.`,
    'Niet van alle tekens is te bepalen welke letter het is.',
    rendering.length === 0 ? 'not-applicable' : undefined,
  );

  // --- Requirements as small units, one module per clause family (check/pdf-rules/) ---
  for (const rule of pdfRules) {
    const result = rule.check(facts);
    add({ id: rule.id, title: rule.title, clause: rule.clause, matterhorn: rule.matterhorn, wcag: rule.wcag }, result === 'not-applicable' ? [] : result, rule.ok, rule.failed, result === 'not-applicable' ? 'not-applicable' : undefined);
    checks[checks.length - 1].rules = rule.rules;
  }

  // --- Navigation and the comparisons with the HTML (our own documents) ---
  addBookmarks(add, facts, headings, textOf, expected);
  addComparisons(add, facts, headings, textOf, expected);
  return checks;
}

const kindLabels: Record<string, string> = { text: 'tekst', path: 'lijn of vlak', image: 'afbeelding', shading: 'kleurverloop' };

/** `pdfuaid:part` from the XMP packet, in element or attribute form, under any prefix bound to the PDF/UA namespace. */
function pdfuaPart(xmp: string | undefined): string | undefined {
  if (!xmp) return undefined;
  const prefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/["']/.exec(xmp)?.[1];
  if (!prefix) return undefined;
  const escaped = prefix.replace(/[.-]/g, '\\$&');
  return new RegExp(`<${escaped}:part>\\s*(\\d+)\\s*</${escaped}:part>`).exec(xmp)?.[1] ?? new RegExp(`${escaped}:part\\s*=\\s*["'](\\d+)["']`).exec(xmp)?.[1];
}

/**
 * `text` with one occurrence of each of `parts` taken out (parts that are not there are listed
 * as missing). Built once from the kept stretches: slicing the text anew for each of 400 notes
 * of a 200-page document took seconds.
 */
function withoutParts(text: string, parts: string[]): { text: string; missing: string[] } {
  const ranges: Array<[number, number]> = [];
  const missing: string[] = [];
  for (const part of parts) {
    let at = text.indexOf(part);
    while (at !== -1 && ranges.some(([start, end]) => at < end && at + part.length > start)) at = text.indexOf(part, at + 1);
    if (at === -1) missing.push(part);
    else ranges.push([at, at + part.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    kept.push(text.slice(cursor, start));
    cursor = end;
  }
  kept.push(text.slice(cursor));
  return { text: kept.join(''), missing };
}

type Add = (head: CheckHead, problems: Problems, ok: string, failed: string, status?: CheckStatus) => void;
type Headings = Array<{ level: number | 'H'; element: StructElement }>;

/** 7.17 (navigation): a bookmark for every H2 and H3; without the text, at least an outline. */
function addBookmarks(add: Add, facts: PdfFacts, headings: Headings, textOf: (element: StructElement) => string, expected: PdfExpectations | undefined) {
  const head: CheckHead = { id: 'pdf-bookmarks', title: 'Bladwijzers voor de hoofdstukken', clause: '7.17', matterhorn: null, wcag: ['2.4.5'] };
  const sections = headings.filter((heading) => heading.level === 2 || heading.level === 3);
  if (facts.text && expected) {
    const outlineTitles = new Set(facts.outline.map((item) => squash(item.title)));
    add(
      head,
      sections.filter((heading) => !outlineTitles.has(squash(textOf(heading.element)))).map((heading) => ({ page: heading.element.page, object: heading.element.object, text: `geen bladwijzer voor „${clip(textOf(heading.element))}”` })),
      `${facts.outline.length} bladwijzers; elke H2 en H3 heeft er een.`,
      'Niet elk hoofdstuk of elke paragraaf heeft een bladwijzer.',
      sections.length === 0 && facts.outline.length === 0 ? 'not-applicable' : undefined,
    );
    return;
  }
  add(
    head,
    facts.outline.length === 0 ? [{ text: `${sections.length} hoofdstukken en paragrafen (H2/H3), geen bladwijzers` }] : [],
    sections.length < 2 ? 'Minder dan twee hoofdstukken of paragrafen (H2/H3): bladwijzers niet nodig.' : `${facts.outline.length} bladwijzers voor ${headings.length} koppen.`,
    'Het document heeft hoofdstukken maar geen bladwijzers om erheen te gaan.',
    sections.length < 2 ? 'not-applicable' : undefined,
  );
}

/** The checks that compare the PDF with the HTML it was printed from (`kia build` only). */
function addComparisons(add: Add, facts: PdfFacts, headings: Headings, textOf: (element: StructElement, skip?: (element: StructElement) => boolean) => string, expected: PdfExpectations | undefined) {
  const structure = facts.structure;
  const outside = 'Niet van toepassing: deze PDF is niet door kia-press gemaakt, dus er is geen HTML om mee te vergelijken.';
  const headingsHead: CheckHead = { id: 'pdf-headings-match-html', title: 'Koppen gelijk aan de HTML', clause: '7.4', matterhorn: null, wcag: ['1.3.1'] };
  if (expected?.headings && structure) {
    const actual = headings.map((heading) => `H${heading.level} ${squash(textOf(heading.element))}`);
    const wanted = expected.headings.map((heading) => `H${heading.level} ${squash(heading.text)}`);
    const index = wanted.findIndex((heading, position) => heading !== actual[position]);
    const problems = index === -1 && actual.length === wanted.length ? [] : [{ page: headings[index]?.element.page, text: `verwacht ${wanted[index] ?? '(geen kop meer)'}, gevonden ${actual[index === -1 ? wanted.length : index] ?? '(geen kop)'}` }];
    add(headingsHead, problems, `De ${wanted.length} koppen van de PDF zijn die van de HTML, in dezelfde volgorde en op hetzelfde niveau.`, 'De koppen van de PDF wijken af van die van de HTML.');
  } else {
    add(headingsHead, [], outside, '', 'not-applicable');
  }

  const textHead: CheckHead = { id: 'pdf-structure-text', title: 'Tekst van de structuur gelijk aan het document', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1', '1.3.2'] };
  if (expected?.text !== undefined && structure) {
    // List labels are CSS markers and a figure's text is its Alt: neither is in the page's text.
    const notes = (expected.notes ?? []).map(squash).filter(Boolean);
    const inStructure = withoutParts(squash(textOf(structure, (element) => element.role === 'Lbl' || element.role === 'Artifact' || element.role === 'Figure')), notes);
    const structureText = inStructure.text;
    const documentText = withoutParts(squash(expected.text), notes).text;
    const problems: Problems = inStructure.missing.map((note) => ({ text: `voetnoot „${clip(note, 40)}” ontbreekt in de structuur` }));
    let index = 0;
    while (index < structureText.length && structureText[index] === documentText[index]) index++;
    if (index !== structureText.length || index !== documentText.length) {
      problems.push({ text: `na „${clip(documentText.slice(Math.max(0, index - 30), index), 30)}”: verwacht „${clip(documentText.slice(index, index + 30), 30)}”, structuur heeft „${clip(structureText.slice(index, index + 30), 30)}”` });
    }
    add(textHead, problems, `De tekst van de structuurboom is, in volgorde, de tekst van het document; alle ${expected.notes?.length ?? 0} voetnoten staan erin, met hun nummers.`, 'De tekst van de structuurboom wijkt af van de tekst van het document.');
  } else if (expected && structure) {
    add(textHead, [], 'Niet gecontroleerd: de opgemaakte tekst is alleen tijdens `kia build` bekend.', '', 'not-checked');
  } else {
    add(textHead, [], structure ? outside : 'Niet gecontroleerd: de PDF heeft geen structuurboom.', '', structure ? 'not-applicable' : 'not-checked');
  }

  const langHead: CheckHead = { id: 'pdf-lang-passages', title: 'Taal van anderstalige passages', clause: '7.2', matterhorn: '11-001', wcag: ['3.1.2'] };
  if (expected?.langPassages && expected.langPassages.length > 0 && structure) {
    const withLang: Array<{ lang: string; text: string }> = [];
    walk(structure, (element) => {
      if (element.lang && element !== structure) withLang.push({ lang: element.lang.toLowerCase(), text: squash(textOf(element)) });
    });
    const missing = expected.langPassages.filter((passage) => !withLang.some((found) => found.lang === passage.lang.toLowerCase() && found.text.includes(squash(passage.text))));
    add(
      langHead,
      missing.map((passage) => ({ text: `„${clip(passage.text)}” (${passage.lang}) heeft geen /Lang in de structuur` })),
      `Alle ${expected.langPassages.length} anderstalige passages hebben hun taal (/Lang) in de structuur.`,
      'Niet alle anderstalige passages hebben hun taal in de structuur.',
    );
  } else {
    add(langHead, [], expected ? 'Geen anderstalige passages gemarkeerd.' : outside, '', 'not-applicable');
  }
}
