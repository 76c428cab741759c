/**
 * The `kia` command line. The only module that prints or exits.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { reporter } from 'vfile-reporter';
import { generator, packageVersion } from './model/generator.ts';
import { InvalidBuildDate } from './core/build-date.ts';
// Commands are loaded when they run: `kia --version`, `kia help` and `kia init` do not pay for
// the pipeline, the browser driver and the PDF readers.
import type { AuditReport } from './commands/audit.ts';
import type { ProgressEvent } from './commands/build.ts';
import { type CiReportTarget, parseReportTarget, writeCiReports } from './commands/ci-reports.ts';
import type { VFile } from 'vfile';
import type { FileAudit } from './check/file-audit.ts';

const stageLabels = {
  html: 'HTML',
  pdf: 'PDF',
  verify: 'letterlijk-controle',
  'check-html': 'toegankelijkheid HTML',
  'check-pdf': 'toegankelijkheid PDF',
} as const;

function printProgress(event: ProgressEvent) {
  const label = `${event.slug.padEnd(18)} ${stageLabels[event.stage].padEnd(21)}`;
  if (event.state === 'start') {
    if (event.stage === 'pdf') process.stderr.write(`  … ${label}\n`);
    return;
  }
  const seconds = ((event.ms ?? 0) / 1000).toFixed(2).padStart(6);
  process.stderr.write(`  ${event.failed ? '✗' : '✓'} ${label}${seconds} s${event.detail ? `  (${event.detail})` : ''}\n`);
}

interface BuildValues {
  content: string;
  out?: string;
  only?: string;
  internal: boolean;
  pdf: boolean;
  check: boolean;
  pdfTimeout: number;
  final: boolean;
  bundle: boolean;
  force: boolean;
  report: CiReportTarget[];
}

/** kia build: see the command's help. */
async function runBuild(values: BuildValues): Promise<number> {
  const timeout = values.pdfTimeout;
  // The internal build (withheld text shown) never lands where the public one does.
  values.out ??= values.internal ? 'dist-intern' : 'dist';
  const started = performance.now();
  const { build, BuildAborted } = await import('./commands/build.ts');
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
      pdf: values.pdf,
      check: values.check,
      pdfTimeoutMs: timeout * 1000,
      final: values.final,
      bundle: values.bundle,
      force: values.force,
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
  await writeCiReports(values.report, { command: 'kia build', generator: generatorParts, sources: result.files, audits: result.accessibility?.files ?? [] });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const accessibility = result.accessibility;
  if (accessibility) {
    const { summary } = accessibility;
    process.stderr.write(
      `kia: toegankelijkheid ${accessibility.passed ? 'in orde' : 'NIET in orde'}: ${summary.htmlViolations} overtredingen in HTML, ${summary.htmlNeedsReview} na te kijken, ${summary.pdfFailures} PDF-controles mislukt, ${summary.pdfNotChecked} niet gecontroleerd\n`,
    );
  }
  if (!result.ok) {
    const kept = result.keptFailedOutput
      ? `; de volledige uitvoer staat in ${path.relative(process.cwd(), result.keptFailedOutput)}/ (rapport: ${path.relative(process.cwd(), path.join(result.keptFailedOutput, 'toegankelijkheid/index.html'))})`
      : '';
    const refusals = result.files.reduce((total, file) => total + file.messages.filter((message) => message.source === 'kia-final').length, 0);
    if (refusals > 0) process.stderr.write(`kia: --final geweigerd om ${refusals} ${refusals === 1 ? 'reden' : 'redenen'} (hierboven, rule final-…)\n`);
    process.stderr.write(`kia: build mislukt na ${seconds} s; ${values.out}/ is niet gewijzigd${kept}\n`);
    return 1;
  }
  if (result.unchanged) {
    process.stderr.write(
      `kia: niets gewijzigd sinds de vorige build (${seconds} s): bronnen, opties en code gelijk, de ${result.unchanged.outputs} bestanden in ${values.out}/ nagerekend (sha256); uitvoer, bewijzen en controles van die build gelden; --force bouwt opnieuw\n`,
    );
    return 0;
  }
  const cached =
    result.cache && result.cache.hits > 0
      ? `; ${result.cache.hits} van ${result.cache.hits + result.cache.misses} uitkomsten (PDF's, controles, SVG's, weglakcontroles) uit de cache; --force maakt alles opnieuw`
      : '';
  process.stderr.write(`kia: ${result.manifest?.documents.length ?? 0} document(en) gebouwd in ${seconds} s → ${values.out}/${cached}\n`);
  return 0;
}

