/**
 * Write the editor schemas (scripts/model/json-schemas.ts) into `schemas/`, where the package
 * ships them and the scaffolds point (`# yaml-language-server: $schema=…`). Run after changing
 * a zod schema: `npm run schemas`; a test fails while the files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../model/json-schemas.ts';

for (const [name, schema] of Object.entries(jsonSchemas()))
  writeFileSync(new URL(`../../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
