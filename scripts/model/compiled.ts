/**
 * A document as the build has compiled it: the data that the run (core/) makes and the checks
 * (check/) read. Types only, so both layers can name them without importing each other.
 */
import type { Root as HastRoot } from 'hast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Frontmatter, ResponseEntry } from './frontmatter-schema.ts';
import type { WooGround } from './woo-grounds.ts';

/** Where a document's sources are. */
export interface DocumentSource {
  slug: string;
  /** Absolute path of `content/<slug>/`. */
  dir: string;
  /** Absolute path of `content/<slug>/index.md`. */
  index: string;
}

/** Text with, per character, its place in a source file: what the verbatim proof compares. */
export interface LocatedText {
  text: string;
  /** Per character: its place in the response's source file, if known. */
  places: Array<Point | undefined>;
}

export interface CompiledResponse {
  entry: ResponseEntry;
  file: VFile;
  /** Path relative to the document folder, as in frontmatter. */
  relativePath: string;
  sha256: string;
  /**
   * The response's text as read from its source, for the verbatim proof: with redactions, the
   * redacted source text (each `:redact[…]` as its box shows it).
   */
  source: LocatedText;
  /** The grounds of the response's redactions, in order (empty when none). */
  redactions: WooGround[];
  /** The received original (`original:`), which the published text is proven equal to. */
  original?: { relativePath: string; absolute: string; sha256: string };
}

export interface CompiledDocument {
  source: DocumentSource;
  /** Local images, relative to the document folder (copied next to the HTML). */
  images: string[];
  /** The sanitised text of each SVG image, by its path in `images`: what is published instead of the file. */
  svgs: Record<string, string>;
  matter: Frontmatter;
  file: VFile;
  sha256: string;
  responses: CompiledResponse[];
  html: string;
  printHtml: string;
  /** The print document before serialisation: its text nodes still point into the sources. */
  printTree: HastRoot;
}
