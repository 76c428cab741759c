/**
 * Small helpers for the domain-block plugins (remark-directive syntax): reading a directive's
 * label and attributes, parsing risk levels, and building mdast nodes that remark-rehype turns
 * into the elements we want (`data.hName`, `data.hProperties`), so Markdown inside a block
 * (lists, links, footnotes) goes through the normal pipeline.
 */
import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Properties } from 'hast';
import type { Node } from 'unist';
import { closest } from '../model/did-you-mean.ts';
import type { Assessment } from '../model/instrument.ts';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** A node remark-rehype turns into `<tagName …properties>children</tagName>`. */
export interface ElementNode extends Node {
  type: 'kiaElement';
  children: Array<ElementNode | BlockContent | DefinitionContent | PhrasingContent>;
  data: { hName: string; hProperties: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    kiaElement: ElementNode;
  }
  interface BlockContentMap {
    kiaElement: ElementNode;
  }
}

/** An element node for remark-rehype; see module comment. */
export function element(tagName: string, properties: Properties, children: ElementNode['children']): ElementNode {
  return { type: 'kiaElement', data: { hName: tagName, hProperties: properties }, children };
}

/** A text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** True when `node` is a directive named `name` (of the given kinds). */
export function isDirective(node: { type: string }, name: string, kinds: Array<Directive['type']> = ['containerDirective']): node is Directive {
  return kinds.includes(node.type as Directive['type']) && (node as Directive).name === name;
}

/** Split a container directive into its label (`:::name[label]`) and its block content. */
export function splitLabel(directive: ContainerDirective): { label?: Paragraph; content: ContainerDirective['children'] } {
  const [first, ...rest] = directive.children;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) return { label: first, content: rest };
  return { content: directive.children };
}

/** The label's inline content and plain text (`undefined` when there is no label or it is empty). */
export function labelOf(directive: ContainerDirective | LeafDirective | TextDirective): { children: PhrasingContent[]; text: string } | undefined {
  const children = directive.type === 'containerDirective' ? splitLabel(directive).label?.children : directive.children;
  if (!children || children.length === 0) return undefined;
  const value = children
    .map((child) => toString(child))
    .join('')
    .trim();
  return value ? { children, text: value } : undefined;
}

export const assessments: readonly Assessment[] = ['laag', 'midden', 'hoog', 'niet bepaald'];

/** Parse a level as authors type it (`Hoog`, `niet-bepaald`); undefined when it is none. */
export function parseAssessment(value: string): Assessment | undefined {
  const normal = value
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return (assessments as readonly string[]).includes(normal) ? (normal as Assessment) : undefined;
}

/** "expected …" for an invalid level, with a did-you-mean. */
export function expectedAssessment(value: string): string {
  const guess = closest(value.trim().toLowerCase(), assessments);
  return `expected \`laag\`, \`midden\`, \`hoog\` or \`niet bepaald\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`;
}

/** Attributes a directive has that are not in `allowed`, with a did-you-mean for each. */
export function unknownAttributes(directive: Directive, allowed: readonly string[]): Array<{ name: string; hint: string }> {
  return Object.keys(directive.attributes ?? {})
    .filter((name) => !allowed.includes(name))
    .map((name) => {
      const guess = closest(name, allowed);
      return { name, hint: guess ? ` (did you mean \`${guess}\`?)` : '' };
    });
}

/** A level cell's content: the level in words, with a class for colour (never colour alone). */
export function levelClass(value: Assessment): string {
  return `level-${value.replace(' ', '-')}`;
}

/** Capitalise the first letter (`hoog` → `Hoog`) for display. */
export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

type BlockParent = { type: string; children: Array<{ type: string }> };
/** Node types whose children are blocks (where block directives can be). */
export const blockContainers = new Set(['root', 'blockquote', 'list', 'listItem', 'containerDirective', 'footnoteDefinition', 'kiaElement']);

/**
 * Visit block-level nodes only (no descent into paragraphs, headings, tables or code): block
 * directives live there, and skipping the inline content that makes up most of a document
 * keeps a 200-page assessment's rebuild in the live preview fast. The visitor may replace
 * `parent.children[index]`; the replacement is not visited.
 */
export function visitBlocks(
  tree: BlockParent,
  visitor: (node: { type: string }, index: number, parent: BlockParent, top: { type: string }) => void,
  top?: { type: string },
): void {
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    // `top`: the node's ancestor among the root's children (the node itself at the top).
    const ancestor = top ?? node;
    visitor(node, index, tree, ancestor);
    if (children[index] === node && blockContainers.has(node.type) && 'children' in node) visitBlocks(node as BlockParent, visitor, ancestor);
  }
}
