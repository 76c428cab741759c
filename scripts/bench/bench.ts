/**
 * `npm run bench`: generate a ~200-page assessment (400+ footnotes, tables, two responses) and
 * measure each stage in a process of its own (time measured inside, peak resident memory of
 * the whole process tree, browser included, sampled from outside), with the same print HTML
 * also laid out by plain `pagedjs-cli` as the baseline. Medians over BENCH_RUNS runs (default 3).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { scoreCorpus } from '../conformance/score.ts';
import { fileURLToPath } from 'node:url';
import { copyAssets } from '../core/assets.ts';
import { chromiumArgs, chromiumPath } from '../render/browser.ts';
import { benchmarkSize, generateAssessment } from './generate-assessment.ts';
import { generateDocx } from './generate-docx.ts';
import { samplePeak } from './memory.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workspace = path.join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Sample {
  seconds: number;
  peakBytes: number;
  report: Record<string, number>;
  /** What the command wrote to stderr (the build's progress lines). */
  stderr: string;
}

/** Run a command, sampling its process tree; `seconds` is the command's own report if it gives one. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const sampler = samplePeak(() => child.pid, 50);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const peakBytes = sampler.stop();
      if (code !== 0) return reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}\n${errors}`));
      const wall = (performance.now() - started) / 1000;
      const report = output.trim().startsWith('{') ? (JSON.parse(output) as Record<string, number>) : {};
      resolve({ seconds: report.seconds ?? wall, peakBytes, report, stderr: errors });
    });
  });
}

// Each stage compiled as the kia binary runs (run-compiled.js), not through tsx's loader.
const stageCommand = [path.join(root, 'scripts/bench/run-compiled.js'), 'bench/stage.ts'];
const stage = (name: string, ...extra: string[]) => measure(process.execPath, [...stageCommand, name, workspace, ...extra]);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

await rm(workspace, { recursive: true, force: true });
await generateAssessment(path.join(workspace, 'content'), 'groot');
await mkdir(path.join(workspace, 'work/groot'), { recursive: true });
await copyAssets(path.join(workspace, 'work'));

const samples: Record<string, Sample[]> = {
  html: [],
  pdf: [],
  limit: [],
  verify: [],
  gate: [],
  pdfChecks: [],
  audit: [],
  pagedjsCli: [],
  build: [],
  preview: [],
};
for (let run = 1; run <= runs; run++) {
  process.stderr.write(`run ${run}/${runs}…\n`);
  samples.html.push(await stage('html'));
  const pdf = await stage('pdf');
  samples.pdf.push(pdf);
  samples.limit.push(await stage('chromium-print'));
  samples.verify.push(await stage('verify', String(pdf.report.responsesPage)));
  samples.gate.push(await stage('gate'));
  samples.pdfChecks.push(await stage('pdf-checks'));
  samples.audit.push(
    await measure(process.execPath, [
      path.join(root, 'scripts/bin/kia.js'),
      'audit',
      path.join(workspace, 'work/groot/groot.pdf'),
      '--out',
      path.join(workspace, 'audit'),
    ]),
  );
  samples.pagedjsCli.push(
    await measure(
      path.join(root, 'node_modules/.bin/pagedjs-cli'),
      [
        path.join(workspace, 'work/groot/print.html'),
        '-o',
        path.join(workspace, 'work/groot/baseline.pdf'),
        '--browserArgs',
        chromiumArgs.filter((arg) => !arg.startsWith('--headless')).join(','),
      ],
      { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromiumPath() },
    ),
  );
  samples.preview.push(await stage('preview'));
  samples.build.push(
    await measure(process.execPath, [
      path.join(root, 'scripts/bin/kia.js'),
      'build',
      '--force',
      '--content',
      path.join(workspace, 'content'),
      '--out',
      path.join(workspace, 'dist'),
    ]),
  );
}

// The issue's publication at full size, once (it takes minutes): a letter and three generated
// assessments, built with --bundle into one PDF of about 600 pages.
const bundleContent = path.join(workspace, 'bundle-content');
for (const slug of ['kia-een', 'kia-twee', 'kia-drie']) await generateAssessment(bundleContent, slug);
await cp(path.join(root, 'test/fixture-publication/content/kamerbrief'), path.join(bundleContent, 'kamerbrief'), { recursive: true });
await writeFile(
  path.join(bundleContent, 'publication.yml'),
  'title: Drie assessments\ndate: 2026-11-16\nsender:\n  ministry: Ministerie van Voorbeeldzaken\ndocuments: [kamerbrief, kia-een, kia-twee, kia-drie]\n',
);
process.stderr.write('bundle: letter + 3 assessments…\n');
const bundleRun = await measure(process.execPath, [
  path.join(root, 'scripts/bin/kia.js'),
  'build',
  '--force',
  '--bundle',
  '--content',
  bundleContent,
  '--out',
  path.join(workspace, 'bundle-dist'),
]);
// The PDF stage against Chromium's own printing of the same print HTML, for the document twice
// as long (linear: at most twice the time) and for the bundle; one run each, in workspaces of
// their own laid out like the benchmark's.
async function stageIn(workspaceDir: string, name: string): Promise<Sample> {
  return measure(process.execPath, [...stageCommand, name, workspaceDir]);
}
const doubleWorkspace = path.join(workspace, 'double');
await generateAssessment(path.join(doubleWorkspace, 'content'), 'groot', {
  ...benchmarkSize,
  paragraphsPerQuestion: benchmarkSize.paragraphsPerQuestion * 2,
  footnotes: benchmarkSize.footnotes * 2,
  measures: benchmarkSize.measures * 2,
});
await mkdir(path.join(doubleWorkspace, 'work/groot'), { recursive: true });
await copyAssets(path.join(doubleWorkspace, 'work'));
process.stderr.write('the document twice as long…\n');
await stageIn(doubleWorkspace, 'html');
const doublePdf = await stageIn(doubleWorkspace, 'pdf');
const doubleLimit = await stageIn(doubleWorkspace, 'chromium-print');
const bundleWorkspace = path.join(workspace, 'bundle-stage');
await mkdir(path.join(bundleWorkspace, 'work/groot'), { recursive: true });
await copyAssets(path.join(bundleWorkspace, 'work'));
await cp(bundleContent, path.join(bundleWorkspace, 'content'), { recursive: true });
process.stderr.write('the bundle, PDF stage and Chromium alone…\n');
await stageIn(bundleWorkspace, 'bundle-html');
const bundlePdf = await stageIn(bundleWorkspace, 'pdf');
const bundleLimit = await stageIn(bundleWorkspace, 'chromium-print');

// Only redo what changed: the same builds again with nothing changed, served from the cache
// (wall clock, the CLI's start included), for the example content and for the publication.
const kia = (...args: string[]) => measure(process.execPath, [path.join(root, 'scripts/bin/kia.js'), 'build', ...args]);
const exampleOut = path.join(workspace, 'example-dist');
await kia('--content', path.join(root, 'content'), '--out', exampleOut);
const exampleAgain = await kia('--content', path.join(root, 'content'), '--out', exampleOut);
const bundleAgain = await kia('--bundle', '--content', bundleContent, '--out', path.join(workspace, 'bundle-dist'));
// The build's own figure: "gebouwd in 1.19 s", or "niets gewijzigd sinds de vorige build (0.72 s)".
const inBuild = (sample: Sample) => Number(/(?:gebouwd in|vorige build \() ?([\d.]+) s/.exec(sample.stderr)?.[1] ?? NaN);

// Taking a 30-page Word file in (kia import-response --dry-run: convert, compile, prove).
const importRoot = path.join(workspace, 'import');
await mkdir(path.join(importRoot, 'content/nota'), { recursive: true });
await writeFile(
  path.join(importRoot, 'content/nota/index.md'),
  '---\ntitle: Nota\ntype: rapport\nlang: nl\ndate: 2026-11-30\nstatus: concept\n---\n\n## Inhoud\n\nDe reactie staat hieronder.\n',
);
const wordFile = path.join(importRoot, 'zienswijze-dertig-paginas.docx');
await writeFile(wordFile, await generateDocx(30));
/** kia import-response --dry-run of `file` into the import workspace: convert, compile, prove. */
const importDryRun = (file: string) =>
  measure(process.execPath, [
    path.join(root, 'scripts/bin/kia.js'),
    'import-response',
    file,
    '--doc',
    'nota',
    '--from',
    'Voorbeeld B.V.',
    '--content',
    path.join(importRoot, 'content'),
    '--dry-run',
  ]);
