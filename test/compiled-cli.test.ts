/**
 * The compiled CLI's bundles (scripts/bin/compiled-cli.js): a bundle of earlier sources is
 * removed a day after its last use, and a process using one marks it as used.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without types: it runs before any TypeScript loader.
import { keepInUse, removeOldBundles } from '../scripts/bin/compiled-cli.js';
import { tempDir } from './helpers/workspace.ts';

describe('compiled CLI bundles', () => {
  it('removes bundles of earlier sources unused for a day, keeps those in use, the current one and other entries', async () => {
    const root = tempDir();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const [name, time] of [
      ['cli-unused', twoDaysAgo],
      ['cli-preview', twoDaysAgo],
      ['cli-recent', hourAgo],
      ['cli-current', twoDaysAgo],
      ['stage-old', twoDaysAgo],
    ] as const) {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'cli.mjs'), '');
      utimesSync(path.join(root, name), time, time);
    }
    // A preview started two days ago on the bundle that is now out of date marks it as used.
    await keepInUse(pathToFileURL(path.join(root, 'cli-preview', 'cli.mjs')).href);
    await removeOldBundles(root, 'cli-current', 'cli');
    expect(readdirSync(root).sort()).toEqual(['cli-current', 'cli-preview', 'cli-recent', 'stage-old']);
  });
});
