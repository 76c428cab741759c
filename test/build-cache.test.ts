/**
 * The build cache (core/build-cache.ts), through real builds of the example content: a second
 * build with nothing changed is the last one (core/last-build.ts); one after an output or any
 * content file changed takes every PDF and verdict from the cache and gives the same bytes as a fresh build;
 * --force takes nothing from it; a damaged entry is made again, never used; a changed document
 * is printed again and the others are not.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type ProgressEvent } from '../scripts/commands/build.ts';
import { cacheDirFor } from '../scripts/core/build-cache.ts';
import { formatMessages } from './helpers/messages.ts';
import { fileHashes, projectRoot, tempDir } from './helpers/workspace.ts';

/** Each document's PDF progress line: made, or taken from the cache. */
function printed(events: ProgressEvent[]): Record<string, 'made' | 'cache'> {
  return Object.fromEntries(
    events
      .filter((event) => event.stage === 'pdf' && event.state === 'done')
      .map((event) => [event.slug, event.detail?.includes('uit de cache') ? 'cache' : 'made']),
  );
}

let root: string;
let content: string;
let out: string;
let fresh: Record<string, string>;
const previousEpoch = process.env.SOURCE_DATE_EPOCH;

async function buildOnce(extra: Partial<BuildOptions> = {}) {
  const events: ProgressEvent[] = [];
  const result = await build({ contentDir: content, outDir: out, pdf: true, onProgress: (event) => events.push(event), ...extra });
  expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
  expect(result.ok).toBe(true);
  return { result, events };
}

beforeAll(async () => {
  // Drafts show the build date: fixed, so that the builds compared here may be byte-identical.
  process.env.SOURCE_DATE_EPOCH = '1764028800';
  root = tempDir();
  content = path.join(root, 'content');
  cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
  out = path.join(root, 'dist');
  const { result } = await buildOnce();
  expect(result.cache).toMatchObject({ hits: 0 });
  fresh = fileHashes(out);
}, 180_000);

