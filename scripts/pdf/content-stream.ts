/**
 * A small reader for PDF content streams: splits a page's drawing instructions into operators
 * with their byte ranges and marked-content nesting, so we can find content that is neither
 * tagged nor an artifact, and wrap it as an artifact without re-serialising anything.
 *
 * Works on bytes as latin1 text, so string offsets are byte offsets.
 */

export interface Operator {
  /** The operator, e.g. `BT`, `Tj`, `BDC`; `BI` covers a whole inline image up to its `EI`. */
  name: string;
  /** Byte offset where its first operand (or the operator itself) starts. */
  start: number;
  /** Byte offset just after the operator. */
  end: number;
  /** Byte offset of the operator keyword itself: the operands are `text.slice(start, keyword)`. */
  keyword: number;
}

// Character classes by code: 1 = whitespace, 2 = delimiter.
const charClass = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) charClass[code] = 1;
for (const char of '()<>[]{}/%') charClass[char.charCodeAt(0)] = 2;

function isOperandStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
}

/**
 * Split `text` (latin1) into operators. A hand-written scanner over character codes: this runs
 * over every page of every PDF we check (18 MB of operators for a 200-page document), where a
 * token-by-token reader with regular expressions took seconds.
 */
export function readOperators(text: string): Operator[] {
  const operators: Operator[] = [];
  let operandStart = -1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    const kind = code < 256 ? charClass[code] : 0;
    if (kind === 1) {
      index++;
      continue;
    }
    const tokenStart = index;
    if (kind === 2) {
      if (code === 0x25) {
        // %
        while (index < length) {
          const c = text.charCodeAt(index);
          if (c === 0x0a || c === 0x0d) break;
          index++;
        }
        continue;
      }
      if (code === 0x28) index = skipString(text, index);
      else if (code === 0x3c) index = text.charCodeAt(index + 1) === 0x3c ? skipDictionary(text, index) : text.indexOf('>', index) + 1 || length;
      else if (code === 0x5b) index = skipArray(text, index);
      else if (code === 0x2f) {
        index++;
        while (index < length) {
          const c = text.charCodeAt(index);
          if (c < 256 && charClass[c] !== 0) break;
          index++;
        }
      } else index++; // stray delimiter
      if (operandStart < 0) operandStart = tokenStart;
      continue;
    }
    while (index < length) {
      const c = text.charCodeAt(index);
      if (c < 256 && charClass[c] !== 0) break;
      index++;
    }
    if (isOperandStart(code)) {
      if (operandStart < 0) operandStart = tokenStart;
      continue;
    }
    const name = text.slice(tokenStart, index);
    if (name === 'true' || name === 'false' || name === 'null') {
      if (operandStart < 0) operandStart = tokenStart;
      continue;
    }
    if (name === 'BI') {
      index = skipInlineImage(text, index);
    }
    operators.push({ name, start: operandStart < 0 ? tokenStart : operandStart, end: index, keyword: tokenStart });
    operandStart = -1;
  }
  return operators;
}
function skipInlineImage(text: string, index: number): number {
  const data = text.indexOf('ID', index);
  if (data < 0) return text.length;
  let at = data + 3;
  while (at < text.length) {
    const end = text.indexOf('EI', at);
    if (end < 0) return text.length;
    const before = text.charCodeAt(end - 1),
      after = text.charCodeAt(end + 2);
    if (charClass[before] === 1 && (end + 2 >= text.length || charClass[after] === 1)) return end + 2;
    at = end + 2;
  }
  return text.length;
}
function skipDictionary(text: string, index: number): number {
  let depth = 0;
  const length = text.length;
  while (index < length) {
    const c = text.charCodeAt(index);
    if (c === 0x3c && text.charCodeAt(index + 1) === 0x3c) {
      depth++;
      index += 2;
    } else if (c === 0x3e && text.charCodeAt(index + 1) === 0x3e) {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else if (c === 0x28) index = skipString(text, index);
    else index++;
  }
  return index;
}
function skipArray(text: string, index: number): number {
  let depth = 0;
  const length = text.length;
  while (index < length) {
    const c = text.charCodeAt(index);
    if (c === 0x28) {
      index = skipString(text, index);
      continue;
    }
    if (c === 0x5b) depth++;
    else if (c === 0x5d && --depth === 0) return index + 1;
    index++;
  }
  return index;
}
function skipString(text: string, index: number): number {
  let depth = 0;
  const length = text.length;
  for (; index < length; index++) {
    const c = text.charCodeAt(index);
    if (c === 0x5c) index++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return index + 1;
  }
  return index;
}

const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const textShowing = new Set(['Tj', 'TJ', "'", '"']);

/** The tag of a `BMC`/`BDC` and whether its properties carry an MCID (inline, or via `resolve`). */
function markedContent(text: string, operator: Operator, resolve?: (name: string) => boolean): { tag: string; mcid: boolean } {
  const operands = text.slice(operator.start, operator.keyword);
  const tag = /^\/([^\s/<[(]+)/.exec(operands)?.[1] ?? '';
  if (operator.name !== 'BDC') return { tag, mcid: false };
  if (/\/MCID\s+\d+/.test(operands)) return { tag, mcid: true };
  const named = /^\/[^\s/<[(]+\s*\/([^\s/<[(]+)\s*$/.exec(operands)?.[1];
  return { tag, mcid: named !== undefined && resolve !== undefined && resolve(named) };
}

/** A piece of painted content and the marked-content context it sits in. */
export interface PaintedObject {
  kind: 'text' | 'path' | 'xobject' | 'shading' | 'image';
  start: number;
  end: number;
  /** True when some enclosing sequence has an MCID (tagged content). */
  tagged: boolean;
  /** True when some enclosing sequence is an `Artifact`. */
  artifact: boolean;
  /** For text objects: whether marked content starts or ends inside it. */
  mixed: boolean;
}

/** Every painted object of a content stream with its marked-content context. */
export function paintedObjects(text: string, operators: Operator[]): PaintedObject[] {
  const objects: PaintedObject[] = [];
  const stack: Array<{ tag: string; mcid: boolean }> = [];
  let pathStart = -1;
  let textObject: PaintedObject | undefined;
  const context = () => ({
    tagged: stack.some((entry) => entry.mcid),
    artifact: stack.some((entry) => entry.tag === 'Artifact'),
  });
  for (const operator of operators) {
    switch (operator.name) {
      case 'BDC':
      case 'BMC':
        if (textObject) textObject.mixed = true;
        stack.push(markedContent(text, operator));
        break;
      case 'EMC':
        if (textObject) textObject.mixed = true;
        stack.pop();
        break;
      case 'BT':
        textObject = { kind: 'text', start: operator.start, end: operator.end, mixed: false, ...context() };
        break;
      case 'ET':
        if (textObject) {
          textObject.end = operator.end;
          objects.push(textObject);
          textObject = undefined;
        }
        break;
      case 'Do':
        objects.push({ kind: 'xobject', start: operator.start, end: operator.end, mixed: false, ...context() });
        break;
      case 'sh':
        objects.push({ kind: 'shading', start: operator.start, end: operator.end, mixed: false, ...context() });
        break;
      case 'BI':
        objects.push({ kind: 'image', start: operator.start, end: operator.end, mixed: false, ...context() });
        break;
      default:
        if (textObject) break;
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
  const targets = paintedObjects(text, readOperators(text)).filter((object) => !object.tagged && !object.artifact && !object.mixed);
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

/** What PDF/UA 7.1 asks of a content stream, as found by `checkMarkedContent`. */
export interface MarkedContentFindings {
  /** Painting operators outside any tagged sequence and outside any artifact (01-005). */
  untagged: Array<{ kind: string; offset: number }>;
  /** `Artifact` sequences opened inside tagged content (01-003). */
  artifactInTagged: number[];
  /** Tagged sequences (with an MCID) opened inside an artifact (01-004). */
  taggedInArtifact: number[];
  /**
   * The fonts used for rendering (ISO 14289-1 7.21): selected with `Tf` and then shown by a
   * text-showing operator in a rendering mode other than 3 (invisible), as the resolver names them.
   */
  fonts: string[];
  /**
   * MCIDs all of whose text has a language from its marked content (`/Lang` on a sequence that
   * encloses the text: the MCID's own, an outer or an inner one), and MCIDs without text.
   */
  langMcids: number[];
  /** Text-showing operators that show CID 0, the .notdef glyph, of a composite font (ISO 14289-1 7.21.8). */
  notdef: number[];
  /** The one-byte codes each simple font (by its label) shows for rendering: the glyphs whose widths 7.21.5 compares. */
  codes: Map<string, Set<number>>;
}

export interface ContentResolver {
  /** A `Do` target: a form XObject's content (checked in the context of the `Do`), or an image. */
  xobject?(name: string): { form: string; resolver: ContentResolver } | undefined;
  /** Whether a named property list (`/P /MC0 BDC`) carries an MCID. */
  properties?(name: string): boolean;
  /** The font a `/F1 12 Tf` selects, as a stable label (its object), if any. */
  font?(name: string): string | undefined;
  /** Whether a named property list carries a `/Lang`. */
  propertiesLang?(name: string): boolean;
  /** Whether the font is composite with an Identity CMap, so a code is its CID (CID 0 is .notdef). */
  identityCid?(name: string): boolean;
  /** Whether the font is a simple font with one-byte codes (Type1, TrueType), not Type0 or Type3. */
  simpleFont?(name: string): boolean;
}

/**
 * Check every painting operator of a content stream (text showing, path painting, images,
 * shadings, and the content of form XObjects it draws) against its marked-content context.
 */
export function checkMarkedContent(
  text: string,
  resolver: ContentResolver = {},
  inherited: { tagged: boolean; artifact: boolean } = { tagged: false, artifact: false },
  depth = 0,
): MarkedContentFindings {
  const findings: MarkedContentFindings = { untagged: [], artifactInTagged: [], taggedInArtifact: [], fonts: [], langMcids: [], notdef: [], codes: new Map() };
  // Per open marked-content sequence: whether it has a /Lang; and how many open ones do.
  const langs: boolean[] = [];
  let langDepth = 0;
  // The MCID in force at each marked-content level (-1: none), the MCIDs seen, those with text without a language.
  const mcids: number[] = [];
  const seenMcids = new Set<number>();
  const withoutLang = new Set<number>();
  const fonts = new Set<string>();
  // Text state that q/Q saves and restores: the font selected and the rendering mode.
  let textState = { font: '', mode: 0 };
  const saved: Array<typeof textState> = [];
  let tagged = inherited.tagged ? 1 : 0;
  let artifact = inherited.artifact ? 1 : 0;
  const stack: Array<{ tag: string; mcid: boolean }> = [];
  let pathPending = false;
  const paint = (kind: string, offset: number) => {
    if (tagged === 0 && artifact === 0) findings.untagged.push({ kind, offset });
  };
  for (const operator of readOperators(text)) {
    const name = operator.name;
    if (name === 'BDC' || name === 'BMC') {
      const entry = markedContent(text, operator, resolver.properties);
      const operands = text.slice(operator.start, operator.keyword);
      const named = /^\/[^\s/<[(]+\s*\/([^\s/<[(]+)\s*$/.exec(operands)?.[1];
      const hasLang = operands.includes('/Lang') ? /\/Lang\s*[(<]/.test(operands) : named !== undefined && resolver.propertiesLang?.(named) === true;
      langs.push(hasLang);
      if (hasLang) langDepth++;
      const mcid = /\/MCID\s+(\d+)/.exec(operands)?.[1];
      if (mcid !== undefined) {
        mcids.push(Number(mcid));
        seenMcids.add(Number(mcid));
      } else mcids.push(mcids.at(-1) ?? -1);
      if (entry.tag === 'Artifact' && tagged > 0) findings.artifactInTagged.push(operator.start);
      if (entry.mcid && artifact > 0) findings.taggedInArtifact.push(operator.start);
      stack.push(entry);
      if (entry.mcid) tagged++;
      if (entry.tag === 'Artifact') artifact++;
    } else if (name === 'EMC') {
      const entry = stack.pop();
      if (langs.pop()) langDepth--;
      mcids.pop();
      if (!entry) continue; // an EMC too many: nothing to close
      if (entry.mcid) tagged--;
      if (entry.tag === 'Artifact') artifact--;
    } else if (name === 'q') {
      saved.push({ ...textState });
    } else if (name === 'Q') {
      textState = saved.pop() ?? textState;
    } else if (name === 'Tf') {
      textState.font = /\/([^\s/<[(]+)\s+[-+.\d]+\s*$/.exec(text.slice(operator.start, operator.keyword))?.[1] ?? '';
    } else if (name === 'Tr') {
      textState.mode = Number(text.slice(operator.start, operator.keyword).trim()) || 0;
    } else if (textShowing.has(name)) {
      paint('text', operator.start);
      const current = mcids.at(-1);
      if (current !== undefined && current >= 0 && langDepth === 0) withoutLang.add(current);
      if (textState.mode !== 3 && textState.font) {
        const font = resolver.font?.(textState.font);
        if (font) fonts.add(font);
        if (font && resolver.simpleFont?.(textState.font)) {
          const codes = findings.codes.get(font) ?? new Set<number>();
          for (const bytes of stringBytes(text.slice(operator.start, operator.keyword))) for (const code of bytes) codes.add(code);
          findings.codes.set(font, codes);
        }
      }
      if (textState.font && resolver.identityCid?.(textState.font) && showsCidZero(text.slice(operator.start, operator.keyword)))
        findings.notdef.push(operator.start);
    } else if (pathConstruction.has(name)) {
      pathPending = true;
    } else if (pathPainting.has(name)) {
      if (pathPending) paint('path', operator.start);
      pathPending = false;
    } else if (name === 'n') {
      pathPending = false;
    } else if (name === 'sh') {
      paint('shading', operator.start);
    } else if (name === 'BI') {
      paint('image', operator.start);
    } else if (name === 'Do') {
      const target = /\/([^\s/<[(]+)\s*$/.exec(text.slice(operator.start, operator.keyword))?.[1] ?? '';
      const form = depth < 8 ? resolver.xobject?.(target) : undefined;
      if (!form) {
        paint('image', operator.start);
        continue;
      }
      // A form's content inherits the context of the Do that draws it.
      const inner = checkMarkedContent(form.form, form.resolver, { tagged: tagged > 0, artifact: artifact > 0 }, depth + 1);
      for (const item of inner.untagged) findings.untagged.push({ kind: `${item.kind} in formulier-XObject /${target}`, offset: operator.start });
      for (const font of inner.fonts) fonts.add(font);
      for (const [font, codes] of inner.codes) findings.codes.set(font, new Set([...(findings.codes.get(font) ?? []), ...codes]));
      if (inner.notdef.length > 0) findings.notdef.push(operator.start);
      if (inner.artifactInTagged.length > 0) findings.artifactInTagged.push(operator.start);
      if (inner.taggedInArtifact.length > 0) findings.taggedInArtifact.push(operator.start);
    }
  }
  findings.fonts = [...fonts];
  findings.langMcids = [...seenMcids].filter((mcid) => !withoutLang.has(mcid));
  return findings;
}

/** The bytes of every string operand (`(…)` or `<…>`) in `operands`. */
function stringBytes(operands: string): number[][] {
  const strings: number[][] = [];
  for (let index = 0; index < operands.length; index++) {
    const char = operands[index];
    if (char === '<') {
      const end = operands.indexOf('>', index);
      const hex = operands.slice(index + 1, end === -1 ? operands.length : end).replace(/\s+/g, '');
      const padded = hex.length % 2 === 1 ? `${hex}0` : hex;
      strings.push(Array.from({ length: padded.length / 2 }, (_, n) => parseInt(padded.slice(n * 2, n * 2 + 2), 16)));
      index = end === -1 ? operands.length : end;
    } else if (char === '(') {
      const bytes: number[] = [];
      let depth = 1;
      for (index++; index < operands.length && depth > 0; index++) {
        const c = operands[index];
        if (c === '\\') {
          const next = operands[++index];
          const octal = /^[0-7]{1,3}/.exec(operands.slice(index, index + 3));
          if (octal) {
            bytes.push(parseInt(octal[0], 8) & 0xff);
            index += octal[0].length - 1;
          } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
        } else if (c === '(') {
          depth++;
          bytes.push(40);
        } else if (c === ')') {
          depth--;
          if (depth > 0) bytes.push(41);
        } else bytes.push(c.charCodeAt(0) & 0xff);
      }
      index--;
      strings.push(bytes);
    }
  }
  return strings;
}

/** Whether a text-showing operator's strings contain the two-byte code 0 (CID 0 under an Identity CMap). */
function showsCidZero(operands: string): boolean {
  // Fast paths for the common case (hex strings, as Chromium writes them): an aligned 0000, or no zero byte at all.
  if (!operands.includes('(')) return /<(?:[0-9a-fA-F]{4})*0000/.test(/<[^>]*\s/.test(operands) ? operands.replace(/\s+/g, '') : operands);
  if (!/\\0|\x00|<[^>]*00/.test(operands)) return false;
  return stringBytes(operands).some((bytes) => {
    for (let index = 0; index + 1 < bytes.length; index += 2) if (bytes[index] === 0 && bytes[index + 1] === 0) return true;
    return false;
  });
}
