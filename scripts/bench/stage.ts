/**
 * One benchmark stage in a fresh process, so its peak memory can be measured on its own.
 * Usage: stage.ts <html|bundle-html|pdf|chromium-print|verify|gate|pdf-checks|preview> <workspace>. Prints
 * `{"seconds": …, …}` as JSON. `bundle-html` writes the print HTML of the publication in
 * `<workspace>/content` (publication.yml) where `html` writes the document's, so `pdf` and
 * `chromium-print` then work on the bundle.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { pdfExpectations } from '../check/expectations.ts';
import { runGate } from '../check/gate.ts';
import { auditPdf } from '../check/pdf-audit.ts';
import path from 'node:path';
import { readPdfPages, readPdfText } from '../pdf/text.ts';
import { verifyResponses } from '../check/verify-responses.ts';
import { compileDocument } from '../core/compile-document.ts';
import { BrowserSession } from '../render/browser.ts';
import { finishPdf } from '../render/finish-pdf.ts';

const [stage, workspace] = process.argv.slice(2);
const docDir = path.join(workspace, 'content/groot');
const doc = { slug: 'groot', dir: docDir, index: path.join(docDir, 'index.md') };
const work = path.join(workspace, 'work');
const htmlPath = path.join(work, 'groot/index.html');
const printPath = path.join(work, 'groot/print.html');
const pdfPath = path.join(work, 'groot/groot.pdf');

async function compile() {
  const { document, files } = await compileDocument(doc, { assetBase: '../assets' });
  if (!document) throw new Error(files.flatMap((file) => file.messages.map(String)).join('\n'));
  return document;
}

const started = performance.now();
const report: Record<string, number> = {};
if (stage === 'html') {
  const document = await compile();
  await writeFile(htmlPath, document.html);
  await writeFile(printPath, document.printHtml);
  report.footnotes = (document.html.match(/data-footnote-backref=""/g) ?? []).length;
} else if (stage === 'bundle-html') {
  const { discoverDocuments } = await import('../core/discover.ts');
  const { readPublication } = await import('../core/publication.ts');
  const { bundleTree } = await import('../core/bundle.ts');
  const { toHtml } = await import('hast-util-to-html');
  const { VFile } = await import('vfile');
  const contentDir = path.join(workspace, 'content');
  const found = await discoverDocuments(contentDir, new VFile());
  const publication = (
    await readPublication(
      contentDir,
      found.map((entry) => entry.slug),
    )
  )?.publication;
  if (!publication) throw new Error(`no valid publication.yml in ${contentDir}`);
  const parts = [];
  for (const slug of publication.documents) {
    const source = found.find((entry) => entry.slug === slug);
    if (!source) throw new Error(`publication lists ${slug}, which is not in ${contentDir}`);
    const { document, files } = await compileDocument(source, { assetBase: '../assets' });
    if (!document) throw new Error(files.flatMap((file) => file.messages.map(String)).join('\n'));
    parts.push({ slug, matter: document.matter, printTree: document.printTree });
  }
  await writeFile(printPath, toHtml(bundleTree(publication, parts, { assetBase: '../assets' })));
} else if (stage === 'pdf') {
  const printer = await BrowserSession.launch();
  try {
    const printed = await printer.print(printPath, {
      timeoutMs: 600_000,
      allowedRoot: work,
      locate: ['.responses'],
      pageNumberLinks: 'nav.toc a',
      notes: '.footnote',
    });
    report.pages = printed.pages;
    report.loadSeconds = printed.timings.load;
    report.layoutSeconds = printed.timings.layout;
    report.readBackSeconds = printed.timings.readBack;
    report.printSeconds = printed.timings.print;
    report.responsesPage = printed.located['.responses'] ?? 1;
    await writeFile(path.join(work, 'groot/print-text.json'), JSON.stringify({ text: printed.text, notes: printed.notes }));
    const finishStarted = performance.now();
    await writeFile(pdfPath, await finishPdf(printed.pdf, { title: 'Bench', authors: [], subject: 'bench', keywords: [], lang: 'nl', date: '2026-11-01' }));
    report.finishSeconds = (performance.now() - finishStarted) / 1000;
  } finally {
    await printer.close();
  }
} else if (stage === 'chromium-print') {
  // The limit: Chromium printing the same print HTML itself (tagged, outline), no Paged.js.
  const session = await BrowserSession.launch();
  try {
    const { pdf, seconds } = await session.printWithoutLayout(printPath, { allowedRoot: work, timeoutMs: 600_000 });
    report.printSeconds = seconds;
    report.bytes = pdf.length;
  } finally {
    await session.close();
  }
} else if (stage === 'verify') {
  const compiledStarted = performance.now();
  const document = await compile();
  const compileSeconds = (performance.now() - compiledStarted) / 1000;
  const fromPage = Number(process.argv[4] ?? 1);
  const result = await verifyResponses(document, htmlPath, await readPdfText(pdfPath, { fromPage }));
  if (!result.responses.every((response) => response.html && response.pdf)) throw new Error('verbatim proof failed on the generated document');
  // Compiling is the HTML stage's work; leave it out of the proof's time.
  report.compileSeconds = compileSeconds;
} else if (stage === 'gate') {
  const compiledStarted = performance.now();
  const document = await compile();
  report.compileSeconds = (performance.now() - compiledStarted) / 1000;
  const printed = JSON.parse(await readFile(path.join(work, 'groot/print-text.json'), 'utf8')) as { text: string; notes: string[] };
  // As in the build: one pdf.js pass over the PDF, shared by the text-loss check and the gate.
  const textStarted = performance.now();
  const { runs } = await readPdfPages(new Uint8Array(await readFile(pdfPath)));
  report.textSeconds = (performance.now() - textStarted) / 1000;
  const session = await BrowserSession.launch();
  try {
    const { report: gate, timings } = await runGate(
      session,
      [
        {
          slug: 'groot',
          title: document.matter.title,
          html: { file: htmlPath, shown: 'groot/index.html' },
          pdf: { file: pdfPath, shown: 'groot/groot.pdf', expected: { ...pdfExpectations(document.printTree, printed.text, printed.notes), runs } },
        },
      ],
      [],
      work,
      undefined,
      // As many pages at once as the build checks (one per core).
      availableParallelism(),
    );
    // The gate as the build runs it: the browser already running, the text pass done in the PDF step.
    report.gateSeconds = timings.seconds;
    report.htmlSeconds = timings.htmlSeconds;
    report.pdfSeconds = timings.pdfSeconds;
    report.pdfPages = gate.documents[0].pdf?.pages ?? 0;
    report.violations = gate.summary.htmlViolations;
    report.pdfFailures = gate.summary.pdfFailures;
  } finally {
    await session.close();
  }
} else if (stage === 'pdf-checks') {
  // The checks `kia audit` runs on a PDF from anywhere: no HTML to compare with, no pdf.js text.
  const audit = await auditPdf(pdfPath, { shownFile: 'groot/groot.pdf' });
  report.pages = audit.pages;
  report.failures = audit.checks.filter((check) => check.status === 'fail').length;
} else if (stage === 'preview') {
  Object.assign(report, await measurePreview());
} else {
  throw new Error(`unknown stage ${stage}`);
}
report.seconds = (performance.now() - started) / 1000 - (report.compileSeconds ?? 0);
process.stdout.write(`${JSON.stringify(report)}\n`);

/**
 * Save → reload in `kia preview`: the server runs here, a client listens to its event stream
 * like the page's script does, and each of `edits` saves (a word changed in a different
 * chapter each time) is timed from the write to the reload message arriving, then to the new
 * page fetched. A copy of the document is edited, not the benchmark's own.
 */
