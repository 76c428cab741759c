/** Structure-tree requirements beyond the ones in pdf-audit.ts: tables of contents, header scope. */
import { kids, walk, type StructElement } from '../../pdf/read.ts';
import type { PdfRule, Problem } from './rule.ts';

/** Every structure element below `root`, with its parent. */
function elements(root: StructElement | undefined): Array<{ element: StructElement; parent?: StructElement }> {
  const found: Array<{ element: StructElement; parent?: StructElement }> = [];
  if (root) walk(root, (element, parent) => void (element !== root && found.push({ element, parent })));
  return found;
}
const where = (element: StructElement, text: string): Problem => ({ page: element.page, object: element.object, text });

/**
 * The rows of a table as a grid, spans taken into account: per row the number of columns it
 * fills, and how far row spans reach past the last row.
 */
function tableGrid(table: StructElement): { widths: number[]; overhang: number } {
  const rows = kids(table).flatMap((kid) => (kid.role === 'TR' ? [kid] : ['THead', 'TBody', 'TFoot'].includes(kid.role) ? kids(kid).filter((row) => row.role === 'TR') : []));
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
    id: 'pdf-tables-regular',
    title: 'Tabellen met even lange rijen en kolommen',
    clause: '7.2',
    rules: ['7.2-t41', '7.2-t42', '7.2-t43'],
    matterhorn: '15-001',
    wcag: ['1.3.1'],
    ok: 'In elke tabel hebben alle rijen evenveel kolommen en alle kolommen evenveel rijen (samengevoegde cellen meegeteld).',
    failed: 'Niet elke tabel is regelmatig: rijen of kolommen verschillen in lengte.',
    check(facts) {
      const tables = elements(facts.structure).filter(({ element }) => element.role === 'Table');
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
    check(facts) {
      const all = elements(facts.structure);
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
    check(facts) {
      const tables = elements(facts.structure).filter(({ element }) => element.role === 'Table');
      if (tables.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { element: table } of tables) {
        const cells = elements({ role: 'Table', children: table.children });
        // Determined through Headers and IDs: every data cell names its headers, and they exist.
        const ids = new Set(cells.map(({ element }) => element.id).filter(Boolean));
        const dataCells = cells.filter(({ element }) => element.role === 'TD');
        if (dataCells.length > 0 && dataCells.every(({ element }) => (element.headers?.length ?? 0) > 0 && element.headers!.every((id) => ids.has(id)))) continue;
        for (const { element } of cells) if (element.role === 'TH' && !element.scope) problems.push(where(element, 'TH zonder Scope in een tabel zonder Headers'));
      }
      return problems;
    },
  },
];
