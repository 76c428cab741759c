/**
 * The PDF/UA checks against the reference validator's own corpus (veraPDF PDF/UA-1, CC BY 4.0,
 * in ../shared/conformance/): no conforming file is failed in its own clause, and the files we
 * do not judge yet are exactly the ones listed in `test/conformance-known.tsv`, each with the
 * rule it tests. A check that starts to agree, or stops agreeing, changes that list.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfRules } from '../scripts/check/pdf-audit.ts';
import { scoreCorpus, type Verdict } from '../scripts/conformance/score.ts';

const corpus = path.resolve(import.meta.dirname, '../../shared/conformance/verapdf-pdfua1');
const known = readFileSync(path.join(import.meta.dirname, 'conformance-known.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]);

describe.skipIf(!existsSync(corpus))('PDF/UA checks on the veraPDF PDF/UA-1 corpus', () => {
  let verdicts: Verdict[];
  beforeAll(async () => {
    verdicts = await scoreCorpus(corpus);
  }, 120_000);

  it('reads every one of the 296 files but the one whose encryption forbids it, which it fails', () => {
    expect(verdicts).toHaveLength(296);
    // Encrypted so that assistive technology may not extract content (P bit 10 off): the
    // reader cannot open it as a PDF/UA document either; the audit reports it as an error.
    expect(verdicts.filter((verdict) => verdict.error).map((verdict) => [path.basename(verdict.file), verdict.agrees])).toEqual([
      ['7.16-t01-fail-a.pdf', true],
    ]);
  });

  it('fails no conforming (pass) file in its own clause', () => {
    expect(
      verdicts
        .filter((verdict) => verdict.expected === 'pass' && !verdict.agrees)
        .map((verdict) => `${path.basename(verdict.file)}: ${verdict.said.join(' | ')}`),
    ).toEqual([]);
  });

  it('has every check fail at least one corpus file of its own rules, where the corpus has one', () => {
    const testable = pdfRules.filter((rule) => verdicts.some((verdict) => verdict.expected === 'fail' && rule.rules.includes(verdict.rule)));
    const silent = testable.filter(
      (rule) =>
        !verdicts.some(
          (verdict) => verdict.expected === 'fail' && rule.rules.includes(verdict.rule) && verdict.said.some((said) => said.startsWith(`${rule.id} `)),
        ),
    );
    expect(silent.map((rule) => rule.id)).toEqual([]);
    // The checks without a failing corpus file of their own are broken on purpose in test/pdf-corpus.test.ts and test/gate.test.ts.
    expect(testable.length).toBeGreaterThan(50);
  });

  it('names only veraPDF rules that exist (in RULES.tsv or as corpus files)', () => {
    const rules = new Set([
      ...readFileSync(path.join(corpus, 'RULES.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t')[0])
        .filter(Boolean),
      ...verdicts.map((verdict) => verdict.rule),
    ]);
    expect(pdfRules.flatMap((rule) => rule.rules).filter((rule) => !rules.has(rule))).toEqual([]);
  });

  it('disagrees exactly on the files listed as not yet judged', () => {
    expect(verdicts.filter((verdict) => !verdict.agrees).map((verdict) => path.basename(verdict.file))).toEqual(known);
  });
});