/** kia check: see the command's help. */
async function runCheck(only: string | undefined, values: { content: string; out: string; frail: boolean; report: CiReportTarget[] }): Promise<number> {
  const { check } = await import('./commands/check.ts');
  const result = await check({ contentDir: values.content, outDir: values.out, only });
  if (result.files.length > 0) process.stderr.write(`${reporter(result.files)}\n`);
  await writeCiReports(values.report, { command: 'kia check', generator: generatorParts, sources: result.files, audits: result.report?.files ?? [] });
  if (result.report && result.timings) {
    const { summary } = result.report;
    const { compileSeconds, htmlSeconds, pdfSeconds, seconds } = result.timings;
    process.stderr.write(
      `  bronnen en HTML ${compileSeconds.toFixed(2)} s, axe ${htmlSeconds.toFixed(2)} s en PDF-controles ${pdfSeconds.toFixed(2)} s gelijktijdig: ${seconds.toFixed(2)} s\n`,
    );
    process.stderr.write(
      `kia: toegankelijkheid ${result.report.passed ? 'in orde' : 'NIET in orde'}: ${summary.htmlViolations} overtredingen in HTML, ${summary.htmlNeedsReview} na te kijken, ${summary.pdfFailures} PDF-controles mislukt, ${summary.pdfNotChecked} niet gecontroleerd → ${values.out}/toegankelijkheid/index.html\n`,
    );
    for (const document of result.report.documents)
      if (!document.pdf) process.stderr.write(`  ${document.slug}: PDF niet gecontroleerd: ${document.pdfMissing}\n`);
  }
  // --frail: a warning fails the check too (for CI on a publication that must be clean).
  const warnings = result.files.reduce((total, file) => total + file.messages.filter((message) => !message.fatal).length, 0);
  if (result.ok && values.frail && warnings > 0) {
    process.stderr.write(`kia: ${warnings} ${warnings === 1 ? 'waarschuwing telt' : 'waarschuwingen tellen'} als fout (--frail)\n`);
    return 1;
  }
  return result.ok ? 0 : 1;
}

/** kia new: see the command's help. */
async function runNew(slug: string, values: { content: string; service?: string }): Promise<number> {
  const { newAssessment } = await import('./commands/new.ts');
  const result = await newAssessment({ contentDir: values.content, slug, service: values.service });
  if (!result.ok) {
    process.stderr.write(`${reporter([result.problems])}\n`);
    return 1;
  }
  process.stderr.write(`kia: nieuw KIA in ${path.relative(process.cwd(), result.file!)}; vul de vragen in en bekijk het met \`kia preview\`\n`);
  return 0;
}

/** The tool as CI reports name it. */
const generatorParts = { name: 'kia-press', version: packageVersion };

/** kia init: see the command's help. */
async function runInit(dir: string | undefined, values: { ministry?: string; force: boolean }): Promise<number> {
  const { initProject } = await import('./commands/init.ts');
  const result = await initProject({ dir: dir ?? '.', ministry: values.ministry, force: values.force, version: packageVersion });
  if (!result.ok) {
    process.stderr.write(`${reporter([result.problems])}\n`);
    return 1;
  }
  const where = path.relative(process.cwd(), path.resolve(dir ?? '.'));
  // After `npm install kia-press` in the folder, installing again is not the next step.
  const installed = existsSync(path.resolve(dir ?? '.', 'node_modules/kia-press'));
  process.stderr.write(
    `kia: nieuw publicatieproject${where ? ` in ${where}` : ''} (${result.written.length} bestanden); verder met: ${where ? `cd ${where} && ` : ''}${installed ? '' : 'npm install && '}npm run build\n`,
  );
  return 0;
}

/** kia import-response: see the command's help. */
async function runImportResponse(
  file: string,
  values: { doc: string; from: string; title?: string; received?: string; kind?: 'zienswijze' | 'reactie'; content: string; dryRun: boolean },
): Promise<number> {
  const { importResponse } = await import('./commands/import-response.ts');
  const result = await importResponse({
    file,
    contentDir: values.content,
    slug: values.doc,
    from: values.from,
    title: values.title,
    received: values.received,
    kind: values.kind,
    dryRun: values.dryRun,
  });
  if (result.files.length > 0) process.stderr.write(`${reporter(result.files)}\n`);
  for (const note of result.notes) process.stderr.write(`kia: let op: ${note}\n`);
  if (!result.ok) {
    process.stderr.write('kia: reactie niet overgenomen; er is niets geschreven\n');
    return 1;
  }
  const how = result.kind === 'docx' ? 'Word' : 'PDF';
  if (values.dryRun) {
    process.stdout.write(`${result.entry}\n`);
    process.stderr.write(`kia: ${how} gelezen en letterlijk gelijk aan het origineel; --dry-run: niets geschreven (hierboven de regel voor responses:)\n`);
    return 0;
  }
  process.stderr.write(`kia: ${how} overgenomen en letterlijk gelijk aan het origineel: ${result.written.join(', ')}\n`);
  return 0;
}

