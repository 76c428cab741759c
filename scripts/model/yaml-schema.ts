/**
 * YAML validated by a zod schema, with every problem as a vfile message at its exact line and
 * column (yaml's parseDocument with a LineCounter, never a regex): syntax errors, a document
 * that is not a mapping, unknown keys (warnings, with a did-you-mean), values that cannot be
 * built (aliases), and every schema issue at the value it concerns. Used for a document's
 * frontmatter and for `content/publication.yml`.
 */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { closest } from './did-you-mean.ts';

export interface YamlCheck<Schema extends z.ZodType> {
  file: VFile;
  /** Message source, e.g. `kia-frontmatter`. */
  source: string;
  /** The schema, or a choice of schema by the mapping's top-level values (frontmatter: by `type`). */
  schema: Schema | ((topLevel: (key: string) => unknown) => Schema);
  /** Line of the file on which the YAML text starts minus one (frontmatter: the `---` line). */
  lineOffset?: number;
  /** Wording and rule id when the YAML is not a mapping. */
  notMapping: { reason: string; ruleId: string };
}

export interface YamlResult<T> {
  /** The valid data, when there was no error. */
  data?: T;
  /** The plain values, when the YAML could be read at all (for partial use). */
  values?: Record<string, unknown>;
  /** Start point of every key and value, keyed by path such as `responses.0.file`. */
  places: Record<string, Point>;
}

/** Validate `text` against `check.schema`; see module comment. */
export function validateYaml<Schema extends z.ZodType>(text: string, check: YamlCheck<Schema>): YamlResult<z.infer<Schema>> {
  const { file, source } = check;
  const lineOffset = check.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would otherwise print its own warnings (e.g. for a list used as a key).
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: lineOffset + line, column: col };
  };
  const fail = (reason: string, place: Point, ruleId: string) => {
    file.message(reason, { place: { line: place.line, column: place.column }, source, ruleId }).fatal = true;
  };
  const places: Record<string, Point> = {};

  if (doc.errors.length > 0) {
    // The YAML parser often reports one mistake twice at the same place; once is enough.
    const seen = new Set<number>();
    for (const error of doc.errors) {
      if (seen.has(error.pos[0])) continue;
      seen.add(error.pos[0]);
      fail(
        `Unexpected YAML syntax (${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}), expected valid YAML`,
        pointAt(error.pos[0]),
        'yaml-syntax',
      );
    }
    return { places };
  }
  if (!isMap(doc.contents)) {
    fail(check.notMapping.reason, { line: lineOffset + 1, column: 1 }, check.notMapping.ruleId);
    return { places };
  }

  const schema = typeof check.schema === 'function' ? check.schema((key) => doc.get(key)) : check.schema;
  collectPlaces(doc.contents, [], places, pointAt);
  const placeOf = (path: PropertyKey[]): Point => {
    for (let length = path.length; length >= 0; length--) {
      const found = places[path.slice(0, length).join('.')];
      if (found) return found;
    }
    return { line: Math.max(lineOffset, 1), column: 1 };
  };
  warnUnknownKeys(doc.contents, schema, [], file, source, placeOf);

  let values: Record<string, unknown>;
  try {
    values = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    // Parsing succeeded but the values cannot be built: an alias without anchor (`*x`), an alias bomb.
    fail(
      `Unexpected YAML that cannot be read as values (${(error as Error).message.split('\n')[0]}), expected plain values without aliases`,
      { line: lineOffset + 1, column: 1 },
      'yaml-syntax',
    );
    return { places };
  }
  const result = schema.safeParse(values, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path;
      // With `reportInput`, an absent field is the only way to get an `undefined` input (YAML has no undefined).
      const input = (issue as { input?: unknown }).input;
      const missing = input === undefined;
      fail(
        `Unexpected ${describe(input, path, missing)}, expected ${issue.message}`,
        placeOf(missing ? path.slice(0, -1) : path),
        missing ? 'missing-field' : 'invalid-field',
      );
    }
    return { values, places };
  }
  return { data: result.data, values, places };
}

