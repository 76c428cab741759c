/**
 * Generate a large, realistic-looking fictional KIA for benchmarks and stress tests: chapters
 * and numbered questions like the real instrument, long paragraphs, lists, risk and measure
 * tables, hundreds of footnotes and two stakeholder responses. Deterministic for a given size.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  /** Chapters 1–5 are repeated this many times over (questions keep their real numbering). */
  questions: number;
  paragraphsPerQuestion: number;
  footnotes: number;
}

/** About 200 A4 pages and 420 footnotes with the default print stylesheet. */
export const benchmarkSize: GeneratedSize = { questions: 72, paragraphsPerQuestion: 10, footnotes: 420 };

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

  const chapters = ['Voorbereidingen', 'Doelstelling', "Risico's", 'Handelingsopties', 'Afweging'];
  const lines: string[] = [];
  let footnote = 0;
  const perQuestion = Math.ceil(size.footnotes / size.questions);
  for (let q = 0; q < size.questions; q++) {
    const chapter = Math.floor((q * chapters.length) / size.questions);
    const firstOfChapter = q === 0 || Math.floor(((q - 1) * chapters.length) / size.questions) !== chapter;
    if (firstOfChapter) lines.push(`## ${chapter + 1} ${chapters[chapter]}`, '');
    const number = q - Math.ceil((chapter * size.questions) / chapters.length) + 1;
    lines.push(`### ${chapter + 1}.${number} ${sentence().slice(0, -1)}?`, '');
    for (let p = 0; p < size.paragraphsPerQuestion; p++) {
      let text = paragraph();
      if (footnote < size.footnotes && p < perQuestion) text += `[^n${++footnote}]`;
      lines.push(text, '');
      if (p === 2) lines.push(...Array.from({ length: 4 }, () => `- ${sentence()}`), '');
    }
    if (chapter === 2) {
      lines.push(`Tabel ${chapter + 1}.${number}: Risico-inschatting`, '', '| Kans | Impact | Risico-inschatting |', '| ---- | ------ | ------------------ |', '| Midden | Hoog | Hoog |', '');
    }
    if (q % 4 === 3) {
      lines.push(`Tabel ${chapter + 1}.${number}b: Maatregelen`, '', '| Risico | Maatregel | Restrisico | Beheerder |', '| ------ | --------- | ---------- | --------- |');
      for (let row = 0; row < 6; row++) lines.push(`| ${sentence()} | ${sentence()} ${sentence()} | Midden | Dienst |`);
      lines.push('');
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
    'status: concept',
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
    [`## ${title}`, '', ...Array.from({ length: 12 }, () => [paragraph().replace(/kinderen/, "TikTok's \"kinderen\""), '']).flat(), 'Met vriendelijke groet,', ''].join('\n');

  const dir = path.join(contentDir, slug);
  await mkdir(path.join(dir, 'responses'), { recursive: true });
  await writeFile(path.join(dir, 'index.md'), [...frontmatter, ...lines].join('\n'));
  await writeFile(path.join(dir, 'responses/zienswijze.md'), response('Zienswijze'));
  await writeFile(path.join(dir, 'responses/reactie.md'), response('Reactie'));
  return dir;
}
