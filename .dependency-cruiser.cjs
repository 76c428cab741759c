/**
 * The layers of kia-press, checked in CI (`npm run lint:deps`, part of `npm test`): imports run
 * downward only — cli.ts → commands → core → (check, render, pipeline, pdf) → model — with no
 * cycles, no plugin importing another plugin (shared code lives in helper modules), puppeteer
 * only in render/browser.ts, and printing to the terminal only in the CLI.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'model-is-the-bottom',
      comment: 'The content contract (model/) imports nothing of ours but itself.',
      severity: 'error',
      from: { path: '^scripts/model/' },
      to: { path: '^scripts/', pathNot: '^scripts/model/' },
    },
    {
      name: 'pdf-reads-only',
      comment: 'pdf/ reads PDFs: it knows the model, nothing above it.',
      severity: 'error',
      from: { path: '^scripts/pdf/' },
      to: { path: '^scripts/', pathNot: '^scripts/(pdf|model)/' },
    },
    {
      name: 'pipeline-below-the-run',
      comment: 'The unified pipeline knows the model; it never reaches into the run, the checks or the browser.',
      severity: 'error',
      from: { path: '^scripts/pipeline/' },
      to: { path: '^scripts/', pathNot: '^scripts/(pipeline|model)/' },
    },
    {
      name: 'no-plugin-to-plugin',
      comment: 'A plugin is one job; code two plugins share lives in a helper module (pipeline/*.ts).',
      severity: 'error',
      from: { path: '^scripts/pipeline/plugins/' },
      to: { path: '^scripts/pipeline/plugins/' },
    },
    {
      name: 'check-below-the-run',
      comment: 'Checks read outputs (pdf/, the pipeline helpers, the browser through render/); never the run or a command.',
      severity: 'error',
      from: { path: '^scripts/check/' },
      to: { path: '^scripts/(core|commands|preview|cli)' },
    },
    {
      name: 'render-below-the-run',
      severity: 'error',
      from: { path: '^scripts/render/' },
      to: { path: '^scripts/(core|commands|preview|check|cli)' },
    },
    {
      name: 'core-below-commands',
      severity: 'error',
      from: { path: '^scripts/core/' },
      to: { path: '^scripts/(commands|preview/|cli)' },
    },
    {
      name: 'convert-reads-only',
      comment: 'convert/ turns a received file into Markdown: it knows PDFs (pdf/) and the model, nothing above.',
      severity: 'error',
      from: { path: '^scripts/convert/' },
      to: { path: '^scripts/', pathNot: '^scripts/(convert|pdf|model)/' },
    },
    {
      name: 'preview-below-commands',
      comment: 'The preview parts (pages, queue, watcher, routes) sit on the run; the command wires them (and the PDF build) together.',
      severity: 'error',
      from: { path: '^scripts/preview/' },
      to: { path: '^scripts/(commands|cli)' },
    },
    {
      name: 'only-render-drives-the-browser',
      severity: 'error',
      from: { pathNot: '^scripts/render/browser\\.ts$|^test/|^scripts/bench/' },
      to: { path: 'node_modules/(puppeteer|puppeteer-core)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // TypeScript 7 (the native compiler) has no JavaScript API for dependency-cruiser to parse
    // with; swc reads the .ts files instead (without it they would be cruised as plain JavaScript
    // from the .js entries only, and most rules would see nothing).
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '^scripts/(bench|fuzz|setup|conformance)/' },
  },
};
