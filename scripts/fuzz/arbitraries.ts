/**
 * Random input for the property tests and `npm run fuzz`: Markdown made of the constructs our
 * plugins care about (footnotes, tables, directives, raw HTML, headings, images) mixed with
 * arbitrary Unicode, control characters and odd line endings; frontmatter that is sometimes
 * valid, sometimes almost, sometimes not YAML at all.
 */
import fc from 'fast-check';

const fragments = [
  '# ',
  '## ',
  '### ',
  '#### ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '    ',
  '> ',
  '- ',
  '* ',
  '1. ',
  '---',
  '***',
  '```',
  '~~~',
  '[^1]',
  '[^1]: ',
  '[^a b]',
  '[^x]: noot',
  '[link](#vraag-3-5)',
  '[x](javascript:alert(1))',
  '<https://voorbeeld.nl>',
  '![alt](a.png)',
  '![](b.svg "decoratief")',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  '|',
  ':lang[',
  ']{en}',
  ':lang[tekst]{lang=en-GB}',
  ':::lang{en}\n',
  '\n:::\n',
  ':::',
  '::onbekend',
  ':x[y]{z}',
  '<script>alert(1)</script>',
  '<div style="display:none">',
  '</div>',
  '<span onclick="x">',
  '<a href="javascript:x">',
  '<!-- ',
  ' -->',
  '<iframe>',
  '&amp;',
  '&#0;',
  '&nbsp;',
  ':::risico[Risico]{kans=hoog impact=laag}\n',
  ':::risico{kans=hog}\n',
  '::antwoord[ja]\n',
  ':vraag[3.5]',
  ':vraag[9.9]',
  "### 3.1 Contentrisico's\n",
  "## 3 Risico's\n",
  '::risico-overzicht\n',
  '::::afweging\n:::voordelen\n- a\n:::\n:::nadelen\n- b\n:::\n::::\n',
  ':::maatregel[R]{categorie=content restrisico=laag beheerder=X}\n- m\n:::\n',
  ':::toelichting\n',
  `Lange alinea ${'woord '.repeat(400)}\n\n`,
  '[^1]: lange noot\n\n',
  '[ref]: https://voorbeeld.nl\n',
  '[ref]',
  '[^2]: tweede\n    vervolg\n',
  '*',
  '_',
  '**',
  '`',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '"',
  "'",
  '“',
  '’',
  '\u0000',
  '\u0008',
  '\u001b',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\ud83d\ude00',
  'ß',
  'ĳ',
  'Tabel 1: bijschrift\n\n',
];

/** Markdown-ish text. */
export const markdown = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...fragments) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const yamlScalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2025-02-30', '2026-01-31', 'kia', 'brief', 'concept', 'definitief', 'nl', 'en-GB', '[a, b]', '{x: 1}', '- lijst'),
);

/** A frontmatter block: mostly the fields we know, with random or wrong values. */
export const frontmatter = fc.oneof(
  fc
    .record(
      {
        title: yamlScalar,
        type: fc.oneof(fc.constantFrom('kia', 'brief', 'rapport'), yamlScalar),
        lang: fc.oneof(fc.constantFrom('nl', 'en'), yamlScalar),
        date: fc.oneof(fc.constant('2026-01-31'), yamlScalar),
        status: fc.oneof(fc.constantFrom('concept', 'definitief'), yamlScalar),
        authors: fc.array(yamlScalar, { maxLength: 3 }),
        titel: yamlScalar,
      },
      { requiredKeys: [] },
    )
    .map(
      (fields) =>
        `---\n${Object.entries(fields)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
          .join('\n')}\n---\n`,
    ),
  fc.constant('---\ntitle: Geldig\ntype: kia\nlang: nl\ndate: 2026-01-31\nstatus: concept\n---\n'),
  markdown.map((text) => `---\n${text}\n---\n`),
  fc.constant(''),
);

/** A whole document: frontmatter, body, and sometimes a response. */
export const documentInput = fc.record({ head: frontmatter, body: markdown, response: fc.option(markdown, { nil: undefined }) });
