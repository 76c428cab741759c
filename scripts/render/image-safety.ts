/**
 * Images come from outside the team (a research firm's chart, a platform's response), so what
 * is published is made safe first:
 *
 * - SVG is sanitised with DOMPurify's SVG profile on a jsdom window: no scripts, event handlers,
 *   `<foreignObject>`, script or data URLs, references to anything outside the file (`href`,
 *   `xlink:href`, CSS `url(…)` and `@import`), and no XML entity declarations. What was removed
 *   is reported; a file that is not well-formed SVG is refused.
 * - Photos lose their metadata (EXIF, GPS, XMP, IPTC, comments, PNG text and time chunks) through
 *   ExifTool, which rewrites the metadata without decoding the pixels; the colour profile and the
 *   orientation stay, so the image looks the same.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
// jsdom and DOMPurify are loaded on the first SVG (jsdom alone takes half a second to load).
type DomPurifyFactory = typeof import('dompurify').default;

const run = promisify(execFile);

export interface SanitisedSvg {
  /** The safe SVG, or undefined when the file is not well-formed SVG (see `error`). */
  svg?: string;
  /** What was removed, in words, e.g. "element <script>", "attribute onload on <svg>". */
  removed: string[];
  error?: string;
}

const svgNamespace = 'http://www.w3.org/2000/svg';
/** A reference that stays inside the file: a fragment (`#gradient`). */
const internal = (value: string) => value.trim().startsWith('#');
/** CSS that reaches outside the file: `@import`, or `url(…)` to anything but a fragment. */
const externalCss = /@import\b[^;]*;?|url\(\s*(['"]?)(?!#)[^)]*\1\s*\)/gi;

/** Sanitise the SVG source `text` (see module comment). */
export async function sanitiseSvg(text: string): Promise<SanitisedSvg> {
  const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify') as Promise<{ default: DomPurifyFactory }>]);
  const removed: string[] = [];
  // Entity declarations (the "billion laughs", or an entity that pulls in a file) go before
  // any parser sees them.
  let source = text.replace(/^\ufeff/, '');
  if (/<!DOCTYPE[^>[]*\[[\s\S]*?\]\s*>/i.test(source) || /<!ENTITY/i.test(source)) {
    source = source.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
    removed.push('XML entity declarations (<!DOCTYPE … [<!ENTITY …>]>)');
  }
  const { window } = new JSDOM('');
  const parsed = new window.DOMParser().parseFromString(source, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== svgNamespace || root.localName !== 'svg') {
    const reason = parsed.getElementsByTagName('parsererror')[0]?.textContent?.split('\n')[0]?.trim();
    return { removed, error: reason ? `not well-formed XML (${reason})` : `the root element is <${root.localName}>, not <svg>` };
  }

  const purify = createDOMPurify(window as unknown as Parameters<DomPurifyFactory>[0]);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    if (
      (name === 'href' || name === 'xlink:href') &&
      !internal(value) &&
      !(node.nodeName.toLowerCase() === 'image' && /^data:image\/(png|jpe?g|gif|webp);/i.test(value.trim()))
    ) {
      data.keepAttr = false;
      removed.push(`attribute ${data.attrName}="${value.slice(0, 60)}" on <${node.nodeName}> (a reference outside the file)`);
    } else if (name === 'style' && externalCss.test(value)) {
      data.attrValue = value.replace(externalCss, '');
      removed.push(`url(…) or @import in the style of <${node.nodeName}>`);
    }
    externalCss.lastIndex = 0;
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent && externalCss.test(node.textContent)) {
      node.textContent = node.textContent.replace(externalCss, '');
      removed.push('url(…) or @import in a <style> element');
    }
    externalCss.lastIndex = 0;
  });
  // Parsed as HTML (foreign content): its parser restores the SVG case of names such as
  // viewBox and linearGradient, which DOMPurify's lower-case allow-list needs.
  const body = purify.sanitize(source.replace(/<\?xml[^>]*\?>/, ''), {
    USE_PROFILES: { svg: true, svgFilters: true },
    // `<use>` of a symbol in the same file is how chart tools draw markers; an outside one is
    // removed by the hook above.
    ADD_TAGS: ['use'],
    RETURN_DOM: true,
  }) as unknown as Element;
  for (const entry of purify.removed as Array<{ element?: Element; attribute?: Attr | null; from?: Element }>) {
    // Addresses were reported by the hook, with their value; the wrapper elements are DOMPurify's own.
    if (entry.attribute && !/^(xlink:)?href$/i.test(entry.attribute.name))
      removed.push(`attribute ${entry.attribute.name} on <${entry.from?.nodeName ?? '?'}>`);
    else if (!entry.attribute && entry.element && entry.element.nodeType === 1 && !/^(html|head|body)$/i.test(entry.element.nodeName))
      removed.push(`element <${entry.element.nodeName}>`);
  }
  const clean = body.querySelector('svg');
  const svg = clean;
  if (!svg) return { removed, error: 'nothing of the SVG is left after removing what is unsafe' };
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(svg)}\n`, removed: [...new Set(removed)] };
}

/** Groups of ExifTool tags that describe the file, not its metadata. */
const fileGroups = new Set(['SourceFile', 'ExifTool', 'System', 'File', 'Composite', 'ICC_Profile', 'ICC-header', 'ICC-view', 'ICC-meas']);
/** Kept on purpose: how the image is shown. */
const keptTags = new Set(['Orientation', 'ColorSpace', 'ICC_Profile']);

/** The metadata fields of an image as ExifTool reads them ("IFD0:Artist": "Piet Fotograaf"). */
export async function imageMetadata(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('exiftool', ['-j', '-G1', '-a', '-s', '-n', '-b', '-x', 'ThumbnailImage', file], { maxBuffer: 64 * 1024 * 1024 });
  const [tags] = JSON.parse(stdout) as Array<Record<string, unknown>>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags ?? {})) {
    const [group] = key.split(':');
    // A JPEG comment is filed under File by ExifTool, but it is free text like any other field.
    if ((fileGroups.has(group) || group.startsWith('ICC')) && key !== 'File:Comment') continue;
    // PNG and JPEG structure (size, bit depth, compression) is the image itself, not metadata.
    if (
      ['PNG', 'JFIF', 'JPEG', 'GIF', 'RIFF', 'IHDR'].includes(group) &&
      !/Text|Comment|Author|Title|Description|Copyright|Software|Creation|Time|Artist|Source|Disclaimer|Warning/i.test(key)
    )
      continue;
    fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return fields;
}

/**
 * Copy the raster image `from` to `to` without its metadata (see module comment); returns the
 * fields that were removed ("IFD0:Artist", "GPS:GPSLatitude", "PNG:Author", …).
 */
export async function stripImageMetadata(from: string, to: string): Promise<string[]> {
  const before = await imageMetadata(from);
  // ExifTool never overwrites with -o.
  await rm(to, { force: true });
  await run('exiftool', ['-q', '-q', '-m', '-all=', '-tagsFromFile', '@', '-ICC_Profile', '-Orientation', '-o', to, from]);
  const after = await imageMetadata(to);
  return Object.keys(before).filter((key) => !(key in after) && !keptTags.has(key.split(':')[1]));
}
