/**
 * Drafts, final builds and Woo redaction, end to end through the real CLI, Chromium, poppler
 * and qpdf: a concept carries its banner and a watermark on every PDF page; --final refuses
 * with every reason; withheld text is in no public artefact, and a leak fails the build; the
 * internal build shows it, into its own folder, marked on every page.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { readPdfText } from '../scripts/pdf/text.ts';
import { poppler, runCli, tempDir, writeTree } from './helpers/workspace.ts';

const epoch = { SOURCE_DATE_EPOCH: '1764028800' }; // 25 November 2025
const frontmatter = (status: string, extra = '') =>
  `---\ntitle: Notitie over Flits\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: ${status}\n${extra}---\n\n`;
const body = `## Gesprekken

We spraken met :redact[Jan Jansen]{grond="5.1.2e"} van Flits Media en met een
toezichthouder.[^1]

## Bevindingen

${Array.from({ length: 40 }, (_, n) => `Bevinding ${n + 1}: de instellingen voor kinderen zijn niet standaard veilig.`).join('\n\n')}

[^1]: Gesprek van 3 juni 2026 met :redact[Jan Jansen]{grond="5.1.2e"}.
`;

describe('a draft with a redaction', () => {
  let root: string;
  beforeAll(() => {
    root = writeTree({ 'content/notitie/index.md': frontmatter('concept') + body });
    const built = runCli(['build'], root, epoch);
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it('has a CONCEPT banner with the build date in the HTML, once', () => {
    const html = readFileSync(path.join(root, 'dist/notitie/index.html'), 'utf8');
    expect(html.match(/class="draft-banner" role="note"/g)).toHaveLength(1);
    expect(html).toContain('<strong>CONCEPT</strong> — dit document is nog niet definitief en niet bedoeld voor verspreiding. Gebouwd op 25 november 2025.');
  });

  it('carries the watermark and the build date on every PDF page, as page furniture', () => {
    const pdf = path.join(root, 'dist/notitie/notitie.pdf');
    // -raw: in content-stream order, as a copy or a search would meet the text.
    const pages = poppler('pdftotext', ['-raw', pdf, '-'])
      .split('\f')
      .filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const [index, page] of pages.entries()) expect(page, `page ${index + 1}`).toContain('Concept · gebouwd op 25 november 2025');
    // The gate passed: the watermark is an artifact, not text of the structure tree.
    const report = JSON.parse(readFileSync(path.join(root, 'dist/toegankelijkheid/report.json'), 'utf8')) as { passed: boolean };
    expect(report.passed).toBe(true);
  });

  it('draws the watermark on every page as outlines: seen on the page, in no extracted text', async () => {
    const pdf = path.join(root, 'dist/notitie/notitie.pdf');
    const pdftotext = poppler('pdftotext', ['-raw', pdf, '-'])
      .split('\f')
      .filter((page) => page.trim());
    const pdfjs = (await readPdfText(pdf)).pages.map((page) => [...page.lines, ...page.furniture].join('\n'));
    expect(pdfjs).toHaveLength(pdftotext.length);
    for (const [index, text] of [...pdftotext.entries(), ...pdfjs.entries()]) {
      // Only the banner on the cover says CONCEPT in capitals; no page has the watermark's
      // letters (before: "CO N … CE" in the middle of the page's text).
      const squashed = text.replace(/\s+/g, '');
      expect(squashed.match(/CONCEPT/g)?.length ?? 0, `page ${index + 1}`).toBe(index === 0 ? 1 : 0);
      expect(text, `page ${index + 1}`).not.toMatch(/^\s*(C|O|N|E|P|T|CO|NC|CE|EP|PT)\s*$/m);
    }
    // Drawn all the same: the watermark's tint (#a90000 at 13 % over white) covers part of every page.
    const dir = tempDir();
    execFileSync('pdftoppm', ['-r', '20', '-png', pdf, path.join(dir, 'pagina')]);
    const images = readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    expect(images).toHaveLength(pdftotext.length);
    for (const image of images) {
      const { data, width, height } = PNG.sync.read(readFileSync(path.join(dir, image)));
      let tinted = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] > 230 && data[i] - data[i + 1] > 12 && Math.abs(data[i + 1] - data[i + 2]) < 8) tinted++;
      expect(tinted / (width * height), image).toBeGreaterThan(0.02);
    }
  });

  it('shows one public text instead of the withheld text, with the ground described in its title', () => {
    const html = readFileSync(path.join(root, 'dist/notitie/index.html'), 'utf8');
    expect(html).toContain(
      '<span class="redacted" title="Weggelakt: eerbiediging van de persoonlijke levenssfeer, artikel 5.1.2e Woo">[weggelakt, 5.1.2e]</span>',
    );
  });

  it('has the withheld text in no public artefact: HTML, PDF text, decompressed PDF, manifest, landing page', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const all = files(path.join(root, 'dist'));
    expect(all.some((file) => file.endsWith('manifest.json'))).toBe(true);
    for (const file of all) expect(readFileSync(file).includes('Jansen'), file).toBe(false);
    const pdf = path.join(root, 'dist/notitie/notitie.pdf');
    expect(poppler('pdftotext', [pdf, '-'])).not.toContain('Jansen');
    const expanded = path.join(root, 'expanded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', pdf, expanded]);
    const raw = readFileSync(expanded);
    expect(raw.includes('Jansen')).toBe(false);
    expect(raw.includes(Buffer.from('Jansen', 'utf16le').swap16())).toBe(false);
    // What the box says does reach the PDF, as text.
    expect(poppler('pdftotext', [pdf, '-'])).toContain('We spraken met [weggelakt, 5.1.2e] van Flits Media');
  });

  it('fails the public build when the withheld text survives elsewhere (here: in the description)', () => {
    const leaking = writeTree({
      'content/notitie/index.md': frontmatter('concept', 'description: Verslag van het gesprek met Jan Jansen.\n') + body,
      'dist/index.html': '<p>vorige build</p>\n',
    });
    const { code, stderr } = runCli(['build'], leaking, epoch);
    expect(code).toBe(1);
    const lines = stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^12:16-12:51 error Unexpected withheld text „Jan Jansen” \(grond 5\.1\.2e\) in `notitie\/index\.html` \(text, line \d+: „Jan Jansen”; .*\), expected it nowhere in the public output redaction-leak kia-redaction$/,
      ),
    );
    expect(
      lines.some((line) =>
        /withheld text „Jan Jansen” .* in `notitie\/notitie\.pdf` \(.*strings \(info, bookmarks, structure tree\), line \d+: „Jan Jansen”/.test(line),
      ),
    ).toBe(true);
    expect(readFileSync(path.join(leaking, 'dist/index.html'), 'utf8')).toBe('<p>vorige build</p>\n');
    // Again, with every file's leak search in the cache: the same finds, the same refusal.
    const again = runCli(['build'], leaking, epoch);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('uit de cache');
    const leaks = (output: string) =>
      output
        .split('\n')
        .filter((line) => line.includes('redaction-leak'))
        .map((line) => line.trim().replace(/\s+/g, ' '));
    expect(leaks(again.stderr)).toEqual(leaks(stderr));
    expect(leaks(stderr).length).toBeGreaterThan(1);
  }, 180_000);

  it('--internal shows the withheld text with its ground, in dist-intern/, marked Intern on every page', () => {
    const internal = runCli(['build', '--internal'], root, epoch);
    expect(internal.code, internal.stderr).toBe(0);
    expect(internal.stderr).toContain('→ dist-intern/');
    const html = readFileSync(path.join(root, 'dist-intern/notitie/index.html'), 'utf8');
    expect(html).toContain('<mark class="redaction-internal" data-ground="5.1.2e">Jan Jansen<span class="redaction-ground"> [weglakken: 5.1.2e]</span></mark>');
    expect(html).toContain('<strong>INTERN</strong>');
    const pages = poppler('pdftotext', [path.join(root, 'dist-intern/notitie/notitie.pdf'), '-'])
      .split('\f')
      .filter((page) => page.trim());
    for (const [index, page] of pages.entries()) expect(page, `page ${index + 1}`).toContain('INTERN — bevat weggelakte gegevens');
    // The public build is untouched by it.
    expect(readFileSync(path.join(root, 'dist/notitie/index.html'), 'utf8')).not.toContain('Jansen');
  }, 120_000);
});

describe('a redaction in a stakeholder response', () => {
  const response = `## Reactie van Flits Media

Ons gesprek met het ministerie werd gevoerd door :redact[Petra Bakker]{grond="5.1.2e"}, tussen 09:00
en 10:00. Zie bijlage:A[2]{pagina=3}; het nummer :redact[06 9876 5432]{grond="5.1.2e"} is voor vragen.

Met vriendelijke groet,
Flits Media B.V.
`;
  const matter = frontmatter(
    'definitief',
    'responses:\n  - file: responses/flits.md\n    from: Flits Media B.V.\n    title: Reactie van Flits Media\n    received: 2026-01-20\n',
  );
  const note = `## Bevindingen\n\n${Array.from({ length: 6 }, (_, n) => `Bevinding ${n + 1}: de instellingen voor kinderen zijn niet standaard veilig.`).join('\n\n')}\n`;
  let root: string;
  beforeAll(() => {
    root = writeTree({ 'content/notitie/index.md': matter + note, 'content/notitie/responses/flits.md': response });
    const built = runCli(['build'], root, epoch);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('1 van 1 reacties letterlijk (1 na weglakken)');
  }, 120_000);

  it('lists the redactions in the provenance line and keeps the rest verbatim, typed directives included', () => {
    const html = readFileSync(path.join(root, 'dist/notitie/index.html'), 'utf8');
    expect(html).toContain(
      '<dt>Weggelakt</dt><dd>2 passages op grond van artikel 5.1.2e Woo (eerbiediging van de persoonlijke levenssfeer). De controle vergelijkt de gepubliceerde tekst verder met de bron waarin deze passages zijn weggelakt.</dd>',
    );
    expect(html).toContain(
      'gevoerd door <span class="redacted" title="Weggelakt: eerbiediging van de persoonlijke levenssfeer, artikel 5.1.2e Woo">[weggelakt, 5.1.2e]</span>, tussen 09:00',
    );
    expect(html).toContain('Zie bijlage:A[2]{pagina=3}; het nummer');
    const text = poppler('pdftotext', [path.join(root, 'dist/notitie/notitie.pdf'), '-']).replace(/\s+/g, '');
    expect(text).toContain('gevoerddoor[weggelakt,5.1.2e],tussen09:00en10:00.Ziebijlage:A[2]{pagina=3};hetnummer[weggelakt,5.1.2e]isvoorvragen.');
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')) as {
      documents: Array<{ responses: Array<{ verbatim: unknown; redactions: string[] }> }>;
    };
    expect(manifest.documents[0].responses[0]).toMatchObject({
      verbatim: { html: true, pdf: true, against: 'redacted-source' },
      redactions: ['5.1.2e', '5.1.2e'],
    });
  });

  it('has the withheld text of the response in no public artefact', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    for (const file of files(path.join(root, 'dist'))) {
      expect(readFileSync(file).includes('Bakker'), file).toBe(false);
      expect(readFileSync(file).includes('9876'), file).toBe(false);
    }
    const expanded = path.join(root, 'expanded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', path.join(root, 'dist/notitie/notitie.pdf'), expanded]);
    expect(readFileSync(expanded).includes('Bakker')).toBe(false);
    expect(readFileSync(expanded).includes(Buffer.from('Bakker', 'utf16le').swap16())).toBe(false);
  });

  it('fails the public build when the response names the person again without a redaction, at the place in the response', () => {
    const leaking = writeTree({ 'content/notitie/index.md': matter + note, 'content/notitie/responses/flits.md': `${response}\nPetra Bakker\n` });
    const { code, stderr } = runCli(['build'], leaking, epoch);
    expect(code).toBe(1);
    expect(stderr).toContain('content/notitie/responses/flits.md');
    const lines = stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^3:50-3:87 error Unexpected withheld text „Petra Bakker” \(grond 5\.1\.2e\) in `notitie\/index\.html` \(text, line \d+: „Petra Bakker”; .*\), expected it nowhere in the public output redaction-leak kia-redaction$/,
      ),
    );
    expect(existsSync(path.join(leaking, 'dist'))).toBe(false);
  }, 120_000);

  it('--internal shows the passages highlighted, and says they are to be withheld', () => {
    const internal = runCli(['build', '--internal', '--no-pdf'], root, epoch);
    expect(internal.code, internal.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'dist-intern/notitie/index.html'), 'utf8');
    expect(html).toContain(
      'gevoerd door <mark class="redaction-internal" data-ground="5.1.2e">Petra Bakker<span class="redaction-ground"> [weglakken: 5.1.2e]</span></mark>',
    );
    expect(html).toContain('<dt>Weg te lakken</dt>');
  }, 120_000);
});

describe('the redaction proof finds the name as a reader would recognise it', () => {
  const leakyBody = `## Gesprekken

We spraken met :redact[Piet Geheimnaam]{grond="5.1.2e" ook="P.G."} van Flits Media op 3 juni.

## Het vervolg met PIET GEHEIMNAAM

Later schreef Piet *Geheimnaam* nog een mail, ondertekend met P. G.

${Array.from({ length: 6 }, (_, n) => `Bevinding ${n + 1}: de instellingen voor kinderen zijn niet standaard veilig.`).join('\n\n')}
`;
  /** The forms a leak message names for `file`, each with the writings found: label → writings. */
  const formsIn = (stderr: string, file: string, needle = 'Piet Geheimnaam') => {
    const line = stderr
      .split('\n')
      .map((entry) => entry.trim().replace(/ +/g, ' '))
      .find((entry) =>
        entry.includes(
          `withheld text „Piet Geheimnaam” (grond 5.1.2e) ${needle === 'Piet Geheimnaam' ? '' : `as its other form „${needle}” `}in \`${file}\` (`,
        ),
      );
    const list = line?.match(/ in `[^`]+` \((.*)\), expected it nowhere/)?.[1] ?? '';
    return Object.fromEntries(
      list
        .split('; ')
        .filter(Boolean)
        .map((form) => [form.slice(0, form.indexOf(', line ')), [...form.matchAll(/„([^”]*)”/g)].map((match) => match[1])]),
    );
  };

  it('fails on capitals, on markup inside the name, on its other forms, in every channel; the gate having failed keeps nothing', () => {
    // An empty link fails the accessibility gate too: before, the output was then kept in dist.mislukt/.
    const matter = frontmatter('definitief', 'description: Verslag van het gesprek met piet geheimnaam.\n').replace(
      'title: Notitie over Flits',
      'title: Notitie over Piet Geheim\u00adnaam',
    );
    const root = writeTree({ 'content/notitie/index.md': matter + leakyBody + '\n[](https://example.org)\n' });
    const { code, stderr } = runCli(['build'], root, epoch);
    expect(code).toBe(1);
    // The page: capitals, markup inside the name (`Piet <em>Geheimnaam</em>`), a soft hyphen,
    // the heading's id; and the other form „P.G.” written „P. G.”.
    const html = formsIn(stderr, 'notitie/index.html');
    expect(html['text as read']).toEqual(expect.arrayContaining(['PIET GEHEIMNAAM', 'Piet Geheimnaam', 'Piet Geheim\u00adnaam']));
    expect(html['attributes (ids, alt, aria-label, href)']).toEqual(expect.arrayContaining(['piet geheimnaam', 'piet-geheimnaam']));
    expect(formsIn(stderr, 'notitie/index.html', 'P.G.')['text as read']).toEqual(['P. G']);
    // The PDF: its text, and its strings (the description as Subject, the heading as a bookmark).
    const pdf = formsIn(stderr, 'notitie/notitie.pdf');
    expect(pdf.text).toEqual(expect.arrayContaining(['PIET GEHEIMNAAM']));
    expect(pdf['strings (info, bookmarks, structure tree)']).toEqual(expect.arrayContaining(['piet geheimnaam', 'PIET GEHEIMNAAM']));
    // The title, with a soft hyphen in the name, on the landing page and in the manifest.
    expect(formsIn(stderr, 'index.html').text).toEqual(['Piet Geheim\u00adnaam']);
    expect(formsIn(stderr, 'manifest.json').text).toEqual(['Piet Geheim\u00adnaam']);
    expect(stderr).toContain('link-name');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    expect(existsSync(path.join(root, 'dist.mislukt'))).toBe(false);
  }, 120_000);

  it('keeps a gate failure for inspection only when no withheld text is in it', () => {
    const root = writeTree({
      'content/notitie/index.md': frontmatter('definitief') + leakyBody.replace(/## Het vervolg[^]*?P\. G\.\n/, '') + '\n[](https://example.org)\n',
    });
    const { code, stderr } = runCli(['build'], root, epoch);
    expect(code).toBe(1);
    expect(stderr).not.toContain('redaction-leak');
    expect(readFileSync(path.join(root, 'dist.mislukt/notitie/index.html'), 'utf8')).toContain('<span class="redacted"');
  }, 120_000);
});

describe('a redaction wherever text travels', () => {
  const public_ = '[weggelakt, 5.1.2e]';
  const name = ':redact[Piet Geheimnaam]{grond="5.1.2e"}';
  const matter = frontmatter(
    'definitief',
    'responses:\n  - file: reactie.md\n    from: Flits Media B.V.\n    title: Reactie van Flits Media\n    received: 2026-01-20\n    kind: reactie\n',
  );
  const bodyText = `## Gesprek met ${name}

Het gesprek[^1] staat in de tabel en de lijst.

Tabel 1: Afspraken met ${name}

| Afspraak | Met ${name} |
| --- | --- |
| 3 juni | ja |

- Nagebeld door ${name}
- Zie [het verslag van ${name}](#gesprek-met-weggelakt-5-1-2e)

${Array.from({ length: 30 }, (_, n) => `Bevinding ${n + 1}: de instellingen voor kinderen zijn niet standaard veilig.`).join('\n\n')}

[^1]: Gevoerd door **${name}**.
`;
  let root: string;
  let stderr: string;
  beforeAll(() => {
    root = writeTree({ 'content/notitie/index.md': matter + bodyText, 'content/notitie/reactie.md': `## Antwoord aan ${name}\n\nWij reageren graag.\n` });
    const built = runCli(['build'], root, epoch);
    stderr = built.stderr;
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it('passes the gate and the leak proof, with no other message', () => {
    expect(stderr).not.toMatch(/ (warning|error) /);
    const report = JSON.parse(readFileSync(path.join(root, 'dist/toegankelijkheid/report.json'), 'utf8')) as { passed: boolean };
    expect(report.passed).toBe(true);
  });

  it('reads the same public text in the heading, contents, caption, table header, list, link, footnote and response heading', () => {
    const html = readFileSync(path.join(root, 'dist/notitie/index.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, '');
    for (const expected of [
      `Gesprek met ${public_}`,
      `Afspraken met ${public_}`,
      `Met ${public_}`,
      `Nagebeld door ${public_}`,
      `het verslag van ${public_}`,
      `Gevoerd door ${public_}`,
      `Antwoord aan ${public_}`,
    ])
      expect(text, expected).toContain(expected);
    // The contents repeats the heading's text, not its markup twice.
    const toc = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(toc.replace(/<[^>]+>/g, '')).toContain(`Gesprek met ${public_}`);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).not.toContain('Geheimnaam');
  });

  it('gives the bookmarks, the printed contents and the running heads the same text', async () => {
    const pdf = path.join(root, 'dist/notitie/notitie.pdf');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
    const titles: string[] = [];
    const walk = (items: Array<{ title: string; items: unknown[] }> | null) => {
      for (const item of items ?? []) {
        titles.push(item.title);
        walk(item.items as Array<{ title: string; items: unknown[] }>);
      }
    };
    walk((await document.getOutline()) as Array<{ title: string; items: unknown[] }> | null);
    expect(titles).toContain(`Gesprek met ${public_}`);
    expect(titles).toContain(`Antwoord aan ${public_}`);
    const pages = poppler('pdftotext', [pdf, '-'])
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' '));
    const contents = pages.find((page) => page.includes('Inhoudsopgave'));
    expect(contents).toContain(`Gesprek met ${public_}`);
    // A page of the chapter names it in its running head.
    expect(pages.filter((page) => page.includes('Bevinding 20'))[0]).toContain(`Gesprek met ${public_}`);
    expect(pages.join(' ')).not.toContain('Weggelakt: eerbiediging');
  });
});

