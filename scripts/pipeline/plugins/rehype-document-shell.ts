/**
 * Wrap the body in a complete HTML document: head with metadata, skip link, a CONCEPT banner for
 * drafts, a header with the document's metadata (which the print stylesheet turns into the
 * cover page), an empty table-of-contents landmark for rehype-toc, `main`, and a footer.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { statusLabels, tweedeKamer, typeLabels, type Frontmatter } from '../../model/frontmatter-schema.ts';
import { internalGroundNote, officialsGround, redactionText } from '../redaction.ts';
import { mainId, tocId } from '../page-ids.ts';
import { formatDutchDate, joinDutch } from '../../model/dutch.ts';
import { securityMeta } from '../../model/security-policy.ts';

export interface ShellOptions {
  matter: Frontmatter;
  /** Relative URL of the folder with the stylesheets, e.g. `../assets`. */
  assetBase: string;
  /** `screen`: the published page; `print`: the variant that Paged.js lays out into the PDF. */
  variant: 'screen' | 'print';
  /** `YYYY-MM-DD`: shown on a draft (`status: concept`) with the CONCEPT banner and watermark. */
  buildDate?: string;
  /** An internal build: withheld text is shown, so the page says "Intern" (and every PDF page). */
  internal?: boolean;
  /**
   * The team's house style (publication.yml `huisstijl:`): its stylesheet follows the tokens
   * layer; a letter's head shows the logo (`huisstijl-logo.svg` in the assets) with its text.
   */
  houseStyle?: { logoAlt?: string };
}

/** Stylesheet layers of the HTML edition and of the print HTML that Paged.js lays out. */
export const screenStylesheets = ['tokens', 'base', 'components', 'screen', 'reader-print'] as const;
export const printStylesheets = ['tokens', 'base', 'components', 'print'] as const;

