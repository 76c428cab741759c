/**
 * `kia build`: every document → HTML (+ PDF), responses proven verbatim, landing page,
 * manifest, all written to a staging folder and swapped in only when nothing failed.
 */
import { readFrontmatter } from '../core/read-frontmatter.ts';
import { generator } from '../model/generator.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { VFile } from 'vfile';
import { copyAssets } from '../core/assets.ts';
import { pageCount } from '../model/dutch.ts';
import { compileDocument, type CompiledDocument, type CompileOptions } from '../core/compile-document.ts';
import { discoverDocuments } from '../core/discover.ts';
import { typeLabels, type Frontmatter } from '../model/frontmatter-schema.ts';
import { landingPage, type LandingEntry } from '../core/landing-page.ts';
import { readPublication, type Publication } from '../core/publication.ts';
import { fileRecord, folderRecords, serializeManifest, type DocumentRecord, type Manifest } from '../core/manifest.ts';
import { createStaging } from '../core/staging.ts';
import { bundleSlug, bundleTree } from '../core/bundle.ts';
import { toHtml } from 'hast-util-to-html';
import { readPdfPages, type PdfContent } from '../pdf/text.ts';
import { checkFinal } from '../check/final.ts';
import { buildDate } from '../core/build-date.ts';
import { projectInstrument } from '../model/instrument.ts';
import { toolVersions } from '../core/tool-versions.ts';
import { checkNameParts, checkRedactions } from '../check/redactions.ts';
import { lostBlocks, printBlocks, reportLostBlocks } from '../check/text-loss.ts';
import { checkPublicationLinks } from '../check/publication-links.ts';
import { verifyResponses, type VerbatimResult } from '../check/verify-responses.ts';
import { BrowserSession, PrintTimeout } from '../render/browser.ts';
import { pdfExpectations } from '../check/expectations.ts';
import { reportGateProblems, runGate, writeReport, type AccessibilityReport, type GateDocument } from '../check/gate.ts';
import type { PdfExpectations } from '../check/pdf-audit.ts';
import { finishPdf, type PdfMetadata } from '../render/finish-pdf.ts';
import { writePage, type PublishedImage } from '../core/write-page.ts';
import { addPdfLink } from '../core/pdf-link.ts';
import { withOutputLock } from '../core/output-lock.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Build only this document (the others keep their previous output). */
  only?: string;
  pdf: boolean;
  /** Run the accessibility gate (axe on the HTML, PDF/UA checks on the PDF); default true. */
  check?: boolean;
  /** Extra transforms per variant; see CompileOptions.extraPlugins. */
  extraPlugins?: CompileOptions['extraPlugins'];
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
  accessibility?: { passed: boolean; summary: AccessibilityReport['summary']; report: string };
  /** Where the complete output of a build that failed only the gate was kept. */
  keptFailedOutput?: string;
}

/** Thrown by `build` when its signal aborts it; nothing was written to the output folder. */
export class BuildAborted extends Error {
  constructor() {
    super('build aborted');
  }
}

