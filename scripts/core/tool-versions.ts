/**
 * The versions of the tools that made the output, for the manifest: with the inputs' hashes
 * they say exactly what produced a publication (and what to install to reproduce it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The packages whose versions decide the output. */
const packages = ['unified', 'remark-parse', 'remark-gfm', 'remark-directive', 'remark-rehype', 'rehype-stringify', 'pagedjs', 'pdf-lib', 'pdfjs-dist', 'axe-core', 'puppeteer-core'];

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose exports hide package.json: find it next to the main entry.
    let dir = require.resolve(name);
    while (!dir.endsWith(`node_modules/${name}`)) dir = dir.slice(0, dir.lastIndexOf('/'));
    return (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string }).version;
  }
}

/** `{ node, chromium?, <package>: version }`, in a fixed order. */
export function toolVersions(chromium?: string): Record<string, string> {
  const versions: Record<string, string> = { 'kia-press': (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version, node: process.version };
  if (chromium) versions.chromium = chromium;
  for (const name of packages) versions[name] = packageVersion(name);
  return versions;
}