describe('reproducible output', () => {
  it('with SOURCE_DATE_EPOCH two builds give byte-identical files, and the manifest records date, edition, instrument and tools', () => {
    const root = writeTree({ 'content/notitie/index.md': frontmatter('concept') + body });
    const hashes = (dir: string) => {
      const files = (folder: string): string[] =>
        readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? files(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
        );
      return Object.fromEntries(files(dir).map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
    };
    expect(runCli(['build', '--out', 'een'], root, epoch).code).toBe(0);
    expect(runCli(['build', '--out', 'twee'], root, epoch).code).toBe(0);
    const first = hashes(path.join(root, 'een'));
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['manifest.json', 'notitie/index.html', 'notitie/notitie.pdf']));
    expect(hashes(path.join(root, 'twee'))).toEqual(first);
    const manifest = JSON.parse(readFileSync(path.join(root, 'een/manifest.json'), 'utf8')) as {
      buildDate: string;
      edition: string;
      instrument: { id: string };
      tools: Record<string, string>;
    };
    expect(manifest.buildDate).toBe('2025-11-25');
    expect(manifest.edition).toBe('public');
    expect(manifest.instrument.id).toBe('kia-invuldocument');
    expect(manifest.tools.node).toBe(process.version);
    expect(manifest.tools.chromium).toMatch(/Chrom/);
    expect(Object.keys(manifest.tools)).toEqual(expect.arrayContaining(['unified', 'pagedjs', 'pdf-lib', 'axe-core']));
  }, 180_000);
});