/** Build the documents under `options.contentDir` into `options.outDir`; never throws for bad input. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const problems = new VFile({ path: path.relative(process.cwd(), contentDir) || '.' });
  return withOutputLock(outDir, 'kia build', problems, () => buildUnlocked(options, contentDir, outDir, problems));
}

async function buildUnlocked(options: BuildOptions, contentDir: string, outDir: string, problems: VFile): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {});
  const allFiles: VFile[] = [problems];
  const failed = () => allFiles.some((file) => file.messages.some((message) => message.fatal));
  const result = (ok: boolean, manifest?: Manifest, extra: Partial<BuildResult> = {}): BuildResult => ({ ok, files: allFiles.filter((file) => file.messages.length > 0), manifest, ...extra });
  const failedOutput = `${outDir}.mislukt`;
  await rm(failedOutput, { recursive: true, force: true });

  const found = await discoverDocuments(contentDir, problems);
  // content/publication.yml, when there is one: the bundle's order, title, sender, Kamerstuk.
  const publicationRead = await readPublication(contentDir, found.map((doc) => doc.slug));
  if (publicationRead) allFiles.push(publicationRead.file);
  const publication = publicationRead?.publication;
  const documents = publication ? [...found].sort((a, b) => publicationIndex(publication, a.slug) - publicationIndex(publication, b.slug)) : found;
  if (documents.length === 0 && !failed()) {
    problems.message('Unexpected content folder without documents, expected a folder `<slug>/index.md`', { source: 'kia-files', ruleId: 'no-documents' }).fatal = true;
  }
  if (options.bundle) checkBundleOptions(options, publication, found.map((doc) => doc.slug), problems);
  const selected = options.only ? documents.filter((doc) => doc.slug === options.only) : documents;
  if (options.only && selected.length === 0) {
    problems.message(`Unexpected document \`${options.only}\`, expected one of ${documents.map((doc) => `\`${doc.slug}\``).join(', ') || '(none)'}`, { source: 'kia-files', ruleId: 'unknown-document' }).fatal = true;
  }
  if (failed()) return result(false);

  // 1. HTML for every selected document; all problems are collected before giving up.
  const compiled: CompiledDocument[] = [];
  for (const doc of selected) {
    progress({ slug: doc.slug, stage: 'html', state: 'start' });
    const started = performance.now();
    const { document, files } = await compileDocument(doc, { assetBase: '../assets', extraPlugins: options.extraPlugins, redaction: options.redaction });
    allFiles.push(...files);
    if (document) compiled.push(document);
    progress({ slug: doc.slug, stage: 'html', state: 'done', ms: performance.now() - started, failed: !document });
  }
  checkPublicationLinks(compiled.map((document) => ({ slug: document.source.slug, file: document.file, tree: document.printTree })), documents.map((doc) => doc.slug));
  // Every redaction of the publication, against every document: a name withheld in one may not
  // stand in another. Its parts are looked for in the sources now, before anything is built.
  const sources = compiled.flatMap((document) => [document.file, ...document.responses.map((response) => response.file)]);
  const redactions = options.redaction === 'internal' ? [] : sources.flatMap((file) => (file.data.redactions ?? []).map((redaction) => ({ ...redaction, file })));
  checkNameParts(sources, redactions, Boolean(options.final));
  if (options.final) {
    if (!options.pdf || options.check === false) problems.message('Unexpected --no-pdf or --no-check in a final build, expected the PDF and the accessibility gate', { source: 'kia-final', ruleId: 'final-incomplete' }).fatal = true;
    checkFinal(compiled);
  }
  if (failed()) return result(false);

  const keepExisting = Boolean(options.only);
  const staging = await createStaging(outDir, { keepExisting });
  let printer: BrowserSession | undefined;
  // Closing the browser ends a render in progress at once; the loop then stops at the next check.
  const onAbort = () => void printer?.close();
  options.signal?.addEventListener('abort', onAbort);
  const stopIfAborted = () => {
    if (options.signal?.aborted) throw new BuildAborted();
  };
  try {
    const previous = keepExisting ? await readPreviousManifest(outDir) : undefined;
    // Stylesheets and fonts first: Paged.js loads them while laying out the PDF.
    await rm(path.join(staging.dir, 'assets'), { recursive: true, force: true });
    await copyAssets(staging.dir);
    const records: DocumentRecord[] = [];
    const landing = new Map<string, LandingEntry>();
    const gateDocuments: GateDocument[] = [];
    let chromiumVersion: string | undefined;

    /**
     * Lay out and print `printable` into `dir`, read the PDF's text back and check no block of
     * text was lost. A browser that died is restarted once; a failure is a fatal message on
     * `file` and gives undefined.
     */
    const renderPdf = async (printable: Printable, dir: string, file: VFile) => {
      const slug = printable.slug;
      progress({ slug, stage: 'pdf', state: 'start' });
      const started = performance.now();
      try {
        const attempt = async () => {
          if (!printer?.alive) printer = await BrowserSession.launch();
          chromiumVersion ??= await printer.version();
          return printDocument(printer, printable, dir, { root: staging.dir, timeoutMs: options.pdfTimeoutMs ?? 600_000 });
        };
        let printed;
        try {
          printed = await attempt();
        } catch (error) {
          if (printer?.alive || options.signal?.aborted) throw error;
          // The browser itself died (killed, out of memory), maybe while starting: start a new
          // one and try this document once more.
          file.message(`Unexpected browser crash while rendering the PDF (${(error as Error).message.split('\n')[0]}), expected it to finish; the browser was restarted and the PDF made again`, {
            source: 'kia-pdf',
            ruleId: 'browser-restarted',
          });
          await printer?.close();
          printer = undefined;
          printed = await attempt();
        }
        const ms = performance.now() - started;
        // One reading of the PDF's text: every block of the page must have reached it, the
        // gate's PDF checks use its runs, and the proof its pages from the responses on.
        const { content: text, runs } = await readPdfPages(printed.bytes);
        printed.expected.runs = runs;
        const lost = lostBlocks(printed.blocks, text);
        reportLostBlocks(lost, file);
        progress({ slug, stage: 'pdf', state: 'done', ms, detail: `${pageCount(printed.pdfInfo.pages)}${lost.length > 0 ? `; ${lost.length} blok(ken) tekst ontbreken in de PDF` : ''}`, failed: lost.length > 0 });
        return { ...printed, text };
      } catch (error) {
        // Ctrl-C closed the browser under the render: an interruption, not a broken document
        // (during the last document there is no next iteration to notice it).
        if (options.signal?.aborted) throw new BuildAborted();
        if (error instanceof PrintTimeout) {
          file.message(`Unexpected PDF layout still running after ${error.timeoutMs / 1000} s, expected it to finish (raise --pdf-timeout for a very long document, or look for content Paged.js cannot lay out, such as a table row taller than a page)`, { source: 'kia-pdf', ruleId: 'pdf-timeout' }).fatal = true;
        } else {
          file.message(`Unexpected failure while rendering the PDF (${(error as Error).message}), expected a PDF`, { source: 'kia-pdf', ruleId: 'pdf-render' }).fatal = true;
        }
        progress({ slug, stage: 'pdf', state: 'done', ms: performance.now() - started, failed: true });
        return undefined;
      }
    };

    /** `publicatie/publicatie.pdf`: rendered, its responses proven verbatim, queued for the gate. */
    const printBundle = async (publication: Publication, file: VFile) => {
      const dir = path.join(staging.dir, bundleSlug);
      await mkdir(dir, { recursive: true });
      // Only what the publication lists (a document it leaves out is on the landing page only).
      const listed = compiled.filter((document) => publication.documents.includes(document.source.slug));
      const tree = bundleTree(publication, listed.map((document) => ({ slug: document.source.slug, matter: document.matter, printTree: document.printTree })), { assetBase: '../assets' });
      const responsesOf = (slug: string) => `[id="${slug}"] .responses`;
      const printable: Printable = { slug: bundleSlug, printHtml: toHtml(tree), printTree: tree, metadata: bundleMetadata(publication, listed.length), locate: listed.map((document) => responsesOf(document.source.slug)) };
      const rendered = await renderPdf(printable, dir, file);
      if (!rendered) return undefined;
      for (const document of listed.filter((entry) => entry.responses.length > 0)) {
        const started = performance.now();
        progress({ slug: bundleSlug, stage: 'verify', state: 'start' });
        const verbatim = await verifyResponses(document, path.join(staging.dir, document.source.slug, 'index.html'), pagesFrom(rendered.text, rendered.located[responsesOf(document.source.slug)] ?? 1), { pdfName: `${bundleSlug}/${bundleSlug}.pdf` });
        const proven = verbatim.responses.filter((response) => response.html && response.pdf !== false && response.original?.verified !== false).length;
        progress({ slug: bundleSlug, stage: 'verify', state: 'done', ms: performance.now() - started, detail: `${document.source.slug}: ${proven} van ${document.responses.length} reacties letterlijk${redactedNote(document)}`, failed: proven < document.responses.length });
      }
      gateDocuments.push({ slug: bundleSlug, title: `${publication.title} (de hele publicatie in één PDF)`, pdf: { file: path.join(dir, `${bundleSlug}.pdf`), shown: `${bundleSlug}/${bundleSlug}.pdf`, expected: rendered.expected } });
      return rendered.pdfInfo;
    };

    for (const document of compiled) {
      stopIfAborted();
      const slug = document.source.slug;
      const docDir = path.join(staging.dir, slug);
      await rm(docDir, { recursive: true, force: true });
      await mkdir(docDir, { recursive: true });
      const { htmlPath, images } = await writePage(document, docDir);

      let pdf: PdfContent | undefined;
      let pdfInfo: { pages: number; bytes: number } | undefined;
      let expected: PdfExpectations | undefined;
      if (options.pdf) {
        const rendered = await renderPdf(printableDocument(document), docDir, document.file);
        if (!rendered) continue;
        ({ pdfInfo, expected } = rendered);
        await addPdfLink(htmlPath, `${slug}.pdf`, rendered.pdfInfo);
        if (document.responses.length > 0) pdf = pagesFrom(rendered.text, rendered.located['.responses'] ?? 1);
      }

      stopIfAborted();
      if (document.responses.length > 0) {
        progress({ slug, stage: 'verify', state: 'start' });
        const started = performance.now();
        const verbatim = await verifyResponses(document, htmlPath, pdf);
        const proven = verbatim.responses.filter((response) => response.html && response.pdf !== false && response.original?.verified !== false).length;
        progress({ slug, stage: 'verify', state: 'done', ms: performance.now() - started, detail: `${proven} van ${document.responses.length} reacties letterlijk${redactedNote(document)}`, failed: proven < document.responses.length });
        records.push(await documentRecord(document, docDir, staging.dir, contentDir, pdfInfo, verbatim.responses, images));
      } else {
        records.push(await documentRecord(document, docDir, staging.dir, contentDir, pdfInfo, [], images));
      }
      landing.set(slug, { slug, matter: document.matter, pdf: pdfInfo, htmlBytes: (await stat(htmlPath)).size });
      gateDocuments.push({
        slug,
        title: document.matter.title,
        html: { file: htmlPath, shown: `${slug}/index.html` },
        pdf: pdfInfo ? { file: path.join(docDir, `${slug}.pdf`), shown: `${slug}/${slug}.pdf`, expected } : undefined,
        pdfMissing: pdfInfo ? undefined : 'de PDF is niet gebouwd (--no-pdf).',
      });
    }
    if (failed()) {
      await staging.discard();
      return result(false);
    }

    // The publication as one PDF, after every document's own (whose proofs it repeats).
    let bundle: { pages: number; bytes: number } | undefined;
    if (options.bundle && publication && publicationRead && options.pdf) {
      bundle = await printBundle(publication, publicationRead.file);
      if (failed()) {
        await staging.discard();
        return result(false);
      }
    }

    // Documents not rebuilt this time (--only) keep their previous records.
    for (const record of previous?.documents ?? []) {
      if (landing.has(record.slug) || !documents.some((doc) => doc.slug === record.slug)) continue;
      records.push(record);
    }
    for (const doc of documents) {
      if (landing.has(doc.slug)) continue;
      // Its frontmatter is all the landing page needs: the document is not compiled again.
      const matter = await readFrontmatter(doc);
      const record = records.find((entry) => entry.slug === doc.slug);
      if (matter) landing.set(doc.slug, { slug: doc.slug, matter, pdf: record?.pdfPages ? { pages: record.pdfPages, bytes: record.outputs.find((output) => output.path.endsWith('.pdf'))?.bytes ?? 0 } : undefined, htmlBytes: record?.outputs.find((output) => output.path.endsWith('index.html'))?.bytes });
    }
    records.sort((a, b) => (a.slug < b.slug ? -1 : 1));

    await writeFile(path.join(staging.dir, 'index.html'), landingPage(documents.map((doc) => landing.get(doc.slug)).filter((entry): entry is LandingEntry => Boolean(entry)), publication, bundle && { href: `${bundleSlug}/${bundleSlug}.pdf`, ...bundle }));

    let accessibility: BuildResult['accessibility'];
    stopIfAborted();
    if (options.check !== false) {
      if (!printer?.alive) printer = await BrowserSession.launch();
      progress({ slug: '(alle)', stage: 'check-html', state: 'start' });
      const { report, timings } = await runGate(printer, gateDocuments, [{ file: path.join(staging.dir, 'index.html'), shown: 'index.html' }], staging.dir);
      progress({ slug: '(alle)', stage: 'check-html', state: 'done', ms: timings.htmlSeconds * 1000, detail: `${report.summary.htmlViolations} overtredingen, ${report.summary.htmlNeedsReview} na te kijken`, failed: report.summary.htmlViolations > 0 });
      progress({ slug: '(alle)', stage: 'check-pdf', state: 'done', ms: timings.pdfSeconds * 1000, detail: `${report.summary.pdfFailures} mislukt, ${report.summary.pdfNotChecked} niet gecontroleerd; gelijktijdig met HTML, samen ${timings.seconds.toFixed(2)} s`, failed: report.summary.pdfFailures > 0 });
      await writeReport(path.join(staging.dir, 'toegankelijkheid'), report, '../assets');
      reportGateProblems(report, (slug) => compiled.find((document) => document.source.slug === slug)?.file, problems);
      accessibility = { passed: report.passed, summary: report.summary, report: 'toegankelijkheid/index.html' };
    }
    stopIfAborted();
    const shared = [await fileRecord(path.join(staging.dir, 'index.html'), 'index.html'), ...(await folderRecords(path.join(staging.dir, 'assets'), staging.dir))];
    if (accessibility) shared.push(...(await folderRecords(path.join(staging.dir, 'toegankelijkheid'), staging.dir)));
    const instrument = projectInstrument();
    const manifest: Manifest = {
      generator,
      buildDate: buildDate(),
      edition: options.redaction === 'internal' ? 'internal' : 'public',
      instrument: { id: instrument.id, version: instrument.version },
      ...(publication && publicationRead ? { publication: { ...publication, file: await fileRecord(String(publicationRead.file.path), path.relative(path.dirname(contentDir), String(publicationRead.file.path))) } } : {}),
      tools: toolVersions(chromiumVersion),
      documents: records,
      ...(bundle ? { bundle: { ...(await fileRecord(path.join(staging.dir, bundleSlug, `${bundleSlug}.pdf`), `${bundleSlug}/${bundleSlug}.pdf`)), pages: bundle.pages } } : {}),
      shared,
    };
    await writeFile(path.join(staging.dir, 'manifest.json'), serializeManifest(manifest));
    // The public output may not hold any withheld text, anywhere: prove it before anything is
    // kept, a failed build's output for inspection included (the internal edition is the place
    // to look at withheld text).
    if (redactions.length > 0 && !(await checkRedactions(staging.dir, redactions))) {
      await staging.discard();
      return result(false, undefined, { accessibility });
    }
    if (failed()) {
      // Everything was built and proven free of withheld text; only the gate failed. Keep the
      // output for inspection, next to dist/.
      await rename(staging.dir, failedOutput);
      return result(false, undefined, { accessibility, keptFailedOutput: failedOutput });
    }
    await staging.commit();
    return result(true, manifest, { accessibility });
  } catch (error) {
    await staging.discard();
    throw options.signal?.aborted ? new BuildAborted() : error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await printer?.close();
  }
}