const importRun = await importDryRun(wordFile);
// The same file as PDFs by LibreOffice, tagged and untagged: the two ways a PDF is read.
const pdfImports: Array<{ label: string; seconds: number }> = [];
for (const tagged of [true, false]) {
  const folder = path.join(importRoot, tagged ? 'tagged' : 'untagged');
  await mkdir(folder, { recursive: true });
  const profile = path.join(workspace, `lo-profile-${tagged}`);
  const converted = await measure('soffice', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--convert-to',
    `pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"${tagged}"}}`,
    '--outdir',
    folder,
    wordFile,
  ]).catch(() => undefined);
  const pdf = path.join(folder, 'zienswijze-dertig-paginas.pdf');
  if (!converted || !existsSync(pdf)) continue;
  const run = await importDryRun(pdf).catch((error: Error) => error);
  const label = `${tagged ? 'tagged' : 'untagged'} PDF by LibreOffice`;
  pdfImports.push(
    run instanceof Error
      ? { label: `${label} (FAILED: ${run.message.split('\n').slice(1, 3).join(' ')})`, seconds: Number.NaN }
      : { label, seconds: run.seconds },
  );
}

const bundleManifest = JSON.parse(await readFile(path.join(workspace, 'bundle-dist/manifest.json'), 'utf8')) as { bundle: { pages: number; bytes: number } };
const bundlePdfSeconds = Number(/publicatie +PDF +([\d.]+) s/.exec(bundleRun.stderr)?.[1] ?? NaN);