/** Wrap the tree in the document shell; see module comment. */
export default function rehypeDocumentShell(options: ShellOptions) {
  return function (tree: Root): Root {
    const { matter, assetBase, variant } = options;
    const authors = matter.authors ?? [];
    const description =
      matter.description ??
      [typeLabels[matter.type], matter.service ? `over ${matter.service}` : '', matter.subtitle ? `: ${matter.subtitle}` : '']
        .join(' ')
        .replace(/\s+:/, ':')
        .trim();
    // The HTML edition prints with its own sheet (reader-print); the paged layout is the PDF's.
    const layers: string[] = [...(variant === 'screen' ? screenStylesheets : printStylesheets)];
    if (options.houseStyle) layers.splice(1, 0, 'huisstijl');
    const links = layers.map((name) =>
      h('link', {
        rel: 'stylesheet',
        href: `${assetBase}/${name}.css`,
        media: variant === 'screen' && (name === 'screen' || name === 'reader-print') ? (name === 'screen' ? 'screen' : 'print') : undefined,
      }),
    );

    const metaRows: Array<[string, ElementContent | string]> = [['Type', typeLabels[matter.type]]];
    if (matter.service) metaRows.push(['Digitale dienst', matter.service]);
    metaRows.push(['Datum', h('time', { dateTime: matter.date }, formatDutchDate(matter.date))]);
    metaRows.push(['Status', statusLabels[matter.status]]);
    if (authors.length > 0) metaRows.push([authors.length === 1 ? 'Auteur' : 'Auteurs', joinDutch(authors)]);
    if (matter.commissioner) metaRows.push(['Opdrachtgever', matter.commissioner]);
    if (matter.reference) metaRows.push(['Kenmerk', matter.reference]);

    const head = h(
      'head',
      [
        h('meta', { charSet: 'utf-8' }),
        // The print variant is an intermediate the renderer runs Paged.js in; it is never published.
        ...(variant === 'screen' ? securityMeta() : []),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', matter.subtitle ? `${matter.title}: ${matter.subtitle}` : matter.title),
        authors.length > 0 || matter.commissioner
          ? h('meta', { name: 'author', content: authors.length > 0 ? authors.join(', ') : matter.commissioner })
          : undefined,
        h('meta', { name: 'description', content: description }),
        h('meta', { name: 'generator', content: 'kia-press' }),
        ...links,
      ].filter(Boolean) as ElementContent[],
    );

    const draft = matter.status === 'concept';
    const built = formatDutchDate(options.buildDate ?? matter.date);
    const banners = [
      options.internal
        ? h('div.internal-banner', { role: 'note', ariaLabel: 'Intern' }, [
            h('p', [h('strong', 'INTERN'), ' — deze versie toont weggelakte gegevens met hun weigeringsgrond. Niet openbaar maken.']),
          ])
        : undefined,
      draft
        ? h('div.draft-banner', { role: 'note', ariaLabel: 'Concept' }, [
            h('p', [h('strong', 'CONCEPT'), ` — dit document is nog niet definitief en niet bedoeld voor verspreiding. Gebouwd op ${built}.`]),
          ])
        : undefined,
    ].filter(Boolean) as ElementContent[];
    const draftNote = `Concept · gebouwd op ${built}`;
    // Print: the Paged.js handler puts a CONCEPT watermark on every page (as page furniture,
    // so a screen reader in the PDF hears the banner on the cover once, not a mark per page).
    const body = h(
      'body',
      {
        className: [`type-${matter.type}`, `status-${matter.status}`, `variant-${variant}`],
        dataDraftNote: draft && variant === 'print' ? draftNote : undefined,
        dataInternalNote: options.internal && variant === 'print' ? 'INTERN — bevat weggelakte gegevens' : undefined,
      },
      [
        variant === 'screen' ? h('a.skip-link', { href: `#${mainId}` }, 'Direct naar de inhoud') : undefined,
        ...(matter.type === 'brief'
          ? [
              withPdfPlace(
                letterHead(
                  matter,
                  banners,
                  options.houseStyle?.logoAlt !== undefined ? { src: `${assetBase}/huisstijl-logo.svg`, alt: options.houseStyle.logoAlt } : undefined,
                ),
                variant,
              ),
            ]
          : matter.type === 'beslisnota'
            ? [withPdfPlace(decisionNoteHead(matter, banners, Boolean(options.internal)), variant)]
            : [
                withPdfPlace(
                  h(
                    'header.doc-header',
                    [
                      // First in the header, so it is on the cover of the PDF and read first on screen.
                      ...banners,
                      h('p.doc-type', typeLabels[matter.type]),
                      h('h1.doc-title', matter.title),
                      matter.subtitle ? h('p.doc-subtitle', matter.subtitle) : undefined,
                      h(
                        'dl.doc-meta',
                        metaRows.map(([term, value]) => h('div', [h('dt', term), h('dd', [value])])),
                      ),
                    ].filter(Boolean) as ElementContent[],
                  ),
                  variant,
                ),
                h('nav.toc', { id: tocId, ariaLabel: 'Inhoudsopgave' }, [h('h2.toc-title', { id: `${tocId}-titel` }, 'Inhoudsopgave')]),
              ]),
        h('main', { id: mainId }, [...(tree.children as ElementContent[]), ...(matter.type === 'brief' ? letterClosing(matter) : [])]),
        h('footer.doc-footer', [h('p', `${typeLabels[matter.type]} · ${matter.title} · ${statusLabels[matter.status]} · ${formatDutchDate(matter.date)}`)]),
      ].filter(Boolean) as ElementContent[],
    );

    return { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: matter.lang }, [head, body])] };
  };
}

/** The HTML edition's place for the link to its PDF, filled by the build once the PDF exists (core/pdf-link.ts). */
function withPdfPlace(header: Element, variant: ShellOptions['variant']): Element {
  if (variant === 'screen') header.children.push(h('p.pdf-download', { hidden: true }));
  return header;
}

/**
 * The head of a beslisnota (`type: beslisnota`): Aan, Van, Datum, Kenmerk and the officials who
 * wrote it, whose names the public version withholds (Woo 5.1.2e; the build searches every
 * output for them, see `remark-official-names`). No cover and no table of contents.
 */
