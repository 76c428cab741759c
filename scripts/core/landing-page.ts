/** `dist/index.html`: every document with links to its HTML and PDF. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import { simplePage } from './simple-page.ts';
import { formatDutchDate } from './dutch.ts';
import { statusLabels, typeLabels, type Frontmatter } from './frontmatter-schema.ts';

export interface LandingEntry {
  slug: string;
  matter: Frontmatter;
  /** Present when a PDF was built. */
  pdf?: { pages: number; bytes: number };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** Render the landing page for `entries`. */
export function landingPage(entries: LandingEntry[]): string {
  const items: Element[] = entries.map(({ slug, matter, pdf }) =>
    h('li.publication', [
      h('h2', [h('a', { href: `${slug}/index.html` }, matter.title)]),
      matter.subtitle ? h('p.doc-subtitle', matter.subtitle) : undefined,
      h('p.publication-meta', [
        `${typeLabels[matter.type]}${matter.service ? ` · ${matter.service}` : ''} · ${statusLabels[matter.status]} · `,
        h('time', { dateTime: matter.date }, formatDutchDate(matter.date)),
        matter.responses?.length ? ` · ${matter.responses.length} ${matter.responses.length === 1 ? 'reactie' : 'reacties'}` : '',
      ]),
      h('ul.publication-formats', [
        h('li', [h('a', { href: `${slug}/index.html` }, ['HTML', h('span.visually-hidden', `: ${matter.title}`)])]),
        pdf
          ? h('li', [h('a', { href: `${slug}/${slug}.pdf`, type: 'application/pdf' }, [`PDF (${pdf.pages} pagina's, ${formatSize(pdf.bytes)})`, h('span.visually-hidden', `: ${matter.title}`)])])
          : undefined,
      ].filter(Boolean) as Element[]),
    ].filter(Boolean) as Element[]),
  );
  return simplePage({
    title: 'Publicaties',
    description: 'Overzicht van de gepubliceerde documenten, als HTML en als PDF.',
    assetBase: 'assets',
    bodyClass: 'landing',
    header: h('p.doc-type', 'kia-press'),
    main: [h('h1', 'Publicaties'), h('ul.publications', items)],
    footer: `${entries.length} ${entries.length === 1 ? 'document' : 'documenten'}`,
  });
}
