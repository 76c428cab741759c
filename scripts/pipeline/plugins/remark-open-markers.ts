/**
 * Find what an author left open: `TODO` and `FIXME` markers (in the text or in HTML comments)
 * and the placeholders `kia new` writes ("Nog in te vullen", "Nog te bepalen"). They are not a
 * problem in a draft; they land in `file.data.openMarkers` and a `kia build --final` refuses
 * the document while any is left.
 */
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

declare module 'vfile' {
  interface DataMap {
    /** Open markers in the document's text, with where they start. */
    openMarkers: Array<{ marker: string; place?: Point }>;
  }
}

const markerPattern = /\b(?:TODO|FIXME)\b|Nog in te vullen|Nog te bepalen/g;

/** Record open markers; see module comment. */
export default function remarkOpenMarkers() {
  return function (tree: Root, file: VFile) {
    const places = location(file);
    const markers: NonNullable<VFile['data']['openMarkers']> = [];
    const source = String(file.value);
    const find = (text: string, offset: number) => {
      for (const match of text.matchAll(markerPattern)) markers.push({ marker: match[0], place: places.toPoint(offset + match.index) });
    };
    visit(tree, (node) => {
      if (!node.position) return;
      // The source of the node, not its value: positions must be those of the author's file.
      const start = node.position.start.offset ?? 0;
      const end = node.position.end.offset ?? start;
      if (node.type === 'text' || node.type === 'html' || node.type === 'inlineCode' || node.type === 'code') find(source.slice(start, end), start);
      else if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
        // Attributes (`beheerder="Nog te bepalen"`) are in no text node: read them in the
        // directive's first line, from its `{` on.
        const lineEnd = source.indexOf('\n', start);
        const firstLine = source.slice(start, Math.min(end, lineEnd === -1 ? end : lineEnd));
        const attributes = firstLine.indexOf('{');
        if (attributes !== -1) find(firstLine.slice(attributes), start + attributes);
      }
    });
    file.data.openMarkers = markers;
  };
}