function decisionNoteHead(matter: Frontmatter, banners: ElementContent[], internal: boolean): Element {
  const note = matter.decisionNote;
  const facts: Array<[string, ElementContent | string]> = [];
  if (note) facts.push(['Aan', note.to], ['Van', note.from]);
  facts.push(['Datum', h('time', { dateTime: matter.date }, formatDutchDate(matter.date))]);
  if (matter.reference) facts.push(['Kenmerk', matter.reference]);
  const officials = note?.officials ?? [];
  if (officials.length > 0) {
    const named = officials.map((official) =>
      h('li', [
        internal
          ? h('mark.redaction-internal', [official.name, h('span.redaction-ground', internalGroundNote(officialsGround))])
          : h('span.redacted', redactionText(officialsGround)),
        `, ${official.role}`,
      ]),
    );
    facts.push(['Opgesteld door', h('ul.decision-officials', named)]);
  }
  return h('header.doc-header.decision-head', [
    ...banners,
    h('p.doc-type', typeLabels[matter.type]),
    h('h1.doc-title', matter.title),
    h(
      'dl.doc-meta',
      facts.map(([term, value]) => h('div', [h('dt', term), h('dd', [value])])),
    ),
  ]);
}

/**
 * The head of a Kamerbrief (`type: brief`): return address line, addressee, and the column with
 * the sender's details, Datum, Betreft, Onze referentie and Bijlage(n); the subject is the
 * page's one <h1>. No cover and no table of contents: a letter starts on its first page.
 */
function letterHead(matter: Frontmatter, banners: ElementContent[], logo?: { src: string; alt: string }): Element {
  const letter = matter.letter ?? {};
  const sender = letter.sender ?? (matter.commissioner ? { organisation: matter.commissioner } : undefined);
  const lines = (items: string[]) => items.flatMap((line, index) => (index === 0 ? [line] : [h('br'), line]));
  const facts: Array<[string, ElementContent | string]> = [
    ['Datum', h('time', { dateTime: matter.date }, formatDutchDate(matter.date))],
    ['Betreft', letter.subject ?? matter.title],
  ];
  if (matter.reference) facts.push(['Onze referentie', matter.reference]);
  if (letter.attachments?.length) facts.push([letter.attachments.length === 1 ? 'Bijlage' : 'Bijlagen', h('span', lines(letter.attachments))]);
  return h(
    'header.letter-head',
    [
      ...banners,
      logo ? h('p.letter-logo', h('img', { src: logo.src, alt: logo.alt })) : undefined,
      sender
        ? h(
            'div.letter-sender',
            { role: 'group', ariaLabel: 'Afzender' },
            [
              h('p.letter-organisation', sender.organisation),
              sender.directorate ? h('p', sender.directorate) : undefined,
              sender.address?.length ? h('p', lines(sender.address)) : undefined,
              sender.contact ? h('p', sender.contact) : undefined,
            ].filter(Boolean) as ElementContent[],
          )
        : undefined,
      letter.returnAddress ? h('p.letter-return', letter.returnAddress) : undefined,
      h('p.letter-addressee', lines(letter.addressee ?? tweedeKamer)),
      h(
        'dl.letter-facts',
        facts.map(([term, value]) => h('div', [h('dt', term), h('dd', [value])])),
      ),
      h('h1.letter-subject', matter.title),
    ].filter(Boolean) as ElementContent[],
  );
}

/** Closing and signature block at the end of a letter's text. */
function letterClosing(matter: Frontmatter): ElementContent[] {
  const letter = matter.letter;
  if (!letter?.closing && !letter?.signature) return [];
  return [
    h(
      'div.letter-closing',
      [
        letter.closing ? h('p', letter.closing) : undefined,
        letter.signature
          ? h(
              'p.letter-signature',
              letter.signature.name
                ? [h('span.letter-signature-name', letter.signature.name), h('br'), h('span.letter-signature-function', letter.signature.function)]
                : [h('span.letter-signature-function', letter.signature.function)],
            )
          : undefined,
      ].filter(Boolean) as ElementContent[],
    ),
  ];
}
