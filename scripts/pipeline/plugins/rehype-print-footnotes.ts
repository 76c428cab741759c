/**
 * Prepare the body's footnotes for Paged.js: each footnote moves from the end of the document
 * to a `span.footnote` right after its call, which print CSS floats to the bottom of the page
 * (`float: footnote`).
 *
 * The number in the call and in the footnote are real text, not CSS counters: generated
 * content never reaches the PDF's text layer or structure tree, so screen readers and
 * `pdftotext` would miss it. Footnotes inside a stakeholder response stay endnotes of that
 * response, so the response reads in one piece, as it was received.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visitParents } from 'unist-util-visit-parents';
import { remove } from 'unist-util-remove';

const blockTags = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'dl',
  'dt',
  'dd',
  'hr',
]);

/** Move body footnotes inline (see module comment) and drop back links. */
export default function rehypePrintFootnotes() {
  return function (tree: Root) {
    const definitions = new Map<string, ElementContent[]>();
    let bodySection: Element | undefined;

    visitParents(tree, 'element', (node, ancestors) => {
      if (node.properties.dataFootnotes === undefined || insideResponse(ancestors)) return;
      bodySection = node;
      visitParents(node, 'element', (item) => {
        if (item.tagName !== 'li' || typeof item.properties.id !== 'string') return;
        definitions.set(item.properties.id, inline(withoutBackrefs(item.children)));
      });
    });

    const placed = new Set<string>();
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'sup' || insideResponse(ancestors)) return;
      const link = node.children.find((child): child is Element => child.type === 'element' && child.properties.dataFootnoteRef !== undefined);
      if (!link) return;
      const target = String(link.properties.href ?? '').slice(1);
      const content = definitions.get(target);
      if (!content) return;
      const number = link.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      delete link.properties.ariaDescribedBy;
      node.properties.className = ['footnote-call'];
      if (placed.has(target)) return;
      placed.add(target);
      const parent = ancestors[ancestors.length - 1] as Element | Root;
      const index = parent.children.indexOf(node);
      parent.children.splice(index + 1, 0, h('span.footnote', { id: target }, [h('span.footnote-number', number), ' ', ...content]));
    });

    remove(tree, (node) => node === bodySection || (node.type === 'element' && (node as Element).properties.dataFootnoteBackref !== undefined));
  };
}

function insideResponse(ancestors: unknown[]): boolean {
  return ancestors.some((ancestor) => {
    const className = (ancestor as Element).properties?.className;
    return Array.isArray(className) && className.includes('response-body');
  });
}

function withoutBackrefs(children: ElementContent[]): ElementContent[] {
  const copy = structuredClone(children);
  const root: Root = { type: 'root', children: copy };
  remove(root, (node) => node.type === 'element' && (node as Element).properties.dataFootnoteBackref !== undefined);
  return root.children as ElementContent[];
}

/** Block elements would end the surrounding paragraph: turn them into classed spans. */
function inline(children: ElementContent[]): ElementContent[] {
  const result = children.filter((child) => !(child.type === 'text' && /^\s*$/.test(child.value)));
  for (const child of result) {
    visitParents(child, 'element', (node) => {
      if (!blockTags.has(node.tagName)) return;
      node.properties = { className: [`fn-${node.tagName}`] };
      node.tagName = 'span';
    });
  }
  return result;
}
