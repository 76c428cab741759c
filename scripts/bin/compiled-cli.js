// The CLI compiled into one ESM bundle (our code only; packages stay imports), made by esbuild
// on the first run after any change under scripts/ and kept in node_modules/.cache/kia-press/.
// Loading our ~160 TypeScript files one by one through tsx's loader thread took about 0.5 s at
// every start; the bundle loads in a fraction of that. Plain JavaScript: it runs before any
// TypeScript loader is registered.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const scriptsDir = path.join(packageRoot, 'scripts');

/** Where the bundles live: the cache folder of the node_modules the package is installed in, or its own. */
function cacheRoot() {
  const parent = path.dirname(packageRoot.replace(/[\\/]$/, ''));
  const modules = path.basename(parent) === 'node_modules' ? parent : path.basename(path.dirname(parent)) === 'node_modules' ? path.dirname(parent) : null;
  return path.join(modules ?? path.join(packageRoot, 'node_modules'), '.cache', 'kia-press');
}

/** sha256 of every source file under scripts/ (path and bytes), Node's version and esbuild's: what the bundle is made from. */
async function fingerprint(esbuildVersion) {
  const entries = await readdir(scriptsDir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const digest = createHash('sha256').update(`${process.version} ${esbuildVersion}\0`);
  for (const file of files)
    digest
      .update(path.relative(scriptsDir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return digest.digest('hex').slice(0, 20);
}

/**
 * Keep each module's own place: our code finds its data files, stylesheets and packages from
 * `import.meta.url` (and `import.meta.dirname`), which in a bundle would name the bundle.
 */
const ownPlace = {
  name: 'own-place',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      // Ours are the files under scripts/ (installed, they too live under a node_modules folder).
      if (!args.path.startsWith(scriptsDir + path.sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      return {
        contents: text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path))),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

/**
 * The URL of the compiled CLI, made now if the sources changed since the last one. Throws when
 * it cannot be made (esbuild missing, a read-only install): the caller then runs the sources.
 */
export function compiledCli() {
  return compiled('cli.ts');
}

/** The URL of `entry` (a path under scripts/) compiled like the CLI; the benchmark runs its stages so. */
export async function compiled(entry) {
  // esbuild's version from its package.json: loading esbuild itself is needed only to compile.
  const esbuildVersion = JSON.parse(await readFile(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;
  const root = cacheRoot();
  const name = `${path.basename(entry, '.ts')}-${await fingerprint(esbuildVersion)}`;
  const output = path.join(root, name, `${path.basename(entry, '.ts')}.mjs`);
  if (existsSync(output)) return pathToFileURL(output).href;
  const esbuild = await import('esbuild');
  // Made in a folder of its own and renamed into place: several first runs at once (tests, CI
  // shards) each make one, and the first rename wins.
  const temporary = path.join(root, `${name}.${process.pid}.tmp`);
  await mkdir(root, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: [path.join(scriptsDir, entry)],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      outdir: temporary,
      outExtension: { '.js': '.mjs' },
      // Stack traces of an unexpected error name our source files and lines (kia.js enables the maps).
      sourcemap: true,
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [ownPlace],
    });
    await rename(temporary, path.join(root, name)).catch((error) => {
      if (!existsSync(output)) throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  await removeOldBundles(root, name, path.basename(entry, '.ts'));
  return pathToFileURL(output).href;
}

/**
 * Mark the bundle of `url` as in use: now, and every hour while this process runs. A bundle is
 * removed a day after its last use (`removeOldBundles`), so a `kia preview` left running while
 * the sources change keeps the chunks it still loads lazily. Resolves once marked now.
 */
export function keepInUse(url) {
  const folder = path.dirname(fileURLToPath(url));
  const touch = () => {
    const now = new Date();
    return utimes(folder, now, now).catch(() => undefined);
  };
  setInterval(touch, 60 * 60 * 1000).unref();
  return touch();
}

/** Bundles of `stem` from earlier sources, a day after their last use: a running process may still load their chunks. */
export async function removeOldBundles(root, current, stem) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const entry of await readdir(root)) {
    if (entry === current || !entry.startsWith(`${stem}-`)) continue;
    const info = await stat(path.join(root, entry)).catch(() => undefined);
    if (info && info.mtimeMs < dayAgo) await rm(path.join(root, entry), { recursive: true, force: true });
  }
}