/** What `printDocument` lays out: a document, or the publication bundle. */
interface Printable {
  slug: string;
  printHtml: string;
  printTree: HastRoot;
  metadata: PdfMetadata;
  /** Selectors whose page the caller needs (e.g. where the responses start). */
  locate: string[];
}

/**
 * Lay out the print variant with Paged.js, print and finish the PDF into `docDir`. Returns what
 * the checks need: page count, size, the laid-out text to compare with, the located pages.
 */
async function printDocument(printer: BrowserSession, printable: Printable, docDir: string, options: { root: string; timeoutMs: number }) {
  const { slug } = printable;
  const printPath = path.join(docDir, '.print.html');
  await writeFile(printPath, printable.printHtml);
  try {
    const printed = await printer.print(printPath, { timeoutMs: options.timeoutMs, allowedRoot: options.root, locate: printable.locate, pageNumberLinks: 'nav.toc a', notes: '.footnote', blocks: printBlocks });
    const expected = pdfExpectations(printable.printTree, printed.text, printed.notes);
    const bytes = await finishPdf(printed.pdf, { ...printable.metadata, links: printed.links, headings: expected.headings?.map((heading) => heading.text) });
    await writeFile(path.join(docDir, `${slug}.pdf`), bytes);
    return {
      bytes,
      pdfInfo: { pages: printed.pages, bytes: bytes.length },
      expected,
      located: printed.located,
      blocks: printed.blocks,
    };
  } finally {
    await rm(printPath, { force: true });
  }
}

