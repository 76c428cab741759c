/**
 * The build run as a list of named steps:
 *
 *   selectDocuments → compile → (staging) write pages → print → verify → bundle →
 *   landing page and records → gate → manifest → leak proof → commit
 *
 * Each step reads what the ones before it produced; every problem is a vfile message on the file
 * it concerns, and a step that leaves a fatal message stops the run before anything is swapped
 * into the output folder. The PDF output lives in core/print-pdf.ts.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, freemem } from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { checkFinal } from '../check/final.ts';
import { reportGateProblems, runGate, type AccessibilityReport, type GateDocument } from '../check/gate.ts';
import { writeReport } from '../check/report-page.ts';
import { checkPublicationLinks } from '../check/publication-links.ts';
import { checkNameParts, checkRedactions, type Redaction } from '../check/redactions.ts';
import { verifyResponses } from '../check/verify-responses.ts';
import type { CompiledDocument } from '../model/compiled.ts';
import type { Frontmatter } from '../model/frontmatter-schema.ts';
import { eachConcurrently } from '../model/concurrency.ts';
import { generator } from '../model/generator.ts';
import { projectInstrument } from '../model/instrument.ts';
import type { DocumentSource } from '../model/compiled.ts';
import { copyAssets } from './assets.ts';
import { buildDate } from './build-date.ts';
import { cacheDirFor, openBuildCache, type ResultCache } from './build-cache.ts';
import { bundleSlug, bundleTree } from './bundle.ts';
import { compileDocument } from './compile-document.ts';
import { discoverDocuments, selectOnly } from './discover.ts';
import { landingPage, type LandingEntry } from './landing-page.ts';
import { lastBuildKey, rememberBuild, unchangedBuild } from './last-build.ts';
import { documentRecord, fileRecord, folderRecords, readPreviousManifest, serializeManifest, type DocumentRecord, type Manifest } from './manifest.ts';
import { addPdfLink } from './pdf-link.ts';
import { bundleMetadata, pagesFrom, PdfPrinter, printableDocument, type PrintedPdf, type PrintProgress } from './print-pdf.ts';
import { readPublication, type Publication } from './publication.ts';
import { type HouseStyle, readHouseStyle } from './house-style.ts';
import { readFrontmatter } from './read-frontmatter.ts';
import { createStaging, type Staging } from './staging.ts';
import { toolVersions } from './tool-versions.ts';
import { writePage, type PublishedImage } from './write-page.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Build only this document (the others keep their previous output). */
  only?: string;
  pdf: boolean;
  /** Run the accessibility gate (axe on the HTML, PDF/UA checks on the PDF); default true. */
  check?: boolean;
  /**
   * House-style transforms run after ours on the finished document, per variant. The verbatim
   * proof checks their effect too: a plugin that touches a response fails the build.
   */
  extraPlugins?: { screen?: PluggableList; print?: PluggableList };
  /** Abort the build (Ctrl-C): the browser is closed, the staging folder removed, `dist/` kept. */
  signal?: AbortSignal;
  /** Per-document PDF layout timeout. */
  pdfTimeoutMs?: number;
  /**
   * The publication for parliament: refused (nothing written) while a document is a draft or
   * has open markers; needs the PDF and the accessibility gate.
   */
  final?: boolean;
  /**
   * `public` (default): `:redact[…]` text is withheld and the output is searched for it (the
   * build fails on any find); `internal`: shown, highlighted, every page marked "Intern".
   */
  redaction?: 'public' | 'internal';
  /** Also the whole publication (content/publication.yml) as one PDF: one contents, bookmarks and page numbers throughout. */
  bundle?: boolean;
  /**
   * Take unchanged PDFs and gate verdicts from the build cache (`.kia-cache/` next to the output
   * folder; core/build-cache.ts). Default true; `false` neither reads nor writes it.
   */
  cache?: boolean;
  /** `--force`: make everything again, taking nothing from the cache (it is filled anew). */
  force?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  slug: string;
  stage: 'html' | 'pdf' | 'verify' | 'check-html' | 'check-pdf';
  state: 'start' | 'done';
  ms?: number;
  detail?: string;
  /** Set on `done` when the stage reported errors. */
  failed?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Every file that has messages to report (warnings included). */
  files: VFile[];
  manifest?: Manifest;
  /** Summary of the accessibility gate, when it ran. */
  accessibility?: { passed: boolean; summary: AccessibilityReport['summary']; report: string; files: AccessibilityReport['files'] };
  /** Where the complete output of a build that failed only the gate was kept. */
  keptFailedOutput?: string;
  /** Results taken from the build cache (`hits`) and made (`misses`): PDFs and gate verdicts. */
  cache?: { hits: number; misses: number };
  /** Nothing changed since the last build into this folder: its result stands (`outputs` files checked by sha256). */
  unchanged?: { outputs: number };
}

