/**
 * Find what an author left open: `TODO` and `FIXME` markers (in the text or in HTML comments)
 * and the placeholders `kia new` writes ("Nog in te vullen", "Nog te bepalen"). They are not a
 * problem in a draft; they land in `file.data.openMarkers` and a `kia build --final` refuses
 * the document while any is left.
 */
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
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
    visit(tree, (node) => {
      if ((node.type !== 'text' && node.type !== 'html' && node.type !== 'inlineCode' && node.type !== 'code') || !node.position) return;
      // The source of the node, not its value: positions must be those of the author's file.
      const start = node.position.start.offset ?? 0;
      const text = source.slice(start, node.position.end.offset ?? start);
      for (const match of text.matchAll(markerPattern)) markers.push({ marker: match[0], place: places.toPoint(start + match.index) });
    });
    // Directive attributes (`beheerder="Nog te bepalen"`) are not text nodes: look in the source.
    visit(tree, (node) => {
      if ((node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') || !node.position) return;
      const start = node.position.start.offset ?? 0;
      const firstLine = source.slice(start, source.indexOf('\n', start) === -1 ? undefined : source.indexOf('\n', start));
      const attributes = firstLine.indexOf('{');
      if (attributes === -1) return;
      for (const match of firstLine.slice(attributes).matchAll(markerPattern)) markers.push({ marker: match[0], place: places.toPoint(start + attributes + match.index) });
    });
    file.data.openMarkers = markers;
  };
}