/** A compiled document as something to print. */
function printableDocument(document: CompiledDocument): Printable {
  return { slug: document.source.slug, printHtml: document.printHtml, printTree: document.printTree, metadata: pdfMetadata(document.matter), locate: ['.responses'] };
}

/** The pages of `content` from `firstPage` (1-based) on; earlier pages empty. */
function pagesFrom(content: PdfContent, firstPage: number): PdfContent {
  return { ...content, pages: content.pages.map((page, index) => (index + 1 < firstPage ? { lines: [], furniture: [] } : page)) };
}

/** Place of `slug` in the publication's order; documents it does not list come last. */
function publicationIndex(publication: Publication, slug: string): number {
  const index = publication.documents.indexOf(slug);
  return index === -1 ? publication.documents.length : index;
}

/** The PDF's document information, from the frontmatter. */
function pdfMetadata(matter: Frontmatter): PdfMetadata {
  return {
    title: matter.subtitle ? `${matter.title}: ${matter.subtitle}` : matter.title,
    authors: matter.authors ?? (matter.commissioner ? [matter.commissioner] : []),
    subject: matter.description ?? `${typeLabels[matter.type]}${matter.service ? ` over ${matter.service}` : ''}`,
    keywords: [typeLabels[matter.type], matter.service, 'kinderrechten'].filter((word): word is string => Boolean(word)),
    lang: matter.lang,
    date: matter.date,
  };
}