describe('kia build --final', () => {
  it('refuses a draft with open work, naming every reason at its place, and writes nothing', () => {
    const root = writeTree({
      'content/notitie/index.md': `${frontmatter('concept')}## Inhoud\n\nTODO: cijfers van 2026 invullen.\n\n<!-- FIXME: bron nalopen -->\n\nNog in te vullen.\n`,
      'content/brief/index.md': `${frontmatter('definitief').replace('Notitie over Flits', 'Brief')}## Inhoud\n\nKlaar.\n`,
    });
    const { code, stderr } = runCli(['build', '--final'], root);
    expect(code).toBe(1);
    const lines = stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(lines).toContain(
      '6:9 error Unexpected `status: concept` in a final build, expected `definitief` (a draft cannot go to parliament) final-concept kia-final',
    );
    expect(lines).toContain('11:1 error Unexpected open marker `TODO` in a final build, expected the text finished final-open-marker kia-final');
    expect(lines).toContain('13:6 error Unexpected open marker `FIXME` in a final build, expected the text finished final-open-marker kia-final');
    expect(lines).toContain('15:1 error Unexpected open marker `Nog in te vullen` in a final build, expected the text finished final-open-marker kia-final');
    expect(stderr).toContain('kia: --final geweigerd om 4 redenen');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('refuses --no-check and --no-pdf, and builds a finished publication', () => {
    const root = writeTree({ 'content/brief/index.md': `${frontmatter('definitief')}## Inhoud\n\nKlaar.\n` });
    expect(runCli(['build', '--final', '--no-check'], root).stderr).toContain('final-incomplete');
    const built = runCli(['build', '--final'], root);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'dist/brief/index.html'), 'utf8')).not.toContain('draft-banner');
  }, 120_000);
});