/** Thrown by `runBuild` when its signal aborts it; nothing was written to the output folder. */
export class BuildAborted extends Error {
  constructor() {
    super('build aborted');
  }
}

/** What every step shares: the options, the folders, and every file that may carry messages. */
class BuildRun {
  readonly files: VFile[];
  readonly progress: (event: ProgressEvent) => void;

  constructor(
    readonly options: BuildOptions,
    readonly contentDir: string,
    readonly outDir: string,
    /** Messages about the run itself (the content folder, the options). */
    readonly problems: VFile,
  ) {
    this.files = [problems];
    this.progress = options.onProgress ?? (() => {});
  }

  /** Whether any file has a fatal message. */
  failed(): boolean {
    return this.files.some((file) => file.messages.some((message) => message.fatal));
  }

  /** The build cache, once opened. */
  cache?: ResultCache & { hits: number; misses: number };

  result(ok: boolean, manifest?: Manifest, extra: Partial<BuildResult> = {}): BuildResult {
    const cache = this.cache && { hits: this.cache.hits, misses: this.cache.misses };
    return { ok, files: this.files.filter((file) => file.messages.length > 0), manifest, ...(cache ? { cache } : {}), ...extra };
  }

  stopIfAborted(): void {
    if (this.options.signal?.aborted) throw new BuildAborted();
  }

  /** Progress of one print, as the build's `pdf` stage. */
  readonly printProgress: PrintProgress = (event) => this.progress({ ...event, stage: 'pdf' });
}

/** The documents of the content folder, in the publication's order, and those to build now. */
interface Selection {
  documents: DocumentSource[];
  selected: DocumentSource[];
  publication?: { publication: Publication; file: VFile };
  /** The publication's house style, when it names one. */
  houseStyle?: HouseStyle;
}

/** A document whose page is written (and PDF printed) into the staging folder. */
interface WrittenDocument {
  document: CompiledDocument;
  dir: string;
  htmlPath: string;
  images: PublishedImage[];
  pdf?: PrintedPdf;
}

/** Build the documents under `options.contentDir` into `options.outDir` (already locked by the caller). */
export async function runBuild(options: BuildOptions, contentDir: string, outDir: string, problems: VFile): Promise<BuildResult> {
  const run = new BuildRun(options, contentDir, outDir, problems);
  await rm(failedOutputDir(outDir), { recursive: true, force: true });

  const selection = await selectDocuments(run);
  if (run.failed()) return run.result(false);
  if (options.cache !== false) run.cache = await openBuildCache(cacheDirFor(outDir), { read: !options.force, extraSalt: houseStyleSalt(selection.houseStyle) });
  const lastBuild = await sameAsLastBuild(run);
  if (lastBuild?.unchanged) return lastBuild.unchanged;
  const { compiled, redactions } = await compile(run, selection);
  if (run.failed()) return run.result(false);

  const staging = await createStaging(outDir, { keepExisting: Boolean(options.only) });
  let printer: PdfPrinter | undefined;
  try {
    const previous = options.only ? await readPreviousManifest(outDir) : undefined;
    // Stylesheets and fonts first: Paged.js loads them while laying out the PDF.
    await rm(path.join(staging.dir, 'assets'), { recursive: true, force: true });
    await copyAssets(staging.dir, selection.houseStyle);
    printer = new PdfPrinter({ signal: options.signal, timeoutMs: options.pdfTimeoutMs ?? 600_000, cache: run.cache });

    const written = await writePages(run, compiled, staging);
    if (options.pdf) await print(run, written, printer, staging);
    const records = await verify(run, written, staging);
    if (run.failed()) return await discard(run, staging);
    const bundle =
      options.bundle && options.pdf && selection.publication ? await printBundle(run, selection.publication, compiled, printer, staging) : undefined;
    if (run.failed()) return await discard(run, staging);

    const landing = await landingPageAndRecords(selection, written, records, previous, bundle, staging);
    run.stopIfAborted();
    const accessibility = options.check === false ? undefined : await gate(run, selection, written, bundle, printer, staging);
    run.stopIfAborted();
    const manifest = await writeManifest(run, selection, landing.records, bundle?.pdfInfo, accessibility, printer.chromiumVersion, staging);
    if (!(await leakProof(redactions, staging, run.cache))) return await discard(run, staging, { accessibility });
    const result = await commit(run, staging, manifest, accessibility);
    if (result.ok && lastBuild && run.cache) await rememberBuild(run.cache, lastBuild.key, outDir, result.files, { manifest, accessibility });
    return result;
  } catch (error) {
    await staging.discard();
    throw options.signal?.aborted ? new BuildAborted() : error;
  } finally {
    await printer?.close();
  }
}