async function measurePreview(): Promise<Record<string, number>> {
  const { cp, mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { startPreview } = await import('../commands/preview.ts');
  const copy = await mkdtemp(path.join(tmpdir(), 'kia-bench-preview-'));
  await cp(path.join(workspace, 'content'), copy, { recursive: true });
  const index = path.join(copy, 'groot/index.md');
  const serverSide: number[] = [];
  const server = await startPreview({ contentDir: copy, port: 0, onEvent: (event) => event.type === 'rebuilt' && serverSide.push(event.ms) });
  const controller = new AbortController();
  const stream = await fetch(`${server.url}__kia/events`, { signal: controller.signal });
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  const nextReload = async () => {
    for (let buffer = ''; ; ) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += value;
      if (buffer.includes('event: reload')) return;
      if (buffer.includes('event: failed')) throw new Error(buffer);
    }
  };
  // 30 saves: enough for the 95th percentile the target is set on (the worst case, not the median).
  const edits = 30;
  const toReload: number[] = [];
  const toPage: number[] = [];
  let text = await readFile(index, 'utf8');
  for (let n = 0; n < edits; n++) {
    const headings = [...text.matchAll(/^### .*$/gm)].map((match) => match.index! + match[0].length);
    const at = headings[(n * 7) % headings.length];
    text = `${text.slice(0, at)} (${n})${text.slice(at)}`;
    const saved = performance.now();
    const reloaded = nextReload();
    await writeFile(index, text);
    await reloaded;
    toReload.push(performance.now() - saved);
    const html = await (await fetch(`${server.url}groot/`)).text();
    if (!html.includes(` (${n})`)) throw new Error(`edit ${n} not in the page`);
    toPage.push(performance.now() - saved);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  controller.abort();
  await server.close();
  await rm(copy, { recursive: true, force: true });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  process.stderr.write(`preview save → reload (ms): ${toReload.map((ms) => ms.toFixed(0)).join(' ')}\n`);
  return {
    edits,
    reloadMedianMs: median(toReload),
    reloadMaxMs: Math.max(...toReload),
    reloadP95Ms: [...toReload].sort((a, b) => a - b)[Math.ceil(toReload.length * 0.95) - 1],
    pageMedianMs: median(toPage),
    pageMaxMs: Math.max(...toPage),
    serverMedianMs: median(serverSide),
  };
}
