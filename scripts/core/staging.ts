/**
 * Atomic output: a build writes into a staging folder next to the output folder and only
 * swaps it in when everything succeeded, so a failed or interrupted build never leaves a
 * half-written `dist/` behind.
 */
import { chmod, cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Staging {
  /** The folder to write into. */
  dir: string;
  /** Replace the output folder with the staging folder. */
  commit(): Promise<void>;
  /** Throw the staging folder away. */
  discard(): Promise<void>;
}

/** Create a staging folder for `outDir`; with `keepExisting`, start from a copy of it. */
export async function createStaging(outDir: string, options: { keepExisting: boolean }): Promise<Staging> {
  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `.${path.basename(outDir)}-staging-`));
  // mkdtemp makes the folder private; the published folder must be readable like any other.
  await chmod(dir, 0o755);
  if (options.keepExisting && existsSync(outDir)) await cp(outDir, dir, { recursive: true });
  return {
    dir,
    async commit() {
      const old = `${dir}-old`;
      if (existsSync(outDir)) await rename(outDir, old);
      await rename(dir, outDir);
      await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Publish a whole folder at once: `fill` writes it into a staging folder, which then replaces
 * `outDir` in one step; when `fill` throws, `outDir` stays as it was.
 */
export async function replaceFolder(outDir: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const staging = await createStaging(outDir, { keepExisting: false });
  try {
    await fill(staging.dir);
    await staging.commit();
  } catch (error) {
    await staging.discard();
    throw error;
  }
}