/**
 * Step 0: nothing changed since the last successful build into this folder (core/last-build.ts):
 * its result stands. Never with `--force` (which is remembered, though), `--only` (the output
 * also depends on what the folder held) or house-style plugins (code the key cannot name).
 * Undefined when this build may not be remembered; `unchanged` when the last one stands.
 */
async function sameAsLastBuild(run: BuildRun): Promise<{ key: unknown[]; unchanged?: BuildResult } | undefined> {
  const { options, cache } = run;
  if (!cache || options.only || options.extraPlugins) return undefined;
  const key = await lastBuildKey({
    contentDir: run.contentDir,
    outDir: run.outDir,
    pdf: options.pdf,
    check: options.check !== false,
    final: Boolean(options.final),
    redaction: options.redaction ?? 'public',
    bundle: Boolean(options.bundle),
  });
  if (options.force) return { key };
  // The cache's counts are of outputs and verdicts; this lookup is neither.
  const counts = { hits: cache.hits, misses: cache.misses };
  const found = await unchangedBuild<Pick<BuildResult, 'manifest' | 'accessibility'>>(cache, key, run.outDir);
  Object.assign(cache, counts);
  if (!found) return { key };
  return { key, unchanged: { ok: true, files: found.files, ...found.result, unchanged: { outputs: found.outputs } } };
}

/** What of the house style goes into every output: its stylesheet, logo and fonts (by path: fonts come from installed packages). */
function houseStyleSalt(houseStyle: HouseStyle | undefined): Uint8Array[] {
  if (!houseStyle) return [];
  return [JSON.stringify({ css: houseStyle.css, logo: houseStyle.logo ?? null, fonts: houseStyle.fonts })].map((text) => new TextEncoder().encode(text));
}

/** Where the complete output of a build that failed only the gate is kept for inspection. */
function failedOutputDir(outDir: string): string {
  return `${outDir}.mislukt`;
}

/** Step 1: discover the documents, read `publication.yml`, order them and pick those to build. */
async function selectDocuments(run: BuildRun): Promise<Selection> {
  const { options, problems } = run;
  const found = await discoverDocuments(run.contentDir, problems);
  // content/publication.yml, when there is one: the bundle's order, title, sender, Kamerstuk.
  const publicationRead = await readPublication(
    run.contentDir,
    found.map((doc) => doc.slug),
  );
  if (publicationRead) run.files.push(publicationRead.file);
  const publication = publicationRead?.publication;
  const documents = publication ? [...found].sort((a, b) => publicationIndex(publication, a.slug) - publicationIndex(publication, b.slug)) : found;
  if (documents.length === 0 && !run.failed()) {
    problems.message('Unexpected content folder without documents, expected a folder `<slug>/index.md`', {
      source: 'kia-files',
      ruleId: 'no-documents',
    }).fatal = true;
  }
  if (options.bundle)
    checkBundleOptions(
      options,
      publication,
      found.map((doc) => doc.slug),
      problems,
    );
  const selected = selectOnly(documents, options.only, problems);
  const houseStyle =
    publication?.huisstijl && publicationRead
      ? await readHouseStyle(publication.huisstijl, run.contentDir, publicationRead.file, publicationRead.places)
      : undefined;
  return { documents, selected, publication: publication && publicationRead ? { publication, file: publicationRead.file } : undefined, houseStyle };
}

