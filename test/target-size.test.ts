/**
 * WCAG 2.5.8 (target size): footnote calls side by side, in a heading, in a table and in a
 * response, the back links of a note called twice, and notes that hold only a web address (as
 * in the real letters to parliament: the address and the back link are two small targets side
 * by side, outside any sentence) pass axe's target-size rule in the gate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const body = `## Stelsel[^kop]

Het stelsel is ingewikkeld.[^6][^7][^8] Zie ook de tabel.[^6]

Tabel 1: Meldingen

| Jaar | Meldingen[^9] |
| --- | --- |
| 2025 | 12[^6][^7] |

[^kop]: https://www.rijksoverheid.nl/documenten/kamerstukken/2024/01/01/stelsel
[^6]: Eerste noot, twee keer aangeroepen.
[^7]: Tweede noot.
[^8]: Derde noot.
[^9]: https://zoek.officielebekendmakingen.nl/kst-26643-1234.html
`;
const response = 'Wij reageren kort.[^1][^2][^3]\n\n[^1]: https://example.org/een\n[^2]: Twee.\n[^3]: Drie.\n';
const entry = 'responses:\n  - file: reactie.md\n    from: Voorbeeld B.V.\n    title: Reactie\n    received: 2026-01-15\n';

describe('footnote targets', () => {
  it('pass target-size in every arrangement, with the gate', () => {
    const root = writeTree({ 'content/nota/index.md': document(body, entry), 'content/nota/reactie.md': response });
    const { code, stderr } = runCli(['build', '--no-pdf'], root);
    expect(stderr).not.toContain('target-size');
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(root, 'dist/toegankelijkheid/report.json'), 'utf8')) as {
      passed: boolean;
      files: Array<{ file: string; checks: Array<{ id: string; status: string }> }>;
    };
    expect(report.passed).toBe(true);
    // Evaluated (the page has targets), and passed.
    expect(report.files.find((file) => file.file === 'nota/index.html')?.checks.find((check) => check.id === 'target-size')?.status).toBe('pass');
    expect(stderr).not.toContain('target-size');
  });
});
