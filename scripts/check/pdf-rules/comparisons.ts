/**
 * Navigation (7.17) and the checks that compare a PDF with the HTML it was printed from: they
 * run in full only inside `kia build` and `kia check`, where `expected` is known. No rule of the
 * reference validator covers them (`rules: []`); `test/gate.test.ts` breaks each on purpose.
 */
import { walk, type StructElement } from '../../pdf/read.ts';
import { clip, type PdfRule, type Problem, type RuleContext } from './rule.ts';
import { withoutInvisibles } from '../../model/text-normalisation.ts';

// The structure tree's text against the HTML's: only whitespace and soft hyphens may differ.
const squash = withoutInvisibles;
const outside = 'Niet van toepassing: deze PDF is niet door kia-press gemaakt, dus er is geen HTML om mee te vergelijken.';

/**
 * `text` with one occurrence of each of `parts` taken out (parts that are not there are listed
 * as missing). Built once from the kept stretches: slicing the text anew for each of 400 notes
 * of a 200-page document took seconds.
 */
function withoutParts(text: string, parts: string[]): { text: string; missing: string[] } {
  const ranges: Array<[number, number]> = [];
  const missing: string[] = [];
  for (const part of parts) {
    let at = text.indexOf(part);
    while (at !== -1 && ranges.some(([start, end]) => at < end && at + part.length > start)) at = text.indexOf(part, at + 1);
    if (at === -1) missing.push(part);
    else ranges.push([at, at + part.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    kept.push(text.slice(cursor, start));
    cursor = end;
  }
  kept.push(text.slice(cursor));
  return { text: kept.join(''), missing };
}

const sectionHeadings = ({ headings }: RuleContext) => headings.filter((heading) => heading.level === 2 || heading.level === 3);

export const comparisonRules: PdfRule[] = [
  {
    id: 'pdf-bookmarks',
    title: 'Bladwijzers voor de hoofdstukken',
    clause: '7.17',
    rules: [],
    matterhorn: null,
    wcag: ['2.4.5'],
    ok: 'Minder dan twee hoofdstukken of paragrafen (H2/H3): bladwijzers niet nodig.',
    failed: 'Het document heeft hoofdstukken maar geen bladwijzers om erheen te gaan.',
    check(facts, context) {
      const sections = sectionHeadings(context);
      // With the laid-out text: a bookmark for every H2 and H3. Without it: at least an outline.
      if (facts.text && context.expected) {
        if (sections.length === 0 && facts.outline.length === 0) return 'not-applicable';
        const titles = new Set(facts.outline.map((item) => squash(item.title)));
        return {
          problems: sections
            .filter((heading) => !titles.has(squash(context.textOf(heading.element))))
            .map((heading) => ({
              page: heading.element.page,
              object: heading.element.object,
              text: `geen bladwijzer voor „${clip(context.textOf(heading.element))}”`,
            })),
          ok: `${facts.outline.length} bladwijzers; elke H2 en H3 heeft er een.`,
          failed: 'Niet elk hoofdstuk of elke paragraaf heeft een bladwijzer.',
        };
      }
      if (sections.length < 2) return 'not-applicable';
      return {
        problems: facts.outline.length === 0 ? [{ text: `${sections.length} hoofdstukken en paragrafen (H2/H3), geen bladwijzers` }] : [],
        ok: `${facts.outline.length} bladwijzers voor ${context.headings.length} koppen.`,
      };
    },
  },
  {
    id: 'pdf-headings-match-html',
    title: 'Koppen gelijk aan de HTML',
    clause: '7.4',
    rules: [],
    matterhorn: null,
    wcag: ['1.3.1'],
    ok: outside,
    failed: 'De koppen van de PDF wijken af van die van de HTML.',
    check(facts, { expected, headings, textOf }) {
      if (!expected?.headings || !facts.structure) return 'not-applicable';
      const actual = headings.map((heading) => `H${heading.level} ${squash(textOf(heading.element))}`);
      const wanted = expected.headings.map((heading) => `H${heading.level} ${squash(heading.text)}`);
      const index = wanted.findIndex((heading, position) => heading !== actual[position]);
      const problems =
        index === -1 && actual.length === wanted.length
          ? []
          : [
              {
                page: headings[index]?.element.page,
                text: `verwacht ${wanted[index] ?? '(geen kop meer)'}, gevonden ${actual[index === -1 ? wanted.length : index] ?? '(geen kop)'}`,
              },
            ];
      return { problems, ok: `De ${wanted.length} koppen van de PDF zijn die van de HTML, in dezelfde volgorde en op hetzelfde niveau.` };
    },
  },
  {
    id: 'pdf-structure-text',
    title: 'Tekst van de structuur gelijk aan het document',
    clause: '7.1',
    rules: [],
    matterhorn: '01-005',
    wcag: ['1.3.1', '1.3.2'],
    ok: outside,
    failed: 'De tekst van de structuurboom wijkt af van de tekst van het document.',
    check(facts, { expected, textOf }) {
      const structure = facts.structure;
      if (!structure) return { problems: [], status: 'not-checked', ok: 'Niet gecontroleerd: de PDF heeft geen structuurboom.' };
      if (!expected) return 'not-applicable';
      if (expected.text === undefined)
        return { problems: [], status: 'not-checked', ok: 'Niet gecontroleerd: de opgemaakte tekst is alleen tijdens `kia build` bekend.' };
      // List labels are CSS markers and a figure's text is its Alt: neither is in the page's text.
      const notes = (expected.notes ?? []).map(squash).filter(Boolean);
      const inStructure = withoutParts(
        squash(textOf(structure, (element: StructElement) => element.role === 'Lbl' || element.role === 'Artifact' || element.role === 'Figure')),
        notes,
      );
      const structureText = inStructure.text;
      const documentText = withoutParts(squash(expected.text), notes).text;
      const problems: Problem[] = inStructure.missing.map((note) => ({ text: `voetnoot „${clip(note, 40)}” ontbreekt in de structuur` }));
      let index = 0;
      while (index < structureText.length && structureText[index] === documentText[index]) index++;
      if (index !== structureText.length || index !== documentText.length) {
        problems.push({
          text: `na „${clip(documentText.slice(Math.max(0, index - 30), index), 30)}”: verwacht „${clip(documentText.slice(index, index + 30), 30)}”, structuur heeft „${clip(structureText.slice(index, index + 30), 30)}”`,
        });
      }
      return {
        problems,
        ok: `De tekst van de structuurboom is, in volgorde, de tekst van het document; alle ${expected.notes?.length ?? 0} voetnoten staan erin, met hun nummers.`,
      };
    },
  },
  {
    id: 'pdf-lang-passages',
    title: 'Taal van anderstalige passages',
    clause: '7.2',
    rules: [],
    matterhorn: '11-001',
    wcag: ['3.1.2'],
    ok: outside,
    failed: 'Niet alle anderstalige passages hebben hun taal in de structuur.',
    check(facts, { expected, textOf }) {
      if (expected && (!expected.langPassages || expected.langPassages.length === 0 || !facts.structure))
        return { problems: [], status: 'not-applicable', ok: 'Geen anderstalige passages gemarkeerd.' };
      if (!expected?.langPassages || !facts.structure) return 'not-applicable';
      const structure = facts.structure;
      const withLang: Array<{ lang: string; text: string }> = [];
      walk(structure, (element) => {
        if (element.lang && element !== structure) withLang.push({ lang: element.lang.toLowerCase(), text: squash(textOf(element)) });
      });
      const missing = expected.langPassages.filter(
        (passage) => !withLang.some((found) => found.lang === passage.lang.toLowerCase() && found.text.includes(squash(passage.text))),
      );
      return {
        problems: missing.map((passage) => ({ text: `„${clip(passage.text)}” (${passage.lang}) heeft geen /Lang in de structuur` })),
        ok: `Alle ${expected.langPassages.length} anderstalige passages hebben hun taal (/Lang) in de structuur.`,
      };
    },
  },
];
