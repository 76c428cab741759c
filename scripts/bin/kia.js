#!/usr/bin/env node
// Run the CLI compiled into a bundle (./compiled-cli.js), or, when that cannot be made, the
// TypeScript sources through tsx, so `npx kia` works either way without a compile step.
import { compiledCli, keepInUse } from './compiled-cli.js';

const compiled = await compiledCli().catch(() => undefined);
if (compiled) {
  void keepInUse(compiled);
  process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli.ts');
}
