/**
 * Measures (question 4.1): one block per risk,
 *
 *     :::maatregel[Schadelijke video's in de feed]{categorie=content restrisico=midden beheerder="Flits Media B.V."}
 *     - Moderatie van nieuwe video's vóór verspreiding
 *     - Gevoelige inhoud standaard uit voor accounts onder 16
 *     :::
 *
 * Consecutive blocks become one table: risk description (row header), risk category (linked to
 * its question), measures (any block content), residual risk (`restrisico`) and owner
 * (`beheerder`). A paragraph `Tabel …:` right before the first block is the caption, as for
 * other tables.
 */
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';
import type { Instrument } from '../../model/instrument.ts';
import {
  blockContainers,
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
  type ElementNode,
} from '../directives.ts';
import { captionPattern } from '../tables.ts';

const source = 'kia-measures';
const attributes = ['categorie', 'restrisico', 'beheerder'] as const;

export interface MeasuresOptions {
  instrument: Instrument;
}

/** Group `:::maatregel` blocks into measures tables; see module comment. */
export default function remarkMeasures(options: MeasuresOptions) {
  const categories = options.instrument.categories;
  const keys = categories.map((category) => category.key);
  return function (tree: Root, file: VFile) {
    const visitParent = (parent: { children: RootContent[] }) => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index];
        if (!isDirective(node, 'maatregel')) {
          // Block containers only: measures are blocks, never inside paragraphs or tables (nor
          // inside the blocks the plugins before this one generated).
          if (node.type !== 'kiaElement' && blockContainers.has(node.type as string)) visitParent(node as { children: RootContent[] });
          continue;
        }
        let end = index;
        while (end < parent.children.length && isDirective(parent.children[end], 'maatregel')) end++;
        const blocks = parent.children.slice(index, end) as ContainerDirective[];
        const previous = parent.children[index - 1];
        const authorCaption = previous?.type === 'paragraph' && captionPattern.test(toString(previous));
        const rows = blocks.map((block) => row(block, file));
        const head = element('thead', {}, [
          element(
            'tr',
            {},
            ['Risico', 'Risicocategorie', 'Maatregelen', 'Restrisico', 'Beheerder'].map((label) => element('th', { scope: 'col' }, [text(label)])),
          ),
        ]);
        const table = element('table', { className: ['measures-table'] }, [
          ...(authorCaption ? [] : [element('caption', {}, [text('Maatregelen per risico')])]),
          head,
          element('tbody', {}, rows),
        ]);
        table.position = { start: blocks[0].position!.start, end: blocks.at(-1)!.position!.end };
        parent.children.splice(index, end - index, table as RootContent);
      }
    };

    const row = (block: ContainerDirective, file: VFile): ElementNode => {
      for (const { name, hint } of unknownAttributes(block, attributes)) {
        file.message(`Unexpected attribute \`${name}\` on \`:::maatregel\`, expected \`categorie\`, \`restrisico\` or \`beheerder\`${hint}`, {
          place: block.position,
          source,
          ruleId: 'unknown-measure-attribute',
        }).fatal = true;
      }
      const label = labelOf(block);
      if (!label)
        file.message('Unexpected measure without a risk, expected `:::maatregel[Omschrijving van het risico]{…}`', {
          place: block.position,
          source,
          ruleId: 'missing-measure-risk',
        }).fatal = true;
      const given = block.attributes?.categorie?.trim().toLowerCase();
      const category = categories.find((entry) => entry.key === given || entry.question.number === given);
      if (!category) {
        const guess = given ? closest(given, keys) : undefined;
        file.message(
          `Unexpected ${given ? `risk category \`${given}\`` : 'measure without `categorie`'}, expected one of ${keys.map((key) => `\`${key}\``).join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
          { place: block.position, source, ruleId: 'invalid-measure-category' },
        ).fatal = true;
      }
      const residualText = block.attributes?.restrisico;
      const residual = residualText ? parseAssessment(residualText) : undefined;
      if (!residual) {
        file.message(
          residualText
            ? `Unexpected restrisico \`${residualText}\`, ${expectedAssessment(residualText)}`
            : 'Unexpected measure without `restrisico`, expected `restrisico=laag`, `midden`, `hoog` or `"niet bepaald"`',
          { place: block.position, source, ruleId: 'invalid-measure-residual' },
        ).fatal = true;
      }
      const owner = block.attributes?.beheerder?.trim();
      if (!owner)
        file.message('Unexpected measure without `beheerder`, expected who carries it out, e.g. `beheerder="Flits Media B.V."`', {
          place: block.position,
          source,
          ruleId: 'missing-measure-owner',
        }).fatal = true;
      const content = splitLabel(block).content;
      return element('tr', {}, [
        element('th', { scope: 'row' }, label?.children ?? [text('—')]),
        element('td', {}, category ? [element('a', { href: `#${category.question.id}` }, [text(category.label)])] : [text(given ?? '—')]),
        element('td', { className: ['measures'] }, content.length ? content : [text('—')]),
        element('td', { className: ['level', levelClass(residual ?? 'niet bepaald')] }, [text(capitalise(residual ?? 'niet bepaald'))]),
        element('td', {}, [text(owner || '—')]),
      ]);
    };

    visitParent(tree);
  };
}
