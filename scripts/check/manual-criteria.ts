/**
 * WCAG 2.1 level A and AA success criteria that no automated check can settle for our
 * documents: the report lists them as a checklist for a person. Criteria that do not apply to
 * static documents without media or forms are left out of the list, and said to be left out.
 */
export interface ManualCriterion {
  criterion: string;
  level: 'A' | 'AA';
  /** Dutch name, as in the Dutch translation of WCAG 2.1. */
  name: string;
  /** What to look at in a KIA or letter, in Dutch. */
  check: string;
}

export const manualCriteria: ManualCriterion[] = [
  {
    criterion: '1.1.1',
    level: 'A',
    name: 'Niet-tekstuele content',
    check:
      'Zeggen de alternatieve teksten van afbeeldingen en grafieken wat de afbeelding laat zien of betekent? Zijn decoratieve afbeeldingen als decoratief gemarkeerd?',
  },
  {
    criterion: '1.3.1',
    level: 'A',
    name: 'Info en relaties',
    check: 'Is wat visueel een kop, lijst, tabel of citaat is, ook zo opgemaakt (en niet alleen vet of ingesprongen)?',
  },
  { criterion: '1.3.2', level: 'A', name: 'Betekenisvolle volgorde', check: 'Is de leesvolgorde logisch, ook in de PDF (voetnoten, tabellen, kaders)?' },
  {
    criterion: '1.3.3',
    level: 'A',
    name: 'Zintuiglijke eigenschappen',
    check: 'Verwijst de tekst niet alleen naar vorm, plaats of kleur ("zie de rechterkolom", "het rode vak")?',
  },
  { criterion: '1.4.1', level: 'A', name: 'Gebruik van kleur', check: 'Wordt informatie (bijvoorbeeld risiconiveaus) niet alleen met kleur overgebracht?' },
  {
    criterion: '1.4.5',
    level: 'AA',
    name: 'Afbeeldingen van tekst',
    check: 'Staat tekst als echte tekst in het document, niet als afbeelding (scans, schermafdrukken van tabellen)?',
  },
  {
    criterion: '1.4.11',
    level: 'AA',
    name: 'Contrast van niet-tekstuele content',
    check: 'Hebben grafieken en pictogrammen voldoende contrast (3:1) met hun achtergrond?',
  },
  { criterion: '2.4.2', level: 'A', name: 'Paginatitel', check: 'Beschrijft de titel het onderwerp van het document?' },
  {
    criterion: '2.4.4',
    level: 'A',
    name: 'Linkdoel (in context)',
    check: 'Is uit de linktekst en de zin eromheen duidelijk waar een link naartoe gaat ("klik hier" is dat niet)?',
  },
  { criterion: '2.4.6', level: 'AA', name: 'Koppen en labels', check: 'Beschrijven de koppen het onderwerp van hun paragraaf?' },
  {
    criterion: '3.1.2',
    level: 'AA',
    name: 'Taal van onderdelen',
    check: 'Zijn alle anderstalige passages (bijvoorbeeld Engelse citaten) als zodanig gemarkeerd?',
  },
  {
    criterion: '3.2.4',
    level: 'AA',
    name: 'Consistente identificatie',
    check: 'Hebben terugkerende onderdelen (voetnoten, reacties, tabellen) steeds dezelfde naam en opmaak?',
  },
  { criterion: '1.4.4', level: 'AA', name: 'Herschalen van tekst', check: 'Blijft de HTML leesbaar en volledig bij 200% zoom?' },
  {
    criterion: '1.4.10',
    level: 'AA',
    name: 'Reflow',
    check: 'Is de HTML op 320 CSS-pixels breed te lezen zonder horizontaal te scrollen (tabellen uitgezonderd)?',
  },
  { criterion: '1.4.12', level: 'AA', name: 'Tekstafstand', check: 'Blijft alle tekst zichtbaar als regelafstand, letter- en woordafstand worden vergroot?' },
  { criterion: '2.1.1', level: 'A', name: 'Toetsenbord', check: 'Zijn alle links, inclusief de inhoudsopgave en voetnoten, met het toetsenbord te bereiken?' },
  { criterion: '2.4.3', level: 'A', name: 'Focusvolgorde', check: 'Volgt de toetsenbordfocus de leesvolgorde?' },
  { criterion: '2.4.7', level: 'AA', name: 'Focus zichtbaar', check: 'Is altijd te zien welke link de focus heeft?' },
  {
    criterion: '3.3.2',
    level: 'A',
    name: 'Labels of instructies',
    check: 'Niet van toepassing zolang de documenten geen formulieren bevatten; controleer dit bij ingebedde formulieren.',
  },
];

/** Criteria not listed because our documents have no time-based media, forms or interaction. */
export const notApplicableNote =
  'Niet opgenomen omdat de documenten geen audio, video, formulieren of tijdslimieten bevatten: 1.2.1–1.2.5, 1.3.4, 1.3.5, 1.4.2, 1.4.13, 2.1.2, 2.1.4, 2.2.1, 2.2.2, 2.3.1, 2.5.1–2.5.4, 3.2.1, 3.2.2, 3.3.1, 3.3.3, 3.3.4, 4.1.3. Controleer ze alsnog als een document zulke onderdelen krijgt.';
