/**
 * Parse the YAML frontmatter (found by remark-frontmatter) and validate it against the schema.
 *
 * Every problem becomes a vfile message with the exact line and column in the Markdown file;
 * on success `file.data.matter` holds the typed frontmatter and `file.data.frontmatterPlaces`
 * the position of every value, so later steps (response files) can point at the right line.
 */
import type { Root, Yaml } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ZodIssue } from 'zod/v3';
import { frontmatterSchema, knownFields, knownResponseFields, responseSchema, type Frontmatter, type ResponseEntry } from '../../core/frontmatter-schema.ts';
import { closest } from '../../core/did-you-mean.ts';

const source = 'kia-frontmatter';

declare module 'vfile' {
  interface DataMap {
    matter: Frontmatter;
    /** Start point of each frontmatter value, keyed by path such as `responses.0.file`. */
    frontmatterPlaces: Record<string, Point>;
    /**
     * The `responses` list when it is valid, even if other fields are not, so that missing
     * response files are reported in the same run as the other problems.
     */
    matterResponses: ResponseEntry[];
  }
}

/** Validate the document's frontmatter; see module comment. */
export default function remarkKiaFrontmatter() {
  return function (tree: Root, file: VFile) {
    const first = tree.children[0];
    if (!first || first.type !== 'yaml') {
      // An opening `---` whose closing line is missing: Markdown then reads it as a rule.
      const unclosed = first?.type === 'thematicBreak' && first.position?.start.line === 1 && /^---[ \t]*(\n|$)/.test(String(file.value));
      file.message(
        unclosed
          ? 'Unexpected frontmatter without a closing `---`, expected a line `---` after the last field'
          : 'Unexpected missing frontmatter, expected YAML between `---` lines at the start of the file',
        { place: { line: 1, column: 1 }, source, ruleId: unclosed ? 'unclosed-frontmatter' : 'missing-frontmatter' },
      ).fatal = true;
      return;
    }
    validateYaml(first, file);
    warnFrontmatterInBody(tree, file);
  };
}

function validateYaml(node: Yaml, file: VFile) {
  const fenceLine = node.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would otherwise print its own warnings (e.g. for a list used as a key).
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  // The YAML text starts on the line after the opening `---`.
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: fenceLine + line, column: col, offset: undefined as unknown as number };
  };
  const fail = (reason: string, place: Point, ruleId: string) => {
    file.message(reason, { place: { line: place.line, column: place.column }, source, ruleId }).fatal = true;
  };

  if (doc.errors.length > 0) {
    // The YAML parser often reports one mistake twice at the same place; once is enough.
    const seen = new Set<number>();
    for (const error of doc.errors) {
      if (seen.has(error.pos[0])) continue;
      seen.add(error.pos[0]);
      fail(`Unexpected YAML syntax (${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}), expected valid YAML`, pointAt(error.pos[0]), 'yaml-syntax');
    }
    return;
  }
  if (!isMap(doc.contents)) {
    fail('Unexpected frontmatter that is not a mapping, expected `key: value` lines', { line: fenceLine + 1, column: 1 }, 'frontmatter-not-mapping');
    return;
  }

  const places: Record<string, Point> = {};
  collectPlaces(doc.contents, [], places, pointAt);
  const placeOf = (path: PropertyKey[]): Point => {
    for (let length = path.length; length >= 0; length--) {
      const found = places[path.slice(0, length).join('.')];
      if (found) return found;
    }
    return { line: fenceLine, column: 1 };
  };

  warnUnknownFields(doc, file, placeOf);
  file.data.frontmatterPlaces = places;

  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    // Parsing succeeded but the values cannot be built: an alias without anchor (`*x`), an alias bomb.
    fail(`Unexpected YAML that cannot be read as values (${(error as Error).message.split('\n')[0]}), expected plain values without aliases`, { line: fenceLine + 1, column: 1 }, 'yaml-syntax');
    return;
  }
  const responses = responseSchema.array().safeParse(data.responses ?? []);
  if (responses.success) file.data.matterResponses = responses.data;
  const result = frontmatterSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues as unknown as ZodIssue[]) {
      const path = issue.path;
      // With `reportInput`, an absent field is the only way to get an `undefined` input (YAML has no undefined).
      const missing = (issue as { input?: unknown }).input === undefined;
      fail(
        `Unexpected ${describe((issue as { input?: unknown }).input, path, missing)}, expected ${issue.message}`,
        placeOf(missing ? path.slice(0, -1) : path),
        missing ? 'missing-field' : 'invalid-field',
      );
    }
    return;
  }
  file.data.matter = result.data;
}

function warnUnknownFields(doc: Document, file: VFile, placeOf: (path: PropertyKey[]) => Point) {
  const check = (keys: unknown[], known: string[], prefix: PropertyKey[]) => {
    for (const key of keys) {
      if (typeof key !== 'string' || known.includes(key)) continue;
      const suggestion = closest(key, known);
      file.message(
        `Unexpected unknown field \`${formatPath([...prefix, key])}\`, expected ${suggestion ? `\`${suggestion}\` (did you mean it?)` : `one of ${known.map((k) => `\`${k}\``).join(', ')}`}`,
        { place: placeOf([...prefix, key, '#key']), source, ruleId: 'unknown-field' },
      );
    }
  };
  const contents = doc.contents;
  if (!isMap(contents)) return;
  check(contents.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key)), knownFields, []);
  const responses = contents.get('responses', true);
  if (isSeq(responses)) {
    responses.items.forEach((item, index) => {
      if (isMap(item)) check(item.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key)), knownResponseFields, ['responses', index]);
    });
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

function formatPath(path: PropertyKey[]): string {
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

/**
 * A second `---` block further down (pasted metadata, a merged file) is not frontmatter:
 * Markdown makes it a rule and a heading reading `title: …`. Say so where it is.
 */
function warnFrontmatterInBody(tree: Root, file: VFile) {
  tree.children.forEach((node, index) => {
    const previous = tree.children[index - 1];
    if (index < 2 || node.type !== 'heading' || node.depth !== 2 || previous?.type !== 'thematicBreak') return;
    const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    if (!/^[A-Za-z_][\w-]*:\s/.test(text)) return;
    file.message('Unexpected `---` block with `key: value` lines in the text, expected frontmatter only at the very start of the file (this shows as a rule and a heading)', {
      place: previous.position,
      source,
      ruleId: 'frontmatter-in-body',
    });
  });
}
