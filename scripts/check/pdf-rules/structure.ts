/**
 * The structure tree (ISO 14289-1 7.1–7.9, through ISO 32000-1 14.7 and 14.8): the role map,
 * parents, tables, lists, tables of contents, figures and formulas, headings, table headers,
 * notes. Every structure type is compared after the role map (`element.role`).
 */
import { kids, standardTypes, walk, type StructElement } from '../../pdf/read.ts';
import { where, type PdfRule, type Problem, type RuleContext } from './rule.ts';

/** Every structure element below `root` (one table's rows and cells), with its parent. */
function below(root: StructElement): Array<{ element: StructElement; parent?: StructElement }> {
  const found: Array<{ element: StructElement; parent?: StructElement }> = [];
  walk(root, (element, parent) => void (element !== root && found.push({ element, parent })));
  return found;
}

/**
 * The rows of a table as a grid, spans taken into account: per row the number of columns it
 * fills, and how far row spans reach past the last row.
 */
function tableGrid(table: StructElement): { widths: number[]; overhang: number } {
  const rows = kids(table).flatMap((kid) =>
    kid.role === 'TR' ? [kid] : ['THead', 'TBody', 'TFoot'].includes(kid.role) ? kids(kid).filter((row) => row.role === 'TR') : [],
  );
  const filled: Array<Set<number>> = rows.map(() => new Set());
  let overhang = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of kids(row).filter((kid) => kid.role === 'TH' || kid.role === 'TD')) {
      while (filled[r].has(column)) column++;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      if (r + rowSpan > rows.length) overhang = Math.max(overhang, r + rowSpan - rows.length);
      for (let y = r; y < Math.min(rows.length, r + rowSpan); y++) for (let x = column; x < column + colSpan; x++) filled[y].add(x);
      column += colSpan;
    }
  });
  return { widths: filled.map((row) => (row.size === 0 ? 0 : Math.max(...row) + 1)), overhang };
}

