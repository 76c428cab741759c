/**
 * `kia init [DIR] [--ministry NAME]`: a new publication project (core/project-template.ts).
 * Never overwrites: a folder with files in it is refused unless `--force`, except the files
 * `npm install kia-press` leaves (package.json, package-lock.json, node_modules/): then the
 * project's scripts are added to that package.json and its dependencies kept.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { projectFiles, projectScripts } from '../core/project-template.ts';

export interface InitOptions {
  dir: string;
  ministry?: string;
  force?: boolean;
  /** `YYYY-MM-DD`; default today. */
  date?: string;
  /** This package's version, for the dependency the project gets. */
  version: string;
}

export interface InitResult {
  ok: boolean;
  /** The files written, relative to the working folder. */
  written: string[];
  problems: VFile;
}

const npmOwn = new Set(['package.json', 'package-lock.json', 'node_modules']);

/** Write a new project into `options.dir`; problems are messages, never thrown. */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(options.dir);
  const problems = new VFile({ path: path.relative(process.cwd(), dir) || '.' });
  const fail = (reason: string, ruleId: string): InitResult => {
    problems.message(reason, { source: 'kia-init', ruleId }).fatal = true;
    return { ok: false, written: [], problems };
  };
  const present = existsSync(dir) ? await readdir(dir) : [];
  const others = present.filter((name) => !npmOwn.has(name));
  if (others.length > 0 && !options.force)
    return fail(
      `Unexpected files in \`${problems.path}\` (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}), expected an empty folder (or \`--force\` to add the project's files next to them; none is overwritten)`,
      'folder-not-empty',
    );
  const ministry = options.ministry?.trim() || 'Ministerie van Voorbeeldzaken';
  const files = projectFiles({
    name:
      path
        .basename(dir)
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-|-$/g, '') || 'publicatie',
    ministry,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    dependency: `^${options.version}`,
  });
  const existingPackage = path.join(dir, 'package.json');
  if (existsSync(existingPackage)) {
    // npm install kia-press was run here first: keep what npm wrote, add the scripts.
    let pkg: { scripts?: Record<string, string> };
    try {
      pkg = JSON.parse(await readFile(existingPackage, 'utf8'));
    } catch (error) {
      return fail(`Unexpected package.json that is not JSON (${(error as Error).message}), expected the file npm wrote`, 'package-json-unreadable');
    }
    const clashes = Object.keys(projectScripts).filter(
      (name) => pkg.scripts?.[name] !== undefined && pkg.scripts[name] !== projectScripts[name as keyof typeof projectScripts],
    );
    if (clashes.length > 0)
      return fail(
        `Unexpected scripts ${clashes.map((name) => `\`${name}\``).join(', ')} in package.json, expected none of that name (nothing is overwritten)`,
        'script-exists',
      );
    files['package.json'] = `${JSON.stringify({ ...pkg, type: 'module', scripts: { ...pkg.scripts, ...projectScripts } }, null, 2)}\n`;
  }
  const skipped = Object.keys(files).filter((relative) => relative !== 'package.json' && existsSync(path.join(dir, relative)));
  if (skipped.length > 0)
    return fail(
      `Unexpected existing ${skipped.map((relative) => `\`${relative}\``).join(', ')}, expected none of the project's files (nothing is overwritten)`,
      'file-exists',
    );
  const written: string[] = [];
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: relative === 'package.json' ? 'w' : 'wx' });
    written.push(path.relative(process.cwd(), target));
  }
  return { ok: true, written, problems };
}
