/** Temporary content and output folders for integration tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** A fresh temporary folder. */
export function tempDir(prefix = 'kia-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Write `files` (path → text or bytes) under a new temporary folder and return it. */
export function writeTree(files: Record<string, string | Uint8Array>, root = tempDir()): string {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** Run the real CLI (`kia …`) in `cwd`; returns exit code and output. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/bin/kia.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Output of a poppler tool (pdftotext, pdfinfo, pdffonts). */
export function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A minimal valid frontmatter block plus `body` (a `rapport`: not checked against the KIA instrument). */
export function document(body: string, extra = ''): string {
  return `---\ntitle: Testdocument\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: concept\n${extra}---\n\n${body}`;
}

/** Every file under `dir` (relative path) with the sha256 of its bytes, in path order. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}
