/**
 * Risk assessments (chapter 3): after a risk's description the author writes
 *
 *     :::risico[Schadelijke video's in de feed]{kans=midden impact=hoog}
 *     Optional explanation (paragraphs, lists, footnotes).
 *     :::
 *
 * Kans, impact and the risk assessment (`inschatting`) are `laag`, `midden`, `hoog` or
 * `niet bepaald`. Without `inschatting` the standard 3×3 matrix derives it; an explicit
 * assessment that contradicts the matrix is a warning (the researchers may have a reason, but
 * they must see it). The block becomes a table (caption, row headers) plus the explanation;
 * `data.kiaRisk` on it feeds the generated overview.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { matrixAssessment, type Assessment, type Instrument } from '../../model/instrument.ts';
import {
  capitalise,
  element,
  expectedAssessment,
  isDirective,
  labelOf,
  levelClass,
  parseAssessment,
  splitLabel,
  text,
  unknownAttributes,
  visitBlocks,
  type ElementNode,
} from '../directives.ts';
import { questionsByNode } from '../instrument-headings.ts';
import type { RiskRecord } from '../kia-records.ts';

const source = 'kia-risk';
const attributes = ['kans', 'impact', 'inschatting', 'id'] as const;

export interface RiskOptions {
  instrument: Instrument;
}

/** Turn `:::risico` blocks into assessment tables; see module comment. */
export default function remarkRiskAssessments(options: RiskOptions) {
  const { instrument } = options;
  return function (tree: Root, file: VFile) {
    const questionOf = questionsByNode(tree, instrument);
    const counters = new Map<string, number>();
    visitBlocks(tree, (node, index, parent, top) => {
      if (!isDirective(node, 'risico')) return;
      const directive = node as ContainerDirective;
      const question = questionOf.get(top as Root['children'][number]);
      const chapter3 = instrument.categories.find((category) => category.question.number === question);
      if (file.data.matter?.type === 'kia' && !chapter3) {
        file.message(
          `Unexpected risk assessment outside a risk question, expected it under one of ${instrument.categories.map((category) => category.question.number).join(', ')}`,
          { place: directive.position, source, ruleId: 'risk-outside-risk-question' },
        );
      }
      for (const { name, hint } of unknownAttributes(directive, attributes)) {
        file.message(`Unexpected attribute \`${name}\` on \`:::risico\`, expected \`kans\`, \`impact\` or \`inschatting\`${hint}`, {
          place: directive.position,
          source,
          ruleId: 'unknown-risk-attribute',
        }).fatal = true;
      }
      const level = (name: 'kans' | 'impact' | 'inschatting'): Assessment | undefined | null => {
        const value = directive.attributes?.[name];
        if (value === undefined || value === null) return undefined;
        const parsed = parseAssessment(value);
        if (!parsed) {
          file.message(`Unexpected ${name} \`${value}\`, ${expectedAssessment(value)}`, {
            place: directive.position,
            source,
            ruleId: 'invalid-risk-value',
          }).fatal = true;
          return null;
        }
        return parsed;
      };
      const kans = level('kans');
      const impact = level('impact');
      const explicit = level('inschatting');
      for (const [name, value] of [
        ['kans', kans],
        ['impact', impact],
      ] as const) {
        if (value === undefined)
          file.message(`Unexpected risk assessment without \`${name}\`, expected \`${name}=laag\`, \`midden\`, \`hoog\` or \`"niet bepaald"\``, {
            place: directive.position,
            source,
            ruleId: 'missing-risk-value',
          }).fatal = true;
      }
      const known = (value: Assessment | undefined | null): Assessment => value ?? 'niet bepaald';
      const fromMatrix = matrixAssessment(instrument, known(kans), known(impact));
      if (explicit && kans && impact && fromMatrix !== 'niet bepaald' && explicit !== fromMatrix) {
        file.message(
          `Unexpected risico-inschatting \`${explicit}\` for kans ${kans} × impact ${impact}, expected \`${fromMatrix}\` (the standard 3×3 matrix)`,
          { place: directive.position, source, ruleId: 'risk-matrix-mismatch' },
        );
      }
      const assessment = explicit ?? fromMatrix;
      const derived = !explicit;
      const key = question ?? 'x';
      const count = (counters.get(key) ?? 0) + 1;
      counters.set(key, count);
      const id = directive.attributes?.id ?? `risico-${key.replace('.', '-')}-${count}`;
      const label = labelOf(directive);
      const record: RiskRecord = {
        id,
        label: label?.text ?? (chapter3 ? chapter3.label : 'Risico'),
        question,
        kans: known(kans),
        impact: known(impact),
        assessment,
        derived,
      };

      const row = (header: string, value: Assessment, note?: string): ElementNode =>
        element('tr', {}, [
          element('th', { scope: 'row' }, [text(header)]),
          element('td', { className: ['level', levelClass(value)] }, [
            text(capitalise(value)),
            ...(note ? [element('span', { className: ['level-note'] }, [text(` ${note}`)])] : []),
          ]),
        ]);
      const caption = element(
        'caption',
        {},
        label ? [text('Risico-inschatting: '), ...label.children] : [text(`Risico-inschatting${question ? ` bij vraag ${question}` : ''}`)],
      );
      const table = element('table', { className: ['risk-table'] }, [
        caption,
        element('tbody', {}, [
          row('Kans', record.kans),
          row('Impact', record.impact),
          row('Risico-inschatting', assessment, derived && assessment !== 'niet bepaald' ? '(kans × impact, volgens de risicomatrix)' : undefined),
        ]),
      ]);
      const explanation = splitLabel(directive).content;
      const replacement = element('div', { className: ['risk'], id }, [
        table,
        ...(explanation.length ? [element('div', { className: ['risk-explanation'] }, explanation)] : []),
      ]);
      (replacement.data as ElementNode['data'] & { kiaRisk?: RiskRecord }).kiaRisk = record;
      replacement.position = directive.position;
      parent.children[index] = replacement;
    });
  };
}
