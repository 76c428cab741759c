/**
 * `npm run conformance`: the PDF/UA checks against the veraPDF PDF/UA-1 corpus: the per-clause
 * table, the total, and every disagreement with what our checks said.
 */
import path from 'node:path';
import { perClause, scoreCorpus } from './score.ts';

const corpus = process.env.KIA_CONFORMANCE_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/conformance/verapdf-pdfua1');
const started = performance.now();
const verdicts = await scoreCorpus(corpus);
const seconds = (performance.now() - started) / 1000;
const out = (line: string) => process.stdout.write(`${line}\n`);
out('clause        agreed / files');
for (const row of perClause(verdicts)) out(`${row.clause.padEnd(12)}  ${String(row.agreed).padStart(6)} / ${row.total}`);
const agreed = verdicts.filter((verdict) => verdict.agrees).length;
out(`total         ${String(agreed).padStart(6)} / ${verdicts.length} (${((100 * agreed) / verdicts.length).toFixed(1)} %) in ${seconds.toFixed(1)} s`);
out(`pass files failed in their own clause: ${verdicts.filter((verdict) => verdict.expected === 'pass' && !verdict.agrees).length}`);
out('');
out('disagreements:');
for (const verdict of verdicts.filter((entry) => !entry.agrees)) {
  out(
    `${path.basename(verdict.file)}  ${verdict.rule} (${verdict.clause}), expected ${verdict.expected}: ${verdict.error ? `error: ${verdict.error}` : verdict.said.length > 0 ? verdict.said.join(' | ') : 'no failing check in this clause'}`,
  );
}
