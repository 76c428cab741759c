/**
 * `type: beslisnota` end to end: a fictional decision note published with the letter it led to.
 * Its head names the officials who wrote it; the public version withholds their names (Woo
 * 5.1.2e) in the HTML, the PDF, the landing page and the bundle, and the build's leak search
 * holds it to that. The internal version shows them. (The real note, test/real/, has its
 * officials anonymised already.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../scripts/commands/build.ts';
import { bundleSlug } from '../scripts/core/bundle.ts';
import { tempDir, writeTree } from './helpers/workspace.ts';

const official = 'Marit Zonneveldt';

const note = `---
title: Verzending van het KIA Flits aan de Tweede Kamer
type: beslisnota
lang: nl
date: 2026-10-20
status: definitief
reference: VBZ-2026-0198
decisionNote:
  to: de minister van Voorbeeldzaken
  from: directie Digitale Samenleving
  officials:
    - name: ${official}
      role: senior beleidsmedewerker
---

## Aanleiding

Het KIA over de videodeelapp Flits is klaar.

## Geadviseerd besluit

Instemmen met de bijgevoegde brief aan de Tweede Kamer.

## Kern

Het KIA ziet hoge risico's op het gebied van privacy.

## Toelichting

Flits Media heeft een zienswijze ingediend; die is in het KIA opgenomen.

## Communicatie

Een woordvoeringslijn wordt opgesteld.
`;

const letter = `---
title: Aanbieding KIA Flits
type: brief
lang: nl
date: 2026-11-02
status: definitief
letter:
  signature:
    function: de minister van Voorbeeldzaken
---

Hierbij bied ik u het KIA over Flits aan, met de beslisnota die eraan voorafging.
`;

const publication = `title: KIA Flits
date: 2026-11-02
sender:
  ministry: Ministerie van Voorbeeldzaken
documents:
  - brief
  - nota
`;

const pdfText = (dir: string) =>
  execFileSync('pdftotext', [path.join(dir, readdirSync(dir).find((name) => name.endsWith('.pdf'))!), '-'], { encoding: 'utf8' });

describe('a beslisnota published with its letter', () => {
  let content: string;
  let out: string;
  let result: BuildResult;
  beforeAll(async () => {
    content = writeTree({ 'publication.yml': publication, 'brief/index.md': letter, 'nota/index.md': note });
    out = path.join(tempDir(), 'dist');
    result = await build({ contentDir: content, outDir: out, pdf: true, check: true, bundle: true });
  }, 300_000);

  it('builds through the gate', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.accessibility?.passed).toBe(true);
  });

  it('shows its head with the officials withheld, in HTML and PDF', () => {
    const html = readFileSync(path.join(out, 'nota/index.html'), 'utf8');
    expect(html).toContain('<p class="doc-type">Beslisnota</p>');
    expect(html).toMatch(
      /<dt>Aan<\/dt><dd>de minister van Voorbeeldzaken<\/dd>.*<dt>Van<\/dt><dd>directie Digitale Samenleving<\/dd>.*<dt>Kenmerk<\/dt><dd>VBZ-2026-0198<\/dd>/s,
    );
    expect(html).toContain(
      '<dt>Opgesteld door</dt><dd><ul class="decision-officials"><li><span class="redacted">[weggelakt, 5.1.2e]</span>, senior beleidsmedewerker</li></ul></dd>',
    );
    const pdf = pdfText(path.join(out, 'nota'));
    expect(pdf).toMatch(/\[weggelakt, 5\.1\.2e\]\s*, senior beleidsmedewerker/);
    expect(pdf).toMatch(/Opgesteld door[\s\S]*Aanleiding[\s\S]*Pagina 1 van 1/); // no cover: the text starts under the head
    expect(pdf).toContain('Geadviseerd besluit');
  });

  it('publishes the name nowhere: no output file holds it', () => {
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const holding = files.filter((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const text = entry.name.endsWith('.pdf') ? execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) : readFileSync(file, 'latin1');
      return text.includes('Zonneveldt');
    });
    expect(holding.map((entry) => entry.name)).toEqual([]);
  });

  it('is on the landing page and in the bundle', () => {
    const landing = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(landing).toContain('Verzending van het KIA Flits aan de Tweede Kamer');
    expect(landing).toContain('Beslisnota');
    const text = pdfText(path.join(out, bundleSlug));
    expect(text).toContain('Aanbieding KIA Flits');
    expect(text).toContain('Verzending van het KIA Flits aan de Tweede Kamer');
    expect(text).toContain('[weggelakt, 5.1.2e]');
  });

  it('shows the name, marked, in the internal version', async () => {
    const internalOut = path.join(tempDir(), 'intern');
    const internal = await build({ contentDir: content, outDir: internalOut, pdf: false, only: 'nota', redaction: 'internal' });
    expect(internal.ok).toBe(true);
    expect(readFileSync(path.join(internalOut, 'nota/index.html'), 'utf8')).toContain(
      `<mark class="redaction-internal">${official}<span class="redaction-ground"> [weglakken: 5.1.2e]</span></mark>, senior beleidsmedewerker`,
    );
  });
});
