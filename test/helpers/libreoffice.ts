/**
 * PDFs made by LibreOffice (Debian's package, headless), a producer other than Chromium: from
 * Word files, tagged (with a structure tree) or untagged, as senders' offices make them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Convert each `.docx` in `files` into a PDF in `outDir` (same base name); one LibreOffice run. */
export function libreOfficePdf(files: string[], outDir: string, options: { tagged: boolean }): void {
  // A profile of its own: a LibreOffice already running (or a parallel test) cannot take the job.
  const profile = mkdtempSync(path.join(tmpdir(), 'kia-lo-profile-'));
  const filter = `pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"${options.tagged}"}}`;
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 120_000,
  });
}
