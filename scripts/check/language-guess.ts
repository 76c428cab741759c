/**
 * A cheap guess at the language of a text, to catch a response whose declared language is not
 * the one it is written in (WCAG 3.1.2, ISO 14289-1 7.2: a screen reader would read English
 * with Dutch pronunciation). It counts the most common function words of each language; a
 * Dutch reply that quotes an English sentence or two stays Dutch by a wide margin.
 */

const stopWords: Record<string, string[]> = {
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'op',
    'te',
    'in',
    'niet',
    'zijn',
    'met',
    'voor',
    'ook',
    'er',
    'maar',
    'om',
    'aan',
    'bij',
    'wij',
    'we',
    'ons',
    'onze',
    'die',
    'dit',
    'wordt',
    'worden',
    'naar',
    'als',
    'nog',
    'door',
    'hebben',
    'heeft',
    'kunnen',
    'geen',
    'over',
    'deze',
    'zij',
    'uit',
  ],
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'for',
    'it',
    'with',
    'as',
    'was',
    'on',
    'are',
    'be',
    'this',
    'by',
    'not',
    'we',
    'our',
    'have',
    'has',
    'from',
    'which',
    'or',
    'an',
    'they',
    'their',
    'will',
    'would',
    'been',
    'these',
    'its',
    'all',
    'can',
    'at',
    'us',
    'more',
    'who',
    'were',
    'does',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'den',
    'von',
    'zu',
    'sich',
    'auf',
    'für',
    'wir',
    'ein',
    'eine',
    'dem',
    'des',
    'auch',
    'es',
    'sind',
    'wird',
    'werden',
    'haben',
    'unsere',
    'dass',
    'oder',
    'bei',
    'nach',
    'aus',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'que',
    'un',
    'une',
    'du',
    'pour',
    'pas',
    'dans',
    'nous',
    'sur',
    'qui',
    'au',
    'avec',
    'sont',
    'ce',
    'cette',
    'par',
    'plus',
    'ne',
    'notre',
    'nos',
    'vous',
    'être',
    'aux',
    'ont',
  ],
};
const lookup = new Map<string, string[]>();
for (const [lang, words] of Object.entries(stopWords)) for (const word of words) lookup.set(word, [...(lookup.get(word) ?? []), lang]);

/** Human names of the languages guessed, for messages. */
export const languageNames: Record<string, string> = { nl: 'Dutch', en: 'English', de: 'German', fr: 'French' };

export interface LanguageGuess {
  /** The primary language subtag guessed (`nl`, `en`, `de`, `fr`). */
  lang: string;
  /** Function words of that language, and of all languages together, found. */
  hits: number;
  total: number;
}

/**
 * The language `text` is mostly written in, when that is clear: at least `minimum` function
 * words found and 70 % of them of one language. Undefined when too short or too mixed to say.
 */
export function guessLanguage(text: string, minimum = 20): LanguageGuess | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const languages = lookup.get(word);
    if (!languages) continue;
    total++;
    for (const lang of languages) counts.set(lang, (counts.get(lang) ?? 0) + 1 / languages.length);
  }
  if (total < minimum) return undefined;
  const [lang, hits] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return hits / total >= 0.7 ? { lang, hits: Math.round(hits), total } : undefined;
}
