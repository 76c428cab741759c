/**
 * `kia audit PATH...`: the build's accessibility checks on any PDF or HTML file, wherever it
 * came from (a platform's formal response, a research firm's report, an earlier publication).
 * A file that cannot be checked gets an error entry and the audit goes on with the others.
 */
import { replaceFolder } from '../core/staging.ts';
import { generator } from '../model/generator.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyAssets } from '../core/assets.ts';
import { failedFileAudit, htmlFileAudit, pdfFileAudit, type FileAudit } from '../check/file-audit.ts';
import { reportStandards } from '../check/gate.ts';
import { auditHtml } from '../check/html-audit.ts';
import { manualCriteria, notApplicableNote } from '../check/manual-criteria.ts';
import { auditPdf } from '../check/pdf-audit.ts';
import { writeReport } from '../check/report-page.ts';
import { PdfReadError } from '../pdf/read.ts';
import { BrowserSession } from '../render/browser.ts';

export type { AuditReport } from '../check/reports.ts';
import type { AuditReport } from '../check/reports.ts';

export interface AuditOptions {
  paths: string[];
  /** Where the report goes; replaced as a whole. */
  outDir: string;
  /** Check only shard `index` of `count` (1-based): the files whose path hashes to it. */
  shard?: { index: number; count: number };
  /** Called when a file is done, with the seconds it took. */
  onFile?: (entry: FileAudit, seconds: number) => void;
}

/** A file to audit; `root` is the folder its page may load files from (the folder given, or its own). */
interface Target {
  file: string;
  shown: string;
  root: string;
  missing?: boolean;
}

const extensions: Record<string, 'pdf' | 'html'> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.xhtml': 'html' };

/** Files to audit: files as given, folders searched for PDF and HTML files (the report folder skipped). */
async function targets(paths: string[], outDir: string): Promise<Target[]> {
  const found: Target[] = [];
  const seen = new Set<string>();
  const add = (file: string, shown: string, root: string, missing?: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    found.push({ file, shown, root, ...(missing ? { missing } : {}) });
  };
  const walk = async (dir: string, shownDir: string, root: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.name.startsWith('.') || file === outDir) continue;
      if (entry.isDirectory()) await walk(file, path.join(shownDir, entry.name), root);
      else if (entry.isFile() && extensions[path.extname(entry.name).toLowerCase()]) add(file, path.join(shownDir, entry.name), root);
    }
  };
  for (const given of paths) {
    const file = path.resolve(given);
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) await walk(file, given, file);
    else add(file, given, path.dirname(file), !info?.isFile());
  }
  return found;
}

/** What a file is, by its first bytes (an extension can lie), else by its name. */
async function sniff(file: string): Promise<'pdf' | 'html' | 'unknown'> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    if (head.includes('%PDF-')) return 'pdf';
    if (/^(\uFEFF|ï»¿)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(head)) return 'html';
    return extensions[path.extname(file).toLowerCase()] === 'html' && /<[a-z!]/i.test(head) ? 'html' : 'unknown';
  } finally {
    await handle.close();
  }
}

/** Audit every file under `paths` and write the report to `outDir`; never throws for bad files. */
export async function audit(options: AuditOptions): Promise<AuditReport> {
  const outDir = path.resolve(options.outDir);
  const files: FileAudit[] = [];
  let session: BrowserSession | undefined;
  let axeVersion = '';
  const all = await targets(options.paths, outDir);
  // A shard is the files whose path hashes to it: adding files never moves the others.
  const positions = all.flatMap((target, position) => (!options.shard || shardOf(target.shown, options.shard.count) === options.shard.index ? [position] : []));
  try {
    for (const target of positions.map((position) => all[position])) {
      const started = performance.now();
      const entry = await auditOne(
        target,
        async () => (session ??= await BrowserSession.launch()),
        (version) => (axeVersion = version),
      );
      files.push(entry);
      options.onFile?.(entry, (performance.now() - started) / 1000);
    }
  } finally {
    await session?.close();
  }
  const report = auditReport(files, axeVersion);
  if (options.shard) report.shard = { ...options.shard, files: all.length, positions };
  await writeAuditReport(outDir, report);
  return report;
}