/** The schema inside optional, nullable, default and pipe (transform) wrappers. */
function unwrap(schema: z.ZodType): { type?: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } {
  let current = schema as unknown as { def?: { type?: string; innerType?: unknown; in?: unknown; element?: z.ZodType }; shape?: Record<string, z.ZodType> };
  for (;;) {
    const def = current.def;
    if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default') current = def.innerType as typeof current;
    else if (def?.type === 'pipe') current = def.in as typeof current;
    else return { type: def?.type, shape: def?.type === 'object' ? current.shape : undefined, element: def?.type === 'array' ? def.element : undefined };
  }
}

function warnUnknownKeys(node: YamlNode, schema: z.ZodType, prefix: PropertyKey[], file: VFile, source: string, placeOf: (path: PropertyKey[]) => Point) {
  if (isMap(node)) {
    const { shape } = unwrap(schema);
    if (!shape) return;
    const known = Object.keys(shape);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string') continue;
      if (!known.includes(key)) {
        const suggestion = closest(key, known);
        // A field of a nested mapping written one level too high (`addressee:` for `letter.addressee`).
        const nested = Object.entries(shape).flatMap(([parent, child]) => Object.keys(unwrap(child).shape ?? {}).map((field) => ({ parent, field })));
        const nearNested = suggestion
          ? undefined
          : closest(
              key,
              nested.map(({ field }) => field),
            );
        const found = nested.find(({ field }) => field === key) ?? nested.find(({ field }) => field === nearNested);
        const home = found && `${found.parent}.${found.field}`;
        const expected = home
          ? `it under \`${home.split('.')[0]}:\` as \`${formatPath([...prefix, ...home.split('.')])}\` (did you mean it?)`
          : suggestion
            ? `\`${suggestion}\` (did you mean it?)`
            : `one of ${known.map((k) => `\`${k}\``).join(', ')}`;
        file.message(`Unexpected unknown field \`${formatPath([...prefix, key])}\`, expected ${expected}`, {
          place: placeOf([...prefix, key, '#key']),
          source,
          ruleId: 'unknown-field',
        });
        continue;
      }
      if (pair.value) warnUnknownKeys(pair.value as YamlNode, shape[key], [...prefix, key], file, source, placeOf);
    }
  } else if (isSeq(node)) {
    const { element } = unwrap(schema);
    if (element) node.items.forEach((item, index) => warnUnknownKeys(item as YamlNode, element, [...prefix, index], file, source, placeOf));
  }
}

/** Record the start of every key and value, so messages can point at them. */
function collectPlaces(node: YamlNode | null, path: PropertyKey[], places: Record<string, Point>, pointAt: (offset: number) => Point) {
  if (!node) return;
  if (node.range) places[path.join('.')] = pointAt(node.range[0]);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (pair.key.range) places[[...path, key, '#key'].join('.')] = pointAt(pair.key.range[0]);
      if (pair.key.range) places[[...path, key].join('.')] = pointAt(pair.key.range[0]);
      collectPlaces(pair.value as YamlNode | null, [...path, key], places, pointAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => collectPlaces(item as YamlNode, [...path, index], places, pointAt));
  }
}

/** `responses[0].file` for a path. */
export function formatPath(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

function describe(input: unknown, path: PropertyKey[], missing: boolean): string {
  const field = `\`${formatPath(path)}\``;
  if (missing) return `missing ${field}`;
  if (input === null) return `empty ${field}`;
  if (typeof input === 'string') return `\`${input.length > 40 ? `${input.slice(0, 40)}…` : input}\` for ${field}`;
  if (input instanceof Date) return `date for ${field}`;
  if (Array.isArray(input)) return `list for ${field}`;
  if (typeof input === 'object') return `mapping for ${field}`;
  return `${typeof input} \`${String(input)}\` for ${field}`;
}
