/**
 * The redaction proof's search on its own (no browser): every form under which a reader would
 * recognise a withheld name is found, with its line; the near misses are not.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { findAll, haystack, leakPattern, nameParts } from '../scripts/check/leak-search.ts';
import { checkNameParts } from '../scripts/check/redactions.ts';

const finds = (needle: string, text: string) => findAll(haystack(text), leakPattern(needle)!).map((find) => find.found);

describe('leak search', () => {
  const found: Array<[string, string, string]> = [
    ['capitals', 'Later schreef PIET GEHEIMNAAM nog een mail.', 'PIET GEHEIMNAAM'],
    ['lower case', 'mail van piet geheimnaam', 'piet geheimnaam'],
    ['a line break and indentation between the words', 'met Piet\n     Geheimnaam gesproken', 'Piet Geheimnaam'],
    ['a page break (form feed) between the words', 'met Piet\n\fGeheimnaam', 'Piet Geheimnaam'],
    ['a no-break space', 'met Piet\u00a0Geheimnaam', 'Piet Geheimnaam'],
    ['a soft hyphen inside the name', 'met Piet Geheim\u00adnaam', 'Piet Geheim\u00adnaam'],
    ['zero-width space and word joiner', 'met Pi\u200bet\u2060 Geheimnaam', 'Pi\u200bet\u2060 Geheimnaam'],
    ['a line-end hyphen (PDF text)', 'met Piet Geheim-\nnaam over', 'Piet Geheim- naam'],
    ['full-width letters (NFKC)', 'met Ｐｉｅｔ Ｇｅｈｅｉｍｎａａｍ', 'Ｐｉｅｔ Ｇｅｈｅｉｍｎａａｍ'],
    ['the slug of an id', 'href="#gesprek-met-piet-geheimnaam"', 'piet-geheimnaam'],
    ['a file name', 'bijlagen/piet_geheimnaam.jpg', 'piet_geheimnaam'],
    ['the words run together', 'PietGeheimnaam', 'PietGeheimnaam'],
  ];
  for (const [name, text, expected] of found) {
    it(`finds „Piet Geheimnaam” written with ${name}`, () => {
      expect(finds('Piet Geheimnaam', text)).toEqual([expected]);
    });
  }

  it('folds diacritics both ways: „Özil” found as „Ozil” and „OZIL”, „Ozil” found as „Özil”', () => {
    expect(finds('Mesut Özil', 'Mesut Ozil en MESUT ÖZIL en mesut özil')).toEqual(['Mesut Ozil', 'MESUT ÖZIL', 'mesut özil']);
    expect(finds('Ozil', 'zei Özil.')).toEqual(['Özil']);
  });

  it('folds ß as ss, and ligatures', () => {
    expect(finds('Anna Strauß', 'ANNA STRAUSS schreef')).toEqual(['ANNA STRAUSS']);
    expect(finds('Fien Raffi', 'ﬁen raﬃ')).toEqual(['ﬁen raﬃ']);
  });

  it('finds initials with or without their points, and numbers however they are grouped', () => {
    expect(finds('P.G.', 'volgens P. G. en pg.')).toEqual(['P. G', 'pg']);
    expect(finds('06 9876 5432', 'bel 0698765432 of 06-9876-5432')).toEqual(['0698765432', '06-9876-5432']);
  });

  it('gives the line and column of each find in the original text', () => {
    const [first, second] = findAll(haystack('regel een\nmet Piet\u00adGeheimnaam\nen PIET GEHEIMNAAM'), leakPattern('Piet Geheimnaam')!);
    expect([first.line, first.column, second.line, second.column]).toEqual([2, 5, 3, 4]);
  });

  const misses: Array<[string, string, string]> = [
    ['another person with the same first name', 'Piet Geheimnaam', 'Piet Jansen en Kees Geheimnaam'],
    ['a first name inside a longer word', 'Jan', 'Janssen schreef in januari aan Jansen'],
    ['a name part inside a longer word', 'Geheimnaam', 'de Geheimnaamstraat en ongeheimnaam'],
    ['the words far apart', 'Piet Geheimnaam', 'Piet zei dat Geheimnaam kwam'],
  ];
  for (const [name, needle, text] of misses) {
    it(`does not find „${needle}” in ${name}`, () => {
      expect(finds(needle, text)).toEqual([]);
    });
  }

  it('takes the capitalised words of four or more letters as the parts of a name', () => {
    expect(nameParts('Piet Geheimnaam')).toEqual(['Piet', 'Geheimnaam']);
    expect(nameParts('Jan de Vries-Özdemir')).toEqual(['Vries-Özdemir']);
    expect(nameParts('Bo Li')).toEqual([]);
    expect(nameParts('06 9876 5432')).toEqual([]);
  });
});

describe('parts of a redacted name elsewhere in the sources', () => {
  const text = 'Gesprek met :redact[Piet Geheimnaam]{grond="5.1.2e"} op 3 juni.\n\nDaarna schreef Geheimnaam nog.\nPiet Jansen was er niet.\n';
  const redaction = (file: VFile, extra: { also?: string[]; allowed?: string[] } = {}) => {
    const start = text.indexOf(':redact');
    const end = text.indexOf('}') + 1;
    return {
      text: 'Piet Geheimnaam',
      ground: '5.1.2e',
      file,
      position: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } },
      ...extra,
    };
  };
  const messages = (file: VFile) =>
    file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason} ${message.ruleId}`);

  it('warns at every place a part stands, not at the redaction itself', () => {
    const file = new VFile({ path: 'nota/index.md', value: text });
    expect(checkNameParts([file], [redaction(file)], false)).toBe(true);
    expect(messages(file)).toEqual([
      '4:1 warning Unexpected `Piet`, part of the withheld „Piet Geheimnaam” (grond 5.1.2e, 1:13), still in the text, expected it withheld as well (redact it here, or list it in the redaction\'s `ook`) or allowed (`toegestaan="Piet"`) redaction-name-part',
      '3:16 warning Unexpected `Geheimnaam`, part of the withheld „Piet Geheimnaam” (grond 5.1.2e, 1:13), still in the text, expected it withheld as well (redact it here, or list it in the redaction\'s `ook`) or allowed (`toegestaan="Geheimnaam"`) redaction-name-part',
    ]);
  });

  it('makes them errors in a final build, except the parts listed in toegestaan', () => {
    const file = new VFile({ path: 'nota/index.md', value: text });
    expect(checkNameParts([file], [redaction(file, { allowed: ['Piet'] })], true)).toBe(false);
    expect(messages(file)).toEqual([
      '3:16 error Unexpected `Geheimnaam`, part of the withheld „Piet Geheimnaam” (grond 5.1.2e, 1:13), still in the text, expected it withheld as well (redact it here, or list it in the redaction\'s `ook`) or allowed (`toegestaan="Geheimnaam"`) redaction-name-part',
    ]);
  });

  it('looks in the other files of the publication too, naming where the redaction is', () => {
    const file = new VFile({ path: 'nota/index.md', value: text });
    const other = new VFile({ path: 'brief/index.md', value: 'Zie het gesprek met mevrouw\ngeheimnaam.\n' });
    checkNameParts([file, other], [redaction(file, { allowed: ['Piet', 'Geheimnaam'] }), { ...redaction(file), allowed: ['Piet'] }], false);
    expect(messages(other)).toEqual([
      '2:1 warning Unexpected `geheimnaam`, part of the withheld „Piet Geheimnaam” (grond 5.1.2e, nota/index.md:1:13), still in the text, expected it withheld as well (redact it here, or list it in the redaction\'s `ook`) or allowed (`toegestaan="Geheimnaam"`) redaction-name-part',
    ]);
  });
});
