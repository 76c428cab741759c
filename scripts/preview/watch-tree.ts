/** Watching a folder tree for the preview: every folder under a root, new folders included. */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watch every folder under `root` (one watcher per folder, not per file: editors and git save
 * by writing a new file and renaming it over the old one, which ends a watch on the file).
 * New folders are picked up when they appear.
 */
export function watchTree(root: string, onChange: (file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        const file = name ? path.join(dir, String(name)) : dir;
        if (event === 'rename') scan(file);
        onChange(file);
      });
    } catch {
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    scan(dir);
  };
  const scan = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    add(dir);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) add(path.join(dir, entry.name));
  };
  add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
