/**
 * One writer per output folder: a build (or `kia check`) holds `<parent>/.<out>.lock` while it
 * writes, so two builds started at once cannot swap half-finished folders over each other.
 * A lock whose process is gone (a build killed with SIGKILL, a crashed machine) is stale: the
 * next build takes it over and removes the staging folders that build left behind.
 */
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';

export interface OutputLock {
  release(): Promise<void>;
}

/** Why the output folder could not be locked: another live process holds it. */
export class OutputLocked extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: { pid: number; started: string; command: string },
  ) {
    super(`output folder locked by process ${holder.pid}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock on `outDir` for `command`; throws `OutputLocked` when a live process holds it. */
export async function lockOutput(outDir: string, command: string): Promise<OutputLock> {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const lockFile = path.join(parent, `.${name}.lock`);
  const holder = { pid: process.pid, started: new Date().toISOString(), command };
  // `--out` may name a folder whose parent does not exist yet (`--out /tmp/new/dist`).
  await mkdir(parent, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
      await handle.close();
      // Whatever staging folders exist now belong to builds that are gone.
      for (const entry of await readdir(parent)) {
        if (entry.startsWith(`.${name}-staging-`)) await rm(path.join(parent, entry), { recursive: true, force: true });
      }
      for (const entry of await readdir(outDir).catch(() => [] as string[])) {
        if (entry.startsWith('.toegankelijkheid-')) await rm(path.join(outDir, entry), { recursive: true, force: true });
      }
      return { release: () => rm(lockFile, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let current: typeof holder | undefined;
      try {
        current = JSON.parse(await readFile(lockFile, 'utf8')) as typeof holder;
      } catch {
        // Not readable yet: another build created it a moment ago and is still writing it (a
        // fresh file), or one died while writing it (an old file, taken over below).
        const info = await stat(lockFile).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs < 5000) throw new OutputLocked(lockFile, { pid: 0, started: info.mtime.toISOString(), command: 'kia' });
      }
      if (current && alive(current.pid) && current.pid !== process.pid) throw new OutputLocked(lockFile, current);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${outDir}`);
}

/** The message for a build that found the output folder locked. */
function lockedMessage(outDir: string, error: OutputLocked): string {
  const shown = path.relative(process.cwd(), outDir) || '.';
  return `Unexpected \`${error.holder.command}\` (${error.holder.pid ? `process ${error.holder.pid}, ` : ''}since ${error.holder.started}) still writing \`${shown}/\`, expected no other build at the same time; wait for it to finish, or remove \`${path.relative(process.cwd(), error.lockFile)}\` if that process is gone`;
}

/**
 * Run `work` holding the lock on `outDir`; when another live process holds it, `work` does not
 * run and the result is a failure with an `output-locked` message on `problems`.
 */
export async function withOutputLock<Result extends { ok: boolean; files: VFile[] }>(
  outDir: string,
  command: string,
  problems: VFile,
  work: () => Promise<Result>,
): Promise<Result | { ok: false; files: VFile[] }> {
  let lock: OutputLock;
  try {
    lock = await lockOutput(outDir, command);
  } catch (error) {
    if (!(error instanceof OutputLocked)) throw error;
    problems.message(lockedMessage(outDir, error), { source: 'kia-files', ruleId: 'output-locked' }).fatal = true;
    return { ok: false, files: [problems] };
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
