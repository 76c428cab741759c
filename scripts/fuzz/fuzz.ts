/**
 * `npm run fuzz`: the property of test/properties.test.ts on random documents for longer
 * (FUZZ_SECONDS, default 60; FUZZ_SEED to repeat a run). Prints cases per second and what the
 * messages were; a failure is shrunk to a minimal input and written as a fixture folder under
 * `fuzz-failures/` (content/<slug>/index.md and reactie.md), ready to build with `kia build`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { documentInput } from './arbitraries.ts';
import { checkCompiles, type DocumentInput } from './property.ts';

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
let cases = 0;
let compiled = 0;
const rules = new Map<string, number>();
const started = performance.now();
const result = await fc.check(
  fc.asyncProperty(documentInput, async (input) => {
    const outcome = await checkCompiles(input);
    cases++;
    if (outcome.html) compiled++;
    for (const rule of outcome.ruleIds) rules.set(rule, (rules.get(rule) ?? 0) + 1);
  }),
  { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false, seed },
);
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(
  `kia fuzz: ${cases} cases in ${elapsed.toFixed(1)} s (${(cases / elapsed).toFixed(0)} per second), seed ${seed}; ${compiled} compiled to HTML\n`,
);
process.stdout.write(
  `messages: ${
    [...rules]
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ') || 'none'
  }\n`,
);
if (result.failed && result.counterexample) {
  const [input] = result.counterexample as [DocumentInput];
  const dir = path.join('fuzz-failures', `${new Date().toISOString().replace(/[:.]/g, '-')}-seed-${seed}`);
  await mkdir(path.join(dir, 'content/fuzz'), { recursive: true });
  await writeFile(path.join(dir, 'content/fuzz/index.md'), input.head + input.body);
  if (input.response !== undefined) await writeFile(path.join(dir, 'content/fuzz/reactie.md'), input.response);
  await writeFile(path.join(dir, 'failure.txt'), `${String(result.errorInstance)}\n\nseed ${seed}, path ${result.counterexamplePath}\n`);
  process.stdout.write(
    `FAILED after shrinking: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\nminimal input written to ${dir}/\n`,
  );
  process.exitCode = 1;
}
