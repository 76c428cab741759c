/**
 * A house style without forking (`huisstijl:` in publication.yml): logo, colours and an
 * @fontsource font over our token layer, in the HTML and the PDF alike; every mistake in it is
 * an error at its line and column.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageLines } from './helpers/messages.ts';
import { runCli, writeTree } from './helpers/workspace.ts';

const letter = `---
title: Aanbieding van de nota
type: brief
lang: nl
date: 2026-11-02
status: concept
commissioner: Ministerie van Voorbeeldzaken
letter:
  subject: Aanbieding van de nota
  sender:
    organisation: Ministerie van Voorbeeldzaken
  closing: Hoogachtend,
  signature:
    name: de minister van Voorbeeldzaken
    function: namens deze, de directeur
---

## Aanleiding

Hierbij bied ik u de nota aan.
`;

const note = `---
title: Nota over Klets
type: rapport
lang: nl
date: 2026-11-02
status: concept
---

## Inhoud

De nota bespreekt de dienst Klets en de kansen en risico's voor kinderen.
`;

const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60"><title>Voorbeeldzaken</title><rect width="60" height="60" fill="#7a1f1f"/></svg>\n';

const publication = (huisstijl: string) => `title: Publicatie over Klets
date: 2026-11-02
sender:
  ministry: Ministerie van Voorbeeldzaken
documents:
  - brief
  - nota
huisstijl:
${huisstijl}`;

describe('house style', () => {
  it('puts the logo in the letter head, the colours and the font over the tokens, in the HTML and the PDF', () => {
    const root = writeTree({
      'content/brief/index.md': letter,
      'content/nota/index.md': note,
      'content/_huisstijl/logo.svg': logo,
      'content/publication.yml': publication(`  logo:
    bestand: _huisstijl/logo.svg
    alt: Logo van het Ministerie van Voorbeeldzaken
  kleuren:
    accent: "#7A1F1F"
    link: "#1F4E7A"
  lettertype: "@fontsource/atkinson-hyperlegible"
`),
    });
    const built = runCli(['build'], root);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'dist/brief/index.html'), 'utf8');
    // The house style's sheet right after the tokens, in both the page and the print variant.
    expect([...html.matchAll(/<link rel="stylesheet" href="\.\.\/assets\/([a-z-]+)\.css"/g)].map((match) => match[1]).slice(0, 2)).toEqual([
      'tokens',
      'huisstijl',
    ]);
    expect(html).toContain('<p class="letter-logo"><img src="../assets/huisstijl-logo.svg" alt="Logo van het Ministerie van Voorbeeldzaken"></p>');
    expect(readFileSync(path.join(root, 'dist/nota/index.html'), 'utf8')).not.toContain('letter-logo');
    const css = readFileSync(path.join(root, 'dist/assets/huisstijl.css'), 'utf8');
    expect(css).toContain(":root {\n  --color-accent: #7a1f1f;\n  --color-link: #1f4e7a;\n  --font-body: 'Atkinson Hyperlegible', 'Noto Sans', sans-serif;\n}");
    expect(css).toContain("src: url('fonts/atkinson-hyperlegible-latin-700-normal.woff2') format('woff2');");
    expect(readFileSync(path.join(root, 'dist/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2')).length).toBeGreaterThan(1000);
    expect(readFileSync(path.join(root, 'dist/assets/huisstijl-logo.svg'), 'utf8')).toContain('<title>Voorbeeldzaken</title>');
    // The PDF is set in the house font: Chromium embedded it.
    const fonts = execFileSync('pdffonts', [path.join(root, 'dist/brief/brief.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/AtkinsonHyperlegible/);
    expect(built.stderr).toContain('kia: toegankelijkheid in orde');
  }, 240_000);

  it('refuses colours below AA contrast, a missing logo, a logo without text and a font not installed, each at its place', () => {
    const root = writeTree({
      'content/brief/index.md': letter,
      'content/nota/index.md': note,
      'content/publication.yml': publication(`  logo:
    bestand: huisstijl/ontbreekt.svg
    alt: Logo
  kleuren:
    tekst: "#999999"
    accent: "#7A1F1F"
    link: "#66AAFF"
  lettertype: "@fontsource/bestaat-niet"
`),
    });
    const built = runCli(['build', '--no-pdf'], root);
    expect(built.code).toBe(1);
    expect(messageLines(built.stderr)).toEqual([
      '10:14 error Unexpected missing logo `huisstijl/ontbreekt.svg`, expected an SVG file at `content/huisstijl/ontbreekt.svg` missing-logo kia-house-style',
      '13:12 error Unexpected colour `#999999` for tekst with a contrast of 2.85:1 on white, expected at least 4.5:1 (WCAG 2.1 AA, 1.4.3) house-style-contrast kia-house-style',
      '15:11 error Unexpected colour `#66AAFF` for link with a contrast of 2.40:1 on white, expected at least 4.5:1 (WCAG 2.1 AA, 1.4.3) house-style-contrast kia-house-style',
      '16:15 error Unexpected font package `@fontsource/bestaat-niet` that is not installed, expected it in the project (`npm install @fontsource/bestaat-niet`) unknown-font kia-house-style',
    ]);
    const withoutText = runCli(
      ['build', '--no-pdf'],
      writeTree({
        'content/brief/index.md': letter,
        'content/nota/index.md': note,
        'content/publication.yml': publication('  logo:\n    bestand: logo.svg\n'),
      }),
    );
    expect(withoutText.code).toBe(1);
    expect(messageLines(withoutText.stderr)).toEqual(['10:5 error Unexpected missing `huisstijl.logo.alt`, expected a string missing-field kia-publication']);
  }, 120_000);
});