/**
 * Step 2: HTML for every selected document (all problems collected before giving up), links
 * between documents, every redaction's name parts against every source, and the final check.
 */
async function compile(run: BuildRun, selection: Selection): Promise<{ compiled: CompiledDocument[]; redactions: Redaction[] }> {
  const { options } = run;
  const compiled: CompiledDocument[] = [];
  for (const doc of selection.selected) {
    run.progress({ slug: doc.slug, stage: 'html', state: 'start' });
    const started = performance.now();
    const { document, files } = await compileDocument(doc, {
      assetBase: '../assets',
      extraPlugins: options.extraPlugins,
      redaction: options.redaction,
      cache: run.cache,
      houseStyle: selection.houseStyle && { logoAlt: selection.houseStyle.logo?.alt },
    });
    run.files.push(...files);
    if (document) compiled.push(document);
    run.progress({ slug: doc.slug, stage: 'html', state: 'done', ms: performance.now() - started, failed: !document });
  }
  checkPublicationLinks(
    compiled.map((document) => ({ slug: document.source.slug, file: document.file, tree: document.printTree })),
    selection.documents.map((doc) => doc.slug),
  );
  // Every redaction of the publication, against every document: a name withheld in one may not
  // stand in another. Its parts are looked for in the sources now, before anything is built.
  const sources = compiled.flatMap((document) => [document.file, ...document.responses.map((response) => response.file)]);
  const redactions =
    options.redaction === 'internal' ? [] : sources.flatMap((file) => (file.data.redactions ?? []).map((redaction) => ({ ...redaction, file })));
  checkNameParts(sources, redactions, Boolean(options.final));
  if (options.final) {
    if (!options.pdf || options.check === false)
      run.problems.message('Unexpected --no-pdf or --no-check in a final build, expected the PDF and the accessibility gate', {
        source: 'kia-final',
        ruleId: 'final-incomplete',
      }).fatal = true;
    checkFinal(compiled);
  }
  return { compiled, redactions };
}

/** Step 3: each document's page and images, in a fresh folder of its own. */
async function writePages(run: BuildRun, compiled: CompiledDocument[], staging: Staging): Promise<WrittenDocument[]> {
  const written: WrittenDocument[] = [];
  for (const document of compiled) {
    run.stopIfAborted();
    const dir = path.join(staging.dir, document.source.slug);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    written.push({ document, dir, ...(await writePage(document, dir)) });
  }
  return written;
}

/** Step 4: each document's PDF, and the page's link to it. */
async function print(run: BuildRun, written: WrittenDocument[], printer: PdfPrinter, staging: Staging): Promise<void> {
  // Side by side, as many at once as the machine has cores and memory for: each document is laid
  // out in a renderer process of its own, so the output is the same as one at a time.
  await eachConcurrently(written, printJobs(), async (entry) => {
    run.stopIfAborted();
    entry.pdf = await printer.print(printableDocument(entry.document), entry.dir, entry.document.file, { root: staging.dir, progress: run.printProgress });
    if (entry.pdf) await addPdfLink(entry.htmlPath, `${entry.document.source.slug}.pdf`, entry.pdf.pdfInfo);
  });
}

/**
 * How many documents to lay out (and pages to check with axe) at once: `KIA_JOBS` when set, else
 * one per core, but no more than free memory allows at about 1.5 GB each (the 585-page bundle
 * peaked at 2.3 GB for the whole build).
 */
function printJobs(): number {
  const asked = Number(process.env.KIA_JOBS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(freemem() / (1.5 * 1024 ** 3))));
}