async function readPreviousManifest(outDir: string): Promise<Manifest | undefined> {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** "(1 na weglakken)": how many responses were compared with their redacted source. */
function redactedNote(document: CompiledDocument): string {
  const redacted = document.responses.filter((response) => response.redactions.length > 0).length;
  return redacted > 0 ? ` (${redacted} na weglakken)` : '';
}

async function documentRecord(
  document: CompiledDocument,
  docDir: string,
  root: string,
  contentDir: string,
  pdfInfo: { pages: number } | undefined,
  verbatim: VerbatimResult['responses'],
  images: PublishedImage[],
): Promise<DocumentRecord> {
  const { matter, source } = document;
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
        verbatim: { html: verbatim[index]?.html ?? false, pdf: verbatim[index]?.pdf ?? null, against: response.redactions.length > 0 ? 'redacted-source' : 'source' },
        redactions: response.redactions.map((ground) => ground.code),
        ...(response.original
          ? { original: { ...(await fileRecord(response.original.absolute, shown(response.original.absolute))), kind: verbatim[index]?.original?.kind ?? null, verified: verbatim[index]?.original?.verified ?? false, furniture: verbatim[index]?.original?.furniture ?? [] } }
          : {}),
      })),
    ),
    outputs: await folderRecords(docDir, root),
    ...(images.length > 0 ? { images } : {}),
    pdfPages: pdfInfo?.pages ?? null,
  };
}

