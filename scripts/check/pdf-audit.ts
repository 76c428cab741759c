/**
 * The PDF half of the accessibility gate: machine-checkable PDF/UA-1 (ISO 14289-1) checks,
 * each with its clause and Matterhorn Protocol checkpoint. No PDF/UA validator (veraPDF, PAC)
 * can be installed here, so these are our own, on pdf-lib and pdf.js (see scripts/pdf/read.ts).
 */
import { readFile } from 'node:fs/promises';
import { readPdfFacts, type ContentRef, type PdfFacts, type StructElement } from '../pdf/read.ts';
import { pageMarginsMm } from './pdf-text.ts';

export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'not-checked';

export interface PdfCheck {
  id: string;
  status: CheckStatus;
  /** Dutch name of the check, for the report. */
  title: string;
  /** ISO 14289-1 clause. */
  clause: string;
  /** Matterhorn Protocol 1.1 failure condition, or null where it has none. */
  matterhorn: string | null;
  wcag: string[];
  message: string;
  /** Where it failed: page (1-based), object, text. At most 20 listed. */
  details: Array<{ page?: number; object?: string; text: string }>;
}

export interface PdfAudit {
  file: string;
  status: 'pass' | 'fail';
  pages: number;
  checks: PdfCheck[];
  seconds: number;
}

/** What the PDF must contain, known from the document it was printed from. */
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
}