export const structureRules: PdfRule[] = [
  {
    id: 'pdf-role-map-terminates',
    title: 'Eigen structuurtypen verwezen naar standaardtypen',
    clause: '7.1',
    rules: ['7.1-t05'],
    matterhorn: '02-001',
    wcag: ['1.3.1'],
    ok: 'Alle structuurtypen zijn standaardtypen of verwijzen (via de RoleMap) naar een standaardtype.',
    failed: 'Niet alle eigen structuurtypen verwijzen naar een standaardtype.',
    structural: true,
    check(facts, { elements }) {
      const unmapped = elements.filter(
        ({ element }) => !standardTypes.has(element.role) && !facts.roleMap.circular.some((cycle) => cycle.includes(element.rawRole ?? element.role)),
      );
      return [
        ...facts.roleMap.unterminated.map((text) => ({ text })),
        ...unmapped.map(({ element }) => where(element, `structuurtype ${element.rawRole ?? element.role} is geen standaardtype en niet verwezen`)),
      ];
    },
  },
  {
    id: 'pdf-role-map-circular',
    title: 'Geen kringverwijzingen in de rolverwijzing',
    clause: '7.1',
    rules: ['7.1-t06'],
    matterhorn: '02-002',
    wcag: ['1.3.1'],
    ok: 'De rolverwijzing (RoleMap) heeft geen kringverwijzingen.',
    failed: 'De rolverwijzing (RoleMap) verwijst in een kring.',
    structural: true,
    check: (facts) => facts.roleMap.circular.map((text) => ({ text })),
  },
  {
    id: 'pdf-role-map-standard',
    title: 'Standaardtypen niet omgeleid',
    clause: '7.1',
    rules: ['7.1-t07'],
    matterhorn: '02-003',
    wcag: ['1.3.1'],
    ok: 'Geen standaardtype is in de rolverwijzing omgeleid.',
    failed: 'De rolverwijzing leidt standaardtypen om naar andere typen.',
    structural: true,
    check: (facts) => facts.roleMap.standardRemapped.map((text) => ({ text })),
  },
  {
    id: 'pdf-struct-parents',
    title: 'Elk structuurelement kent zijn ouder',
    clause: '7.1',
    rules: ['7.1-t12'],
    matterhorn: null,
    wcag: ['1.3.1'],
    ok: 'Alle structuurelementen wijzen met /P naar hun ouder.',
    failed: 'Niet elk structuurelement wijst met /P naar zijn ouder; hulptechnologie kan de boom dan niet omhoog volgen.',
    structural: true,
    check(_facts, { elements, describe }) {
      return {
        problems: elements
          .filter(({ element }) => element.wrongParent)
          .map(({ element }) =>
            where(
              element,
              `${describe(element)}: ${element.wrongParent === 'missing' ? 'geen /P' : '/P wijst naar een ander element dan zijn ouder'} (ISO 32000-1 14.7.2)`,
            ),
          ),
        ok: `Alle ${elements.length} structuurelementen wijzen met /P naar hun ouder.`,
      };
    },
  },
  {
    id: 'pdf-tables-structure',
    title: 'Opbouw van tabellen',
    clause: '7.2',
    rules: [
      '7.2-t03',
      '7.2-t04',
      '7.2-t05',
      '7.2-t06',
      '7.2-t07',
      '7.2-t08',
      '7.2-t09',
      '7.2-t10',
      '7.2-t11',
      '7.2-t12',
      '7.2-t13',
      '7.2-t14',
      '7.2-t16',
      '7.2-t36',
      '7.2-t37',
      '7.2-t38',
      '7.2-t39',
    ],
    matterhorn: '09-004',
    wcag: ['1.3.1'],
    ok: 'Geen tabellen in de structuur.',
    failed: 'Niet alle tabellen zijn volgens de norm opgebouwd.',
    structural: true,
    // ISO 32000-1 table 337.
    check(_facts, { elements, describe }) {
      const problems: Problem[] = [];
      let tables = 0;
      const parts = new Set(['TR', 'THead', 'TBody', 'TFoot']);
      for (const { element, parent } of elements) {
        const roles = kids(element).map((kid) => kid.role);
        if (element.role === 'Table') {
          tables++;
          const body = roles.filter((role) => role !== 'Caption');
          const captions = roles.length - body.length;
          if (captions > 1 || (captions === 1 && roles[0] !== 'Caption' && roles[roles.length - 1] !== 'Caption'))
            problems.push(where(element, 'Caption niet als eerste of laatste kind, of meer dan één Caption'));
          for (const kid of kids(element))
            if (kid.role !== 'Caption' && !parts.has(kid.role))
              problems.push(where(kid, `${describe(kid)} direct in een Table (verwacht TR, THead, TBody, TFoot of Caption)`));
          if (body.filter((role) => role === 'THead').length > 1) problems.push(where(element, 'meer dan één THead'));
          if (body.filter((role) => role === 'TFoot').length > 1) problems.push(where(element, 'meer dan één TFoot'));
          if ((body.includes('THead') || body.includes('TFoot')) && !body.includes('TBody')) problems.push(where(element, 'THead of TFoot zonder TBody'));
        }
        if (['THead', 'TBody', 'TFoot'].includes(element.role)) {
          if (parent?.role !== 'Table') problems.push(where(element, `${element.role} buiten een Table (in ${parent?.role ?? '?'})`));
          for (const kid of kids(element)) if (kid.role !== 'TR') problems.push(where(kid, `${describe(kid)} in een ${element.role} (verwacht TR)`));
        }
        if (element.role === 'TR') {
          if (!parent || !['Table', 'THead', 'TBody', 'TFoot'].includes(parent.role))
            problems.push(where(element, `TR buiten een tabel (in ${parent?.role ?? '?'})`));
          for (const kid of kids(element))
            if (kid.role !== 'TH' && kid.role !== 'TD') problems.push(where(kid, `${describe(kid)} in een TR (verwacht TH of TD)`));
        }
        if ((element.role === 'TH' || element.role === 'TD') && parent?.role !== 'TR')
          problems.push(where(element, `${element.role} buiten een TR (in ${parent?.role ?? '?'})`));
      }
      if (tables === 0 && problems.length === 0) return 'not-applicable';
      return { problems, ok: `Alle ${tables} tabellen zijn opgebouwd als Table → (THead/TBody/TFoot →) TR → TH/TD.` };
    },
  },
  {
    id: 'pdf-lists-structure',
    title: 'Opbouw van lijsten',
    clause: '7.2',
    rules: ['7.2-t17', '7.2-t18', '7.2-t19', '7.2-t20', '7.2-t40'],
    matterhorn: '09-005',
    wcag: ['1.3.1'],
    ok: 'Geen lijsten in de structuur.',
    failed: 'Niet alle lijsten zijn volgens de norm opgebouwd.',
    structural: true,
    // ISO 32000-1 table 336.
    check(_facts, { elements, describe }) {
      const problems: Problem[] = [];
      let lists = 0;
      for (const { element, parent } of elements) {
        if (element.role === 'L') {
          lists++;
          for (const [index, kid] of kids(element).entries()) {
            if (kid.role === 'Caption' && index !== 0) problems.push(where(kid, 'Caption niet als eerste kind van een lijst (L)'));
            else if (!['LI', 'Caption', 'L'].includes(kid.role)) problems.push(where(kid, `${describe(kid)} direct in een lijst (L)`));
          }
          if (kids(element).filter((kid) => kid.role === 'Caption').length > 1) problems.push(where(element, 'meer dan één Caption in een lijst'));
        }
        if (element.role === 'LI') {
          if (parent?.role !== 'L') problems.push(where(element, `LI buiten een lijst (in ${parent?.role ?? '?'})`));
          for (const kid of kids(element))
            if (kid.role !== 'Lbl' && kid.role !== 'LBody') problems.push(where(kid, `${describe(kid)} in een lijstitem (LI) in plaats van Lbl of LBody`));
        }
        if (element.role === 'LBody' && parent?.role !== 'LI') problems.push(where(element, `LBody buiten een lijstitem (in ${parent?.role ?? '?'})`));
      }
      if (lists === 0 && problems.length === 0) return 'not-applicable';
      return { problems, ok: `Alle ${lists} lijsten zijn opgebouwd als L → LI → Lbl/LBody.` };
    },
  },
  alternativeText('Figure', {
    id: 'pdf-figures-alt',
    title: 'Afbeeldingen met alternatieve tekst',
    clause: '7.3',
    rules: ['7.3-t01'],
    matterhorn: '13-004',
    wcag: ['1.1.1'],
    ok: 'Geen afbeeldingen (Figure) in de structuur.',
    failed: 'Niet alle afbeeldingen hebben een alternatieve tekst.',
    all: (count) => `Alle ${count} afbeeldingen hebben een alternatieve tekst.`,
  }),
  alternativeText('Formula', {
    id: 'pdf-formulas-alt',
    title: 'Formules met alternatieve tekst',
    clause: '7.7',
    rules: ['7.7-t01'],
    matterhorn: '17-002',
    wcag: ['1.1.1'],
    ok: 'Geen formules (Formula) in de structuur.',
    failed: 'Niet alle formules hebben een alternatieve tekst.',
    all: (count) => `Alle ${count} formules hebben een alternatieve tekst.`,
  }),
  {
    id: 'pdf-headings-nesting',
    title: 'Kopniveaus zonder sprongen',
    clause: '7.4.2',
    rules: ['7.4.2-t01'],
    matterhorn: '14-003',
    wcag: ['1.3.1', '2.4.6'],
    ok: 'Geen koppen in de structuur.',
    failed: 'De eerste kop is geen H1, of er worden kopniveaus overgeslagen.',
    structural: true,
    check(_facts, { headings, describe }) {
      if (headings.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      let previous = 0;
      for (const heading of headings) {
        if (heading.level === 'H') continue;
        if (previous === 0 && heading.level !== 1) problems.push(where(heading.element, `de eerste genummerde kop is H${heading.level}, niet H1 (14-002)`));
        else if (heading.level > previous + 1) problems.push(where(heading.element, `${describe(heading.element)} (H${heading.level}) na H${previous}`));
        previous = heading.level;
      }
      return {
        problems,
        ok: `${headings.length} koppen, beginnend bij H1, zonder overgeslagen niveaus.`,
        matterhorn: problems[0]?.text.includes('14-002') ? '14-002' : '14-003',
      };
    },
  },
  {
    id: 'pdf-headings-kind',
    title: 'Koppen óf genummerd óf ongenummerd',
    clause: '7.4.4',
    rules: ['7.4.4-t01', '7.4.4-t02', '7.4.4-t03'],
    matterhorn: '14-007',
    wcag: ['1.3.1'],
    ok: 'Geen koppen in de structuur.',
    failed: 'Het document mengt H met H1–H6, of een element heeft meer dan één H.',
    structural: true,
    check(_facts, { headings, elements }) {
      if (headings.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      const usesH = headings.some((heading) => heading.level === 'H');
      if (usesH && headings.some((heading) => heading.level !== 'H')) problems.push({ text: 'het document gebruikt zowel H als H1–H6 (14-007)' });
      for (const { element } of elements)
        if (kids(element).filter((kid) => kid.role === 'H').length > 1) problems.push(where(element, `${element.role} heeft meer dan één H als kind (14-006)`));
      return {
        problems,
        ok: usesH ? 'Het document gebruikt alleen H, hooguit één per element.' : 'Het document gebruikt alleen genummerde koppen (H1–H6).',
        matterhorn: problems[0]?.text.includes('14-006') ? '14-006' : '14-007',
      };
    },
  },
  {
    id: 'pdf-tables-headers',
    title: 'Tabellen met bepaalbare kopcellen',
    clause: '7.5',
    rules: ['7.5-t01'],
    matterhorn: '15-003',
    wcag: ['1.3.1'],
    ok: 'Geen tabellen in de structuur.',
    failed: 'Niet alle tabellen hebben bepaalbare kopcellen.',
    structural: true,
    check(_facts, { elements, describe }) {
      const tables = elements.filter(({ element }) => element.role === 'Table').map(({ element }) => element);
      if (tables.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const table of tables) {
        const cells: StructElement[] = [];
        walk(table, (inner) => {
          if (inner.role === 'TH' || inner.role === 'TD') cells.push(inner);
          return inner === table || inner.role !== 'Table'; // a nested table is checked on its own
        });
        const headerCells = cells.filter((cell) => cell.role === 'TH');
        const usesHeaders = cells.some((cell) => cell.headers && cell.headers.length > 0);
        if (headerCells.length === 0) problems.push(where(table, 'tabel zonder TH-cellen'));
        for (const header of headerCells)
          if (!header.scope && !usesHeaders) problems.push(where(header, `${describe(header)} zonder Scope (en de tabel gebruikt geen Headers)`));
      }
      return { problems, ok: `Alle ${tables.length} tabellen hebben kopcellen (TH) met Scope of Headers.` };
    },
  },
  {
    id: 'pdf-notes-id',
    title: 'Voetnoten (Note) met een eigen ID',
    clause: '7.9',
    rules: ['7.9-t01', '7.9-t02'],
    matterhorn: '19-003',
    wcag: ['1.3.1'],
    ok: 'Geen voetnoten als Note-element in de structuur.',
    failed: 'Niet alle Note-elementen hebben een (unieke) ID.',
    structural: true,
    check(_facts, { elements, describe }) {
      const notes = elements.filter(({ element }) => element.role === 'Note').map(({ element }) => element);
      if (notes.length === 0) return 'not-applicable';
      const ids = new Map<string, number>();
      for (const note of notes) if (note.id) ids.set(note.id, (ids.get(note.id) ?? 0) + 1);
      const problems = [
        ...notes.filter((note) => !note.id).map((note) => where(note, `${describe(note)} zonder ID (19-003)`)),
        ...notes.filter((note) => note.id && ids.get(note.id)! > 1).map((note) => where(note, `Note-ID „${note.id}” komt vaker voor (19-004)`)),
      ];
      return {
        problems,
        ok: `Alle ${notes.length} Note-elementen hebben een eigen ID.`,
        matterhorn: problems[0]?.text.includes('19-004') ? '19-004' : '19-003',
      };
    },
  },
  {
    id: 'pdf-tables-regular',
    title: 'Tabellen met even lange rijen en kolommen',
    clause: '7.2',
    rules: ['7.2-t41', '7.2-t42', '7.2-t43'],
    matterhorn: '15-001',
    wcag: ['1.3.1'],
    ok: 'In elke tabel hebben alle rijen evenveel kolommen en alle kolommen evenveel rijen (samengevoegde cellen meegeteld).',
    failed: 'Niet elke tabel is regelmatig: rijen of kolommen verschillen in lengte.',
    check(_facts, { elements }) {
      const tables = elements.filter(({ element }) => element.role === 'Table');
      if (tables.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { element } of tables) {
        const { widths, overhang } = tableGrid(element);
        if (new Set(widths).size > 1) problems.push(where(element, `rijen met ${[...new Set(widths)].join(', ')} kolommen`));
        if (overhang > 0) problems.push(where(element, `een samengevoegde cel reikt ${overhang} rij(en) voorbij de laatste rij`));
      }
      return problems;
    },
  },
  {
    id: 'pdf-toc-structure',
    title: 'Opbouw van inhoudsopgaven',
    clause: '7.2',
    rules: ['7.2-t26', '7.2-t27', '7.2-t28'],
    matterhorn: '09-006',
    wcag: ['1.3.1'],
    ok: 'Alle inhoudsopgaven zijn opgebouwd als TOC → TOCI (of TOC), met hoogstens een Caption vooraan.',
    failed: 'Niet alle inhoudsopgaven zijn volgens de norm opgebouwd.',
    check(_facts, { elements: all }) {
      if (!all.some(({ element }) => element.role === 'TOC' || element.role === 'TOCI')) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { element, parent } of all) {
        if (element.role === 'TOCI' && parent?.role !== 'TOC') problems.push(where(element, `TOCI buiten een TOC (in ${parent?.role ?? '?'})`));
        if (element.role !== 'TOC') continue;
        kids(element).forEach((kid, index) => {
          if (kid.role === 'Caption' && index !== 0) problems.push(where(kid, 'Caption niet als eerste kind van een TOC'));
          else if (!['TOC', 'TOCI', 'Caption'].includes(kid.role)) problems.push(where(kid, `${kid.role} direct in een TOC (verwacht TOCI, TOC of Caption)`));
        });
      }
      return problems;
    },
  },
  {
    id: 'pdf-table-header-scope',
    title: 'Kopcellen met Scope als Headers ontbreekt',
    clause: '7.5',
    rules: ['7.5-t02'],
    matterhorn: '15-003',
    wcag: ['1.3.1'],
    ok: 'Elke kopcel (TH) heeft een Scope, of de tabel legt de koppen vast met Headers en ID.',
    failed: 'Niet elke kopcel (TH) heeft een Scope, terwijl de tabel geen Headers en ID gebruikt.',
    check(_facts, { elements }) {
      const tables = elements.filter(({ element }) => element.role === 'Table');
      if (tables.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { element: table } of tables) {
        const cells = below(table);
        // Determined through Headers and IDs: every data cell names its headers, and they exist.
        const ids = new Set(cells.map(({ element }) => element.id).filter(Boolean));
        const dataCells = cells.filter(({ element }) => element.role === 'TD');
        if (dataCells.length > 0 && dataCells.every(({ element }) => (element.headers?.length ?? 0) > 0 && element.headers!.every((id) => ids.has(id))))
          continue;
        for (const { element } of cells)
          if (element.role === 'TH' && !element.scope) problems.push(where(element, 'TH zonder Scope in een tabel zonder Headers'));
      }
      return problems;
    },
  },
];

/**
 * Every element of `role` has a non-empty Alt or an ActualText (figures 7.3, formulas 7.7), as
 * the reference validator reads ISO 32000-1 14.9.3/14.9.4: an empty ActualText says the content
 * reads as nothing.
 */
function alternativeText(role: string, unit: Omit<PdfRule, 'check' | 'structural'> & { all: (count: number) => string }): PdfRule {
  const { all, ...rule } = unit;
  return {
    ...rule,
    structural: true,
    check(_facts, { elements }: RuleContext) {
      const found = elements.filter(({ element }) => element.role === role).map(({ element }) => element);
      if (found.length === 0) return 'not-applicable';
      return {
        problems: found
          .filter((element) => !element.alt?.trim() && element.actualText === undefined)
          .map((element) => where(element, `${role} zonder Alt of ActualText`)),
        ok: all(found.length),
      };
    },
  };
}
