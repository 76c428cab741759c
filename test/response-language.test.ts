/**
 * A platform answers in English: the response declares `lang`, which reaches the HTML (on the
 * response's text, not its Dutch furniture) and the PDF's structure elements (its notes too);
 * a response that reads as another language than it declares is warned; a Dutch reply that
 * quotes English is not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfFacts, type ContentRef, type StructElement } from '../scripts/pdf/read.ts';
import { guessLanguage } from '../scripts/check/language-guess.ts';
import { messageLines } from './helpers/messages.ts';
import { runCli, writeTree } from './helpers/workspace.ts';

const english = `## Response of Flits Media B.V.

Flits Media thanks the ministry for the opportunity to respond to the draft assessment. We take the findings seriously, but we do not agree with all of its conclusions.

- The risk assessment in section 3.1 relies on a single test account study.
- Since 1 September 2026 direct messages are off by default for users under 16.[^1]

We have been working with child safety experts for years, and we will continue to do so.

[^1]: See the announcement "Safer messaging" of 1 September 2026.
`;
const dutchQuotingEnglish = `## Reactie van de onderzoekers

Wij danken Flits Media voor de reactie. Flits schrijft dat "direct messages are off by default for users under 16", maar dat is niet wat wij in het onderzoek hebben gezien. De instelling staat bij het aanmaken van een account aan en kan door het kind zelf worden aangepast.

Ook de zin "we take the findings seriously" zegt niet wat er met de bevindingen wordt gedaan. Wij vragen het ministerie om dit bij de vervolgacties mee te nemen.
`;

const entry = (file: string, extra = '') =>
  `  - file: ${file}\n    from: Flits Media B.V.\n    title: Reactie ${file}\n    received: 2026-01-20\n    kind: reactie\n${extra}`;
const matter = (responses: string) =>
  `---\ntitle: Nota\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: definitief\nresponses:\n${responses}---\n\n## Inhoud\n\nDe reacties staan hieronder.\n`;

describe('the language of a response', () => {
  it('guesses English, Dutch, and "too mixed to say"', () => {
    expect(guessLanguage(english)?.lang).toBe('en');
    expect(guessLanguage(dutchQuotingEnglish)?.lang).toBe('nl');
    expect(guessLanguage('Zie bijlage.')).toBeUndefined();
  });

  it('warns at the entry when an English response is not declared, and not for Dutch quoting English', () => {
    const root = writeTree({
      'content/nota/index.md': matter(entry('en.md') + entry('nl.md')),
      'content/nota/en.md': english,
      'content/nota/nl.md': dutchQuotingEnglish,
    });
    const { code, stderr } = runCli(['build', '--no-pdf', '--no-check'], root);
    expect(code, stderr).toBe(0);
    expect(messageLines(stderr)).toEqual([
      expect.stringMatching(
        /^8:11 warning Unexpected response `en\.md` that reads as English \(\d+ of \d+ common words\), expected Dutch as the document's `lang` says \(declare `lang: en` for the response\) response-language kia-responses$/,
      ),
    ]);
  });

  describe('declared as English', () => {
    let root: string;
    beforeAll(() => {
      root = writeTree({
        'content/nota/index.md': matter(entry('en.md', '    lang: en\n') + entry('nl.md')),
        'content/nota/en.md': english,
        'content/nota/nl.md': dutchQuotingEnglish,
      });
      const built = runCli(['build'], root);
      expect(built.code, built.stderr).toBe(0);
      expect(messageLines(built.stderr)).toEqual([]);
    }, 120_000);

    it('puts lang on the response text in the HTML, the furniture stays Dutch', () => {
      const html = readFileSync(path.join(root, 'dist/nota/index.html'), 'utf8');
      expect(html).toMatch(/<html lang="nl"/);
      expect(html).toContain('<div class="response-body" lang="en" data-verbatim-source="en.md"');
      expect(html).toContain('<div class="response-body" data-verbatim-source="nl.md"');
      // Van, Ontvangen and the provenance are outside the English part.
      const section = html.slice(html.indexOf('id="reactie-1"'), html.indexOf('class="response-body" lang="en"'));
      expect(section).toContain('<dt>Van</dt>');
    });

    it("gives the response's structure elements in the PDF /Lang en, its note included, and the Dutch ones none", async () => {
      const facts = await readPdfFacts(new Uint8Array(readFileSync(path.join(root, 'dist/nota/nota.pdf'))), { text: true });
      const textOf = (element: StructElement): string =>
        element.children
          .map((child) =>
            'mcid' in child
              ? (facts.text?.[(child as ContentRef).page - 1] ?? [])
                  .filter((run) => run.mcid === (child as ContentRef).mcid)
                  .map((run) => run.text)
                  .join('')
              : textOf(child as StructElement),
          )
          .join('');
      const langOf = new Map<StructElement, string | undefined>();
      const walk = (element: StructElement, inherited: string | undefined) => {
        const lang = element.lang ?? inherited;
        langOf.set(element, lang);
        for (const child of element.children) if (!('mcid' in child)) walk(child as StructElement, lang);
      };
      walk(facts.structure!, facts.lang);
      // The elements whose own marked content (not their descendants') holds the phrase.
      const ownText = (element: StructElement) => textOf({ ...element, children: element.children.filter((child) => 'mcid' in child) });
      const langAt = (phrase: string) => {
        const holders = [...langOf.keys()].filter((element) => ownText(element).replace(/\s+/g, ' ').includes(phrase));
        return holders.map((element) => langOf.get(element));
      };
      expect(langAt('we do not agree with all of its conclusions')).toEqual(['en']);
      expect(langAt('relies on a single test account study')).toEqual(['en']);
      expect(langAt('See the announcement')).toEqual(['en']);
      // The heading we add over its notes is ours, in the document's language.
      expect(langAt('Voetnoten')).toEqual(['nl']);
      expect(langAt('Wij danken Flits Media voor de reactie')).toEqual(['nl']);
      expect(langAt('De reacties staan hieronder')).toEqual(['nl']);
    });
  });
});