/** Step 5: the verbatim proof of every response in the written HTML and the PDF; the documents' records. */
async function verify(run: BuildRun, written: WrittenDocument[], staging: Staging): Promise<DocumentRecord[]> {
  const records: DocumentRecord[] = [];
  for (const { document, dir, htmlPath, images, pdf } of written) {
    run.stopIfAborted();
    const slug = document.source.slug;
    // A document whose PDF failed has a fatal message already; it gets no record.
    if (run.options.pdf && !pdf) continue;
    let proofs: Awaited<ReturnType<typeof verifyResponses>>['responses'] = [];
    if (document.responses.length > 0) {
      run.progress({ slug, stage: 'verify', state: 'start' });
      const started = performance.now();
      proofs = (await verifyResponses(document, htmlPath, pdf && pagesFrom(pdf.text, pdf.located['.responses'] ?? 1))).responses;
      const proven = proofs.filter((response) => response.html && response.pdf !== false && response.original?.verified !== false).length;
      run.progress({
        slug,
        stage: 'verify',
        state: 'done',
        ms: performance.now() - started,
        detail: `${proven} van ${document.responses.length} reacties letterlijk${redactedNote(document)}`,
        failed: proven < document.responses.length,
      });
    }
    records.push(await documentRecord(document, { docDir: dir, root: staging.dir, contentDir: run.contentDir }, pdf?.pdfInfo, proofs, images));
  }
  return records;
}

/** Step 6 (`--bundle`): `publicatie/publicatie.pdf`, printed after every document's own, whose proofs it repeats. */
async function printBundle(
  run: BuildRun,
  read: { publication: Publication; file: VFile },
  compiled: CompiledDocument[],
  printer: PdfPrinter,
  staging: Staging,
): Promise<PrintedPdf | undefined> {
  const { publication, file } = read;
  const dir = path.join(staging.dir, bundleSlug);
  await mkdir(dir, { recursive: true });
  // Only what the publication lists (a document it leaves out is on the landing page only).
  const listed = compiled.filter((document) => publication.documents.includes(document.source.slug));
  const tree = bundleTree(
    publication,
    listed.map((document) => ({ slug: document.source.slug, matter: document.matter, printTree: document.printTree })),
    { assetBase: '../assets' },
  );
  const responsesOf = (slug: string) => `[id="${slug}"] .responses`;
  const printable = {
    slug: bundleSlug,
    printHtml: toHtml(tree),
    printTree: tree,
    metadata: bundleMetadata(publication, listed.length),
    locate: listed.map((document) => responsesOf(document.source.slug)),
  };
  const printed = await printer.print(printable, dir, file, { root: staging.dir, progress: run.printProgress });
  if (!printed) return undefined;
  for (const document of listed.filter((entry) => entry.responses.length > 0)) {
    const started = performance.now();
    run.progress({ slug: bundleSlug, stage: 'verify', state: 'start' });
    const verbatim = await verifyResponses(
      document,
      path.join(staging.dir, document.source.slug, 'index.html'),
      pagesFrom(printed.text, printed.located[responsesOf(document.source.slug)] ?? 1),
      { pdfName: `${bundleSlug}/${bundleSlug}.pdf` },
    );
    const proven = verbatim.responses.filter((response) => response.html && response.pdf !== false && response.original?.verified !== false).length;
    run.progress({
      slug: bundleSlug,
      stage: 'verify',
      state: 'done',
      ms: performance.now() - started,
      detail: `${document.source.slug}: ${proven} van ${document.responses.length} reacties letterlijk${redactedNote(document)}`,
      failed: proven < document.responses.length,
    });
  }
  return printed;
}

/**
 * Step 7: the landing page, and the records of every document: those built now, and (with
 * `--only`) those kept from the previous build, whose frontmatter alone feeds the landing page.
 */
