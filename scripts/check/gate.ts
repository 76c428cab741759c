/**
 * The accessibility gate: axe on every HTML page and our PDF/UA checks on every PDF, gathered
 * into one report (JSON of a stable shape, and a Dutch HTML page).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generator } from '../model/generator.ts';
import { eachConcurrently } from '../model/concurrency.ts';
import { memo, type ResultCache } from '../model/result-cache.ts';
import { referencedImages } from './referenced-images.ts';
import type { VFile } from 'vfile';
import type { BrowserSession } from '../render/browser.ts';
import { htmlFileAudit, pdfFileAudit } from './file-audit.ts';
import { auditHtml, type HtmlAudit } from './html-audit.ts';
import { manualCriteria, notApplicableNote } from './manual-criteria.ts';
import { auditPdf, type PdfAudit, type PdfExpectations } from './pdf-audit.ts';

export interface GateDocument {
  slug: string;
  title: string;
  /** Absolute path of the HTML page, and how the report names it (none: the publication bundle, a PDF only). */
  html?: { file: string; shown: string };
  pdf?: { file: string; shown: string; expected?: PdfExpectations };
  /** Why there is no PDF audit, when there is none. */
  pdfMissing?: string;
}

export type { AccessibilityReport } from './reports.ts';
import type { AccessibilityReport } from './reports.ts';

export interface GateTimings {
  /** Time spent in axe and in the PDF checks; the two run side by side. */
  htmlSeconds: number;
  pdfSeconds: number;
  /** Wall-clock time of the whole gate. */
  seconds: number;
}

/** Pages being opened and loaded: `start` counts one (its result ends it, once), `none` waits until none is. */
function pagesLoading(): { start: () => () => void; none: () => Promise<void> } {
  let count = 0;
  const waiting: Array<() => void> = [];
  return {
    start() {
      count++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        count--;
        if (count === 0) for (const resume of waiting.splice(0)) resume();
      };
    },
    none: () => (count === 0 ? Promise.resolve() : new Promise<void>((resume) => waiting.push(resume))),
  };
}

/** What the checks measure against, for the reports (the same for the build's and `kia audit`'s). */
export function reportStandards(axeVersion: string): { html: string; pdf: string } {
  return {
    html: `WCAG 2.0–2.2 A/AA, EN 301 549 en best practices, met axe-core ${axeVersion} (plus td-has-header)`,
    pdf: 'PDF/UA-1 (ISO 14289-1), machinaal controleerbare punten van het Matterhorn Protocol 1.1, eigen controles',
  };
}

/**
 * Run the gate; `root` is the folder pages may load files from. `session` may be a function that
 * starts the browser: with a cache that holds every verdict, none is started. A verdict comes
 * from `cache` only for the same bytes (the page and its images, the PDF and what it is
 * compared with) under the same code, assets and tools. `jobs` pages are checked with axe at
 * once; the report is the same in any case.
 */
