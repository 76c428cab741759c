/**
 * A small reader for PDF content streams: splits a page's drawing instructions into operators
 * with their byte ranges and marked-content nesting, so we can find content that is neither
 * tagged nor an artifact, and wrap it as an artifact without re-serialising anything.
 *
 * Works on bytes as latin1 text, so string offsets are byte offsets.
 */

export interface Operator {
  /** The operator, e.g. `BT`, `Tj`, `BDC`. */
  name: string;
  /** Byte offset where its first operand (or the operator itself) starts. */
  start: number;
  /** Byte offset just after the operator. */
  end: number;
  /** The operand tokens, as written. */
  operands: string[];
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

/** Split `text` (latin1) into operators. Throws on inline images, which we do not rewrite. */
export function readOperators(text: string): Operator[] {
  const operators: Operator[] = [];
  let operands: string[] = [];
  let operandStart = -1;
  let index = 0;
  const length = text.length;
  const isSpace = (char: string) => whitespace.has(char.charCodeAt(0));

  while (index < length) {
    const char = text[index];
    if (isSpace(char)) {
      index++;
      continue;
    }
    if (char === '%') {
      while (index < length && text[index] !== '\n' && text[index] !== '\r') index++;
      continue;
    }
    const tokenStart = index;
    if (char === '(') {
      let depth = 0;
      for (; index < length; index++) {
        const c = text[index];
        if (c === '\\') index++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) {
          index++;
          break;
        }
      }
    } else if (char === '<' && text[index + 1] === '<') {
      index = skipDictionary(text, index);
    } else if (char === '<') {
      index = text.indexOf('>', index) + 1 || length;
    } else if (char === '[') {
      index = skipArray(text, index);
    } else if (char === '/') {
      index++;
      while (index < length && !isSpace(text[index]) && !delimiters.has(text[index])) index++;
    } else {
      while (index < length && !isSpace(text[index]) && !delimiters.has(text[index])) index++;
      if (index === tokenStart) index++; // a stray delimiter such as `)`: skip it
      const word = text.slice(tokenStart, index);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') {
        if (operandStart < 0) operandStart = tokenStart;
        operands.push(word);
        continue;
      }
      if (word === 'BI') throw new Error('inline images are not supported');
      operators.push({ name: word, start: operandStart < 0 ? tokenStart : operandStart, end: index, operands });
      operands = [];
      operandStart = -1;
      continue;
    }
    if (operandStart < 0) operandStart = tokenStart;
    operands.push(text.slice(tokenStart, index));
  }
  return operators;
}

function skipDictionary(text: string, index: number): number {
  let depth = 0;
  while (index < text.length) {
    if (text.startsWith('<<', index)) {
      depth++;
      index += 2;
    } else if (text.startsWith('>>', index)) {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else if (text[index] === '(') {
      index = skipString(text, index);
    } else index++;
  }
  return index;
}

function skipArray(text: string, index: number): number {
  let depth = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '(') {
      index = skipString(text, index);
      continue;
    }
    if (char === '[') depth++;
    if (char === ']' && --depth === 0) return index + 1;
    index++;
  }
  return index;
}

function skipString(text: string, index: number): number {
  let depth = 0;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index + 1;
  }
  return index;
}

const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/** A piece of painted content and the marked-content context it sits in. */
export interface PaintedObject {
  kind: 'text' | 'path' | 'xobject' | 'shading';
  start: number;
  end: number;
  /** Tag of the innermost marked-content sequence around it (`Artifact`, `P`, …), if any. */
  context?: string;
  /** True when some enclosing sequence has an MCID (tagged content). */
  tagged: boolean;
  /** True when some enclosing sequence is an `Artifact`. */
  artifact: boolean;
  /** For text objects: whether marked content starts or ends inside it. */
  mixed: boolean;
}

/** Every painted object of a content stream with its marked-content context. */
export function paintedObjects(operators: Operator[]): PaintedObject[] {
  const objects: PaintedObject[] = [];
  const stack: Array<{ tag: string; mcid: boolean }> = [];
  let pathStart = -1;
  let text: PaintedObject | undefined;
  const context = () => ({
    context: stack[stack.length - 1]?.tag,
    tagged: stack.some((entry) => entry.mcid),
    artifact: stack.some((entry) => entry.tag === 'Artifact'),
  });
  for (const operator of operators) {
    switch (operator.name) {
      case 'BDC':
      case 'BMC':
        if (text) text.mixed = true;
        stack.push({ tag: (operator.operands[0] ?? '').slice(1), mcid: operator.name === 'BDC' && /\/MCID\s+\d+/.test(operator.operands[1] ?? '') });
        break;
      case 'EMC':
        if (text) text.mixed = true;
        stack.pop();
        break;
      case 'BT':
        text = { kind: 'text', start: operator.start, end: operator.end, mixed: false, ...context() };
        break;
      case 'ET':
        if (text) {
          text.end = operator.end;
          objects.push(text);
          text = undefined;
        }
        break;
      case 'Do':
        objects.push({ kind: 'xobject', start: operator.start, end: operator.end, mixed: false, ...context() });
        break;
      case 'sh':
        objects.push({ kind: 'shading', start: operator.start, end: operator.end, mixed: false, ...context() });
        break;
      default:
        if (text) break;
        if (pathConstruction.has(operator.name)) {
          if (pathStart < 0) pathStart = operator.start;
        } else if (pathPainting.has(operator.name) || operator.name === 'n') {
          if (pathStart >= 0 && operator.name !== 'n') objects.push({ kind: 'path', start: pathStart, end: operator.end, mixed: false, ...context() });
          pathStart = -1;
        }
    }
  }
  return objects;
}

/**
 * Wrap every painted object that is neither tagged nor inside an artifact in
 * `/Artifact BMC … EMC`. Chromium leaves page furniture (running heads, page numbers, page
 * backgrounds) untagged; PDF/UA wants it marked as artifacts. Returns the new stream text and
 * how many objects were wrapped; text objects with marked content inside are left alone.
 */
export function markUntaggedAsArtifacts(text: string): { text: string; wrapped: number } {
  const targets = paintedObjects(readOperators(text)).filter((object) => !object.tagged && !object.artifact && !object.mixed);
  if (targets.length === 0) return { text, wrapped: 0 };
  const parts: string[] = [];
  let cursor = 0;
  for (const object of targets) {
    parts.push(text.slice(cursor, object.start), '/Artifact BMC\n', text.slice(object.start, object.end), '\nEMC');
    cursor = object.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), wrapped: targets.length };
}
