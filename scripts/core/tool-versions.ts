/**
 * The versions of the tools that made the output, for the manifest: with the inputs' hashes
 * they say exactly what produced a publication (and what to install to reproduce it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The packages whose versions decide the output. */
const packages = [
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-directive',
  'remark-rehype',
  'rehype-stringify',
  'pagedjs',
  'pdf-lib',
  'pdfjs-dist',
  'axe-core',
  'puppeteer-core',
];

/** A package's version from its package.json, found where Node looks for the package. */
function packageVersion(name: string): string {
  // Not `require.resolve(name + '/package.json')`: most ESM packages do not export that path.
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`package ${name} not found`);
}

/** `{ node, chromium?, <package>: version }`, in a fixed order. */
export function toolVersions(chromium?: string): Record<string, string> {
  const versions: Record<string, string> = {
    'kia-press': (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    node: process.version,
  };
  if (chromium) versions.chromium = chromium;
  for (const name of packages) versions[name] = packageVersion(name);
  return versions;
}
