/**
 * The publication as one print document (`kia build --bundle`): a cover with the publication's
 * facts, one table of contents over every document, then each document's print body in the
 * publication's order. Paged.js lays it out in one run, so page numbers and bookmarks run on
 * through the documents and Chromium tags the whole PDF as one. Pure: the build prints it.
 *
 * Each document keeps its own layout (its body classes move onto its section, its draft note
 * too, so only a concept's pages carry the watermark). Ids are made unique per document
 * (`kia-klets--vraag-3-5`), and links between documents of the publication become links
 * inside the bundle.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../model/tree-walk.ts';
import { pageNumberPlaceholder } from '../pipeline/plugins/rehype-print-toc-page-numbers.ts';
import { tocId } from '../pipeline/page-ids.ts';
import type { Frontmatter } from '../model/frontmatter-schema.ts';
import { publicationFacts } from './landing-page.ts';
import type { Publication } from './publication.ts';

/** The bundle's folder and file name under dist/: `publicatie/publicatie.pdf`. */
export const bundleSlug = 'publicatie';

export interface BundlePart {
  slug: string;
  matter: Frontmatter;
  /** The document's complete print tree (as compile-document makes it); not changed. */
  printTree: Root;
}

/** Properties that hold ids (one, or a space-separated list). */
const idProperties = ['id', 'htmlFor', 'headers', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaDetails', 'ariaFlowTo'];

/** The `<html>` element's child named `tagName`. */
function part(tree: Root, tagName: 'head' | 'body'): Element {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const found = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === tagName);
  if (!found) throw new Error(`print tree without <${tagName}>`);
  return found;
}

const hasClass = (node: ElementContent, name: string) =>
  node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** `#x` → `#slug--x`; `../other/index.html#x` (a document of the bundle) → `#other--x`. */
function bundleHref(href: string, slug: string, slugs: Set<string>): string {
  if (href.startsWith('#')) return `#${slug}--${href.slice(1)}`;
  const other = /^\.\.\/([^/#?]+)\/(?:index\.html)?(?:#(.*))?$/.exec(href);
  if (other && slugs.has(other[1])) return other[2] ? `#${other[1]}--${other[2]}` : `#${other[1]}`;
  return href;
}

/** Make ids unique to `slug`, point links into the bundle, and images at the document's folder. */
function rebase(tree: Element, slug: string, slugs: Set<string>): void {
  visit(tree, 'element', (node) => {
    const { properties } = node;
    for (const key of idProperties) {
      const value = properties[key];
      if (typeof value === 'string') properties[key] = `${slug}--${value}`;
      else if (Array.isArray(value)) properties[key] = value.map((id) => `${slug}--${id}`);
    }
    if (typeof properties.href === 'string') properties.href = bundleHref(properties.href, slug, slugs);
    // Images sit next to their document's page (`<slug>/afbeeldingen/…`); the bundle is one folder up.
    if (node.tagName === 'img' && typeof properties.src === 'string' && !/^([a-z]+:|\/|\.\.\/)/i.test(properties.src))
      properties.src = `../${slug}/${properties.src}`;
  });
}

/** One section per document: its print body without its own contents page. */
function documentSection(bundlePart: BundlePart, slugs: Set<string>): { section: Element; contents?: Element } {
  const body = structuredClone(part(bundlePart.printTree, 'body'));
  rebase(body, bundlePart.slug, slugs);
  const toc = body.children.find((node): node is Element => node.type === 'element' && node.properties.id === `${bundlePart.slug}--${tocId}`);
  const contents = toc?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol');
  // The bundle's contents lists each document's chapters, not every question: the bookmarks
  // have every level, and the contents of three assessments would otherwise fill pages.
  if (contents) {
    for (const item of contents.children)
      if (item.type === 'element') item.children = item.children.filter((child) => !(child.type === 'element' && child.tagName === 'ol'));
  }
  let heading: string | undefined;
  visit(body, 'element', (node) => {
    if (!heading && node.tagName === 'h1' && typeof node.properties.id === 'string') heading = node.properties.id;
  });
  const classes = (Array.isArray(body.properties.className) ? body.properties.className : []).filter((name) => name !== 'variant-print');
  const children = body.children.filter((node) => node !== toc && !hasClass(node as ElementContent, 'doc-footer')) as ElementContent[];
  const section = h(
    'section',
    {
      className: ['bundle-document', ...classes.map(String)],
      id: bundlePart.slug,
      ariaLabelledBy: heading,
      dataDraftNote: body.properties.dataDraftNote as string | undefined,
    },
    children,
  );
  return { section, contents };
}

/** The bundle's print document (see module comment); `assetBase` as for a document's page. */
export function bundleTree(publication: Publication, parts: BundlePart[], options: { assetBase: string }): Root {
  if (parts.length === 0) throw new Error('a bundle needs at least one document');
  const slugs = new Set(parts.map((entry) => entry.slug));
  const firstBody = part(parts[0].printTree, 'body');
  const head = structuredClone(part(parts[0].printTree, 'head'));
  head.children = head.children.filter(
    (node) =>
      !(node.type === 'element' && (node.tagName === 'title' || (node.tagName === 'meta' && ['author', 'description'].includes(String(node.properties.name))))),
  );
  head.children.push(
    h('title', publication.title),
    h('meta', { name: 'author', content: publication.sender.ministry }),
    h('meta', { name: 'description', content: `${publication.title}: ${parts.length} documenten in één PDF` }),
    h('link', { rel: ['stylesheet'], href: `${options.assetBase}/bundle.css` }),
  );

  const sections = parts.map((entry) => ({ entry, ...documentSection(entry, slugs) }));
  const cover = h('header.doc-header.bundle-cover', [
    h('p.doc-type', 'Publicatie aan de Tweede Kamer'),
    h('h1.doc-title', { id: bundleSlug }, publication.title),
    publicationFacts(publication),
  ]);
  const toc = h('nav.toc', { id: tocId, ariaLabelledBy: `${tocId}-titel` }, [
    h('h2.toc-title', { id: `${tocId}-titel` }, 'Inhoud van deze publicatie'),
    h(
      'ol.bundle-contents',
      sections.map(({ entry, contents }) =>
        h('li.toc-document', [
          h('a', { href: `#${entry.slug}` }, [entry.matter.title, h('span.page-number', pageNumberPlaceholder)]),
          ...(contents ? [contents] : []),
        ]),
      ),
    ),
  ]);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'nl' }, [
        head,
        h('body', { className: ['bundle', 'variant-print'], dataInternalNote: firstBody.properties.dataInternalNote as string | undefined }, [
          cover,
          toc,
          ...sections.map(({ section }) => section),
        ]),
      ]),
    ],
  };
}
