/**
 * The HTML edition of a long document is one long page: a "Naar de inhoudsopgave" link ends
 * every chapter (before each `<h2>` of the text but the first, and at the end), so a reader who
 * does not have the contents beside the text (narrow screens) has a way back from anywhere.
 * Only where the page has a table of contents (not in letters and decision notes).
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { mainId, tocId } from '../page-ids.ts';

const backLink = () => h('p.back-to-toc', [h('a', { href: `#${tocId}` }, 'Naar de inhoudsopgave')]);

/** Add the way back to the contents; see module comment. */
export default function rehypeBackToToc() {
  return function (tree: Root) {
    let main: Element | undefined;
    let hasToc = false;
    const find = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'nav' && child.properties.id === tocId) hasToc = true;
        if (child.tagName === 'main' && child.properties.id === mainId) main = child;
        else find(child);
      }
    };
    find(tree);
    if (!main || !hasToc) return;
    const children: Element['children'] = [];
    let chapters = 0;
    for (const child of main.children) {
      if (child.type === 'element' && child.tagName === 'h2' && chapters++ > 0) children.push(backLink());
      children.push(child);
    }
    if (chapters > 0) children.push(backLink());
    main.children = children;
  };
}