async function landingPageAndRecords(
  selection: Selection,
  written: WrittenDocument[],
  built: DocumentRecord[],
  previous: Manifest | undefined,
  bundle: PrintedPdf | undefined,
  staging: Staging,
): Promise<{ records: DocumentRecord[] }> {
  const landing = new Map<string, LandingEntry>();
  for (const { document, htmlPath, pdf } of written) {
    landing.set(document.source.slug, { slug: document.source.slug, matter: document.matter, pdf: pdf?.pdfInfo, htmlBytes: (await stat(htmlPath)).size });
  }
  const records = [...built];
  for (const record of previous?.documents ?? []) {
    if (landing.has(record.slug) || !selection.documents.some((doc) => doc.slug === record.slug)) continue;
    records.push(record);
  }
  for (const doc of selection.documents) {
    if (landing.has(doc.slug)) continue;
    const matter: Frontmatter | undefined = await readFrontmatter(doc);
    const record = records.find((entry) => entry.slug === doc.slug);
    if (matter) {
      landing.set(doc.slug, {
        slug: doc.slug,
        matter,
        pdf: record?.pdfPages ? { pages: record.pdfPages, bytes: record.outputs.find((output) => output.path.endsWith('.pdf'))?.bytes ?? 0 } : undefined,
        htmlBytes: record?.outputs.find((output) => output.path.endsWith('index.html'))?.bytes,
      });
    }
  }
  records.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const entries = selection.documents.map((doc) => landing.get(doc.slug)).filter((entry): entry is LandingEntry => Boolean(entry));
  await writeFile(
    path.join(staging.dir, 'index.html'),
    landingPage(entries, selection.publication?.publication, bundle && { href: `${bundleSlug}/${bundleSlug}.pdf`, ...bundle.pdfInfo }),
  );
  return { records };
}

/** Step 8: axe on every page and the PDF checks on every PDF, side by side; the report written. */
async function gate(
  run: BuildRun,
  selection: Selection,
  written: WrittenDocument[],
  bundle: PrintedPdf | undefined,
  printer: PdfPrinter,
  staging: Staging,
): Promise<NonNullable<BuildResult['accessibility']>> {
  const gateDocuments: GateDocument[] = written.map(({ document, dir, htmlPath, pdf }) => {
    const slug = document.source.slug;
    return {
      slug,
      title: document.matter.title,
      html: { file: htmlPath, shown: `${slug}/index.html` },
      pdf: pdf ? { file: path.join(dir, `${slug}.pdf`), shown: `${slug}/${slug}.pdf`, expected: pdf.expected } : undefined,
      pdfMissing: pdf ? undefined : 'de PDF is niet gebouwd (--no-pdf).',
    };
  });
  const publication = selection.publication?.publication;
  if (bundle && publication) {
    gateDocuments.push({
      slug: bundleSlug,
      title: `${publication.title} (de hele publicatie in één PDF)`,
      pdf: { file: path.join(staging.dir, bundleSlug, `${bundleSlug}.pdf`), shown: `${bundleSlug}/${bundleSlug}.pdf`, expected: bundle.expected },
    });
  }
  run.progress({ slug: '(alle)', stage: 'check-html', state: 'start' });
  const { report, timings } = await runGate(
    () => printer.session(),
    gateDocuments,
    [{ file: path.join(staging.dir, 'index.html'), shown: 'index.html' }],
    staging.dir,
    run.cache,
    printJobs(),
  );
  run.progress({
    slug: '(alle)',
    stage: 'check-html',
    state: 'done',
    ms: timings.htmlSeconds * 1000,
    detail: `${report.summary.htmlViolations} overtredingen, ${report.summary.htmlNeedsReview} na te kijken`,
    failed: report.summary.htmlViolations > 0,
  });
  run.progress({
    slug: '(alle)',
    stage: 'check-pdf',
    state: 'done',
    ms: timings.pdfSeconds * 1000,
    detail: `${report.summary.pdfFailures} mislukt, ${report.summary.pdfNotChecked} niet gecontroleerd; gelijktijdig met HTML, samen ${timings.seconds.toFixed(2)} s`,
    failed: report.summary.pdfFailures > 0,
  });
  await writeReport(path.join(staging.dir, 'toegankelijkheid'), report, '../assets');
  reportGateProblems(report, (slug) => written.find((entry) => entry.document.source.slug === slug)?.document.file, run.problems);
  return { passed: report.passed, summary: report.summary, report: 'toegankelijkheid/index.html', files: report.files };
}