afterAll(() => {
  if (previousEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = previousEpoch;
});

describe('the build cache', () => {
  it('takes a second build with nothing changed as the last one: no stage runs, the output folder checked byte for byte', async () => {
    const { result, events } = await buildOnce();
    expect(result.unchanged).toEqual({ outputs: Object.keys(fresh).length });
    expect(events).toEqual([]);
    expect(result.accessibility?.passed).toBe(true);
    expect(result.manifest?.documents.map((document) => document.slug).sort()).toEqual(['flits', 'kamerbrief-flits']);
    expect(fileHashes(out)).toEqual(fresh);
  }, 60_000);

  it('builds again when an output file changed, every PDF and verdict from the cache, byte for byte the same', async () => {
    appendFileSync(path.join(out, 'index.html'), '<!-- bewerkt -->\n');
    const { result, events } = await buildOnce();
    expect(result.unchanged).toBeUndefined();
    expect(result.cache?.misses).toBe(0);
    expect(result.cache?.hits).toBeGreaterThanOrEqual(7);
    expect(printed(events)).toEqual({ 'kamerbrief-flits': 'cache', flits: 'cache' });
    expect(fileHashes(out)).toEqual(fresh);
  }, 60_000);

  it('--force makes everything again and gives the same bytes', async () => {
    const { result, events } = await buildOnce({ force: true });
    expect(result.cache?.hits).toBe(0);
    expect(printed(events)).toEqual({ 'kamerbrief-flits': 'made', flits: 'made' });
    expect(fileHashes(out)).toEqual(fresh);
    // Remembered: the next build with nothing changed is this one.
    expect((await buildOnce()).result.unchanged).toBeDefined();
  }, 180_000);

  it('detects a damaged entry (truncated PDF, broken JSON) and makes it again instead of using it', async () => {
    const cacheDir = cacheDirFor(out);
    const pdfBins = readdirSync(path.join(cacheDir, 'pdf')).filter((name) => name.endsWith('.bin'));
    const verdicts = readdirSync(path.join(cacheDir, 'axe')).filter((name) => name.endsWith('.json'));
    expect(pdfBins.length).toBe(2);
    const truncated = path.join(cacheDir, 'pdf', pdfBins[0]);
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 1000));
    writeFileSync(path.join(cacheDir, 'axe', verdicts[0]), '{"key": "');
    // An output changed too: otherwise the last build stands and no entry is looked at.
    appendFileSync(path.join(out, 'index.html'), '<!-- bewerkt -->\n');
    const { result, events } = await buildOnce();
    expect(result.cache?.misses).toBe(2);
    expect(Object.values(printed(events)).sort()).toEqual(['cache', 'made']);
    expect(fileHashes(out)).toEqual(fresh);
    // Made again and stored whole: the next build takes everything from the cache.
    appendFileSync(path.join(out, 'index.html'), '<!-- bewerkt -->\n');
    expect((await buildOnce()).result.cache?.misses).toBe(0);
  }, 180_000);

  it('removes entries no build used for two weeks, and keeps the ones it uses', async () => {
    const cacheDir = cacheDirFor(out);
    const stale = path.join(cacheDir, 'pdf', `${'0'.repeat(64)}.json`);
    writeFileSync(stale, '{}');
    const weeksAgo = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000);
    utimesSync(stale, weeksAgo, weeksAgo);
    const used = path.join(cacheDir, 'axe', readdirSync(path.join(cacheDir, 'axe')).filter((name) => name.endsWith('.json'))[0]);
    const daysAgo = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
    utimesSync(used, daysAgo, daysAgo);
    appendFileSync(path.join(out, 'index.html'), '<!-- bewerkt -->\n');
    const { result } = await buildOnce();
    expect(result.cache?.misses).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(statSync(used).mtimeMs).toBeGreaterThan(Date.now() - 60 * 60 * 1000);
  }, 60_000);

  it('prints a changed document again and takes the other from the cache', async () => {
    appendFileSync(path.join(content, 'kamerbrief-flits/index.md'), '\nEen zin die er later bij kwam.\n');
    const { result, events } = await buildOnce();
    expect(printed(events)).toEqual({ 'kamerbrief-flits': 'made', flits: 'cache' });
    expect(result.cache?.misses).toBeGreaterThan(0);
    const now = fileHashes(out);
    expect(now['flits/flits.pdf']).toBe(fresh['flits/flits.pdf']);
    expect(now['kamerbrief-flits/kamerbrief-flits.pdf']).not.toBe(fresh['kamerbrief-flits/kamerbrief-flits.pdf']);
  }, 180_000);

  it('builds again when any content file changed, also one that is no document, and reports the warnings of the last build again', async () => {
    const before = fileHashes(out);
    writeFileSync(path.join(content, 'flits/notities.txt'), 'Niet gepubliceerd.\n');
    const changed = await buildOnce();
    expect(changed.result.unchanged).toBeUndefined();
    expect(printed(changed.events)).toEqual({ 'kamerbrief-flits': 'cache', flits: 'cache' });
    // A warning: a part of a redacted name elsewhere in the text (an error only in a final build).
    appendFileSync(path.join(content, 'flits/index.md'), '\nMarloes belde terug.\n');
    const warned = await buildOnce();
    const warnings = formatMessages(warned.result.files).trim().split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^.*flits\/index\.md:\d+:1 warning redaction-name-part kia-redaction: Unexpected `Marloes`, part of the withheld „Marloes van Dijk”/,
      ),
    ]);
    const again = await buildOnce();
    expect(again.result.unchanged).toBeDefined();
    expect(formatMessages(again.result.files)).toBe(formatMessages(warned.result.files));
    // Back as it was.
    writeFileSync(path.join(content, 'flits/index.md'), readFileSync(path.join(projectRoot, 'content/flits/index.md')));
    rmSync(path.join(content, 'flits/notities.txt'));
    // The content is as before again, the output folder is not: built again, from the cache.
    const reverted = await buildOnce();
    expect(reverted.result.unchanged).toBeUndefined();
    expect(printed(reverted.events)).toEqual({ 'kamerbrief-flits': 'cache', flits: 'cache' });
    expect(fileHashes(out)).toEqual(before);
    expect((await buildOnce()).result.unchanged).toBeDefined();
  }, 180_000);
});
