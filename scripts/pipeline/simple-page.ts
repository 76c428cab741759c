/** The frame of our own pages (landing page, accessibility report): Dutch, accessible, offline. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { securityMeta } from '../model/security-policy.ts';

export interface SimplePage {
  title: string;
  description: string;
  /** Relative URL of the stylesheets folder. */
  assetBase: string;
  bodyClass: string;
  /** Content of the header landmark. */
  header: ElementContent;
  main: ElementContent[];
  footer: string;
}

/** Serialise a page with skip link, header, main and footer landmarks. */
export function simplePage(page: SimplePage): string {
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'nl' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          ...securityMeta(),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', page.title),
          h('meta', { name: 'description', content: page.description }),
          ...['tokens', 'base', 'components', 'screen'].map((name) => h('link', { rel: 'stylesheet', href: `${page.assetBase}/${name}.css` })),
        ]),
        h('body', { className: [page.bodyClass] }, [
          h('a.skip-link', { href: '#inhoud' }, 'Direct naar de inhoud'),
          h('header.site-header', [page.header]),
          h('main', { id: 'inhoud' }, page.main),
          h('footer.doc-footer', [h('p', page.footer)]),
        ]),
      ]),
    ],
  });
}
