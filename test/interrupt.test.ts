/**
 * Ctrl-C in the middle of the PDF stage: the build stops with exit code 130, the previous
 * dist/ is untouched, no staging folder is left, and no Chromium process outlives the build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir, writeTree } from './helpers/workspace.ts';

function chromiumProcesses(): number {
  try {
    return Number(execFileSync('pgrep', ['-c', '-f', '/usr/lib/chromium/chromium'], { encoding: 'utf8' }).trim());
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

describe('interrupting a build', () => {
  it('keeps the previous dist/ and leaves nothing behind', async () => {
    const root = tempDir();
    cpSync(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
    writeTree({ 'dist/index.html': '<p>vorige build</p>\n' }, root);
    const before = chromiumProcesses();

    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/bin/kia.js'), 'build'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        output += chunk;
        if (output.includes('… flits')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('kia: build afgebroken; dist/ is niet gewijzigd');

    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
    expect(readdirSync(root).sort()).toEqual(['content', 'dist']);
    // Chromium's processes take a moment to go once the browser is closed.
    for (let attempt = 0; attempt < 30 && chromiumProcesses() > before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiumProcesses()).toBe(before);
  });
});
