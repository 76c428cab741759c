/**
 * The regression corpus of real documents (test/real/, see its README): letters to parliament
 * and a decision note from ../shared/seeds/, in our content format. They build through the full
 * gate, and every sentence of each seed's text (its extraction artefacts removed, as the README
 * lists them) is in the HTML and in the PDF we make of it. The expectation is the seed file as
 * extracted from the published PDF, not our Markdown.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { remove } from 'unist-util-remove';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import { readPdfPages } from '../scripts/pdf/text.ts';
import { tempDir } from './helpers/workspace.ts';

const corpus = path.join(import.meta.dirname, 'real');
/**
 * Per seed: its footnotes, counted by hand, and at least how many sentences its body has (its
 * full stops before a capital, roughly): a seed reader that lost text finds fewer.
 */
const expected: Record<string, { notes: number; sentences: number }> = {
  'beslisnota-aanbieding-kias': { notes: 0, sentences: 15 },
  'brief-unicef-essaybundel': { notes: 10, sentences: 60 },
  'brief-strategie-kinderrechten-online': { notes: 23, sentences: 120 },
};
const slugs = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * What the PDF text extraction of the seeds added, per the seeds' README: page furniture
 * (reference and "Pagina N van M" lines of the letterhead column), the "ti" and "tt" ligatures
 * extracted as Ɵ and Ʃ, Word's bookmark and footnote markers, footnote calls glued to the word
 * before them, and Word's bullets (`·`: list markers, which neither our HTML nor the PDF has as text).
 */
const furniture = [/^\s*Onze referentie\s*$/, /^\s*\d{4}-\d{10}\s*$/, /^\s*Pagina \d+ van \d+\s*$/];
const footnoteCall = /(?<=[\p{L}.,;:)’”´])\d{1,2}(?=[\s.,;:)]|$)/gu;

/** A seed as body text and footnote texts. */
function readSeed(file: string): { body: string; notes: string[] } {
  let text = readFileSync(file, 'utf8')
    .replace(/Ɵ/g, 'ti')
    .replace(/Ʃ/g, 'tt')
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/^\s*·\s+/gmu, '');
  const notes: string[] = [];
  // Footnotes exported inline by Word: `[footnoteRef:N]` calls, `[N: text]` notes.
  text = text.replace(/\[footnoteRef:\d+\]/g, '').replace(/\[(\d+): ((?:[^[\]])*?)\](?=\s*(?:\[\d+:|\n|$))/g, (_, _number, note: string) => {
    notes.push(note);
    return '';
  });
  // Footnotes at the foot of each page: a line `N text` at the line start, continued by lines
  // that do not start with a space (a page's first body line does: an extraction artefact).
  const body: string[] = [];
  let note: string[] | undefined;
  for (const line of text.split('\n')) {
    if (furniture.some((pattern) => pattern.test(line))) continue;
    if (/^\d{1,2} \S/.test(line)) {
      if (note) notes[notes.length - 1] = note.join('\n');
      note = [line.replace(/^\d{1,2} /, '')];
      notes.push('');
      continue;
    }
    if (note && line.trim() && !line.startsWith(' ')) {
      note.push(line);
      continue;
    }
    if (note) notes[notes.length - 1] = note.join('\n');
    note = undefined;
    body.push(line);
  }
  if (note) notes[notes.length - 1] = note.join('\n');
  return { body: body.join('\n'), notes };
}

/**
 * Text as compared: NFKC (ligatures), footnote calls left out, whitespace, soft hyphens and
 * hyphens left out (a hyphen at a line end of the PDF cannot be told from a real one).
 */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .replace(footnoteCall, '')
    .replace(/[\s\u00ad\-\u2010\u2011]+/gu, '');

/**
 * The sentences of a text: split after . ! ? : before a capital, quote or bracket, and at a blank
 * line after a line without final punctuation (a title or heading: what our layout puts between a
 * title and the text, such as a note's head, must not count against it).
 */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?:])\s+(?=[\p{Lu}‘“'(])|(?<=[^\s.!?:,;])[ \t]*\n[ \t]*\n/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => normalise(sentence).length > 0);

/** `text` with one occurrence of each of `parts` taken out; parts not found are returned. */
function takeOut(text: string, parts: string[]): { rest: string; missing: string[] } {
  const missing: string[] = [];
  for (const part of parts) {
    const at = text.indexOf(part);
    if (at === -1) missing.push(part);
    else text = text.slice(0, at) + text.slice(at + part.length);
  }
  return { rest: text, missing };
}

let out: string;
let result: BuildResult;
beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  result = await build({ contentDir: corpus, outDir: out, pdf: true, check: true });
}, 600_000);

describe('the real documents of test/real/', () => {
  it('build through the full gate with no errors', () => {
    expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.accessibility?.passed).toBe(true);
  });

  for (const slug of slugs) {
    describe(slug, () => {
      const seed = () => readSeed(path.join(corpus, slug, 'seed.txt'));

      it('reads the seed: all its footnotes, and its body as sentences', () => {
        const { body, notes } = seed();
        expect(notes.length).toBe(expected[slug]?.notes);
        expect(notes.every((note) => normalise(note).length > 5)).toBe(true);
        expect(sentences(body).length).toBeGreaterThanOrEqual(expected[slug]!.sentences);
      });

      it('has every sentence and footnote of the seed in its HTML', () => {
        const tree = fromHtml(readFileSync(path.join(out, slug, 'index.html'), 'utf8')) as Root;
        // Footnote calls and back links are ours, not the document's text; a numbered list's
        // numbers are CSS markers, read out (and printed) as `1.`.
        remove(
          tree,
          (node) =>
            node.type === 'element' &&
            ((node as Element).properties.dataFootnoteRef !== undefined || (node as Element).properties.dataFootnoteBackref !== undefined),
        );
        visit(tree, 'element', (node) => {
          if (node.tagName !== 'ol') return;
          const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
          items.forEach((item, index) => item.children.unshift({ type: 'text', value: `${Number(node.properties.start ?? 1) + index}. ` }));
        });
        const html = normalise(toText(tree));
        const { body, notes } = seed();
        const { rest, missing } = takeOut(html, notes.map(normalise));
        expect(missing).toEqual([]);
        expect(sentences(body).filter((sentence) => !rest.includes(normalise(sentence)))).toEqual([]);
      });

      it('has every sentence and footnote of the seed in its PDF', async () => {
        const file = readdirSync(path.join(out, slug)).find((name) => name.endsWith('.pdf'))!;
        const { runs } = await readPdfPages(new Uint8Array(readFileSync(path.join(out, slug, file))));
        // Running heads and page numbers are artifacts; footnote calls are the digits raised above
        // the text before them; notes (number and text) sit at the foot of their page, inside a
        // sentence that runs on to the next page: taken out before sentences are sought.
        const text = runs
          .map((page) => {
            const shown = page.filter((run) => !run.artifact && run.text.trim());
            return shown
              .filter((run, index) => !(/^\d{1,3}$/.test(run.text) && index > 0 && run.y - shown[index - 1].y > 1 && run.y - shown[index - 1].y < 8))
              .map((run) => run.text)
              .join(' ');
          })
          .join(' ');
        const pdf = normalise(text);
        const { body, notes } = seed();
        const { rest, missing } = takeOut(
          pdf,
          notes.map((note, index) => `${index + 1}${normalise(note)}`),
        );
        expect(missing).toEqual([]);
        expect(sentences(body).filter((sentence) => !rest.includes(normalise(sentence)))).toEqual([]);
      });
    });
  }
});
