/**
 * What every published page may load and run: nothing but its own stylesheets, fonts and
 * images (no scripts, no remote loads, no forms), and no referrer sent when a reader follows
 * an external link. As `<meta>` elements, so the policy travels with the file wherever it is
 * served or opened.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';

export const contentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The CSP and referrer `<meta>` elements for a page's head. */
export function securityMeta(): Element[] {
  return [h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy }), h('meta', { name: 'referrer', content: 'no-referrer' })];
}