const mmToPt = 72 / 25.4;
const squash = (text: string) => text.replace(/[\s\u00ad]+/gu, '');
const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length)}…` : text);

function isContent(child: StructElement | ContentRef): child is ContentRef {
  return 'mcid' in child;
}

function walk(element: StructElement, visit: (element: StructElement, parent: StructElement | undefined) => boolean | void, parent?: StructElement) {
  if (visit(element, parent) === false) return;
  for (const child of element.children) if (!isContent(child)) walk(child, visit, element);
}

/** Audit the PDF at `file`. */
export async function auditPdf(file: string, options: { shownFile: string; expected?: PdfExpectations }): Promise<PdfAudit> {
  const started = performance.now();
  const facts = await readPdfFacts(new Uint8Array(await readFile(file)));
  const checks = runChecks(facts, options.expected ?? {});
  return { file: options.shownFile, status: checks.some((check) => check.status === 'fail') ? 'fail' : 'pass', pages: facts.pageCount, checks, seconds: (performance.now() - started) / 1000 };
}

/** All checks over already-read facts. */
export function runChecks(facts: PdfFacts, expected: PdfExpectations): PdfCheck[] {
  const checks: PdfCheck[] = [];
  const add = (check: Omit<PdfCheck, 'status' | 'details' | 'message'>, problems: PdfCheck['details'], ok: string, failed: string, status?: CheckStatus) => {
    const final = status ?? (problems.length > 0 ? 'fail' : 'pass');
    checks.push({ ...check, status: final, message: final === 'fail' ? failed : ok, details: problems.slice(0, 20) });
  };
  const structure = facts.structure;
  /** For checks that read the structure tree: without one their requirement cannot be met. */
  const addStructural = (check: Parameters<typeof add>[0], problems: PdfCheck['details'], ok: string, failed: string, status?: CheckStatus) =>
    structure ? add(check, problems, ok, failed, status) : add(check, [{ text: 'geen structuurboom' }], '', 'Niet te bepalen: de PDF heeft geen structuurboom (tags).', 'fail');

  // Text of every MCID, by page.
  const mcidText = new Map<string, string>();
  facts.text.forEach((runs, index) => {
    for (const run of runs) if (run.mcid !== undefined) mcidText.set(`${index + 1}:${run.mcid}`, (mcidText.get(`${index + 1}:${run.mcid}`) ?? '') + run.text);
  });
  const textOf = (element: StructElement, skip: (element: StructElement) => boolean = () => false): string => {
    if (skip(element)) return '';
    if (element.actualText !== undefined) return element.actualText;
    return element.children.map((child) => (isContent(child) ? (mcidText.get(`${child.page}:${child.mcid}`) ?? '') : textOf(child, skip))).join('');
  };

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
    { id: 'pdf-role-map', title: 'Rolverwijzingen naar standaardtypen', clause: '7.1', matterhorn: '02-001', wcag: ['1.3.1'] },
    facts.roleMapProblems.map((text) => ({ text })),
    'Eigen structuurtypen verwijzen zonder kringen naar standaardtypen.',
    'De rolverwijzing (RoleMap) is onjuist.',
  );
  const validLang = facts.lang !== undefined && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(facts.lang);
  add(
    { id: 'pdf-document-lang', title: 'Taal van het document', clause: '7.2', matterhorn: '11-001', wcag: ['3.1.1'] },
    validLang ? [] : [{ text: facts.lang === undefined ? 'geen /Lang in de catalogus' : `ongeldige taalcode ${facts.lang}` }],
    `De documenttaal is ${facts.lang}.`,
    'De taal van het document is niet vast te stellen, dus een schermlezer kiest mogelijk de verkeerde uitspraak.',
  );
  const xmpTitle = facts.xmp ? /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(facts.xmp)?.[1]?.trim() : undefined;
  add(
    { id: 'pdf-xmp-metadata', title: 'XMP-metadata', clause: '7.1', matterhorn: '06-001', wcag: [] },
    facts.xmp ? [] : [{ text: 'geen /Metadata-stroom in de catalogus' }],
    'De PDF heeft een XMP-metadatastroom.',
    'De PDF heeft geen XMP-metadata.',
  );
  add(
    { id: 'pdf-title', title: 'Documenttitel', clause: '7.1', matterhorn: '06-003', wcag: ['2.4.2'] },
    [...(facts.infoTitle?.trim() ? [] : [{ text: 'geen Title in het informatiewoordenboek' }]), ...(xmpTitle ? [] : [{ text: 'geen dc:title in de XMP-metadata' }])],
    `De titel is „${facts.infoTitle ?? xmpTitle}”.`,
    'De PDF heeft geen (volledige) titel.',
  );
  add(
    { id: 'pdf-display-doc-title', title: 'Titel tonen in plaats van bestandsnaam', clause: '7.1', matterhorn: facts.displayDocTitle === false ? '07-002' : '07-001', wcag: ['2.4.2'] },
    facts.displayDocTitle ? [] : [{ text: facts.displayDocTitle === false ? '/DisplayDocTitle is false' : 'geen /ViewerPreferences /DisplayDocTitle' }],
    'Lezers tonen de documenttitel (/DisplayDocTitle true).',
    'Lezers tonen de bestandsnaam in plaats van de titel.',
  );
  add(
    { id: 'pdf-fonts-embedded', title: 'Lettertypen ingesloten', clause: '7.21.4.1', matterhorn: '31-009', wcag: [] },
    facts.fonts.filter((font) => !font.embedded).map((font) => ({ object: font.object, text: `${font.name} (${font.subtype}) is niet ingesloten` })),
    `Alle ${facts.fonts.length} lettertypen zijn ingesloten.`,
    'Niet alle lettertypen zijn ingesloten.',
  );
  add(
    { id: 'pdf-fonts-unicode', title: 'Unicode-koppeling van lettertypen', clause: '7.21.7', matterhorn: '31-027', wcag: ['1.3.1'] },
    facts.fonts.filter((font) => !font.toUnicode && font.subtype !== 'Type3').map((font) => ({ object: font.object, text: `${font.name} heeft geen ToUnicode` })),
    'Alle lettertypen koppelen hun tekens aan Unicode.',
    'Niet van alle tekens is te bepalen welke letter het is.',
  );

  // Headings
  const headings: Array<{ level: number | 'H'; text: string; page?: number; object?: string }> = [];
  if (structure) {
    walk(structure, (element) => {
      const match = /^H([1-6])?$/.exec(element.role);
      if (!match) return;
      headings.push({ level: match[1] ? Number(match[1]) : 'H', text: textOf(element).trim(), page: element.page, object: element.object });
      return false;
    });
  }
  const nesting: PdfCheck['details'] = [];
  let previous = 0;
  for (const heading of headings) {
    if (heading.level === 'H') continue;
    if (heading.level > previous + 1) nesting.push({ page: heading.page, object: heading.object, text: `H${heading.level} „${clip(heading.text)}” na H${previous || '–'}` });
    previous = heading.level;
  }
  if (headings.some((heading) => heading.level === 'H') && headings.some((heading) => heading.level !== 'H')) nesting.push({ text: 'het document gebruikt zowel H als H1–H6 (14-007)' });
  addStructural(
    { id: 'pdf-headings-nesting', title: 'Kopniveaus zonder sprongen', clause: '7.4.2', matterhorn: '14-003', wcag: ['1.3.1', '2.4.6'] },
    nesting,
    `${headings.length} koppen, zonder overgeslagen niveaus.`,
    'Er worden kopniveaus overgeslagen.',
    headings.length === 0 ? 'not-applicable' : undefined,
  );
  if (expected.headings) {
    const actual = headings.map((heading) => `H${heading.level} ${squash(heading.text)}`);
    const wanted = expected.headings.map((heading) => `H${heading.level} ${squash(heading.text)}`);
    const index = wanted.findIndex((heading, position) => heading !== actual[position]);
    const problems = index === -1 && actual.length === wanted.length ? [] : [{ page: headings[index]?.page, text: `verwacht ${wanted[index] ?? '(geen kop meer)'}, gevonden ${actual[index === -1 ? wanted.length : index] ?? '(geen kop)'}` }];
    addStructural(
      { id: 'pdf-headings-match-html', title: 'Koppen gelijk aan de HTML', clause: '7.4', matterhorn: null, wcag: ['1.3.1'] },
      problems,
      `De ${wanted.length} koppen van de PDF zijn die van de HTML, in dezelfde volgorde en op hetzelfde niveau.`,
      'De koppen van de PDF wijken af van die van de HTML.',
    );
  } else {
    add({ id: 'pdf-headings-match-html', title: 'Koppen gelijk aan de HTML', clause: '7.4', matterhorn: null, wcag: ['1.3.1'] }, [], 'Geen HTML bekend om mee te vergelijken.', '', 'not-applicable');
  }

  // Figures and tables
  const figures: PdfCheck['details'] = [];
  let figureCount = 0;
  const tables: PdfCheck['details'] = [];
  let tableCount = 0;
  if (structure) {
    walk(structure, (element, parent) => {
      if (element.role === 'Figure') {
        figureCount++;
        if (!element.alt?.trim() && element.actualText === undefined) figures.push({ page: element.page, object: element.object, text: 'Figure zonder Alt of ActualText' });
      }
      if (element.role === 'Table') {
        tableCount++;
        const cells: StructElement[] = [];
        walk(element, (inner) => {
          if (inner.role === 'TH' || inner.role === 'TD') cells.push(inner);
        });
        const headers = cells.filter((cell) => cell.role === 'TH');
        const usesHeaders = cells.some((cell) => cell.headers && cell.headers.length > 0);
        if (headers.length === 0) tables.push({ page: element.page, object: element.object, text: 'tabel zonder TH-cellen' });
        for (const header of headers) if (!header.scope && !usesHeaders) tables.push({ page: header.page, object: header.object, text: `TH „${clip(textOf(header))}” zonder Scope` });
      }
      if ((element.role === 'TH' || element.role === 'TD') && parent?.role !== 'TR') tables.push({ page: element.page, object: element.object, text: `${element.role} buiten een TR (09-004)` });
    });
  }
  addStructural(
    { id: 'pdf-figures-alt', title: 'Afbeeldingen met alternatieve tekst', clause: '7.3', matterhorn: '13-004', wcag: ['1.1.1'] },
    figures,
    figureCount === 0 ? 'Geen afbeeldingen (Figure) in de structuur.' : `Alle ${figureCount} afbeeldingen hebben een alternatieve tekst.`,
    'Niet alle afbeeldingen hebben een alternatieve tekst.',
    figureCount === 0 ? 'not-applicable' : undefined,
  );
  addStructural(
    { id: 'pdf-tables-headers', title: 'Tabellen met kopcellen', clause: '7.5', matterhorn: '15-003', wcag: ['1.3.1'] },
    tables,
    tableCount === 0 ? 'Geen tabellen in de structuur.' : `Alle ${tableCount} tabellen hebben kopcellen (TH) met Scope.`,
    'Niet alle tabellen hebben bepaalbare kopcellen.',
    tableCount === 0 ? 'not-applicable' : undefined,
  );

  // Lists: L → LI (or Caption, or a nested L), LI → Lbl and/or LBody (ISO 32000-1 table 336)
  const lists: PdfCheck['details'] = [];
  let listCount = 0;
  if (structure) {
    walk(structure, (element) => {
      const kids = element.children.filter((child): child is StructElement => !isContent(child));
      if (element.role === 'L') {
        listCount++;
        for (const kid of kids) if (!['LI', 'Caption', 'L'].includes(kid.role)) lists.push({ page: kid.page, object: kid.object, text: `${kid.role} direct in een lijst (L)` });
      }
      if (element.role === 'LI') {
        for (const kid of kids) if (kid.role !== 'Lbl' && kid.role !== 'LBody') lists.push({ page: kid.page, object: kid.object, text: `${kid.role} in een lijstitem (LI) in plaats van Lbl of LBody` });
        if (element.children.some(isContent)) lists.push({ page: element.page, object: element.object, text: 'inhoud direct in een lijstitem (LI), buiten Lbl of LBody' });
      }
    });
  }
  addStructural(
    { id: 'pdf-lists-structure', title: 'Opbouw van lijsten', clause: '7.2', matterhorn: '09-005', wcag: ['1.3.1'] },
    lists,
    `Alle ${listCount} lijsten zijn opgebouwd als L → LI → Lbl/LBody.`,
    'Niet alle lijsten zijn volgens de norm opgebouwd.',
    listCount === 0 ? 'not-applicable' : undefined,
  );

  // Links: tagged as Link with a description; pages with annotations in structure order
  const links = facts.annotations.filter((annotation) => annotation.subtype === 'Link');
  add(
    { id: 'pdf-links', title: 'Links getagd en beschreven', clause: '7.18.5', matterhorn: '28-012', wcag: ['2.4.4', '4.1.2'] },
    links.flatMap((link) => [
      ...(link.structRole === 'Link' ? [] : [{ page: link.page, object: link.object, text: `link niet in een Link-element (${link.structRole ?? 'niet in de structuur'}; 28-011)` }]),
      ...(link.contents?.trim() ? [] : [{ page: link.page, object: link.object, text: 'link zonder Contents-beschrijving' }]),
    ]),
    `Alle ${links.length} links zitten in een Link-element en hebben een beschrijving (Contents).`,
    'Niet alle links zijn getagd en beschreven.',
    links.length === 0 ? 'not-applicable' : undefined,
  );
  const annotatedPages = [...new Set(facts.annotations.map((annotation) => annotation.page))];
  add(
    { id: 'pdf-annotation-tabs', title: 'Tabvolgorde volgt de structuur', clause: '7.18.3', matterhorn: facts.annotations.length > 0 && annotatedPages.some((page) => facts.tabs[page - 1] !== undefined) ? '28-009' : '28-008', wcag: ['2.4.3'] },
    annotatedPages.filter((page) => facts.tabs[page - 1] !== 'S').map((page) => ({ page, text: facts.tabs[page - 1] ? `/Tabs /${facts.tabs[page - 1]} in plaats van /S` : 'geen /Tabs' })),
    `Alle ${annotatedPages.length} pagina's met annotaties hebben /Tabs /S.`,
    "Niet alle pagina's met annotaties volgen de structuur bij het tabben.",
    annotatedPages.length === 0 ? 'not-applicable' : undefined,
  );

  // Bookmarks for the H2/H3 headings
  const outlineTitles = new Set(facts.outline.map((item) => squash(item.title)));
  const sections = headings.filter((heading) => heading.level === 2 || heading.level === 3);
  addStructural(
    { id: 'pdf-bookmarks', title: 'Bladwijzers voor de hoofdstukken', clause: '7.17', matterhorn: null, wcag: ['2.4.5'] },
    sections.filter((heading) => !outlineTitles.has(squash(heading.text))).map((heading) => ({ page: heading.page, text: `geen bladwijzer voor „${clip(heading.text)}”` })),
    `${facts.outline.length} bladwijzers; elke H2 en H3 heeft er een.`,
    'Niet elk hoofdstuk of elke paragraaf heeft een bladwijzer.',
    sections.length === 0 && facts.outline.length === 0 ? 'not-applicable' : undefined,
  );

  // Content: tagged, artifact, or neither
  const untagged: PdfCheck['details'] = [];
  const nested: PdfCheck['details'] = [];
  const furniture: PdfCheck['details'] = [];
  facts.text.forEach((runs, index) => {
    const height = facts.pageHeights[index];
    for (const run of runs) {
      if (!run.text.trim()) continue;
      const inMargin = run.y < pageMarginsMm.bottom * mmToPt || run.y > height - pageMarginsMm.top * mmToPt;
      if (run.artifact && run.mcid !== undefined) nested.push({ page: index + 1, text: `„${clip(run.text)}” is zowel artefact als getagd` });
      else if (run.mcid === undefined && !run.artifact) (inMargin ? furniture : untagged).push({ page: index + 1, text: `„${clip(run.text)}”` });
      else if (inMargin && !run.artifact) furniture.push({ page: index + 1, text: `„${clip(run.text)}” in de paginamarge is als inhoud getagd` });
    }
  });
  add(
    { id: 'pdf-text-tagged', title: 'Alle tekst getagd of artefact', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1'] },
    untagged,
    'Alle tekst op de pagina’s staat in de structuur of is als artefact gemarkeerd.',
    'Er staat tekst op de pagina’s die niet getagd en geen artefact is: een schermlezer slaat die over.',
  );
  add(
    { id: 'pdf-artifact-nesting', title: 'Artefacten en inhoud niet door elkaar', clause: '7.1', matterhorn: '01-004', wcag: ['1.3.1'] },
    nested,
    'Geen getagde inhoud binnen artefacten en andersom.',
    'Getagde inhoud en artefacten zijn in elkaar genest.',
  );
  add(
    { id: 'pdf-furniture-artifacts', title: 'Paginakop en paginanummers als artefact', clause: '7.8', matterhorn: '18-001', wcag: ['1.3.1'] },
    furniture,
    'Kopregels en paginanummers in de marges zijn als artefact gemarkeerd.',
    'Tekst in de paginamarges (kopregel, paginanummer) is niet als artefact gemarkeerd.',
  );

  // The structure tree's text, in order, against the laid-out document's text
  if (expected.text !== undefined && structure) {
    // List labels are CSS markers and a figure's text is its Alt: neither is in the page's text.
    let structureText = squash(textOf(structure, (element) => element.role === 'Lbl' || element.role === 'Artifact' || element.role === 'Figure'));
    let documentText = squash(expected.text);
    const problems: PdfCheck['details'] = [];
    for (const note of (expected.notes ?? []).map(squash).filter(Boolean)) {
      const inStructure = structureText.indexOf(note);
      if (inStructure === -1) problems.push({ text: `voetnoot „${clip(note, 40)}” ontbreekt in de structuur` });
      else structureText = structureText.slice(0, inStructure) + structureText.slice(inStructure + note.length);
      const inDocument = documentText.indexOf(note);
      if (inDocument !== -1) documentText = documentText.slice(0, inDocument) + documentText.slice(inDocument + note.length);
    }
    let index = 0;
    while (index < structureText.length && structureText[index] === documentText[index]) index++;
    if (index !== structureText.length || index !== documentText.length) {
      problems.push({ text: `na „${clip(documentText.slice(Math.max(0, index - 30), index), 30)}”: verwacht „${clip(documentText.slice(index, index + 30), 30)}”, structuur heeft „${clip(structureText.slice(index, index + 30), 30)}”` });
    }
    add(
      { id: 'pdf-structure-text', title: 'Tekst van de structuur gelijk aan het document', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1', '1.3.2'] },
      problems,
      `De tekst van de structuurboom is, in volgorde, de tekst van het document; alle ${expected.notes?.length ?? 0} voetnoten staan erin, met hun nummers.`,
      'De tekst van de structuurboom wijkt af van de tekst van het document.',
    );
  } else {
    add(
      { id: 'pdf-structure-text', title: 'Tekst van de structuur gelijk aan het document', clause: '7.1', matterhorn: '01-005', wcag: ['1.3.1', '1.3.2'] },
      [],
      structure ? 'Niet gecontroleerd: de opgemaakte tekst is alleen tijdens `kia build` bekend.' : 'Niet gecontroleerd: de PDF heeft geen structuurboom.',
      '',
      'not-checked',
    );
  }

  // Passages in another language
  if (expected.langPassages && expected.langPassages.length > 0 && structure) {
    const withLang: Array<{ lang: string; text: string }> = [];
    walk(structure, (element) => {
      if (element.lang && element !== structure) withLang.push({ lang: element.lang.toLowerCase(), text: squash(textOf(element)) });
    });
    const missing = expected.langPassages.filter((passage) => !withLang.some((found) => found.lang === passage.lang.toLowerCase() && found.text.includes(squash(passage.text))));
    add(
      { id: 'pdf-lang-passages', title: 'Taal van anderstalige passages', clause: '7.2', matterhorn: '11-001', wcag: ['3.1.2'] },
      missing.map((passage) => ({ text: `„${clip(passage.text)}” (${passage.lang}) heeft geen /Lang in de structuur` })),
      `Alle ${expected.langPassages.length} anderstalige passages hebben hun taal (/Lang) in de structuur.`,
      'Niet alle anderstalige passages hebben hun taal in de structuur.',
    );
  } else {
    add({ id: 'pdf-lang-passages', title: 'Taal van anderstalige passages', clause: '7.2', matterhorn: '11-001', wcag: ['3.1.2'] }, [], 'Geen anderstalige passages gemarkeerd.', '', 'not-applicable');
  }
  return checks;
}
