/**
 * Links between the documents of one publication (`[de brief](../kamerbrief-flits/index.html)`,
 * `[vraag 3.5](../kia-flits/index.html#h-3-5-…)`, `../kia-flits/kia-flits.pdf`) must reach a
 * document of the publication and, with a `#`, an id in it. Checked on the compiled documents,
 * after which their ids are known; a broken link is an error at its position.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from '../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { closest } from '../model/did-you-mean.ts';

export interface LinkedDocument {
  slug: string;
  file: VFile;
  /** The compiled page (print variant: same ids, links with their Markdown positions). */
  tree: Root;
}

const base = 'https://publicatie.invalid/';

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/**
 * Report broken links between documents. `slugs` are all documents of the publication (some
 * may not be compiled in this run, `--only`: their ids are not checked).
 */
export function checkPublicationLinks(documents: LinkedDocument[], slugs: string[]): void {
  const ids = new Map(documents.map((document) => [document.slug, idsOf(document.tree)]));
  for (const document of documents) {
    visit(document.tree, 'element', (node: Element) => {
      if (Array.isArray(node.properties.className) && node.properties.className.includes('responses')) return SKIP;
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !node.position || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
      const url = new URL(href, `${base}${document.slug}/index.html`);
      const [slug, file = '', ...rest] = url.pathname.slice(1).split('/');
      const report = (reason: string) => {
        document.file.message(`Unexpected link to \`${href}\`${reason}`, { place: node.position, source: 'kia-links', ruleId: 'broken-link' }).fatal = true;
      };
      if (!url.href.startsWith(base) || !slugs.includes(slug)) {
        const near = closest(slug, slugs);
        report(
          ` outside the publication's documents, expected a link to one of them (\`../<slug>/index.html\` or \`../<slug>/<slug>.pdf\`)${near ? `, such as \`../${near}/index.html\`` : ''}`,
        );
        return;
      }
      if (rest.length > 0 || !['', 'index.html', `${slug}.pdf`].includes(file)) {
        report(`, expected \`../${slug}/index.html\` or \`../${slug}/${slug}.pdf\` (the publication has no other files)`);
        return;
      }
      const target = decodeURIComponent(url.hash.slice(1));
      const known = ids.get(slug);
      if (!target || !known || known.has(target)) return;
      const near = closest(target, [...known]);
      report(`: \`#${target}\` is not in \`${slug}\`, expected the id of a heading or element there${near ? ` (did you mean \`#${near}\`?)` : ''}`);
    });
  }
}
