/**
 * The `kia` command line (commander): version, help per command in Dutch, did-you-mean for
 * mistyped commands and options, exit code 2 for usage errors. Through the real CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { document, projectRoot, runCli, writeTree } from './helpers/workspace.ts';

const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('kia', () => {
  it('--version prints the package version', () => {
    expect(runCli(['--version'], projectRoot)).toMatchObject({ code: 0, stdout: `kia-press ${version}\n` });
  });

  it('suggests the command meant, in Dutch, with exit 2', () => {
    const { code, stderr } = runCli(['buidl'], projectRoot);
    expect(code).toBe(2);
    expect(stderr).toBe("kia: onbekende opdracht 'buidl'\n(bedoelt u build?)\n");
  });

  it('suggests the option meant, with exit 2', () => {
    const { code, stderr } = runCli(['build', '--outt', 'x'], projectRoot);
    expect(code).toBe(2);
    expect(stderr).toBe("kia: onbekende optie '--outt'\n(bedoelt u --out?)\n");
  });

  it('checks option values: a timeout is a number of seconds', () => {
    expect(runCli(['build', '--pdf-timeout', 'lang'], projectRoot)).toMatchObject({
      code: 2,
      stderr: 'kia: --pdf-timeout verwacht een aantal seconden, niet `lang`\n',
    });
    expect(runCli(['preview', '--port', '70000'], projectRoot)).toMatchObject({ code: 2, stderr: 'kia: --port verwacht een poortnummer, niet `70000`\n' });
  });

  it('refuses a SOURCE_DATE_EPOCH that is no date with a message and exit 2, before building anything', () => {
    const workspace = writeTree({ 'content/een/index.md': document('Tekst.\n') });
    for (const value of ['abc', '1.5', '-86400', '99999999999999']) {
      expect(runCli(['build', '--no-pdf'], workspace, { SOURCE_DATE_EPOCH: value })).toEqual({
        code: 2,
        stdout: '',
        stderr: `kia: SOURCE_DATE_EPOCH verwacht hele seconden sinds 1970 (zoals 1764547200 voor 2025-12-01), niet \`${value}\`\n`,
      });
    }
    expect(existsSync(path.join(workspace, 'dist'))).toBe(false);
    expect(runCli(['build', '--no-pdf', '--no-check'], workspace, { SOURCE_DATE_EPOCH: '1764547200' }).code).toBe(0);
    expect(readFileSync(path.join(workspace, 'dist/manifest.json'), 'utf8')).toContain('"buildDate": "2025-12-01"');
  });

  it('gives each command its own help, in Dutch', () => {
    const { code, stdout } = runCli(['new', '--help'], projectRoot);
    expect(code).toBe(0);
    expect(stdout).toContain('Gebruik: kia new [opties] <slug>');
    expect(stdout).toContain('--service <naam>');
    expect(stdout).not.toMatch(/Usage|Options|default:/);
    expect(runCli(['help', 'audit'], projectRoot).stdout).toContain('Gebruik: kia audit [opties] [pad...]');
  });

  it('without a command, shows the commands and exits 1', () => {
    const { code, stderr } = runCli([], projectRoot);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Opdrachten:\n {2}build \[opties\]/);
  });
});
