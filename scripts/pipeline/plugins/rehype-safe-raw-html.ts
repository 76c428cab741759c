/**
 * Raw HTML in a document body becomes real elements, but only through an allow-list:
 * `rawHtmlSchema`, the schema of rehype-sanitize (GitHub's) made stricter. Whatever it does
 * not allow is removed with a warning at its position: scripts, styles, frames, forms,
 * event handlers, `style` and `hidden` (text hidden from some readers), and `javascript:` and
 * other unsafe URLs. Only elements that come from raw HTML are checked: the elements the
 * pipeline makes itself (footnotes, ids, classes) are ours and stay as they are.
 *
 * hast-util-sanitize (the engine behind rehype-sanitize) decides per element; this plugin
 * applies its decisions to the raw-HTML elements in place and reports each one.
 */
import { randomUUID } from 'node:crypto';
import type { Element, Parent, Properties, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { EXIT, visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

/** Removed with everything inside them: their content is code, not text. */
const stripped = [
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'textarea',
  'select',
  'button',
  'svg',
  'math',
  'title',
  'head',
  'link',
  'meta',
  'base',
];
const images = new Set(['img', 'picture', 'source']);
const formAttributes = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);

/** The allow-list for raw HTML in documents (see README, "Raw HTML"). */
export const rawHtmlSchema: Schema = {
  ...defaultSchema,
  // Ids stay as written: authors link to them (`[zie](#bijlage-a)`); duplicates are caught later.
  clobber: [],
  clobberPrefix: '',
  strip: stripped,
  // GitHub's list, without form controls, plus semantic text elements reports use.
  // Images only as Markdown (`![alt](file)`): those are checked for alt text and copied.
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !['input', 'img', 'picture', 'source'].includes(name)),
    'abbr',
    'cite',
    'dfn',
    'mark',
    'small',
    'time',
    'figure',
    'figcaption',
    'caption',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => typeof name !== 'string' || !formAttributes.has(name)),
    // Footnote markers are the pipeline's to make, not raw HTML's.
    a: ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'href'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

const markProperty = 'dataKiaPipeline';
const attributeNames: Record<string, string> = { className: 'class', htmlFor: 'for', tabIndex: 'tabindex' };
/** The HTML attribute name of a hast property name, for messages (`onMouseOver` → `onmouseover`). */
const attributeName = (property: string) =>
  attributeNames[property] ??
  (/^(aria|data)[A-Z]/.test(property) ? property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) : property.toLowerCase());

function clip(value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Make raw HTML in the tree into elements, keeping only what `rawHtmlSchema` allows. */
export default function rehypeSafeRawHtml() {
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    if (!hasRaw) return tree;
    // Mark the elements the pipeline made. After parsing, every element without the mark came
    // from raw HTML, including the copies the HTML parser makes of unclosed formatting elements
    // (`<a href=…>` left open is repeated in the next paragraph). A fresh nonce per run, so raw
    // HTML cannot forge the mark; `clean` removes every mark again.
    const nonce = randomUUID();
    visit(tree, 'element', (node) => {
      node.properties[markProperty] = nonce;
    });
    const parsed = raw(tree, { file }) as Root;
    const clean = (parent: Parent, inherited: Element['position']) => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index];
        if (node.type !== 'element') continue;
        const own = node.properties[markProperty] === nonce;
        delete node.properties[markProperty];
        // A copy made by the parser has no position of its own: report it where its parent is.
        const place = node.position ?? inherited;
        if (!own) {
          const decided = sanitize({ type: 'element', tagName: node.tagName, properties: node.properties, children: [] }, rawHtmlSchema);
          if (decided.type !== 'element') {
            const removeAll = stripped.includes(node.tagName);
            const reason = images.has(node.tagName)
              ? `Unexpected \`<${node.tagName}>\` in raw HTML, expected Markdown image syntax \`![beschrijving](bestand)\` so the image is checked and copied (removed)`
              : `Unexpected \`<${node.tagName}>\` in raw HTML, expected only elements of the allow-list (removed${removeAll ? ' with its content' : '; its text is kept'})`;
            file.message(reason, { place, source: 'kia-html', ruleId: 'unsafe-html' });
            parent.children.splice(index, 1, ...(removeAll ? [] : node.children));
            index--;
            continue;
          }
          const kept: Properties = decided.properties;
          for (const [property, value] of Object.entries(node.properties)) {
            if (value === undefined || value === null || value === false) continue;
            if (JSON.stringify(kept[property]) === JSON.stringify(value)) continue;
            const name = attributeName(property);
            const isUrl = property === 'href' || property === 'src' || property === 'cite';
            file.message(
              isUrl
                ? `Unexpected URL \`${clip(value)}\` in \`${name}\` on \`<${node.tagName}>\` in raw HTML, expected http(s), mailto or a relative link (attribute removed)`
                : `Unexpected attribute \`${name}\` on \`<${node.tagName}>\` in raw HTML, expected only attributes of the allow-list (removed)`,
              { place, source: 'kia-html', ruleId: 'unsafe-html' },
            );
          }
          node.properties = kept;
        }
        clean(node, place);
      }
    };
    clean(parsed, undefined);
    return parsed;
  };
}
