/**
 * Property-based tests (fast-check): random Markdown and random frontmatter never crash the
 * pipeline; every problem comes out as a well-formed vfile message, and nothing executable
 * reaches the HTML (scripts/fuzz/property.ts). `npm run fuzz` runs the same property longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentInput } from '../scripts/fuzz/arbitraries.ts';
import { checkCompiles } from '../scripts/fuzz/property.ts';

describe('random input', () => {
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
    await expect(checkCompiles({ head: '---\ntitle: x\ntype: kia\nlang: nl\ndate: 2026-01-31\nstatus: concept\n---\n', body: '<img src=x onerror=alert(1)>' })).resolves.toMatchObject({ html: true, ruleIds: ['unsafe-html'] });
  });
});
