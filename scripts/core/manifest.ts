/**
 * `dist/manifest.json`: for every input, response and output its path and sha256, so anyone can
 * check what a publication was built from. Paths are relative (no build machine paths); no
 * timestamps, so the same input gives the same manifest.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VerbatimResult } from '../check/verify-responses.ts';
import type { CompiledDocument } from '../model/compiled.ts';
import { sha256 } from './read-source.ts';
import type { PublishedImage } from './write-page.ts';

export interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
}

export interface ResponseRecord extends FileRecord {
  title: string;
  from: string;
  received: string;
  /**
   * Verbatim proof outcome per format (`null` when that format was not built), and what it
   * compared with: the source, or the source with its redactions applied.
   */
  verbatim: { html: boolean; pdf: boolean | null; against: 'source' | 'redacted-source' };
  /** The Woo ground of each `:redact[…]` in the response, in order (never the withheld text). */
  redactions: string[];
  /**
   * The received original, when the response names one: its path and sha256, how it was read,
   * whether the published text equals it, and the page furniture left out of a PDF's text.
   */
  original?: FileRecord & { kind: string | null; verified: boolean; furniture: string[] };
}

export interface DocumentRecord {
  slug: string;
  title: string;
  type: string;
  status: string;
  date: string;
  input: FileRecord;
  responses: ResponseRecord[];
  outputs: FileRecord[];
  pdfPages: number | null;
  /** The published images and what was removed from each (never the values: they may be personal data). */
  images?: Array<{ path: string; removedMetadata: string[] }>;
}

export interface Manifest {
  generator: string;
  /** `YYYY-MM-DD`: SOURCE_DATE_EPOCH's day when set, else the day of the build. */
  buildDate?: string;
  /** `public`, or `internal` (withheld text shown: never publish). */
  edition?: 'public' | 'internal';
  /** The KIA instrument the documents were checked against. */
  instrument?: { id: string; version: string };
  /** The bundle described by `content/publication.yml`, with that file's hash. */
  publication?: {
    title: string;
    date: string;
    sender: { ministry: string; directorate?: string; address?: string[] };
    kamerstuk?: { dossier: string; number?: string };
    documents: string[];
    file: FileRecord;
  };
  /** Versions of Node, Chromium and the packages that made the output. */
  tools?: Record<string, string>;
  documents: DocumentRecord[];
  /** The whole publication as one PDF (`--bundle`), with its page count. */
  bundle?: FileRecord & { pages: number };
  /** Shared outputs: landing page, stylesheets, fonts. */
  shared: FileRecord[];
}

/** Path and sha256 of `file`, recorded as `shownPath`. */
export async function fileRecord(file: string, shownPath: string): Promise<FileRecord> {
  const bytes = await readFile(file);
  return { path: shownPath.split(path.sep).join('/'), sha256: sha256(bytes), bytes: bytes.length };
}

/** Records of every file under `dir` (recursively), paths relative to `root`. */
export async function folderRecords(dir: string, root: string): Promise<FileRecord[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(files.map((file) => fileRecord(file, path.relative(root, file))));
}

/** Serialise with stable key order and a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest of the last build in `outDir`, if there is a readable one (`--only` keeps its other records; `kia check` finds the PDFs up to date by it). */
export async function readPreviousManifest(outDir: string): Promise<Manifest | undefined> {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The record of one built document: its input, responses with their proofs, and outputs under `docDir`. */
export async function documentRecord(
  document: CompiledDocument,
  paths: { docDir: string; root: string; contentDir: string },
  pdfInfo: { pages: number } | undefined,
  verbatim: VerbatimResult['responses'],
  images: PublishedImage[],
): Promise<DocumentRecord> {
  const { matter, source } = document;
  const { contentDir } = paths;
  const shown = (file: string) => path.join(path.basename(contentDir), path.relative(contentDir, file));
  return {
    slug: source.slug,
    title: matter.title,
    type: matter.type,
    status: matter.status,
    date: matter.date,
    input: await fileRecord(source.index, shown(source.index)),
    responses: await Promise.all(
      document.responses.map(async (response, index) => ({
        ...(await fileRecord(path.resolve(source.dir, response.relativePath), shown(path.resolve(source.dir, response.relativePath)))),
        title: response.entry.title,
        from: response.entry.from,
        received: response.entry.received,
        verbatim: {
          html: verbatim[index]?.html ?? false,
          pdf: verbatim[index]?.pdf ?? null,
          against: response.redactions.length > 0 ? 'redacted-source' : 'source',
        },
        redactions: response.redactions.map((ground) => ground.code),
        ...(response.original
          ? {
              original: {
                ...(await fileRecord(response.original.absolute, shown(response.original.absolute))),
                kind: verbatim[index]?.original?.kind ?? null,
                verified: verbatim[index]?.original?.verified ?? false,
                furniture: verbatim[index]?.original?.furniture ?? [],
              },
            }
          : {}),
      })),
    ),
    outputs: await folderRecords(paths.docDir, paths.root),
    ...(images.length > 0 ? { images } : {}),
    pdfPages: pdfInfo?.pages ?? null,
  };
}
