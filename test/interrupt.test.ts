/**
 * Ctrl-C in the middle of the PDF stage: the build stops with exit code 130, the previous
 * dist/ is untouched, no staging folder is left, and no Chromium process outlives the build.
 * SIGKILL in the middle of the PDF stage: dist/ is untouched, Chromium goes with the build,
 * and the next build clears what was left. Two builds at once: one waits for nobody and fails
 * with a clear message, the other builds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir, writeTree } from './helpers/workspace.ts';

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

    const { child, exited, output } = await buildUntilPdf(root);
    await new Promise((resolve) => setTimeout(resolve, 800));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output()).toContain('kia: build afgebroken; dist/ is niet gewijzigd');

    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
    // Besides dist/ only the build cache, which holds whole entries only (test/build-cache.test.ts).
    expect(readdirSync(root).sort()).toEqual(['.kia-cache', 'content', 'dist']);
    // Chromium's processes take a moment to go once the browser is closed.
    for (let attempt = 0; attempt < 30 && chromiumProcesses() > before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiumProcesses()).toBe(before);
  });
});

/** Start `kia build` in `root` and resolve once the PDF stage of the first document has begun. */
async function buildUntilPdf(root: string) {
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/bin/kia.js'), 'build'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  child.stdout.resume();
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (output.includes('… flits')) resolve();
    });
  });
  return { child, exited, output: () => output };
}

describe('killing a build', () => {
  it('SIGKILL mid-PDF leaves the previous dist/ intact, takes Chromium along, and the next build recovers', async () => {
    const root = tempDir();
    cpSync(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
    writeTree({ 'dist/index.html': '<p>vorige build</p>\n' }, root);
    const before = chromiumProcesses();
    const { child, exited } = await buildUntilPdf(root);
    await new Promise((resolve) => setTimeout(resolve, 800));
    child.kill('SIGKILL');
    await exited;

    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
    // What a killed process cannot clean: its lock and its staging folder.
    expect(
      readdirSync(root)
        .filter((name) => name.startsWith('.dist'))
        .map((name) => name.replace(/-staging-.*/, '-staging-*'))
        .sort(),
    ).toEqual(['.dist-staging-*', '.dist.lock']);
    for (let attempt = 0; attempt < 50 && chromiumProcesses() > before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiumProcesses(), 'Chromium processes left after SIGKILL').toBe(before);

    const next = runCli(['build', '--no-check'], root);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['.kia-cache', 'content', 'dist']);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('Kinderrechten Impact Assessment Flits');
  });

  it('two builds at once: the second is refused with a clear message, the first completes', async () => {
    const root = tempDir();
    cpSync(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
    const first = await buildUntilPdf(root);
    const second = runCli(['build'], root);
    expect(second.code).toBe(1);
    expect(second.stderr.replace(/\s+/g, ' ')).toMatch(
      /error Unexpected `kia build` \(process \d+, since [\d-]+T[\d:.]+Z\) still writing `dist\/`, expected no other build at the same time; wait for it to finish, or remove `\.dist\.lock` if that process is gone output-locked kia-files/,
    );
    expect(await first.exited, first.output()).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')).documents).toHaveLength(2);
    expect(readdirSync(root).sort()).toEqual(['.kia-cache', 'content', 'dist']);
  });
});

describe('a browser that crashes', () => {
  it('is restarted once: the document is printed again and the build completes', async () => {
    const root = tempDir();
    cpSync(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
    const before = chromiumProcesses();
    const { child, exited, output } = await buildUntilPdf(root);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Kill the browser the build started (its direct child), as an out-of-memory kill would.
    const browsers = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'chromium'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(browsers.length).toBeGreaterThan(0);
    for (const pid of browsers) process.kill(Number(pid), 'SIGKILL');
    expect(await exited, output()).toBe(0);
    expect(output().replace(/\s+/g, ' ')).toMatch(
      /warning Unexpected browser crash while rendering the PDF \(.*\), expected it to finish; the browser was restarted and the PDF made again browser-restarted kia-pdf/,
    );
    expect(readdirSync(path.join(root, 'dist/flits'))).toContain('flits.pdf');
    for (let attempt = 0; attempt < 50 && chromiumProcesses() > before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiumProcesses()).toBe(before);
  });
});

describe('a layout that does not finish', () => {
  it('is stopped after --pdf-timeout with an error naming the document; dist/ untouched, no browser left', async () => {
    const root = tempDir();
    cpSync(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
    writeTree({ 'dist/index.html': '<p>vorige build</p>\n' }, root);
    const before = chromiumProcesses();
    const { code, stderr } = runCli(['build', '--only', 'flits', '--pdf-timeout', '0.5'], root);
    expect(code).toBe(1);
    const text = stderr.replace(/\s+/g, ' ');
    expect(text).toContain('content/flits/index.md');
    expect(text).toContain(
      'error Unexpected PDF layout still running after 0.5 s, expected it to finish (raise --pdf-timeout for a very long document, or look for content Paged.js cannot lay out, such as a table row taller than a page) pdf-timeout kia-pdf',
    );
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
    for (let attempt = 0; attempt < 50 && chromiumProcesses() > before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiumProcesses()).toBe(before);
  });
});