/** kia preview: see the command's help. */
async function runPreview(values: { content: string; port: number; host: string[] }): Promise<number> {
  const port = values.port;
  const time = (ms: number) => `${ms.toFixed(0)} ms`;
  const messages = (files: VFile[]) => {
    if (files.some((file) => file.messages.length > 0)) process.stderr.write(`${reporter(files)}\n`);
  };
  let server;
  try {
    const { startPreview } = await import('./commands/preview.ts');
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
  const what =
    entry.status === 'error'
      ? `niet te controleren: ${entry.error}`
      : entry.status === 'fail'
        ? `${failed.length} mislukt: ${failed.map((check) => check.id).join(', ')}`
        : 'voldoet';
  const size = entry.pages ? `, ${entry.pages} p.` : '';
  process.stderr.write(`  ${mark} ${entry.kind.padEnd(4)} ${entry.file}  ${seconds.toFixed(2)} s${size}  ${what}\n`);
}

/** kia audit: see the command's help. */
async function runAudit(
  positionals: string[],
  values: { out: string; json: boolean; report: CiReportTarget[]; shard?: { index: number; count: number }; merge: boolean },
): Promise<number> {
  if (positionals.length === 0) {
    process.stderr.write(
      `kia audit: geef ${values.merge ? 'de JSON-rapporten van de delen' : 'een of meer PDF- of HTML-bestanden of mappen'} (kia audit --help)\n`,
    );
    return 2;
  }
  const started = performance.now();
  let report: AuditReport;
  if (values.merge) {
    try {
      const reports = await Promise.all(positionals.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as AuditReport));
      const { mergeAudits } = await import('./commands/audit.ts');
      report = await mergeAudits(reports, values.out);
    } catch (error) {
      process.stderr.write(`kia audit --merge: ${(error as Error).message}\n`);
      return 1;
    }
  } else {
    const { audit } = await import('./commands/audit.ts');
    report = await audit({ paths: positionals, outDir: values.out, shard: values.shard, onFile: printAuditLine });
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  await writeCiReports(values.report, { command: 'kia audit', generator: generatorParts, sources: [], audits: report.files });
  const { summary } = report;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(
    `kia audit: ${summary.files} ${summary.files === 1 ? 'bestand' : 'bestanden'} in ${seconds} s: ${summary.passed} voldoen, ${summary.failed} voldoen niet, ${summary.errors} niet te controleren → ${path.join(values.out, 'index.html')}\n`,
  );
  return report.passed ? 0 : 1;
}

/** `--report junit=FILE` / `--report sarif=FILE`, repeatable: reports for CI systems. */
function reportOption() {
  return new Option('--report <soort=bestand>', 'schrijf ook een rapport voor CI: junit=BESTAND (JUnit XML) of sarif=BESTAND (SARIF 2.1.0); herhaalbaar')
    .argParser((text: string, targets: CiReportTarget[]) => {
      const target = parseReportTarget(text);
      if (!target) throw new InvalidArgumentError(`--report verwacht junit=BESTAND of sarif=BESTAND, niet ${text}`);
      return [...targets, target];
    })
    .default([] as CiReportTarget[]);
}

/** A positive number of seconds or a port: usage errors (exit 2) otherwise. */
function parseNumber(what: string, check: (value: number) => boolean) {
  return (text: string) => {
    const value = Number(text);
    if (!check(value)) throw new CommanderError(2, 'kia.invalidValue', `${what}, niet \`${text}\``);
    return value;
  };
}

/** Commander's English titles and errors, in Dutch. */
const titles: Record<string, string> = { 'Usage:': 'Gebruik:', 'Options:': 'Opties:', 'Commands:': 'Opdrachten:', 'Arguments:': 'Argumenten:' };
function dutch(message: string): string {
  return message
    .replace(/^error: /, '')
    .replace(/unknown option '([^']+)'/, "onbekende optie '$1'")
    .replace(/unknown command '([^']+)'/, "onbekende opdracht '$1'")
    .replace(/missing required argument '([^']+)'/, "argument '$1' ontbreekt")
    .replace(/option '([^']+)' argument missing/, "optie '$1' verwacht een waarde")
    .replace(/too many arguments for '([^']+)'. Expected (\d+) arguments? but got (\d+)\./, "te veel argumenten voor '$1': verwacht $2, gekregen $3")
    .replace(/\(Did you mean ([^?]+)\?\)/, '(bedoelt u $1?)');
}

