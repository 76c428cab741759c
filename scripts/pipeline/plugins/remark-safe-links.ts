/**
 * Links written in Markdown may only go to the web, to an e-mail address or within the
 * publication: `[klik](javascript:…)`, `data:`, `vbscript:`, `file:` and other schemes are
 * unlinked (the text stays) with a warning at their position. Raw HTML links are handled by
 * rehype-safe-raw-html; this covers the Markdown syntax, which the HTML allow-list never sees.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

const allowed = new Set(['http', 'https', 'mailto']);

/** The scheme of `url` (`javascript`), or undefined for a relative URL. */
function scheme(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside the scheme: `java\tscript:` still runs.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

export default function remarkSafeLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'link' && node.type !== 'definition') || !parent || index === undefined) return;
      const found = scheme(node.url);
      if (found === undefined || allowed.has(found)) return;
      const shown = node.url.length > 40 ? `${node.url.slice(0, 40)}…` : node.url;
      file.message(`Unexpected link to \`${shown}\`, expected an http(s) or mailto address or a link within the publication (link removed, text kept)`, {
        place: node.position,
        source: 'kia-links',
        ruleId: 'unsafe-link',
      });
      parent.children.splice(index, 1, ...(node.type === 'link' ? node.children : []));
      return [SKIP, index];
    });
  };
}
