/**
 * The `kia` command line. The only module that prints or exits.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { audit } from './commands/audit.ts';
import { build, BuildAborted, type ProgressEvent } from './commands/build.ts';
import { check } from './commands/check.ts';
import { newAssessment } from './commands/new.ts';
import { startPreview } from './commands/preview.ts';
import type { VFile } from 'vfile';
import type { FileAudit } from './check/file-audit.ts';

const usage = `Gebruik: kia <opdracht> [opties]

Opdrachten:
  build    Bouw alle documenten uit content/ naar dist/ (HTML, PDF, manifest,
           toegankelijkheidsrapport)
  check    Controleer de bronnen en de toegankelijkheid zonder PDF te bouwen;
           het rapport komt in dist/toegankelijkheid/ [SLUG] [--frail]
           --frail    waarschuwingen tellen als fout (exitcode 1)
  new      Zet een nieuw KIA op volgens het instrument: kia new SLUG [--service NAAM]
           (content/SLUG/index.md met alle hoofdstukken, vragen en toelichting)
  preview  Voorbeeld in de browser terwijl u schrijft: kia preview [--port N] [--host NAAM]…
           (herbouwt de HTML bij elke wijziging en laadt de pagina opnieuw)
  audit    Controleer de toegankelijkheid van willekeurige PDF- en HTML-bestanden
           (of mappen daarmee): kia audit PAD... [--out DIR] [--json]
           --out DIR  rapportmap (standaard: dist/toegankelijkheid-audit)
           --json     schrijf ook het JSON-rapport naar de standaarduitvoer

Opties (build en check):
  --content DIR   map met documenten (standaard: content)
  --out DIR       uitvoermap (standaard: dist)
  --only SLUG     bouw alleen dit document; de rest van dist/ blijft staan
  --no-pdf        sla de PDF over
  --no-check      sla de toegankelijkheidscontrole over (axe, PDF/UA)
  --pdf-timeout S geef een PDF na S seconden op (standaard: 600)
  --internal      interne versie: weggelakte tekst zichtbaar met grond, elke pagina
                  gemarkeerd "Intern"; schrijft naar dist-intern/ (tenzij --out)
  --final         de versie voor de Kamer: geweigerd zolang een document concept is
                  of nog TODO/FIXME of een invulplaats van kia new bevat
  --bundle        ook de hele publicatie (content/publication.yml) als één PDF, met
                  één inhoudsopgave en doorlopende bladwijzers: publicatie/publicatie.pdf
  -h, --help      toon deze hulp
`;

const stageLabels = { html: 'HTML', pdf: 'PDF', verify: 'letterlijk-controle', 'check-html': 'toegankelijkheid HTML', 'check-pdf': 'toegankelijkheid PDF' } as const;

function printProgress(event: ProgressEvent) {
  const label = `${event.slug.padEnd(18)} ${stageLabels[event.stage].padEnd(21)}`;
  if (event.state === 'start') {
    if (event.stage === 'pdf') process.stderr.write(`  … ${label}\n`);
    return;
  }
  const seconds = ((event.ms ?? 0) / 1000).toFixed(2).padStart(6);
  process.stderr.write(`  ${event.failed ? '✗' : '✓'} ${label}${seconds} s${event.detail ? `  (${event.detail})` : ''}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  if (command === 'check') return runCheck(rest);
  if (command === 'audit') return runAudit(rest);
  if (command === 'new') return runNew(rest);
  if (command === 'preview') return runPreview(rest);
  if (command !== 'build') {
    process.stderr.write(`kia: onbekende opdracht \`${command}\`\n\n${usage}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string' },
        only: { type: 'string' },
        internal: { type: 'boolean', default: false },
        'no-pdf': { type: 'boolean', default: false },
        'no-check': { type: 'boolean', default: false },
        'pdf-timeout': { type: 'string', default: '600' },
        final: { type: 'boolean', default: false },
        bundle: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`kia: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const timeout = Number(values['pdf-timeout']);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    process.stderr.write(`kia: --pdf-timeout verwacht een aantal seconden, niet \`${values['pdf-timeout']}\`\n`);
    return 2;
  }

  // The internal build (withheld text shown) never lands where the public one does.
  values.out ??= values.internal ? 'dist-intern' : 'dist';
  const started = performance.now();
  // Ctrl-C (or a TERM from CI) stops the build cleanly: browser closed, staging removed, dist/ kept.
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\nkia: afbreken…\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let result;
  try {
    result = await build({
      contentDir: values.content,
      outDir: values.out,
      only: values.only,
      pdf: !values['no-pdf'],
      check: !values['no-check'],
      pdfTimeoutMs: timeout * 1000,
      final: values.final,
      bundle: values.bundle,
      redaction: values.internal ? 'internal' : 'public',
      onProgress: printProgress,
      signal: controller.signal,
    });
  } catch (error) {
    if (!(error instanceof BuildAborted)) throw error;
    process.stderr.write(`kia: build afgebroken; ${values.out}/ is niet gewijzigd\n`);
    return 130;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (result.files.length > 0) process.stderr.write(`${reporter(result.files)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const accessibility = result.accessibility;
  if (accessibility) {
    const { summary } = accessibility;
    process.stderr.write(
      `kia: toegankelijkheid ${accessibility.passed ? 'in orde' : 'NIET in orde'}: ${summary.htmlViolations} overtredingen in HTML, ${summary.htmlNeedsReview} na te kijken, ${summary.pdfFailures} PDF-controles mislukt, ${summary.pdfNotChecked} niet gecontroleerd\n`,
    );
  }
  if (!result.ok) {
    const kept = result.keptFailedOutput ? `; de volledige uitvoer staat in ${path.relative(process.cwd(), result.keptFailedOutput)}/ (rapport: ${path.relative(process.cwd(), path.join(result.keptFailedOutput, 'toegankelijkheid/index.html'))})` : '';
    const refusals = result.files.reduce((total, file) => total + file.messages.filter((message) => message.source === 'kia-final').length, 0);
    if (refusals > 0) process.stderr.write(`kia: --final geweigerd om ${refusals} ${refusals === 1 ? 'reden' : 'redenen'} (hierboven, rule final-…)\n`);
    process.stderr.write(`kia: build mislukt na ${seconds} s; ${values.out}/ is niet gewijzigd${kept}\n`);
    return 1;
  }
  process.stderr.write(`kia: ${result.manifest?.documents.length ?? 0} document(en) gebouwd in ${seconds} s → ${values.out}/\n`);
  return 0;
}

async function runCheck(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'dist' }, frail: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`kia: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const result = await check({ contentDir: values.content, outDir: values.out, only: positionals[0] });
  if (result.files.length > 0) process.stderr.write(`${reporter(result.files)}\n`);
  if (result.report && result.timings) {
    const { summary } = result.report;
    const { compileSeconds, htmlSeconds, pdfSeconds, seconds } = result.timings;
    process.stderr.write(`  bronnen en HTML ${compileSeconds.toFixed(2)} s, axe ${htmlSeconds.toFixed(2)} s en PDF-controles ${pdfSeconds.toFixed(2)} s gelijktijdig: ${seconds.toFixed(2)} s\n`);
    process.stderr.write(
      `kia: toegankelijkheid ${result.report.passed ? 'in orde' : 'NIET in orde'}: ${summary.htmlViolations} overtredingen in HTML, ${summary.htmlNeedsReview} na te kijken, ${summary.pdfFailures} PDF-controles mislukt, ${summary.pdfNotChecked} niet gecontroleerd → ${values.out}/toegankelijkheid/index.html\n`,
    );
    for (const document of result.report.documents) if (!document.pdf) process.stderr.write(`  ${document.slug}: PDF niet gecontroleerd: ${document.pdfMissing}\n`);
  }
  // --frail: a warning fails the check too (for CI on a publication that must be clean).
  const warnings = result.files.reduce((total, file) => total + file.messages.filter((message) => !message.fatal).length, 0);
  if (result.ok && values.frail && warnings > 0) {
    process.stderr.write(`kia: ${warnings} ${warnings === 1 ? 'waarschuwing telt' : 'waarschuwingen tellen'} als fout (--frail)\n`);
    return 1;
  }
  return result.ok ? 0 : 1;
}

async function runNew(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { content: { type: 'string', default: 'content' }, service: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`kia: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    process.stderr.write(`kia new: geef precies één slug, bijvoorbeeld \`kia new flits --service Flits\`\n\n${usage}`);
    return 2;
  }
  const result = await newAssessment({ contentDir: values.content, slug: positionals[0], service: values.service });
  if (!result.ok) {
    process.stderr.write(`${reporter([result.problems])}\n`);
    return 1;
  }
  process.stderr.write(`kia: nieuw KIA in ${path.relative(process.cwd(), result.file!)}; vul de vragen in en bekijk het met \`kia preview\`\n`);
  return 0;
}

async function runPreview(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, options: { content: { type: 'string', default: 'content' }, port: { type: 'string', default: '4321' }, host: { type: 'string', multiple: true, default: [] } } }));
  } catch (error) {
    process.stderr.write(`kia: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`kia: --port verwacht een poortnummer, niet \`${values.port}\`\n`);
    return 2;
  }
  const time = (ms: number) => `${ms.toFixed(0)} ms`;
  const messages = (files: VFile[]) => {
    if (files.some((file) => file.messages.length > 0)) process.stderr.write(`${reporter(files)}\n`);
  };
  let server;
  try {
    server = await startPreview({
      contentDir: values.content,
      port,
      allowedHosts: values.host,
      onEvent(event) {
        if (event.type === 'ready') {
          messages(event.files);
          process.stderr.write(`kia preview: ${event.documents.length} document(en) in ${time(event.ms)} → ${event.url}  (Ctrl-C om te stoppen)\n`);
        } else if (event.type === 'rebuilt') {
          messages(event.files);
          process.stderr.write(`  ↻ ${event.slug}: opgeslagen → herladen in ${time(event.ms)}\n`);
        } else if (event.type === 'failed') {
          messages(event.files);
          process.stderr.write(`  ✗ ${event.slug}: fouten (${time(event.ms)}); de pagina toont de laatste goede versie\n`);
        } else if (event.type === 'styles') {
          process.stderr.write(`  ↻ stijlen bijgewerkt in ${time(event.ms)}\n`);
        } else if (event.type === 'corrected') {
          process.stderr.write(`  ↻ ${event.slug}: bijgewerkt na volledige controle\n`);
        } else if (event.type === 'pdf') {
          if (!event.ok) messages(event.files);
          process.stderr.write(`  ${event.ok ? '✓' : '✗'} ${event.slug}: PDF ${event.ok ? 'gemaakt' : 'mislukt'} in ${(event.ms / 1000).toFixed(1)} s\n`);
        }
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`kia preview: ${code === 'EADDRINUSE' ? `poort ${port} is al in gebruik; kies een andere met --port` : (error as Error).message}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  process.stderr.write('kia preview: gestopt\n');
  return 0;
}

function printAuditLine(entry: FileAudit, seconds: number) {
  const failed = entry.checks.filter((check) => check.status === 'fail');
  const mark = entry.status === 'pass' ? '✓' : entry.status === 'fail' ? '✗' : '!';
  const what = entry.status === 'error' ? `niet te controleren: ${entry.error}` : entry.status === 'fail' ? `${failed.length} mislukt: ${failed.map((check) => check.id).join(', ')}` : 'voldoet';
  const size = entry.pages ? `, ${entry.pages} p.` : '';
  process.stderr.write(`  ${mark} ${entry.kind.padEnd(4)} ${entry.file}  ${seconds.toFixed(2)} s${size}  ${what}\n`);
}

async function runAudit(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string', default: path.join('dist', 'toegankelijkheid-audit') }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`kia: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    process.stderr.write(`kia audit: geef een of meer PDF- of HTML-bestanden of mappen\n\n${usage}`);
    return 2;
  }
  const started = performance.now();
  const report = await audit({ paths: positionals, outDir: values.out, onFile: printAuditLine });
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const { summary } = report;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(
    `kia audit: ${summary.files} ${summary.files === 1 ? 'bestand' : 'bestanden'} in ${seconds} s: ${summary.passed} voldoen, ${summary.failed} voldoen niet, ${summary.errors} niet te controleren → ${path.join(values.out, 'index.html')}\n`,
  );
  return report.passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kia: onverwachte fout: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
