/** Structure-tree requirements beyond the ones in pdf-audit.ts: tables of contents, header scope. */
import type { StructElement } from '../../pdf/read.ts';
import type { PdfRule, Problem } from './rule.ts';

/** Every structure element with its parent. */
function elements(root: StructElement | undefined): Array<{ element: StructElement; parent?: StructElement }> {
  const found: Array<{ element: StructElement; parent?: StructElement }> = [];
  const walk = (element: StructElement, parent?: StructElement) => {
    found.push({ element, parent });
    for (const child of element.children) if ('role' in child) walk(child, element);
  };
  if (root) for (const child of root.children) if ('role' in child) walk(child, root);
  return found;
}
const kids = (element: StructElement) => element.children.filter((child): child is StructElement => 'role' in child);
const where = (element: StructElement, text: string): Problem => ({ page: element.page, object: element.object, text });

export const structureRules: PdfRule[] = [
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