/** Commander's help, worded in Dutch. */
const helpInDutch = {
  styleTitle: (title: string) => titles[title] ?? title,
  sortSubcommands: false,
  optionDescription: (option: Option) =>
    `${option.description}${option.defaultValue !== undefined && option.defaultValue !== false && !option.negate && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0) ? ` (standaard: ${String(option.defaultValue)})` : ''}`,
  subcommandTerm: (command: Command) => `${command.name()} ${commandUsage(command)}`.trim(),
};

/** `[opties] <slug>`: a command's options and arguments as its usage line shows them. */
function commandUsage(command: Command): string {
  const argumentsOf = command.registeredArguments.map((argument) =>
    argument.required ? `<${argument.name()}${argument.variadic ? '...' : ''}>` : `[${argument.name()}${argument.variadic ? '...' : ''}]`,
  );
  return [command.options.length > 0 ? '[opties]' : '', ...argumentsOf].filter(Boolean).join(' ');
}

/** The `kia` program: commands, options and Dutch help (commander). */
function program(run: (work: Promise<number>) => void): Command {
  const kia = new Command('kia')
    .description('Publicaties van Kinderrechten Impact Assessments: toegankelijke HTML en PDF, met bewijs dat reacties letterlijk zijn.')
    .version(generator, '-V, --version', 'toon de versie')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon de hulp bij een opdracht')
    .usage('<opdracht> [opties]')
    .showSuggestionAfterError(true)
    .configureHelp(helpInDutch)
    .configureOutput({ outputError: (message, write) => write(`kia: ${dutch(message)}`) })
    .exitOverride();
  // Each `kia.command()` inherits the Dutch help and errors, the suggestions and the exit override (commander's copyInheritedSettings).
  kia
    .command('build')
    .description('Bouw alle documenten uit content/ naar dist/: HTML, PDF, manifest en toegankelijkheidsrapport')
    .option('--content <map>', 'map met documenten', 'content')
    .option('--out <map>', 'uitvoermap (standaard: dist; met --internal: dist-intern)')
    .option('--only <slug>', 'bouw alleen dit document; de rest van de uitvoer blijft staan')
    .option('--no-pdf', 'sla de PDF over')
    .option('--no-check', 'sla de toegankelijkheidscontrole over (axe, PDF/UA)')
    .addOption(
      new Option('--pdf-timeout <seconden>', 'geef een PDF na zoveel seconden op')
        .default(600)
        .argParser(parseNumber('--pdf-timeout verwacht een aantal seconden', (value) => Number.isFinite(value) && value > 0)),
    )
    .option('--internal', 'interne versie: weggelakte tekst zichtbaar met grond, elke pagina gemarkeerd "Intern"', false)
    .option('--final', 'de versie voor de Kamer: geweigerd zolang een document concept is of open werk bevat', false)
    .option('--bundle', 'ook de hele publicatie (content/publication.yml) als één PDF', false)
    .option('--force', 'maak alles opnieuw, ook wat ongewijzigd in de cache (.kia-cache/) staat', false)
    .addOption(reportOption())
    .action((values: BuildValues) => run(runBuild(values)));

  kia
    .command('check')
    .description('Controleer de bronnen en de toegankelijkheid zonder PDF te bouwen; het rapport komt in dist/toegankelijkheid/')
    .argument('[slug]', 'alleen dit document')
    .option('--content <map>', 'map met documenten', 'content')
    .option('--out <map>', 'uitvoermap', 'dist')
    .option('--frail', 'waarschuwingen tellen als fout (exitcode 1)', false)
    .addOption(reportOption())
    .action((slug: string | undefined, values: Parameters<typeof runCheck>[1]) => run(runCheck(slug, values)));

  kia
    .command('new')
    .description('Zet een nieuw KIA op volgens het instrument: content/SLUG/index.md met alle hoofdstukken, vragen en toelichting')
    .argument('<slug>', 'naam van de map, bijvoorbeeld flits')
    .option('--content <map>', 'map met documenten', 'content')
    .option('--service <naam>', 'de digitale dienst die wordt beoordeeld')
    .action((slug: string, values: { content: string; service?: string }) => run(runNew(slug, values)));

  kia
    .command('init')
    .description(
      'Begin een eigen publicatieproject: package.json met kia-press, content/ met een KIA, een Kamerbrief en publication.yml, README en CI voor GitLab en GitHub',
    )
    .argument('[map]', 'map van het project (standaard: de huidige map)')
    .option('--ministry <naam>', 'het ministerie dat publiceert')
    .option('--force', 'ook in een map met andere bestanden (er wordt niets overschreven)', false)
    .action((dir: string | undefined, values: { ministry?: string; force: boolean }) => run(runInit(dir, values)));

  kia
    .command('import-response')
    .description('Neem de reactie van een belanghebbende over zoals ontvangen (PDF of Word): omgezet naar Markdown en letterlijk vergeleken met het origineel')
    .argument('<bestand>', 'het ontvangen bestand (.pdf of .docx, herkend aan de inhoud)')
    .requiredOption('--doc <slug>', 'het document waar de reactie bij hoort')
    .requiredOption('--from <naam>', 'van wie de reactie is')
    .option('--title <titel>', 'titel van de reactie (standaard: Zienswijze van NAAM)')
    .option('--received <datum>', 'datum van ontvangst, JJJJ-MM-DD (standaard: vandaag)')
    .addOption(new Option('--kind <soort>', 'soort reactie').choices(['zienswijze', 'reactie']))
    .option('--content <map>', 'map met documenten', 'content')
    .option('--dry-run', 'alleen omzetten en vergelijken; niets schrijven', false)
    .action((file: string, values: Parameters<typeof runImportResponse>[1]) => run(runImportResponse(file, values)));

  kia
    .command('preview')
    .description('Voorbeeld in de browser terwijl u schrijft: herbouwt de HTML bij elke wijziging en laadt de pagina opnieuw')
    .option('--content <map>', 'map met documenten', 'content')
    .addOption(
      new Option('--port <n>', 'poort')
        .default(4321)
        .argParser(parseNumber('--port verwacht een poortnummer', (value) => Number.isInteger(value) && value >= 0 && value <= 65535)),
    )
    .option('--host <naam>', 'ook bereikbaar onder deze hostnaam (herhaalbaar)', (name: string, names: string[]) => [...names, name], [] as string[])
    .action((values: { content: string; port: number; host: string[] }) => run(runPreview(values)));

  kia
    .command('audit')
    .description('Controleer de toegankelijkheid van willekeurige PDF- en HTML-bestanden of mappen daarmee')
    .argument('[pad...]', 'PDF- of HTML-bestanden of mappen')
    .option('--out <map>', 'rapportmap', path.join('dist', 'toegankelijkheid-audit'))
    .option('--json', 'schrijf ook het JSON-rapport naar de standaarduitvoer', false)
    .addOption(
      new Option('--shard <i/n>', 'controleer alleen deel I van N (vast per bestand: op een hash van het pad), voor een CI-matrix').argParser(
        (text: string) => {
          const match = /^(\d+)\/(\d+)$/.exec(text);
          const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
          if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`--shard verwacht I/N met 1 ≤ I ≤ N, niet ${text}`);
          return { index, count };
        },
      ),
    )
    .option('--merge', 'voeg de JSON-rapporten van alle delen (--shard) samen tot één rapport; de paden zijn dan die rapporten', false)
    .addOption(reportOption())
    .action((paths: string[], values: Parameters<typeof runAudit>[1]) => run(runAudit(paths, values)));
  for (const command of kia.commands) command.usage(commandUsage(command));
  return kia;
}

/** Parse, run the command, and give its exit code: 2 for usage errors, 0 after help or version. */
async function main(argv: string[]): Promise<number> {
  let work: Promise<number> | undefined;
  const kia = program((started) => (work = started));
  if (argv.length === 0) {
    process.stderr.write(kia.helpInformation());
    return 1;
  }
  try {
    await kia.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'kia.invalidValue') process.stderr.write(`kia: ${error.message}\n`);
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return work ? await work : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bad environment, like a bad option: a message and exit 2, no stack trace.
    if (error instanceof InvalidBuildDate) {
      process.stderr.write(`kia: SOURCE_DATE_EPOCH verwacht hele seconden sinds 1970 (zoals 1764547200 voor 2025-12-01), niet \`${error.value}\`\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`kia: onverwachte fout: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