/** Which of `count` shards (1-based) the file shown as `shown` belongs to: by a hash of its path. */
export function shardOf(shown: string, count: number): number {
  const digest = createHash('sha256').update(shown.split(path.sep).join('/')).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/**
 * One report from the JSON reports of every shard of one audit (`kia audit --shard I/N` each):
 * the files in the order one run would have checked them. Throws with a reason (in Dutch, for
 * the user) when the reports are not one complete set of shards.
 */
export async function mergeAudits(reports: AuditReport[], outDir: string): Promise<AuditReport> {
  const shards = reports.map((report) => report.shard);
  const count = shards[0]?.count;
  if (shards.some((shard) => !shard)) throw new Error('een rapport is niet van een deel (--shard) van een audit');
  if (shards.some((shard) => shard!.count !== count || shard!.files !== shards[0]!.files))
    throw new Error('de rapporten zijn niet van dezelfde verdeling (ander aantal delen of bestanden)');
  const indexes = shards.map((shard) => shard!.index).sort((a, b) => a - b);
  const missing = Array.from({ length: count! }, (_, i) => i + 1).filter((index) => !indexes.includes(index));
  if (missing.length > 0 || indexes.length !== count)
    throw new Error(`niet elk deel precies één keer: ${missing.length > 0 ? `deel ${missing.join(', ')} ontbreekt` : 'een deel staat er dubbel'}`);
  const placed = reports.flatMap((report) => report.files.map((file, at) => ({ file, position: report.shard!.positions[at] })));
  placed.sort((a, b) => a.position - b.position);
  const axe = reports.map((report) => report.standards.html).find((standard) => !standard.includes('(niet gebruikt)'));
  const report = auditReport(
    placed.map((entry) => entry.file),
    '',
  );
  if (axe) report.standards = { ...report.standards, html: axe };
  await writeAuditReport(path.resolve(outDir), report);
  return report;
}

/** The audit report of `files`, as one run writes it. */
function auditReport(files: FileAudit[], axeVersion: string): AuditReport {
  const checks = files.flatMap((file) => file.checks);
  const report: AuditReport = {
    reportVersion: 1,
    kind: 'audit',
    generator,
    standards: reportStandards(axeVersion || '(niet gebruikt)'),
    passed: files.length > 0 && files.every((file) => file.status === 'pass'),
    summary: {
      files: files.length,
      passed: files.filter((file) => file.status === 'pass').length,
      failed: files.filter((file) => file.status === 'fail').length,
      errors: files.filter((file) => file.status === 'error').length,
      pdfFailures: files
        .filter((file) => file.kind === 'pdf')
        .flatMap((file) => file.checks)
        .filter((check) => check.status === 'fail').length,
      htmlViolations: files
        .filter((file) => file.kind === 'html')
        .flatMap((file) => file.checks)
        .filter((check) => check.status === 'fail').length,
      notChecked: checks.filter((check) => check.status === 'not-checked').length,
    },
    files,
    manualChecks: manualCriteria,
    manualNote: notApplicableNote,
  };
  return report;
}

async function auditOne(target: Target, browser: () => Promise<BrowserSession>, sawAxe: (version: string) => void): Promise<FileAudit> {
  const guess = extensions[path.extname(target.file).toLowerCase()] ?? 'unknown';
  if (target.missing) return failedFileAudit(target.shown, guess, existsSync(target.file) ? 'Geen gewoon bestand.' : 'Bestand niet gevonden.');
  let kind: FileAudit['kind'];
  try {
    kind = await sniff(target.file);
  } catch (error) {
    return failedFileAudit(target.shown, guess, `Niet te lezen: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (kind === 'unknown') return failedFileAudit(target.shown, 'unknown', 'Geen PDF of HTML: het bestand begint niet met %PDF- of met HTML.');
  try {
    if (kind === 'pdf') return pdfFileAudit(await auditPdf(target.file, { shownFile: target.shown }));
    const session = await browser();
    const result = await auditHtml(session, target.file, { shownFile: target.shown, allowedRoot: target.root });
    sawAxe(result.axeVersion);
    return htmlFileAudit(result);
  } catch (error) {
    if (error instanceof PdfReadError) return failedFileAudit(target.shown, kind, error.message);
    return failedFileAudit(target.shown, kind, `Controle mislukt: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Write report.json, index.html and the stylesheets to `outDir`, replacing it in one step. */
async function writeAuditReport(outDir: string, report: AuditReport): Promise<void> {
  await replaceFolder(outDir, async (dir) => {
    await copyAssets(dir);
    await writeReport(dir, report, 'assets');
  });
}
