/**
 * Append the stakeholder responses after the body, in frontmatter order, in a section
 * "Reacties van belanghebbenden".
 *
 * Each response's own content goes, untouched, into a `div.response-body` that carries the
 * sha256 of its source file: that element is what the verbatim proof compares.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../../model/tree-walk.ts';
import type { ResponseEntry } from '../../model/frontmatter-schema.ts';
import { formatDutchDate } from '../../model/dutch.ts';
import type { WooGround } from '../../model/woo-grounds.ts';

export interface RenderedResponse {
  entry: ResponseEntry;
  /** The response's content, already converted to hast. */
  tree: Root;
  /** sha256 (hex) of the response's source file. */
  sha256: string;
  /** The grounds of the response's `:redact[…]` passages, in order (none: omitted or empty). */
  redactions?: WooGround[];
  /** An internal build: the passages are shown, to be withheld in the public version. */
  internal?: boolean;
  /** The received original the build proves the text equal to: its file name and sha256. */
  original?: { name: string; sha256: string };
}

export const responsesSectionId = 'reacties';
/** The id of the n-th (1-based) response section. */
export const responseId = (n: number) => `reactie-${n}`;

const kindLabels = { zienswijze: 'Zienswijze', reactie: 'Reactie' } as const;

/**
 * Append the responses section when there are responses. `lang`: the document's language, for
 * the headings we add inside a response in another language ("Voetnoten").
 */
export default function rehypeAppendResponses(options: { responses: RenderedResponse[]; lang?: string }) {
  return function (tree: Root) {
    if (options.responses.length === 0) return;
    const sections = options.responses.map((response, index) => renderResponse(response, index + 1, options.lang));
    tree.children.push(
      h('section.responses', { ariaLabelledBy: responsesSectionId }, [
        h('h2', { id: responsesSectionId }, 'Reacties van belanghebbenden'),
        h('p.responses-intro', introduction(options.responses)),
        ...sections,
      ]),
    );
  };
}

/**
 * What the section may claim: "letterlijk overgenomen" only where an original was compared;
 * otherwise that the text was taken over from the file named.
 */
function introduction(responses: RenderedResponse[]): string {
  const compared = responses.filter((response) => response.original).length;
  const claim =
    compared === responses.length
      ? 'De reacties hieronder zijn letterlijk overgenomen zoals ontvangen: bij elke build wordt hun tekst teken voor teken vergeleken met het ontvangen bestand, waarvan de naam en de SHA-256-vingerafdruk bij de reactie staan.'
      : compared === 0
        ? 'De reacties hieronder zijn overgenomen uit de bestanden die bij elke reactie staan vermeld, met hun SHA-256-vingerafdruk.'
        : 'De reacties hieronder zijn overgenomen uit de bestanden die bij elke reactie staan vermeld, met hun SHA-256-vingerafdruk. Waar een origineel staat vermeld, is de tekst bij elke build teken voor teken vergeleken met dat ontvangen bestand.';
  return `${claim}${responses.some((response) => response.redactions?.length) ? ' Passages die op grond van de Woo zijn weggelakt, staan bij de reactie vermeld.' : ''}`;
}

function renderResponse({ entry, tree, sha256, redactions = [], internal, original }: RenderedResponse, n: number, documentLang?: string): Element {
  if (entry.lang && documentLang) {
    visit(tree, 'element', (node) => {
      const className = node.properties.className;
      if (Array.isArray(className) && className.includes('footnotes-title')) node.properties.lang = documentLang;
    });
  }
  const id = responseId(n);
  const meta: Array<[string, ElementContent | string | Array<ElementContent | string>]> = [
    ['Van', entry.from],
    ['Ontvangen', h('time', { dateTime: entry.received }, formatDutchDate(entry.received))],
  ];
  if (entry.kind) meta.push(['Soort', kindLabels[entry.kind]]);
  if (redactions.length > 0) meta.push([internal ? 'Weg te lakken' : 'Weggelakt', redactionSummary(redactions, internal)]);
  if (original) {
    meta.push(['Origineel', [`${original.name}, SHA-256 `, h('code.sha256', original.sha256)]]);
    meta.push([
      'Overgenomen',
      'Letterlijk: bij elke build is de gepubliceerde tekst teken voor teken vergeleken met het origineel (witruimte, afbreekstreepjes aan het regeleinde en ligaturen niet meegeteld).',
    ]);
  } else {
    meta.push(['Overgenomen', `Uit het bestand ${entry.file.split('/').pop()}; de tekst is niet vergeleken met een ontvangen origineel.`]);
  }
  meta.push(['SHA-256 van de bron', h('code.sha256', sha256)]);
  return h('section.response', { id, ariaLabelledBy: `${id}-titel`, dataResponse: String(n) }, [
    h('h3', { id: `${id}-titel` }, entry.title),
    h(
      'dl.response-meta',
      meta.map(([term, value]) => h('div', [h('dt', term), h('dd', Array.isArray(value) ? value : [value])])),
    ),
    // The response's own language on its text only: the furniture around it (Van, Ontvangen,
    // the provenance) is the document's.
    h('div.response-body', { lang: entry.lang, dataVerbatimSource: entry.file, dataSha256: sha256 }, tree.children as ElementContent[]),
  ]);
}

/**
 * The provenance of a response's redactions: how many passages, on which grounds, and what the
 * verbatim proof compared with.
 */
export function redactionSummary(redactions: WooGround[], internal = false): string {
  const counts = new Map<string, { ground: WooGround; count: number }>();
  for (const ground of redactions) {
    const entry = counts.get(ground.code) ?? { ground, count: 0 };
    entry.count++;
    counts.set(ground.code, entry);
  }
  const passages = (count: number) => (count === 1 ? '1 passage' : `${count} passages`);
  const grounds = [...counts.values()]
    .map(({ ground, count }) => `${passages(count)} op grond van artikel ${ground.code} Woo (${ground.description})`)
    .join('; ');
  return internal
    ? `${grounds}. In deze interne versie staan ze gemarkeerd; in de openbare versie zijn ze weggelakt.`
    : `${grounds}. De controle vergelijkt de gepubliceerde tekst verder met de bron waarin deze passages zijn weggelakt.`;
}
