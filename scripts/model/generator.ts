/** The name and version of this tool, from its package.json: what reports and manifests name as their generator. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** `kia-press 0.1.0`. */
export const generator = `${pkg.name} ${pkg.version}`;

/** `0.1.0`. */
export const packageVersion = pkg.version;
