/**
 * The instrument as data (scripts/data/kia-instrument.yml), the 3×3 matrix, and `kia new`:
 * a scaffolded assessment has every question of the instrument and builds through the real
 * pipeline, the instrument check and the accessibility gate without a single message.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInstrument, matrixAssessment, parseInstrument, projectInstrument } from '../scripts/model/instrument.ts';
import { projectRoot, runCli, tempDir } from './helpers/workspace.ts';

describe('the KIA instrument', () => {
  const instrument = projectInstrument();

  it('has the five chapters and 32 questions of the invuldocument, with seven risk categories plus overige', () => {
    expect(instrument.chapters.map((chapter) => `${chapter.number} ${chapter.title}`)).toEqual([
      '1 Voorbereidingen',
      '2 Doelstelling',
      "3 Risico's",
      '4 Handelingsopties',
      '5 Afweging',
    ]);
    expect(instrument.chapters.map((chapter) => chapter.questions.length)).toEqual([3, 14, 8, 1, 6]);
    expect(instrument.categories.map((category) => category.key)).toEqual([
      'content',
      'gedrag',
      'contact',
      'consument',
      'technologie',
      'privacy',
      'gezondheid',
      'overige',
    ]);
    expect(instrument.questions.filter((question) => question.answer === 'ja-nee').map((question) => question.number)).toEqual(['1.1', '1.2', '1.3']);
    expect(instrument.questions.map((question) => question.id)).toContain('vraag-3-5');
  });

  it('derives the risk assessment with the standard 3×3 matrix', () => {
    const table = (['laag', 'midden', 'hoog'] as const).map((kans) =>
      (['laag', 'midden', 'hoog'] as const).map((impact) => matrixAssessment(instrument, kans, impact)),
    );
    expect(table).toEqual([
      ['laag', 'laag', 'midden'],
      ['laag', 'midden', 'hoog'],
      ['midden', 'hoog', 'hoog'],
    ]);
    expect(matrixAssessment(instrument, 'niet bepaald', 'hoog')).toBe('niet bepaald');
    expect(matrixAssessment(instrument, 'hoog', 'niet bepaald')).toBe('niet bepaald');
  });

  it('rejects a malformed instrument file, naming the problem', () => {
    const text = readFileSync(path.join(import.meta.dirname, 'helpers/small-instrument.yml'), 'utf8');
    expect(() => parseInstrument(text.replace('number: "2.1"', 'number: "3.1"'))).toThrow('question 3.1 is not in chapter 2');
    expect(() => parseInstrument(text.replace('undetermined: niet bepaald', 'undetermined: onbekend'))).toThrow(/Invalid KIA instrument: undetermined/);
    expect(loadInstrument(path.join(import.meta.dirname, 'helpers/small-instrument.yml')).questions).toHaveLength(4);
  });
});

describe('kia new', () => {
  it('scaffolds every chapter and question with its text and guidance, and the result builds clean through the gate', () => {
    const root = tempDir();
    const created = runCli(['new', 'tiktak', '--service', "TikTak: korte video's"], root);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain('content/tiktak/index.md');
    const text = readFileSync(path.join(root, 'content/tiktak/index.md'), 'utf8');
    expect(text).toMatch(
      /^---\n# yaml-language-server: \$schema=\S+\ntitle: "Kinderrechten Impact Assessment TikTak: korte video's"\ntype: kia\nlang: nl\ndate: \d{4}-\d{2}-\d{2}\nstatus: concept\nservice: "TikTak: korte video's"\n/,
    );
    // The editor's schema, relative to the new file: this package's frontmatter schema of a KIA.
    const schema = /\$schema=(\S+)/.exec(text)![1];
    expect(path.resolve(root, 'content/tiktak', schema)).toBe(path.join(projectRoot, 'schemas/kia.schema.json'));
    for (const chapter of projectInstrument().chapters) {
      expect(text).toContain(`\n## ${chapter.number} ${chapter.title}\n`);
      for (const question of chapter.questions) {
        expect(text).toContain(`\n### ${question.number} ${question.title}\n`);
        expect(text).toContain(question.guidance);
        if (question.question) expect(text).toContain(`**Vraag:** ${question.question}`);
      }
    }
    const built = runCli(['build'], root);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/ (error|warning) /);
    expect(built.stderr).toContain('kia: toegankelijkheid in orde: 0 overtredingen in HTML');
    const html = readFileSync(path.join(root, 'dist/tiktak/index.html'), 'utf8');
    expect(html).toContain('id="vraag-3-5"');
    expect(html).toContain('class="risk-overview"');
    expect(runCli(['check', '--frail'], root).code).toBe(0);
  }, 180_000);

  it('never overwrites, and refuses a slug that is not one', () => {
    const root = tempDir();
    expect(runCli(['new', 'flits'], root).code).toBe(0);
    const again = runCli(['new', 'flits'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error Unexpected existing folder `content/flits`, expected a new slug (kia new never overwrites) document-exists kia-new');
    const bad = runCli(['new', 'Flits_App'], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid-slug');
    expect(existsSync(path.join(root, 'content/Flits_App'))).toBe(false);
    expect(runCli(['new'], root).code).toBe(2);
  });
});
