// `node scripts/bench/run-compiled.js bench/stage.ts ARGS…`: a benchmark stage compiled the way
// the kia binary runs (scripts/bin/compiled-cli.js), so packages load without a TypeScript
// loader in between (tsx made pdf.js's first load 2 s slower), as in a real build.
import { compiled } from '../bin/compiled-cli.js';

const [entry] = process.argv.splice(2, 1);
await import(await compiled(entry));
