/**
 * `dist/index.html`: the publication's landing page. With `content/publication.yml`: its title,
 * date, sender and Kamerstuk, then the documents in the publication's order; without: every
 * document. Per document: title, type, status, date, the responses it carries, and links to
 * the HTML and the PDF with page count and file sizes.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { simplePage } from '../pipeline/simple-page.ts';
import { formatDutchDate, formatSize, pageCount } from '../model/dutch.ts';
import { statusLabels, typeLabels, type Frontmatter } from '../model/frontmatter-schema.ts';
import type { Publication } from './publication.ts';

export interface LandingEntry {
  slug: string;
  matter: Frontmatter;
  /** Present when a PDF was built. */
  pdf?: { pages: number; bytes: number };
  /** Size of the HTML page. */
  htmlBytes?: number;
}

function entryItem({ slug, matter, pdf, htmlBytes }: LandingEntry): Element {
  const responses = matter.responses ?? [];
  return h(
    'li.publication',
    [
      h('h2', [h('a', { href: `${slug}/index.html` }, matter.title)]),
      matter.subtitle ? h('p.doc-subtitle', matter.subtitle) : undefined,
      h('p.publication-meta', [
        `${typeLabels[matter.type]}${matter.service ? ` · ${matter.service}` : ''} · ${statusLabels[matter.status]} · `,
        h('time', { dateTime: matter.date }, formatDutchDate(matter.date)),
      ]),
      responses.length > 0
        ? h('div.publication-responses', [
            h('p', `Met ${responses.length === 1 ? 'de reactie' : `${responses.length} reacties`} van belanghebbenden:`),
            h(
              'ul',
              responses.map((response) =>
                h('li', [
                  `${response.title} (${response.from}, ontvangen `,
                  h('time', { dateTime: response.received }, formatDutchDate(response.received)),
                  ')',
                ]),
              ),
            ),
          ])
        : undefined,
      h(
        'ul.publication-formats',
        [
          h('li', [
            h('a', { href: `${slug}/index.html` }, [`HTML${htmlBytes ? ` (${formatSize(htmlBytes)})` : ''}`, h('span.visually-hidden', `: ${matter.title}`)]),
          ]),
          pdf
            ? h('li', [
                h('a', { href: `${slug}/${slug}.pdf`, type: 'application/pdf' }, [
                  `PDF (${pageCount(pdf.pages)}, ${formatSize(pdf.bytes)})`,
                  h('span.visually-hidden', `: ${matter.title}`),
                ]),
              ])
            : undefined,
        ].filter(Boolean) as Element[],
      ),
    ].filter(Boolean) as Element[],
  );
}

/** The publication's date, sender and Kamerstuk as a `dl` (landing page, bundle cover). */
export function publicationFacts(publication: Publication): Element {
  const { sender, kamerstuk } = publication;
  const rows: Array<[string, Array<Element | string>]> = [
    ['Datum', [h('time', { dateTime: publication.date }, formatDutchDate(publication.date))]],
    ['Afzender', [[sender.ministry, sender.directorate].filter(Boolean).join(', '), ...(sender.address ?? []).flatMap((line) => [h('br'), line])]],
    ['Kamerstuk', [kamerstuk ? `${kamerstuk.dossier}${kamerstuk.number ? `, nr. ${kamerstuk.number}` : ' (nummer volgt)'}` : 'nog niet bekend']],
  ];
  return h(
    'dl.publication-facts',
    rows.map(([term, value]) => h('div', [h('dt', term), h('dd', value)])),
  );
}

function publicationHeader(publication: Publication): ElementContent[] {
  return [h('h1', publication.title), publicationFacts(publication)];
}

/** The publication as one PDF (`--bundle`): where, how many pages, how large. */
export interface BundleLink {
  href: string;
  pages: number;
  bytes: number;
}

/** Render the landing page for `entries` (in order), as the publication when there is one. */
export function landingPage(entries: LandingEntry[], publication?: Publication, bundle?: BundleLink): string {
  const listed = publication ? entries.filter((entry) => publication.documents.includes(entry.slug)) : entries;
  const others = publication ? entries.filter((entry) => !publication.documents.includes(entry.slug)) : [];
  const main: ElementContent[] = publication ? publicationHeader(publication) : [h('h1', 'Publicaties')];
  if (publication && bundle) {
    main.push(
      h('p.publication-bundle', [
        h('a', { href: bundle.href, type: 'application/pdf' }, `De hele publicatie als één PDF (${pageCount(bundle.pages)}, ${formatSize(bundle.bytes)})`),
      ]),
    );
  }
  if (publication) main.push(h('h2.publication-list-title', 'Documenten in deze publicatie'));
  main.push(h('ol.publications', listed.map(entryItem)));
  if (others.length > 0) main.push(h('h2', 'Andere documenten'), h('ul.publications', others.map(entryItem)));
  return simplePage({
    title: publication?.title ?? 'Publicaties',
    description: publication
      ? `${publication.title}: ${listed.length} documenten, als HTML en als PDF.`
      : 'Overzicht van de gepubliceerde documenten, als HTML en als PDF.',
    assetBase: 'assets',
    bodyClass: 'landing',
    header: h('p.doc-type', publication ? publication.sender.ministry : 'kia-press'),
    main,
    footer: `${entries.length} ${entries.length === 1 ? 'document' : 'documenten'}`,
  });
}
