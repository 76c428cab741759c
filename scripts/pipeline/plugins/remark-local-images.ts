/**
 * Images: every image needs alternative text (WCAG 1.1.1), and must be a file in the document
 * folder (the publication works offline). `![](pad.png "decoratief")` marks a decorative image,
 * which gets an empty `alt`. The list of local images lands in `file.data.images`; the core
 * checks and copies the files (plugins do no I/O).
 */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const source = 'kia-images';
export const decorativeTitle = 'decoratief';

declare module 'vfile' {
  interface DataMap {
    /** Local images referenced by the document, as written, with their position. */
    images: Array<{ url: string; position?: Position }>;
  }
}

/** Check alternative text and collect local image paths; see module comment. */
export default function remarkLocalImages() {
  return function (tree: Root, file: VFile) {
    const images: NonNullable<VFile['data']['images']> = [];
    visit(tree, 'image', (node) => {
      const decorative = node.title?.trim().toLowerCase() === decorativeTitle;
      if (decorative) {
        node.alt = '';
        node.title = null;
      } else if (!node.alt?.trim()) {
        file.message(
          `Unexpected image \`${node.url}\` without alternative text, expected \`![beschrijving](${node.url})\` (or \`![](${node.url} "${decorativeTitle}")\` for a purely decorative image)`,
          {
            place: node.position,
            source,
            ruleId: 'image-alt',
          },
        ).fatal = true;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//')) {
        file.message(`Unexpected image address \`${node.url}\`, expected a file in the document folder (the publication must work offline)`, {
          place: node.position,
          source,
          ruleId: 'remote-image',
        }).fatal = true;
        return;
      }
      images.push({ url: decodeURI(node.url.split(/[?#]/)[0]), position: node.position });
    });
    file.data.images = images;
  };
}