const row = (label: string, list: Sample[]) =>
  `${label.padEnd(44)} ${median(list.map((s) => s.seconds))
    .toFixed(2)
    .padStart(6)} s  (min ${Math.min(...list.map((s) => s.seconds)).toFixed(2)} s)  peak ${mb(Math.max(...list.map((s) => s.peakBytes))).padStart(7)}`;
// The PDF/UA checks against the veraPDF corpus (target: the whole corpus in at most 15 s).
const corpus = path.resolve(root, '../shared/conformance/verapdf-pdfua1');
let conformanceLine = 'PDF/UA conformance corpus: not found (../shared/conformance/verapdf-pdfua1)';
if (existsSync(corpus)) {
  const started = performance.now();
  const verdicts = await scoreCorpus(corpus);
  conformanceLine = `PDF/UA checks on the veraPDF corpus: ${verdicts.filter((verdict) => verdict.agrees).length} of ${verdicts.length} verdicts agree, in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}
const ours = median(samples.pdf.map((s) => s.seconds));
const limit = median(samples.limit.map((s) => s.seconds));
const gatePart = (key: string) => median(samples.gate.map((s) => s.report[key] ?? Number.NaN));
const part = (key: string) => median(samples.pdf.map((s) => s.report[key] ?? 0)).toFixed(2);
const theirs = median(samples.pagedjsCli.map((s) => s.seconds));
process.stdout.write(
  [
    `kia-press bench: generated assessment of ${samples.pdf[0].report.pages} A4 pages, ${samples.html[0].report.footnotes} footnotes, 2 responses`,
    `${runs} run(s); medians; peak = resident memory of the whole process tree (browser included)`,
    row('HTML stage (Markdown → HTML, screen + print)', samples.html),
    row('PDF stage (one Chromium, Paged.js, pdf-lib)', samples.pdf),
    `  of which loading the page ${part('loadSeconds')} s, Paged.js layout ${part('layoutSeconds')} s, reading the layout back ${part('readBackSeconds')} s, Chromium printing ${part('printSeconds')} s, pdf-lib finishing ${part('finishSeconds')} s; the rest is starting Chromium`,
    row("Chromium's own printing, same print HTML (the limit)", samples.limit),
    row('verbatim proof (pdf.js text of responses)', samples.verify),
    row('accessibility gate (text pass, browser start, axe + PDF/UA checks)', samples.gate),
    `  of which the PDF's text (one pdf.js pass; in a build part of the PDF step, shared by the text-loss check, the proof and the gate) ${gatePart('textSeconds').toFixed(2)} s; the gate as a build runs it (browser running) ${gatePart('gateSeconds').toFixed(2)} s: axe on the HTML ${gatePart('htmlSeconds').toFixed(2)} s and PDF checks ${gatePart('pdfSeconds').toFixed(2)} s side by side (${(samples.gate[0].report.pdfPages / gatePart('pdfSeconds')).toFixed(0)} pages/s); ${samples.gate[0].report.violations} violations, ${samples.gate[0].report.pdfFailures} failed PDF checks`,
    row('PDF/UA checks as kia audit runs them', samples.pdfChecks),
    `  ${(samples.pdfChecks[0].report.pages / median(samples.pdfChecks.map((s) => s.seconds))).toFixed(0)} pages/s; ${samples.pdfChecks[0].report.failures} failed checks`,
    row('kia audit on the PDF (CLI, wall clock)', samples.audit),
    row('plain pagedjs-cli on the same print HTML', samples.pagedjsCli),
    row('kia build end to end (CLI, wall clock)', samples.build),
    row('kia build --bundle, letter + 3 assessments (1 run)', [bundleRun]),
    `  bundle PDF: ${bundleManifest.bundle.pages} pages, ${(bundleManifest.bundle.bytes / 1024 / 1024).toFixed(1)} MB, laid out and printed in ${bundlePdfSeconds.toFixed(2)} s (${(bundleManifest.bundle.pages / bundlePdfSeconds).toFixed(1)} pages/s)`,
    `second kia build, nothing changed (target ≤ 2 s): example content ${exampleAgain.seconds.toFixed(2)} s wall clock (${inBuild(exampleAgain).toFixed(2)} s after the CLI started); publication with bundle ${bundleAgain.seconds.toFixed(2)} s (${inBuild(bundleAgain).toFixed(2)} s); first builds ${median(samples.build.map((s) => s.seconds)).toFixed(2)} s and ${bundleRun.seconds.toFixed(2)} s`,
    `kia import-response of a 30-page Word file (convert, compile, prove; --dry-run; target ≤ 3 s): ${importRun.seconds.toFixed(2)} s wall clock${pdfImports.map((each) => `; as ${each.label} ${each.seconds.toFixed(2)} s`).join('')}`,
    `kia preview, save → reload message (target: 95th percentile ≤ 300 ms): median ${median(samples.preview.map((s) => s.report.reloadMedianMs)).toFixed(0)} ms, 95th percentile ${Math.max(...samples.preview.map((s) => s.report.reloadP95Ms)).toFixed(0)} ms, worst ${Math.max(...samples.preview.map((s) => s.report.reloadMaxMs)).toFixed(0)} ms over ${samples.preview.length * samples.preview[0].report.edits} saves; new page fetched: median ${median(samples.preview.map((s) => s.report.pageMedianMs)).toFixed(0)} ms; server's own figure ${median(samples.preview.map((s) => s.report.serverMedianMs)).toFixed(0)} ms`,
    conformanceLine,
    `PDF stage / plain pagedjs-cli: ${(ours / theirs).toFixed(2)}`,
    `PDF stage / Chromium's own printing (target ≤ 1.5): benchmark document ${(ours / limit).toFixed(2)} (${ours.toFixed(2)} / ${limit.toFixed(2)} s); twice as long (${doublePdf.report.pages} pages) ${(doublePdf.seconds / doubleLimit.seconds).toFixed(2)} (${doublePdf.seconds.toFixed(2)} / ${doubleLimit.seconds.toFixed(2)} s); bundle (${bundlePdf.report.pages} pages) ${(bundlePdf.seconds / bundleLimit.seconds).toFixed(2)} (${bundlePdf.seconds.toFixed(2)} / ${bundleLimit.seconds.toFixed(2)} s)`,
    `PDF stage, twice as long / benchmark document (linear: ≤ 2): ${(doublePdf.seconds / ours).toFixed(2)}; Chromium's own printing: ${(doubleLimit.seconds / limit).toFixed(2)}`,
    `peak memory, PDF stage / Chromium's own printing (target ≤ 1.5): ${(Math.max(...samples.pdf.map((s) => s.peakBytes)) / Math.max(...samples.limit.map((s) => s.peakBytes))).toFixed(2)}`,
    `accessibility gate / PDF stage (target ≤ 0.5): as a build runs it ${(gatePart('gateSeconds') / ours).toFixed(2)}; with the text pass and a browser start of its own ${(median(samples.gate.map((s) => s.seconds)) / ours).toFixed(2)}`,
    '',
  ].join('\n'),
);
