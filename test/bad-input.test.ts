/**
 * Bad input through the real CLI: every problem is reported at once with file, line, column,
 * rule id and what was expected; the exit code is non-zero; the previous dist/ is untouched.
 */
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const fixtures = path.join(import.meta.dirname, 'bad-input');

interface Case {
  name: string;
  /** The fixture folder, with the `content/` tree to build. */
  folder?: string;
  files?: Record<string, string | Uint8Array>;
  /** Exit code; 1 unless the case only warns. */
  exit: number;
  /** Reporter lines, with runs of spaces collapsed; none means no message at all. */
  expected: string[];
}

/** `test/bad-input/<case>/`: `content/…` and `expected.txt` (`# name`, `# exit N`, then the lines). */
function readCase(name: string): Case {
  const [title, exit, ...expected] = readFileSync(path.join(fixtures, name, 'expected.txt'), 'utf8')
    .trimEnd()
    .split('\n');
  return { name: title.replace(/^# /, ''), folder: path.join(fixtures, name), exit: Number(exit.replace(/^# exit /, '')), expected };
}

const cases: Case[] = [
  ...readdirSync(fixtures).sort().map(readCase),
  // Too large to keep in the repository: made here.
  {
    name: 'a 20 MB document',
    files: { 'content/doc/index.md': document('Tekst.\n'.repeat(3_000_000)) },
    exit: 1,
    expected: [
      'content/doc/index.md',
      '1:1 error Unexpected file of 20.0 MB, expected at most 10 MB of text (split the document, or move data into appendices) file-too-large kia-files',
    ],
  },
];

function collapse(text: string): string[] {
  return text.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
}

/** A workspace with the case's content and a previous, good dist/ that must survive a failed build. */
function workspaceWithPreviousDist(testCase: Case) {
  const root = writeTree({ ...testCase.files, 'dist/index.html': '<p>vorige build</p>\n', 'dist/doc/index.html': '<p>vorige</p>\n' });
  if (testCase.folder) cpSync(path.join(testCase.folder, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

describe('bad input', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: exact messages, exit ${testCase.exit}${testCase.exit === 0 ? '' : ', dist/ untouched'}`, () => {
      const root = workspaceWithPreviousDist(testCase);
      const { code, stderr } = runCli(['build', '--no-pdf', '--no-check'], root);
      expect(code, stderr).toBe(testCase.exit);
      const lines = collapse(stderr);
      // The whole set of messages, not a subset: a new message is a change to review.
      // Each file's name, then its messages, in the reporter's order.
      const messages = lines.filter(
        (line) => /^(\d+:\d+(-\d+:\d+)? )?(error|warning) /.test(line) || /^content(\/\S*)?$/.test(line) || /^content\/.*\.(md|yml)$/.test(line),
      );
      if (process.env.UPDATE_BAD_INPUT === '1' && testCase.folder) {
        const file = path.join(testCase.folder, 'expected.txt');
        const [title, exit] = readFileSync(file, 'utf8').split('\n');
        writeFileSync(file, `${[title, exit, ...messages].join('\n')}\n`);
        return;
      }
      expect(messages, stderr).toEqual(testCase.expected);
      if (code === 0) return;
      expect(stderr).toContain('kia: build mislukt');
      expect(readdirSync(path.join(root, 'dist')).sort()).toEqual(['doc', 'index.html']);
      expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
      // No staging folder is left behind.
      expect(readdirSync(root).filter((name) => name.includes('staging'))).toEqual([]);
    });
  }

  it('rejects a response that is a symlink pointing outside the document folder', () => {
    const response = 'responses:\n  - file: responses/link.md\n    from: Voorbeeld B.V.\n    title: Reactie\n    received: 2026-01-15\n';
    const root = workspaceWithPreviousDist({
      name: 'symlink',
      exit: 1,
      expected: [],
      files: { 'content/doc/index.md': document('Tekst.\n', response), 'geheim.md': 'Geheim.\n' },
    });
    mkdirSync(path.join(root, 'content/doc/responses'), { recursive: true });
    symlinkSync(path.join(root, 'geheim.md'), path.join(root, 'content/doc/responses/link.md'));
    const { code, stderr } = runCli(['build', '--no-pdf'], root);
    expect(code).toBe(1);
    expect(collapse(stderr)).toContain(
      '8:11 error Unexpected link `responses/link.md` pointing outside the document folder, expected a file inside `content/doc` response-outside-document kia-responses',
    );
  });

  it('rejects an unknown --only slug and unknown options', () => {
    const root = writeTree({ 'content/doc/index.md': document('Tekst.\n') });
    const only = runCli(['build', '--only', 'bestaat-niet', '--no-pdf'], root);
    expect(only.code).toBe(1);
    expect(collapse(only.stderr)).toContain('error Unexpected document `bestaat-niet`, expected one of `doc` unknown-document kia-files');
    const option = runCli(['build', '--onbekend'], root);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("kia: onbekende optie '--onbekend'");
  });

  it('builds, then a later failing build keeps the first build intact', () => {
    const root = writeTree({ 'content/doc/index.md': document('## Inleiding\n\nGoede tekst.\n') });
    expect(runCli(['build', '--no-pdf'], root).code).toBe(0);
    const before = readFileSync(path.join(root, 'dist/doc/index.html'), 'utf8');
    writeFileSync(path.join(root, 'content/doc/index.md'), document('Kapotte tekst.[^weg]\n'));
    expect(runCli(['build', '--no-pdf'], root).code).toBe(1);
    expect(readFileSync(path.join(root, 'dist/doc/index.html'), 'utf8')).toBe(before);
    expect(before).toContain('Goede tekst.');
  });
});
