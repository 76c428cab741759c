/**
 * `bundleTree` on small print trees: ids unique per document, links between documents kept
 * inside the bundle, images pointing at their document's folder, one table of contents with
 * each document and its chapters, each document's own classes and draft note on its section.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { bundleTree } from '../scripts/core/bundle.ts';
import type { Frontmatter } from '../scripts/model/frontmatter-schema.ts';
import type { Publication } from '../scripts/core/publication.ts';

const publication: Publication = {
  title: 'Twee documenten',
  date: '2026-11-16',
  sender: { ministry: 'Ministerie van Voorbeeldzaken' },
  documents: ['brief', 'kia-a'],
};

const matter = (title: string, type: Frontmatter['type'], status: Frontmatter['status']) =>
  ({ title, type, status, lang: 'nl', date: '2026-11-16' }) as Frontmatter;

const printTree = (head: string, body: string): Root => fromHtml(`<!doctype html><html lang="nl"><head>${head}</head>${body}</html>`);

const letter = printTree(
  '<meta charset="utf-8"><title>Brief</title><meta name="author" content="X"><link rel="stylesheet" href="../assets/print.css">',
  '<body class="type-brief status-definitief variant-print"><header class="letter-head"><h1 class="letter-subject" id="aanbieding">Aanbieding</h1></header><main id="inhoud"><h2 id="aanleiding">Aanleiding</h2><p>Zie <a href="../kia-a/index.html#vraag-3-5">vraag 3.5</a>, <a href="../kia-a/">het KIA</a> en <a href="../elders/index.html#x">elders</a>.<a href="#fn-1" aria-describedby="footnote-label">1</a></p></main><footer class="doc-footer"><p>voet</p></footer></body>',
);
const assessment = printTree(
  '<meta charset="utf-8"><title>KIA A</title>',
  '<body class="type-kia status-concept variant-print" data-draft-note="Concept · gebouwd op 16 november 2026"><header class="doc-header"><h1 class="doc-title" id="kia-a-titel">KIA A</h1></header><nav class="toc" id="inhoudsopgave"><h2 class="toc-title" id="inhoudsopgave-titel">Inhoudsopgave</h2><ol><li><a href="#hoofdstuk-3">3 Risico\'s<span class="page-number">000</span></a><ol><li><a href="#vraag-3-5">3.5 Vraag<span class="page-number">000</span></a></li></ol></li></ol></nav><main id="inhoud"><h2 id="hoofdstuk-3">3 Risico\'s</h2><h3 id="vraag-3-5">3.5 Vraag</h3><img src="afbeeldingen/schema.png" alt="Schema"><table><tr><th id="kop">Kop</th><td headers="kop">Cel</td></tr></table></main></body>',
);

describe('bundleTree', () => {
  const html = toHtml(
    bundleTree(
      publication,
      [
        { slug: 'brief', matter: matter('Aanbieding', 'brief', 'definitief'), printTree: letter },
        { slug: 'kia-a', matter: matter('KIA A', 'kia', 'concept'), printTree: assessment },
      ],
      { assetBase: '../assets' },
    ),
  );

  it("has one head with the publication title, the documents' stylesheets and the bundle layer", () => {
    expect(html).toContain('<title>Twee documenten</title>');
    expect(html).toContain('<meta name="author" content="Ministerie van Voorbeeldzaken">');
    expect(html).toContain('<link rel="stylesheet" href="../assets/print.css">');
    expect(html).toContain('<link rel="stylesheet" href="../assets/bundle.css">');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it('makes ids unique per document and keeps links between documents inside the bundle', () => {
    expect(html).toContain('<h2 id="brief--aanleiding">Aanleiding</h2>');
    expect(html).toContain('<a href="#kia-a--vraag-3-5">vraag 3.5</a>');
    expect(html).toContain('<a href="#kia-a">het KIA</a>');
    expect(html).toContain('<a href="../elders/index.html#x">elders</a>');
    expect(html).toContain('<a href="#brief--fn-1" aria-describedby="brief--footnote-label">1</a>');
    expect(html).toContain('<th id="kia-a--kop">Kop</th><td headers="kia-a--kop">Cel</td>');
    expect(html).toContain('<img src="../kia-a/afbeeldingen/schema.png" alt="Schema">');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts each document in a section with its own classes and draft note, without its contents page or footer', () => {
    expect(html).toContain('<section class="bundle-document type-brief status-definitief" id="brief" aria-labelledby="brief--aanbieding">');
    expect(html).toContain(
      '<section class="bundle-document type-kia status-concept" id="kia-a" aria-labelledby="kia-a--kia-a-titel" data-draft-note="Concept · gebouwd op 16 november 2026">',
    );
    expect(html).not.toContain('Inhoudsopgave');
    expect(html).not.toContain('voet');
    expect(html).toContain('<body class="bundle variant-print">');
  });

  it('has one table of contents: every document, and its chapters without the questions', () => {
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0];
    expect(toc).toBe(
      '<nav class="toc" id="inhoudsopgave" aria-labelledby="inhoudsopgave-titel"><h2 class="toc-title" id="inhoudsopgave-titel">Inhoud van deze publicatie</h2><ol class="bundle-contents">' +
        '<li class="toc-document"><a href="#brief">Aanbieding<span class="page-number">000</span></a></li>' +
        '<li class="toc-document"><a href="#kia-a">KIA A<span class="page-number">000</span></a><ol><li><a href="#kia-a--hoofdstuk-3">3 Risico\'s<span class="page-number">000</span></a></li></ol></li>' +
        '</ol></nav>',
    );
  });

  it("leaves the documents' own trees as they were", () => {
    expect(toHtml(letter)).toContain('<h2 id="aanleiding">');
  });
});
