/** Where the stakeholder responses are in a finished page (made by rehype-append-responses). */
import type { Element, Root as HastRoot } from 'hast';
import { visit } from '../model/tree-walk.ts';

/** The `div.response-body` elements of a document tree, in order. */
export function responseRegions(tree: HastRoot): Element[] {
  const regions: Element[] = [];
  visit(tree, 'element', (node) => {
    const className = node.properties.className;
    if (Array.isArray(className) && className.includes('response-body')) regions.push(node);
  });
  return regions;
}
