/**
 * The text of a new, empty KIA: frontmatter, every chapter and question heading of the
 * instrument with its official text, and a guidance note under each, ready to fill in.
 * Pure: `kia new` writes it.
 */
import type { Instrument, InstrumentQuestion } from '../model/instrument.ts';

export interface ScaffoldOptions {
  instrument: Instrument;
  /** The digital service assessed, e.g. `Flits`. */
  service?: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Where the editor finds the frontmatter's JSON Schema, relative to the new file. */
  schema?: string;
}

/** Double-quoted YAML scalar (services such as `Flits: video` need quoting). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

const placeholder = 'Nog in te vullen.';

function questionBlock(question: InstrumentQuestion): string {
  const lines = [`### ${question.number} ${question.title}`, ''];
  const note = [
    question.question ? `**Vraag:** ${question.question}` : '',
    question.guidance,
    question.answer === 'ja-nee' ? 'Antwoord met `::antwoord[ja]` of `::antwoord[nee]` op een eigen regel.' : '',
  ].filter(Boolean);
  lines.push(':::toelichting', ...note.join('\n\n').split('\n'), ':::', '');
  if (question.category) {
    lines.push(
      placeholder,
      '',
      ':::risico[Omschrijving van het risico]{kans="niet bepaald" impact="niet bepaald"}',
      'Onderbouwing van kans en impact.',
      ':::',
      '',
    );
  } else if (question.number === '4.1') {
    lines.push(':::maatregel[Omschrijving van het risico]{categorie=content restrisico="niet bepaald" beheerder="Nog te bepalen"}', '- Maatregel.', ':::', '');
  } else if (question.number === '5.3') {
    lines.push('::::afweging', ':::voordelen', `- ${placeholder}`, ':::', '', ':::nadelen', `- ${placeholder}`, ':::', '::::', '');
  } else {
    lines.push(placeholder, '');
  }
  return lines.join('\n');
}

/** The Markdown of a new KIA for `service`; status `concept`. */
export function scaffoldAssessment(options: ScaffoldOptions): string {
  const { instrument, service, date } = options;
  const title = `Kinderrechten Impact Assessment${service ? ` ${service}` : ''}`;
  const frontmatter = [
    '---',
    ...(options.schema ? [`# yaml-language-server: $schema=${options.schema}`] : []),
    `title: ${yamlString(title)}`,
    'type: kia',
    'lang: nl',
    `date: ${date}`,
    'status: concept',
    ...(service ? [`service: ${yamlString(service)}`] : []),
    '# authors: [Naam Auteur, Naam Auteur]',
    '# commissioner: Ministerie van …',
    '# responses:',
    '#   - file: responses/zienswijze.md',
    '#     from: Naam van de aanbieder',
    '#     title: Zienswijze',
    '#     received: JJJJ-MM-DD',
    '---',
    '',
    `<!-- Opgezet met kia new volgens ${instrument.title}, versie ${instrument.version}. -->`,
    '',
  ];
  const body = instrument.chapters.flatMap((chapter) => [`## ${chapter.number} ${chapter.title}`, '', ...chapter.questions.map(questionBlock)]);
  return `${[...frontmatter, ...body].join('\n').trimEnd()}\n`;
}