export async function runGate(
  session: BrowserSession | (() => Promise<BrowserSession>),
  documents: GateDocument[],
  pages: Array<{ file: string; shown: string }>,
  root: string,
  cache?: ResultCache,
  jobs = 1,
): Promise<{ report: AccessibilityReport; timings: GateTimings }> {
  const browser = typeof session === 'function' ? session : async () => session;
  const started = performance.now();
  const timings: GateTimings = { htmlSeconds: 0, pdfSeconds: 0, seconds: 0 };
  // axe works in the browser's process and the PDF checks in ours: run the two lines side by side.
  // axe on several pages at once (`jobs`): each page has a renderer process of its own.
  // A PDF check holds our event loop for seconds, and a page being opened and loaded needs it for
  // every DevTools answer and request (measured: the axe page waited 1.5–2.2 s for the checks of
  // the benchmark PDF). So each PDF check starts when no page is loading; axe itself then runs
  // in the browser without us.
  const loading = pagesLoading();
  const htmlLine = (async () => {
    const targets = [...documents.map((document) => document.html), ...pages];
    const audits: Array<HtmlAudit | null> = targets.map(() => null);
    const inputs = async (target: { file: string; shown: string }) => {
      const html = await readFile(target.file, 'utf8');
      return [target.shown, html, await referencedImages(html, path.dirname(target.file), root)];
    };
    // Wall-clock time, not the audits' own figures: side by side they overlap, and a verdict
    // from the cache took no time now.
    const begun = performance.now();
    await eachConcurrently(targets, jobs, async (target, index) => {
      if (!target) return;
      // Counted from the start (the cache lookup included), so the PDF line waits from its first check.
      const loaded = loading.start();
      try {
        audits[index] = await memo(
          cache,
          'axe',
          () => inputs(target),
          async () => auditHtml(await browser(), target.file, { shownFile: target.shown, allowedRoot: root, onLoaded: loaded }),
        );
      } finally {
        loaded();
      }
    });
    timings.htmlSeconds = (performance.now() - begun) / 1000;
    return audits;
  })();
  const pdfLine = (async () => {
    const audits: Array<PdfAudit | null> = [];
    for (const document of documents) {
      if (!document.pdf) {
        audits.push(null);
        continue;
      }
      const { file, shown, expected } = document.pdf;
      let begun = performance.now();
      const audit = await memo(
        cache,
        'pdf-checks',
        async () => [shown, new Uint8Array(await readFile(file)), expected ?? null],
        async () => {
          await loading.none();
          // The checks' own time, not the wait for the pages.
          begun = performance.now();
          return auditPdf(file, { shownFile: shown, expected });
        },
      );
      timings.pdfSeconds += (performance.now() - begun) / 1000;
      audits.push(audit);
    }
    return audits;
  })();
  const [htmlAuditsInOrder, pdfAudits] = await Promise.all([htmlLine, pdfLine]);
  const results: AccessibilityReport['documents'] = documents.map((document, index) => ({
    slug: document.slug,
    title: document.title,
    html: htmlAuditsInOrder[index],
    pdf: pdfAudits[index],
    pdfMissing: document.pdf ? null : (document.pdfMissing ?? 'Geen PDF gebouwd.'),
  }));
  const pageResults = htmlAuditsInOrder.slice(documents.length).filter((audit): audit is HtmlAudit => audit !== null);
  timings.seconds = (performance.now() - started) / 1000;
  const htmlAudits = [...results.map((result) => result.html), ...pageResults].filter((audit): audit is HtmlAudit => audit !== null);
  const pdfChecks = results.flatMap((result) => result.pdf?.checks ?? []);
  const summary = {
    documents: results.length,
    htmlViolations: htmlAudits.reduce((total, audit) => total + audit.violations.length, 0),
    htmlNeedsReview: htmlAudits.reduce((total, audit) => total + audit.incomplete.length, 0),
    pdfFailures: pdfChecks.filter((check) => check.status === 'fail').length,
    pdfNotChecked: pdfChecks.filter((check) => check.status === 'not-checked').length,
  };
  // Seconds are left out of the report on purpose: the same build gives the same report.
  for (const audit of htmlAudits) audit.seconds = 0;
  for (const result of results) if (result.pdf) result.pdf.seconds = 0;
  const axeVersion = htmlAudits[0]?.axeVersion ?? '?';
  return {
    report: {
      reportVersion: 1,
      generator,
      standards: reportStandards(axeVersion),
      passed: summary.htmlViolations === 0 && summary.pdfFailures === 0,
      summary,
      documents: results,
      pages: pageResults,
      files: [
        ...results.flatMap((result) => [...(result.html ? [htmlFileAudit(result.html)] : []), ...(result.pdf ? [pdfFileAudit(result.pdf)] : [])]),
        ...pageResults.map(htmlFileAudit),
      ],
      manualChecks: manualCriteria,
      manualNote: notApplicableNote,
    },
    timings,
  };
}

/**
 * Turn gate failures into fatal messages: on the document's source file (`fileFor(slug)`), or on
 * `fallback` for other pages and documents without one.
 */
export function reportGateProblems(report: AccessibilityReport, fileFor: (slug: string) => VFile | undefined, fallback: VFile): void {
  for (const entry of report.documents) {
    const file = fileFor(entry.slug) ?? fallback;
    for (const violation of entry.html?.violations ?? []) {
      file.message(
        `Unexpected accessibility violation in ${entry.html?.file}: ${violation.help} (${violation.nodes.length} ${violation.nodes.length === 1 ? 'element' : 'elements'}, e.g. \`${violation.nodes[0]?.target ?? '?'}\`; WCAG ${violation.wcag.join(', ') || 'best practice'}), expected none`,
        { source: 'axe', ruleId: violation.id },
      ).fatal = true;
    }
    for (const check of entry.pdf?.checks ?? []) {
      if (check.status !== 'fail') continue;
      const where = check.details[0] ? ` (${check.details[0].page ? `page ${check.details[0].page}: ` : ''}${check.details[0].text})` : '';
      file.message(
        `Unexpected PDF/UA failure in ${entry.pdf!.file}: ${check.title}${where}; ISO 14289-1 ${check.clause}${check.matterhorn ? `, Matterhorn ${check.matterhorn}` : ''}, expected it to pass`,
        {
          source: 'kia-pdf-check',
          ruleId: check.id,
        },
      ).fatal = true;
    }
  }
  for (const page of report.pages) {
    for (const violation of page.violations) {
      fallback.message(`Unexpected accessibility violation in ${page.file}: ${violation.help} (\`${violation.nodes[0]?.target ?? '?'}\`), expected none`, {
        source: 'axe',
        ruleId: violation.id,
      }).fatal = true;
    }
  }
}
