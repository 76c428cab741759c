/**
 * `kia build`: every document → HTML (+ PDF), responses proven verbatim, landing page,
 * manifest, all written to a staging folder and swapped in only when nothing failed. The run
 * itself, step by step, is core/build.ts; this command holds the output folder's lock.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { runBuild, type BuildOptions, type BuildResult } from '../core/build.ts';
import { withOutputLock } from '../core/output-lock.ts';

export { BuildAborted, type BuildOptions, type BuildResult, type ProgressEvent } from '../core/build.ts';

/** Build the documents under `options.contentDir` into `options.outDir`; never throws for bad input. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const problems = new VFile({ path: path.relative(process.cwd(), contentDir) || '.' });
  return withOutputLock(outDir, 'kia build', problems, () => runBuild(options, contentDir, outDir, problems));
}