/** Step 9: `manifest.json`: every input and output with its sha256, the tools, the proofs. */
async function writeManifest(
  run: BuildRun,
  selection: Selection,
  records: DocumentRecord[],
  bundle: { pages: number } | undefined,
  accessibility: BuildResult['accessibility'],
  chromiumVersion: string | undefined,
  staging: Staging,
): Promise<Manifest> {
  const shared = [
    await fileRecord(path.join(staging.dir, 'index.html'), 'index.html'),
    ...(await folderRecords(path.join(staging.dir, 'assets'), staging.dir)),
  ];
  if (accessibility) shared.push(...(await folderRecords(path.join(staging.dir, 'toegankelijkheid'), staging.dir)));
  const instrument = projectInstrument();
  const read = selection.publication;
  const manifest: Manifest = {
    generator,
    buildDate: buildDate(),
    edition: run.options.redaction === 'internal' ? 'internal' : 'public',
    instrument: { id: instrument.id, version: instrument.version },
    ...(read
      ? {
          publication: {
            ...read.publication,
            file: await fileRecord(String(read.file.path), path.relative(path.dirname(run.contentDir), String(read.file.path))),
          },
        }
      : {}),
    tools: toolVersions(chromiumVersion),
    documents: records,
    ...(bundle
      ? { bundle: { ...(await fileRecord(path.join(staging.dir, bundleSlug, `${bundleSlug}.pdf`), `${bundleSlug}/${bundleSlug}.pdf`)), pages: bundle.pages } }
      : {}),
    shared,
  };
  await writeFile(path.join(staging.dir, 'manifest.json'), serializeManifest(manifest));
  return manifest;
}

/**
 * Step 10: the public output may not hold any withheld text, anywhere: prove it before anything
 * is kept, a failed build's output for inspection included (the internal edition is the place
 * to look at withheld text). Reports every find as a fatal message on the redaction's file.
 */
async function leakProof(redactions: Redaction[], staging: Staging, cache: ResultCache | undefined): Promise<boolean> {
  return redactions.length === 0 || (await checkRedactions(staging.dir, redactions, cache));
}

/** Step 11: swap the staging folder in; or, when only the gate failed, keep it next to the output for inspection. */
async function commit(run: BuildRun, staging: Staging, manifest: Manifest, accessibility: BuildResult['accessibility']): Promise<BuildResult> {
  if (run.failed()) {
    // Everything was built and proven free of withheld text; only the gate failed.
    const kept = failedOutputDir(run.outDir);
    await rename(staging.dir, kept);
    return run.result(false, undefined, { accessibility, keptFailedOutput: kept });
  }
  await staging.commit();
  return run.result(true, manifest, { accessibility });
}

/** A failed run: the staging folder thrown away, the output folder untouched. */
async function discard(run: BuildRun, staging: Staging, extra: Partial<BuildResult> = {}): Promise<BuildResult> {
  await staging.discard();
  return run.result(false, undefined, extra);
}

/** Place of `slug` in the publication's order; documents it does not list come last. */
function publicationIndex(publication: Publication, slug: string): number {
  const index = publication.documents.indexOf(slug);
  return index === -1 ? publication.documents.length : index;
}

/** "(1 na weglakken)": how many responses were compared with their redacted source. */
function redactedNote(document: CompiledDocument): string {
  const redacted = document.responses.filter((response) => response.redactions.length > 0).length;
  return redacted > 0 ? ` (${redacted} na weglakken)` : '';
}

/** `--bundle` needs the publication file, the PDF and every document, and its folder name free. */
function checkBundleOptions(options: BuildOptions, publication: Publication | undefined, slugs: string[], problems: VFile): void {
  const refuse = (reason: string, ruleId: string) => {
    problems.message(reason, { source: 'kia-bundle', ruleId }).fatal = true;
  };
  if (!publication && slugs.length > 0)
    refuse(
      'Unexpected --bundle without `publication.yml` in the content folder, expected the publication file that lists the documents in order',
      'bundle-without-publication',
    );
  if (!options.pdf) refuse('Unexpected --bundle with --no-pdf, expected to build the PDFs', 'bundle-without-pdf');
  if (options.only) refuse('Unexpected --bundle with --only, expected to build every document of the publication', 'bundle-with-only');
  if (slugs.includes(bundleSlug))
    refuse(
      `Unexpected document folder \`${bundleSlug}\` with --bundle, expected that name free for the bundle's own folder (rename the document's folder)`,
      'bundle-name-taken',
    );
}
