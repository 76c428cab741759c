/**
 * `kia check`: validate the sources and run the accessibility gate without building the PDF.
 * The HTML is compiled afresh from the sources and checked with axe; the PDF checks run on the
 * PDFs in the output folder when they are up to date with the sources (else: not checked, and
 * the report says why). The report replaces `<out>/toegankelijkheid/`.
 */
import { replaceFolder } from '../core/staging.ts';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { copyAssets } from '../core/assets.ts';
import { writePage } from '../core/write-page.ts';
import { compileDocument } from '../core/compile-document.ts';
import { discoverDocuments, selectOnly } from '../core/discover.ts';
import { readPublication } from '../core/publication.ts';
import { readPreviousManifest } from '../core/manifest.ts';
import { sha256 } from '../core/read-source.ts';
import { pdfExpectations } from '../check/expectations.ts';
import { checkPublicationLinks, type LinkedDocument } from '../check/publication-links.ts';
import { reportGateProblems, runGate, type AccessibilityReport, type GateDocument, type GateTimings } from '../check/gate.ts';
import { writeReport } from '../check/report-page.ts';
import { BrowserSession } from '../render/browser.ts';
import { withOutputLock } from '../core/output-lock.ts';

export interface CheckOptions {
  contentDir: string;
  outDir: string;
  only?: string;
}

export interface CheckResult {
  ok: boolean;
  files: VFile[];
  report?: AccessibilityReport;
  timings?: GateTimings & { compileSeconds: number };
}

/** Check the documents under `contentDir`; never throws for bad input. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const problems = new VFile({ path: path.relative(process.cwd(), contentDir) || '.' });
  return withOutputLock(outDir, 'kia check', problems, () => checkUnlocked(options, contentDir, outDir, problems));
}

async function checkUnlocked(options: CheckOptions, contentDir: string, outDir: string, problems: VFile): Promise<CheckResult> {
  const files: VFile[] = [problems];
  const failed = () => files.some((file) => file.messages.some((message) => message.fatal));
  const done = (extra: Partial<CheckResult> = {}): CheckResult => ({ ok: !failed(), files: files.filter((file) => file.messages.length > 0), ...extra });

  const all = await discoverDocuments(contentDir, problems);
  const publication = await readPublication(
    contentDir,
    all.map((doc) => doc.slug),
  );
  if (publication) files.push(publication.file);
  const documents = selectOnly(all, options.only, problems);
  const manifest = await readPreviousManifest(outDir);

  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), 'kia-check-'));
  const gateDocuments: GateDocument[] = [];
  const linked: LinkedDocument[] = [];
  try {
    await copyAssets(work);
    for (const doc of documents) {
      const { document, files: documentFiles } = await compileDocument(doc, { assetBase: '../assets' });
      files.push(...documentFiles);
      if (!document) continue;
      linked.push({ slug: doc.slug, file: document.file, tree: document.printTree });
      const { htmlPath: htmlFile } = await writePage(document, path.join(work, doc.slug));
      const record = manifest?.documents.find((entry) => entry.slug === doc.slug);
      const pdfFile = path.join(outDir, doc.slug, `${doc.slug}.pdf`);
      const upToDate =
        record?.input.sha256 === document.sha256 &&
        document.responses.every((response, index) => record.responses[index]?.sha256 === response.sha256) &&
        existsSync(pdfFile) &&
        record.outputs.some((output) => output.path === `${doc.slug}/${doc.slug}.pdf` && output.sha256 === sha256(readFileSync(pdfFile)));
      gateDocuments.push({
        slug: doc.slug,
        title: document.matter.title,
        html: { file: htmlFile, shown: `${doc.slug}/index.html` },
        pdf: upToDate ? { file: pdfFile, shown: `${doc.slug}/${doc.slug}.pdf`, expected: pdfExpectations(document.printTree) } : undefined,
        pdfMissing: upToDate ? undefined : 'de PDF in de uitvoermap ontbreekt of is ouder dan de bron; draai `kia build`.',
      });
    }
    checkPublicationLinks(
      linked,
      all.map((doc) => doc.slug),
    );
    if (failed()) return done();
    const compileSeconds = (performance.now() - started) / 1000;
    const session = await BrowserSession.launch();
    let report: AccessibilityReport;
    let timings: GateTimings;
    try {
      ({ report, timings } = await runGate(session, gateDocuments, [], work));
    } finally {
      await session.close();
    }
    reportGateProblems(
      report,
      (slug) => files.find((candidate) => candidate.path === path.relative(process.cwd(), path.join(contentDir, slug, 'index.md'))),
      problems,
    );
    // Replace only the report folder, in one step.
    await replaceFolder(path.join(outDir, 'toegankelijkheid'), (dir) => writeReport(dir, report, '../assets'));
    if (!existsSync(path.join(outDir, 'assets'))) await copyAssets(outDir);
    return done({ report, timings: { ...timings, compileSeconds } });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
