/**
 * The editor schemas (schemas/*.schema.json) are the zod schemas the build validates with, as
 * JSON Schema: the files are up to date, and a standard validator (Ajv) reaches the same
 * verdict as ours on every frontmatter and publication.yml in the examples and test corpora,
 * except where JSON Schema cannot say what the build checks (listed below, with why).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterSchemas } from '../scripts/model/frontmatter-schema.ts';
import { jsonSchemas } from '../scripts/model/json-schemas.ts';
import { publicationSchema } from '../scripts/model/publication-schema.ts';
import { projectRoot } from './helpers/workspace.ts';

const schemasDir = path.join(projectRoot, 'schemas');

/** Every Markdown file with frontmatter and every publication.yml under the examples and the tests. */
function corpus(): Array<{ file: string; data: unknown; schema: string }> {
  const found: Array<{ file: string; data: unknown; schema: string }> = [];
  for (const root of ['content', 'test']) {
    for (const relative of readdirSync(path.join(projectRoot, root), { recursive: true, encoding: 'utf8' })) {
      const file = path.join(root, relative);
      if (file.includes('node_modules') || !statSync(path.join(projectRoot, file)).isFile()) continue;
      if (relative.endsWith('.md')) {
        const text = readFileSync(path.join(projectRoot, file), 'utf8');
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
        if (!match) continue;
        let data: unknown;
        try {
          data = parse(match[1]);
        } catch {
          continue; // YAML syntax errors are the YAML reader's, not the schema's
        }
        const type = (data as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && Object.hasOwn(frontmatterSchemas, type)) found.push({ file, data, schema: `${type}.schema.json` });
      } else if (path.basename(relative) === 'publication.yml') {
        try {
          found.push({ file, data: parse(readFileSync(path.join(projectRoot, file), 'utf8')), schema: 'publication.schema.json' });
        } catch {}
      }
    }
  }
  return found;
}

describe('editor schemas', () => {
  it('are the zod schemas as generated (run `npm run schemas` after changing one)', () => {
    const generated = jsonSchemas();
    expect(readdirSync(schemasDir).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) expect(JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8')), name).toEqual(schema);
  });

  it('give a standard validator the same verdict as ours on every example and fixture', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validators = new Map(readdirSync(schemasDir).map((name) => [name, ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8')))]));
    const documents = corpus();
    const disagreements: string[] = [];
    const invalid: string[] = [];
    for (const { file, data, schema } of documents) {
      const theirs = validators.get(schema)!(data);
      const ours = (
        schema === 'publication.schema.json' ? publicationSchema : frontmatterSchemas[schema.replace('.schema.json', '') as keyof typeof frontmatterSchemas]
      ).safeParse(data).success;
      if (!ours) invalid.push(file);
      if (theirs !== ours) disagreements.push(`${file}: ours ${ours ? 'valid' : 'invalid'}, Ajv ${theirs ? 'valid' : 'invalid'}`);
    }
    expect(documents.length).toBeGreaterThan(90);
    expect(invalid.length).toBeGreaterThan(3);
    // A date that does not exist in the calendar: a shape JSON Schema accepts, the build refuses.
    expect(disagreements).toEqual(['test/bad-input/all-problems-of-several-files-at-once/content/b/index.md: ours invalid, Ajv valid']);
  });

  it('agree with ours field by field on every kind of mistake, but for what JSON Schema cannot say', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const example = (file: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(projectRoot, file), 'utf8'))![1]) as Record<string, unknown>;
    const bases = { kia: example('content/flits/index.md'), brief: example('content/kamerbrief-flits/index.md') };
    const mutations: Array<[string, (data: Record<string, unknown>) => void]> = [
      ['no title', (data) => delete data.title],
      ['empty title', (data) => (data.title = '')],
      ['title of spaces', (data) => (data.title = '   ')],
      ['title a number', (data) => (data.title = 42)],
      ['language a word', (data) => (data.lang = 'nederlands')],
      ['language with region', (data) => (data.lang = 'nl-NL')],
      ['date without leading zeros', (data) => (data.date = '2026-1-5')],
      ['date a number', (data) => (data.date = 20261105)],
      ['date not in the calendar', (data) => (data.date = '2026-02-30')],
      ['unknown status', (data) => (data.status = 'klaar')],
      ['authors not a list', (data) => (data.authors = 'Jan')],
      ['an empty author', (data) => (data.authors = [''])],
      ['response without from, title, received', (data) => (data.responses = [{ file: 'responses/x.md' }])],
      ['response of unknown kind', (data) => (data.responses = [{ file: 'x.md', from: 'A', title: 'T', received: '2026-01-01', kind: 'antwoord' }])],
      ['unknown field', (data) => (data.extra = 1)],
      ['letter in a KIA, decision note in a letter', (data) => (data.type === 'kia' ? (data.letter = {}) : (data.decisionNote = {}))],
    ];
    const verdicts: string[] = [];
    for (const [type, base] of Object.entries(bases)) {
      const validate = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, `${type}.schema.json`), 'utf8')));
      for (const [name, mutate] of mutations) {
        const data = structuredClone(base);
        mutate(data);
        const ours = frontmatterSchemas[type as keyof typeof bases].safeParse(data).success;
        if (validate(data) !== ours) verdicts.push(`${type}, ${name}: ours ${ours ? 'valid' : 'invalid'}`);
      }
    }
    // Only where the build checks more than a shape: a trimmed value, a real calendar date.
    expect(verdicts).toEqual([
      'kia, title of spaces: ours invalid',
      'kia, date not in the calendar: ours invalid',
      'brief, title of spaces: ours invalid',
      'brief, date not in the calendar: ours invalid',
    ]);
  });
});
