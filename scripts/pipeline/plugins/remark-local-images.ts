/**
 * Images: every image needs alternative text (WCAG 1.1.1), and must be a file in the document
 * folder (the publication works offline). `![](pad.png "decoratief")` marks a decorative image,
 * which gets an empty `alt`. The list of local images lands in `file.data.images`; the core
 * checks and copies the files (plugins do no I/O). A response's images are written relative to
 * the response file (`base`: its folder in the document), and their addresses are made relative
 * to the document, where the page is. An alternative text that is still a placeholder
 * (`TODO: …`, as `kia import-response` writes for an image without a description) is refused:
 * it says nothing to a reader who cannot see the image.
 */
import { posix } from 'node:path';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

const source = 'kia-images';
export const decorativeTitle = 'decoratief';

declare module 'vfile' {
  interface DataMap {
    /** Local images referenced by the document, as written, with their position. */
    images: Array<{ url: string; position?: Position }>;
  }
}

export interface LocalImagesOptions {
  /** The folder of the Markdown file within the document folder (`responses` for a response); default the document folder itself. */
  base?: string;
  /** A placeholder alternative text is a warning instead of an error (the import's proof, before the editor writes the description). */
  placeholderAltIsWarning?: boolean;
}

const placeholder = /^\s*TODO\b/i;

/** Check alternative text and collect local image paths; see module comment. */
export default function remarkLocalImages(options: LocalImagesOptions = {}) {
  return function (tree: Root, file: VFile) {
    const images: NonNullable<VFile['data']['images']> = [];
    visit(tree, 'image', (node) => {
      const decorative = node.title?.trim().toLowerCase() === decorativeTitle;
      if (placeholder.test(node.alt ?? '')) {
        file.message(
          `Unexpected placeholder \`${node.alt}\` as alternative text of image \`${node.url}\`, expected a description of what the image shows (write it in place of the placeholder)`,
          { place: node.position, source, ruleId: 'image-alt-placeholder' },
        ).fatal = !options.placeholderAltIsWarning;
      }
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
      if (options.base && !node.url.startsWith('/')) node.url = posix.join(options.base, node.url);
      images.push({ url: decodeURI(node.url.split(/[?#]/)[0]), position: node.position });
    });
    file.data.images = images;
  };
}