/** `--bundle` needs the publication file, the PDF and every document, and its folder name free. */
function checkBundleOptions(options: BuildOptions, publication: Publication | undefined, slugs: string[], problems: VFile): void {
  const refuse = (reason: string, ruleId: string) => {
    problems.message(reason, { source: 'kia-bundle', ruleId }).fatal = true;
  };
  if (!publication && slugs.length > 0) refuse('Unexpected --bundle without `publication.yml` in the content folder, expected the publication file that lists the documents in order', 'bundle-without-publication');
  if (!options.pdf) refuse('Unexpected --bundle with --no-pdf, expected to build the PDFs', 'bundle-without-pdf');
  if (options.only) refuse('Unexpected --bundle with --only, expected to build every document of the publication', 'bundle-with-only');
  if (slugs.includes(bundleSlug)) refuse(`Unexpected document folder \`${bundleSlug}\` with --bundle, expected that name free for the bundle's own folder (rename the document's folder)`, 'bundle-name-taken');
}

/** The bundle PDF's document information. */
function bundleMetadata(publication: Publication, documents: number): PdfMetadata {
  return {
    title: publication.title,
    authors: [publication.sender.ministry],
    subject: `Publicatie aan de Tweede Kamer: ${documents} ${documents === 1 ? 'document' : 'documenten'}`,
    keywords: ['publicatie', 'Tweede Kamer', 'kinderrechten'],
    lang: 'nl',
    date: publication.date,
  };
}
