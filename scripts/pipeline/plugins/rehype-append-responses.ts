/**
 * Append the stakeholder responses after the body, in frontmatter order, in a section
 * "Reacties van belanghebbenden".
 *
 * Each response's own content goes, untouched, into a `div.response-body` that carries the
 * sha256 of its source file: that element is what the verbatim proof compares.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { ResponseEntry } from '../../core/frontmatter-schema.ts';
import { formatDutchDate } from '../../core/dutch.ts';

export interface RenderedResponse {
  entry: ResponseEntry;
  /** The response's content, already converted to hast. */
  tree: Root;
  /** sha256 (hex) of the response's source file. */
  sha256: string;
}

export const responsesSectionId = 'reacties';
/** The id of the n-th (1-based) response section. */
export const responseId = (n: number) => `reactie-${n}`;

const kindLabels = { zienswijze: 'Zienswijze', reactie: 'Reactie' } as const;

/** Append the responses section when there are responses. */
export default function rehypeAppendResponses(options: { responses: RenderedResponse[] }) {
  return function (tree: Root) {
    if (options.responses.length === 0) return;
    const sections = options.responses.map((response, index) => renderResponse(response, index + 1));
    tree.children.push(
      h('section.responses', { ariaLabelledBy: responsesSectionId }, [
        h('h2', { id: responsesSectionId }, 'Reacties van belanghebbenden'),
        h(
          'p.responses-intro',
          'De reacties hieronder zijn letterlijk overgenomen zoals ontvangen. Bij elke reactie staat de SHA-256-vingerafdruk van het bronbestand, zodat iedereen kan nagaan dat er geen teken is veranderd.',
        ),
        ...sections,
      ]),
    );
  };
}

function renderResponse({ entry, tree, sha256 }: RenderedResponse, n: number): Element {
  const id = responseId(n);
  const meta: Array<[string, ElementContent | string]> = [
    ['Van', entry.from],
    ['Ontvangen', h('time', { dateTime: entry.received }, formatDutchDate(entry.received))],
  ];
  if (entry.kind) meta.push(['Soort', kindLabels[entry.kind]]);
  meta.push(['SHA-256 van de bron', h('code.sha256', sha256)]);
  return h('section.response', { id, ariaLabelledBy: `${id}-titel`, dataResponse: String(n) }, [
    h('h3', { id: `${id}-titel` }, entry.title),
    h(
      'dl.response-meta',
      meta.map(([term, value]) => h('div', [h('dt', term), h('dd', [value])])),
    ),
    h('div.response-body', { dataVerbatimSource: entry.file, dataSha256: sha256 }, tree.children as ElementContent[]),
  ]);
}
