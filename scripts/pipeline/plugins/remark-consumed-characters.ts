/**
 * A response is published as received, but it is typed into Markdown, and Markdown reads some
 * characters as syntax: `2*3*4` loses its asterisks to emphasis, `\_` its backslash, `&amp;` is
 * an entity, `1)` becomes a list numbered "1.". Without the received original to compare with,
 * nothing proves such a character was not the sender's: so every one is reported, as a warning
 * at its line and column, with the escape that would keep it.
 *
 * Structure a response may carry (headings, bullet lists, footnotes, block quotes, tables,
 * `:redact`) is not reported; what is: emphasis and strong delimiters, backslash escapes, entity
 * and character references, code-span backticks, link and autolink syntax, hard-break
 * backslashes, ordered-list markers shown otherwise, setext underlines and thematic breaks.
 */
import type { Nodes, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from '../../model/tree-walk.ts';
import type { VFile } from 'vfile';

const source = 'kia-verbatim';
const ruleId = 'markdown-consumed';

/** Report characters that Markdown syntax took from a response's text (see module comment). */
export default function remarkConsumedCharacters() {
  return function (tree: Root, file: VFile) {
    const text = String(file.value ?? '');
    const report = (at: number | undefined, typed: string, what: string, escape: string) => {
      if (at === undefined) return;
      const before = text.slice(0, at);
      const place = { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
      file.message(
        `Unexpected \`${typed}\` read as ${what} in a response, expected the received characters kept (write \`${escape}\`, or name the received original in \`original:\`)`,
        { place, source, ruleId },
      );
    };
    const offsets = (position: Position | undefined) => [position?.start.offset, position?.end.offset] as const;

    visit(tree, (node: Nodes, index, parent) => {
      // Inside a redaction is withheld text, not published text.
      if ((node as { type: string }).type === 'textDirective') return 'skip';
      const [start, end] = offsets(node.position);
      if (start === undefined || end === undefined) return;
      const typed = text.slice(start, end);
      switch (node.type) {
        case 'emphasis':
        case 'strong': {
          const [first] = offsets(node.children[0]?.position);
          const [, last] = offsets(node.children.at(-1)?.position);
          const open = text.slice(start, first ?? start + (node.type === 'strong' ? 2 : 1));
          const close = text.slice(last ?? end - open.length, end);
          report(
            start,
            `${open}${text.slice(first ?? start, last ?? end).slice(0, 30)}${close}`,
            node.type === 'strong' ? 'strong emphasis' : 'emphasis',
            `${escapeAll(open)}${text.slice(first ?? start, last ?? end).slice(0, 30)}${escapeAll(close)}`,
          );
          return;
        }
        case 'inlineCode':
          report(start, typed, 'a code span', typed.replace(/`/g, '\\`'));
          return;
        case 'link':
        case 'linkReference': {
          const [first] = offsets(node.children[0]?.position);
          const [, last] = offsets(node.children.at(-1)?.position);
          // An autolink (`<https://…>`) or a GFM literal link (`www.…`, bare `https://…`).
          if (first === start && last === end) return;
          if (typed.startsWith('<')) report(start, typed, 'an autolink', `\\${typed.slice(0, -1)}\\>`);
          else report(start, typed, 'link syntax', `\\${typed.replace(/]/g, '\\]')}`);
          return;
        }
        case 'break':
          if (typed.startsWith('\\')) report(start, '\\', 'a hard line break', '\\\\');
          return;
        case 'thematicBreak':
          report(start, typed, 'a thematic break (a line)', `\\${typed}`);
          return;
        case 'heading': {
          const underline = /\n[ \t]*(=+|-+)[ \t]*$/.exec(typed);
          if (underline) report(start + underline.index + 1 + underline[0].slice(1).search(/[=-]/), underline[1], 'a heading underline', `\\${underline[1]}`);
          return;
        }
        case 'listItem': {
          if (!parent || parent.type !== 'list' || !parent.ordered || index === undefined) return;
          const marker = /^(\d+)([.)])/.exec(typed);
          if (!marker) return;
          const shown = (parent.start ?? 1) + index;
          if (marker[2] === ')' || Number(marker[1]) !== shown) report(start, marker[0], `a list item numbered \`${shown}.\``, `${marker[1]}\\${marker[2]}`);
          return;
        }
        case 'text':
          consumedInText(typed, node.value, start, report);
          return;
        default:
          return;
      }
    });
  };
}

/** Put a backslash before every character of a delimiter run. */
function escapeAll(run: string): string {
  return [...run].map((char) => `\\${char}`).join('');
}

/**
 * Within a text node the source and the value differ only by escapes and character references:
 * walk both, and report each backslash escape and each reference where it stands.
 */
const escapePattern = /\\[!-/:-@[-`{-~]/y;
const referencePattern = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

function consumedInText(typed: string, value: string, start: number, report: (at: number, typed: string, what: string, escape: string) => void) {
  if (typed === value) return;
  let i = 0;
  let j = 0;
  while (i < typed.length) {
    escapePattern.lastIndex = i;
    referencePattern.lastIndex = i;
    const escape = typed[i] === '\\' ? escapePattern.exec(typed) : null;
    if (escape && value[j] === escape[0][1]) {
      report(start + i, escape[0], `an escape (shown as \`${escape[0][1]}\`)`, `\\\\${escape[0]}`);
      i += 2;
      j += 1;
      continue;
    }
    const reference = typed[i] === '&' ? referencePattern.exec(typed) : null;
    if (reference && !value.startsWith(reference[0], j)) {
      report(start + i, reference[0], `a character reference (shown as \`${String.fromCodePoint(value.codePointAt(j) ?? 32)}\`)`, `\\${reference[0]}`);
      i += reference[0].length;
      // The reference became one character (a surrogate pair counts as one).
      j += String.fromCodePoint(value.codePointAt(j) ?? 32).length;
      continue;
    }
    if (typed[i] === value[j]) {
      i++;
      j++;
      continue;
    }
    // Whitespace folded at a line end, or anything unforeseen: move on in the source only.
    i++;
  }
}
