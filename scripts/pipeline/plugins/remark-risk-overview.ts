/**
 * The generated risk overview: every risk category of the instrument with the kans, impact
 * and risk assessment of each risk assessed under it, linked to its question and its risk.
 * Placed where the author writes `::risico-overzicht`; a KIA with assessed risks and no such
 * line gets it at the end of chapter 3, under its own heading.
 *
 * Runs after remark-risk-assessments, whose blocks carry `data.kiaRisk`.
 */
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Instrument } from '../../model/instrument.ts';
import { capitalise, element, isDirective, levelClass, text, visitBlocks, type ElementNode } from '../directives.ts';
import { headingNumber } from '../instrument-headings.ts';
import type { RiskRecord } from '../kia-records.ts';

const source = 'kia-risk';

export interface RiskOverviewOptions {
  instrument: Instrument;
}

/** Build the overview table; see module comment. */
export default function remarkRiskOverview(options: RiskOverviewOptions) {
  const { instrument } = options;
  return function (tree: Root, file: VFile) {
    const risks: RiskRecord[] = [];
    visitBlocks(tree, (node) => {
      const record = node.type === 'kiaElement' ? (node as ElementNode & { data: { kiaRisk?: RiskRecord } }).data.kiaRisk : undefined;
      if (record) risks.push(record);
    });
    let placed = 0;
    visitBlocks(tree, (node, index, parent) => {
      if (!isDirective(node, 'risico-overzicht', ['leafDirective'])) return;
      if (placed++ > 0)
        file.message('Unexpected second `::risico-overzicht`, expected one overview per document', {
          place: node.position,
          source,
          ruleId: 'duplicate-risk-overview',
        });
      const table = overviewTable(instrument, risks);
      table.position = node.position;
      parent.children[index] = table as never;
    });
    if (placed > 0 || risks.length === 0 || file.data.matter?.type !== 'kia') return;
    // No overview placed: put one at the end of chapter 3 (before the next chapter heading).
    const chapter3 = tree.children.findIndex(
      (node) => node.type === 'heading' && node.depth === 2 && headingNumber(node)?.chapter === 3 && !headingNumber(node)?.question,
    );
    if (chapter3 < 0) return;
    let end = tree.children.findIndex((node, index) => index > chapter3 && node.type === 'heading' && node.depth <= 2);
    if (end < 0) end = tree.children.length;
    const heading: Heading = {
      type: 'heading',
      depth: 3,
      children: [text('Overzicht van de risico-inschattingen')],
      data: { hProperties: { id: 'risico-overzicht' } },
    };
    tree.children.splice(end, 0, heading, overviewTable(instrument, risks));
  };
}

function overviewTable(instrument: Instrument, risks: RiskRecord[]): ElementNode {
  const cell = (value: string) => element('td', { className: ['level', levelClass(value as RiskRecord['kans'])] }, [text(capitalise(value))]);
  const rows: ElementNode[] = [];
  for (const category of instrument.categories) {
    const own = risks.filter((risk) => risk.question === category.question.number);
    const header = () =>
      element('th', { scope: 'row' }, [element('a', { href: `#${category.question.id}` }, [text(`${category.question.number} ${category.label}`)])]);
    if (own.length === 0) {
      rows.push(element('tr', {}, [header(), element('td', { colSpan: 4, className: ['risk-none'] }, [text('Geen risico-inschatting opgenomen')])]));
      continue;
    }
    for (const risk of own)
      rows.push(
        element('tr', {}, [
          header(),
          element('td', {}, [element('a', { href: `#${risk.id}` }, [text(risk.label)])]),
          cell(risk.kans),
          cell(risk.impact),
          cell(risk.assessment),
        ]),
      );
  }
  const unplaced = risks.filter((risk) => !instrument.categories.some((category) => category.question.number === risk.question));
  for (const risk of unplaced)
    rows.push(
      element('tr', {}, [
        element('th', { scope: 'row' }, [text('Overig')]),
        element('td', {}, [element('a', { href: `#${risk.id}` }, [text(risk.label)])]),
        cell(risk.kans),
        cell(risk.impact),
        cell(risk.assessment),
      ]),
    );
  const head = element('thead', {}, [
    element(
      'tr',
      {},
      ['Risicocategorie', 'Risico', 'Kans', 'Impact', 'Risico-inschatting'].map((label) => element('th', { scope: 'col' }, [text(label)])),
    ),
  ]);
  return element('table', { className: ['risk-overview'] }, [
    element('caption', {}, [text('Overzicht van de risico-inschattingen per risicocategorie')]),
    head,
    element('tbody', {}, rows),
  ]);
}
