/**
 * Generate a large, realistic-looking fictional KIA for benchmarks and stress tests: every
 * chapter and question of the instrument, long paragraphs, lists, risk assessments, a long
 * measures table, the weighing, hundreds of footnotes and two stakeholder responses. Deterministic for a given size.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectInstrument } from '../model/instrument.ts';

const words = (
  'kinderen jongeren platform dienst risico kans impact maatregel onderzoek gebruikers ouders school welzijn rechten ' +
  'privacy gegevens algoritme aanbevelingen video berichten contact content gezondheid slaap creativiteit eigenwaarde ' +
  'leeftijd toezicht instellingen standaard ontwerp functie tijdlijn melding reactie moderatie beleid toezichthouder ' +
  'literatuur bron analyse uitkomst beoordeling afweging conclusie bevinding verwachting effect gevolg oorzaak inzet ' +
  'wordt kunnen blijkt lijkt geeft vraagt toont beschrijft onderzoekt verwerkt beperkt vergroot stimuleert beschermt ' +
  'vaak soms meestal zelden duidelijk mogelijk waarschijnlijk beperkt groot klein sterk zwak nieuw bestaand digitaal'
).split(' ');

/** A tiny deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSize {
  /** Paragraphs under each of the instrument's questions. */
  paragraphsPerQuestion: number;
  footnotes: number;
  /** Rows of the measures table in 4.1 (one `:::maatregel` each). */
  measures: number;
}

/** About 200 A4 pages and 420 footnotes with the default print stylesheet. */
export const benchmarkSize: GeneratedSize = { paragraphsPerQuestion: 23, footnotes: 420, measures: 60 };

/** Write `content/<slug>/` with index.md and two responses; returns the document folder. */
export async function generateAssessment(contentDir: string, slug: string, size: GeneratedSize = benchmarkSize): Promise<string> {
  const next = random(42);
  const pick = () => words[Math.floor(next() * words.length)];
  const sentence = () => {
    const length = 8 + Math.floor(next() * 14);
    const text = Array.from({ length }, pick).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 + Math.floor(next() * 4) }, sentence).join(' ');
  const level = () => ['laag', 'midden', 'hoog'][Math.floor(next() * 3)];

  // The real instrument's chapters and questions, so the document passes the instrument check.
  const instrument = projectInstrument();
  const lines: string[] = [];
  let footnote = 0;
  const perQuestion = Math.ceil(size.footnotes / instrument.questions.length);
  for (const chapter of instrument.chapters) {
    lines.push(`## ${chapter.number} ${chapter.title}`, '', ':::toelichting', sentence(), ':::', '');
    for (const question of chapter.questions) {
      lines.push(`### ${question.number} ${question.title}`, '');
      if (question.answer) lines.push(`::antwoord[${next() < 0.8 ? 'ja' : 'nee'}]`, '');
      for (let p = 0; p < size.paragraphsPerQuestion; p++) {
        let text = paragraph();
        if (footnote < size.footnotes && p < perQuestion) text += `[^n${++footnote}]`;
        lines.push(text, '');
        if (p === 2) lines.push(...Array.from({ length: 4 }, () => `- ${sentence()}`), '');
        if (question.category && p % 8 === 7)
          lines.push(`:::risico[${sentence().slice(0, 40).trim()}]{kans=${level()} impact=${level()}}`, paragraph(), ':::', '');
      }
      if (question.number === '4.1') {
        for (let row = 0; row < size.measures; row++) {
          const category = instrument.categories[row % instrument.categories.length].key;
          lines.push(
            `:::maatregel[${sentence().slice(0, 50).trim()}]{categorie=${category} restrisico=${level()} beheerder="Benchmarkdienst B.V."}`,
            `- ${sentence()}`,
            `- ${sentence()}`,
            ':::',
            '',
          );
        }
      }
      if (question.number === '5.3') {
        const side = (name: string) => [`:::${name}`, ...Array.from({ length: 8 }, (_, n) => `- ${sentence()} (zie :vraag[3.${1 + (n % 8)}])`), ':::'];
        lines.push('::::afweging', ...side('voordelen'), '', ...side('nadelen'), '::::', '');
      }
    }
  }
  while (footnote < size.footnotes) lines.push(`${paragraph()}[^n${++footnote}]`, '');
  for (let n = 1; n <= footnote; n++) lines.push(`[^n${n}]: ${sentence()} Geraadpleegd op ${1 + (n % 28)} oktober 2026, https://voorbeeld.example/bron/${n}`);

  const frontmatter = [
    '---',
    'title: Kinderrechten Impact Assessment Benchmarkdienst',
    'subtitle: Gegenereerd document voor metingen',
    'type: kia',
    'lang: nl',
    'date: 2026-11-01',
    'status: definitief',
    'service: Benchmarkdienst',
    'authors:',
    '  - kia-press bench',
    'responses:',
    '  - file: responses/zienswijze.md',
    '    from: Benchmarkdienst B.V.',
    '    title: Zienswijze Benchmarkdienst',
    '    received: 2026-10-01',
    '    kind: zienswijze',
    '  - file: responses/reactie.md',
    '    from: Onderzoekers',
    '    title: Reactie van de onderzoekers',
    '    received: 2026-10-08',
    '    kind: reactie',
    '---',
    '',
  ];
  const response = (title: string) =>
    [
      `## ${title}`,
      '',
      ...Array.from({ length: 12 }, () => [paragraph().replace(/kinderen/, 'TikTok\'s "kinderen"'), '']).flat(),
      'Met vriendelijke groet,',
      '',
    ].join('\n');

  const dir = path.join(contentDir, slug);
  await mkdir(path.join(dir, 'responses'), { recursive: true });
  await writeFile(path.join(dir, 'index.md'), [...frontmatter, ...lines].join('\n'));
  await writeFile(path.join(dir, 'responses/zienswijze.md'), response('Zienswijze'));
  await writeFile(path.join(dir, 'responses/reactie.md'), response('Reactie'));
  return dir;
}
