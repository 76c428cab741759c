#!/usr/bin/env node
// Run the TypeScript CLI through tsx, so `npx kia` works without a compile step.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
