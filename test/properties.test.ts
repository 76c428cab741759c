/**
 * Property-based tests (fast-check): random Markdown and random frontmatter never crash the
 * pipeline; every problem comes out as a well-formed vfile message, and nothing executable
 * reaches the HTML (scripts/fuzz/property.ts). `npm run fuzz` runs the same property longer.
 */
import { wooGrounds } from '../scripts/model/woo-grounds.ts';
import { decisionNoteSections } from '../scripts/model/decision-note.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentInput, markdown } from '../scripts/fuzz/arbitraries.ts';
import { checkCompiles } from '../scripts/fuzz/property.ts';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { projectInstrument } from '../scripts/model/instrument.ts';
import { createParseCache, type ParseCache } from '../scripts/pipeline/plugins/remark-parse-incremental.ts';
import { bodyProcessor, toHast } from '../scripts/pipeline/processor.ts';

/** HTML and messages of `text` through the body processor, with or without the preview's cache. */
async function bodyResult(text: string, parseCache?: ParseCache) {
  const file = new VFile({ path: 'index.md', value: text });
  const tree = await toHast(
    bodyProcessor({ instrument: projectInstrument(), grounds: wooGrounds(), decisionNoteSections: decisionNoteSections(), parseCache }),
    file,
  );
  return {
    html: toHtml(tree),
    messages: file.messages.map((message) => `${message.place ? JSON.stringify(message.place) : ''} ${message.ruleId} ${message.reason}`),
  };
}

describe('random input', () => {
  it('the live preview parses changed chunks only, with the same result as a full parse: 500 cases', async () => {
    await fc.assert(
      fc.asyncProperty(documentInput, markdown, fc.nat(), async (input, edit, at) => {
        const text = `${input.head}${input.body}`;
        const cache = createParseCache();
        // The cache holds the previous version, as after the author's last save.
        const place = at % (text.length + 1);
        await bodyResult(`${text.slice(0, place)}${edit}${text.slice(place)}`, cache);
        expect(await bodyResult(text, cache)).toEqual(await bodyResult(text));
      }),
      { numRuns: 500, seed: 20261126 },
    );
  }, 120_000);

  it('never crashes the pipeline: 1,000 cases, only vfile messages', async () => {
    let compiled = 0;
    await fc.assert(
      fc.asyncProperty(documentInput, async (input) => {
        if ((await checkCompiles(input)).html) compiled++;
      }),
      { numRuns: 1000, seed: 20261125 },
    );
    // The generator must reach the HTML stage often enough to test it, not only frontmatter errors.
    expect(compiled).toBeGreaterThan(100);
  }, 120_000);

  it('the property catches what it is meant to catch', async () => {
    await expect(
      checkCompiles({ head: '---\ntitle: x\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: concept\n---\n', body: '<img src=x onerror=alert(1)>' }),
    ).resolves.toMatchObject({ html: true, ruleIds: ['unsafe-html'] });
  });
});
