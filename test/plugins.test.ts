/**
 * Fixture tests for every plugin: `test/fixtures/<plugin>/<case>/input.md` goes through a small
 * pipeline around the plugin; the result must equal `output.html` and the messages
 * `messages.txt`. Optional `options.json` holds plugin options; `response.md` a response.
 * Run with UPDATE_FIXTURES=1 to rewrite the expected files (then review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeAppendResponses from '../scripts/pipeline/plugins/rehype-append-responses.ts';
import rehypeDocumentShell from '../scripts/pipeline/plugins/rehype-document-shell.ts';
import rehypeHeadingIds from '../scripts/pipeline/plugins/rehype-heading-ids.ts';
import rehypePrintFootnotes from '../scripts/pipeline/plugins/rehype-print-footnotes.ts';
import rehypeShiftHeadings from '../scripts/pipeline/plugins/rehype-shift-headings.ts';
import rehypeTableAccessibility from '../scripts/pipeline/plugins/rehype-table-accessibility.ts';
import rehypeToc from '../scripts/pipeline/plugins/rehype-toc.ts';
import rehypeBackToToc from '../scripts/pipeline/plugins/rehype-back-to-toc.ts';
import rehypePrintTocPageNumbers from '../scripts/pipeline/plugins/rehype-print-toc-page-numbers.ts';
import remarkFootnoteReferences from '../scripts/pipeline/plugins/remark-footnote-references.ts';
import remarkKiaFrontmatter from '../scripts/pipeline/plugins/remark-kia-frontmatter.ts';
import remarkTextDirectives from '../scripts/pipeline/plugins/remark-text-directives.ts';
import remarkDirectivesAsTyped from '../scripts/pipeline/plugins/remark-directives-as-typed.ts';
import remarkConsumedCharacters from '../scripts/pipeline/plugins/remark-consumed-characters.ts';
import remarkRawHtmlAsText from '../scripts/pipeline/plugins/remark-raw-html-as-text.ts';
import remarkLangPassages from '../scripts/pipeline/plugins/remark-lang-passages.ts';
import remarkLocalImages from '../scripts/pipeline/plugins/remark-local-images.ts';
import rehypePrintLangPassages from '../scripts/pipeline/plugins/rehype-print-lang-passages.ts';
import remarkDirective from 'remark-directive';
import rehypeSafeRawHtml from '../scripts/pipeline/plugins/rehype-safe-raw-html.ts';
import remarkSafeLinks from '../scripts/pipeline/plugins/remark-safe-links.ts';
import remarkUnknownDirectives from '../scripts/pipeline/plugins/remark-unknown-directives.ts';
import remarkKiaInstrument from '../scripts/pipeline/plugins/remark-kia-instrument.ts';
import remarkQuestionReferences from '../scripts/pipeline/plugins/remark-question-references.ts';
import remarkPrescanAnswers from '../scripts/pipeline/plugins/remark-prescan-answers.ts';
import remarkRiskAssessments from '../scripts/pipeline/plugins/remark-risk-assessments.ts';
import remarkRiskOverview from '../scripts/pipeline/plugins/remark-risk-overview.ts';
import remarkMeasures from '../scripts/pipeline/plugins/remark-measures.ts';
import remarkWeighing from '../scripts/pipeline/plugins/remark-weighing.ts';
import remarkCallouts from '../scripts/pipeline/plugins/remark-callouts.ts';
import remarkBeslisnota from '../scripts/pipeline/plugins/remark-beslisnota.ts';
import remarkOfficialNames from '../scripts/pipeline/plugins/remark-official-names.ts';
import remarkLetterSignature from '../scripts/pipeline/plugins/remark-letter-signature.ts';
import { decisionNoteSections } from '../scripts/model/decision-note.ts';
import { loadInstrument, projectInstrument } from '../scripts/model/instrument.ts';
import { wooGrounds } from '../scripts/model/woo-grounds.ts';
import remarkRedactions from '../scripts/pipeline/plugins/remark-redactions.ts';
import remarkOpenMarkers from '../scripts/pipeline/plugins/remark-open-markers.ts';
import { footnoteOptions, responseProcessor, toHast } from '../scripts/pipeline/processor.ts';
import rehypeFootnoteLabelId from '../scripts/pipeline/plugins/rehype-footnote-label-id.ts';
import rehypeFootnoteBackrefs from '../scripts/pipeline/plugins/rehype-footnote-backrefs.ts';
import { formatMessages } from './helpers/messages.ts';

const root = path.join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

const matter = { title: 'Voorbeeld', type: 'kia', lang: 'nl', date: '2026-01-31', status: 'concept' } as const;

/** Markdown → hast with `remark` plugins, then `rehype` plugins, then HTML. */
async function run(file: VFile, remark: Pluggable[], rehype: Pluggable[]): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remark)
    .use(remarkRehype, footnoteOptions(''))
    .use(rehype)
    .use(rehypeStringify);
  return String(await processor.process(file));
}

type Runner = (file: VFile, folder: string, options: Record<string, unknown>) => Promise<string>;

const instrument = projectInstrument();
const smallInstrument = loadInstrument(path.join(import.meta.dirname, 'helpers/small-instrument.yml'));
/** Directive syntax and validated frontmatter (`file.data.matter`), then `plugins`. */
const withMatter = (...plugins: Pluggable[]): Pluggable[] => [remarkDirective, remarkKiaFrontmatter, ...plugins];

const runners: Record<string, Runner> = {
  'remark-kia-instrument': (file) => run(file, withMatter([remarkKiaInstrument, { instrument: smallInstrument }]), []),
  'remark-question-references': (file) => run(file, withMatter([remarkQuestionReferences, { instrument }]), []),
  'remark-prescan-answers': (file) => run(file, withMatter([remarkPrescanAnswers, { instrument }]), []),
  'remark-risk-assessments': (file) => run(file, withMatter([remarkRiskAssessments, { instrument }]), [rehypeTableAccessibility]),
  'remark-risk-overview': (file) => run(file, withMatter([remarkRiskAssessments, { instrument }], [remarkRiskOverview, { instrument }]), []),
  'remark-measures': (file) => run(file, withMatter([remarkMeasures, { instrument }]), [rehypeTableAccessibility]),
  'remark-weighing': (file) => run(file, withMatter(remarkWeighing, [remarkQuestionReferences, { instrument }]), []),
  'remark-callouts': (file) => run(file, withMatter(remarkCallouts), []),
  'remark-letter-signature': (file) => run(file, withMatter(remarkLetterSignature), []),
  'remark-beslisnota': (file) => run(file, withMatter([remarkBeslisnota, { sections: decisionNoteSections() }]), []),
  'remark-official-names': async (file) =>
    `${await run(file, withMatter([remarkRedactions, { grounds: wooGrounds() }], remarkOfficialNames), [])}\n<!-- redactions: ${JSON.stringify(file.data.redactions?.map((redaction) => `${redaction.text} (${redaction.ground})@${redaction.position?.start.line}:${redaction.position?.start.column}`))} -->`,
  'remark-redactions': (file, _folder, options) => run(file, withMatter([remarkRedactions, { grounds: wooGrounds(), ...options }]), []),
  'remark-open-markers': async (file) =>
    `${await run(file, withMatter(remarkOpenMarkers), [])}\n<!-- open markers: ${JSON.stringify(file.data.openMarkers?.map((open) => `${open.marker}@${open.place?.line}:${open.place?.column}`))} -->`,
  'remark-unknown-directives': (file) => run(file, withMatter(remarkCallouts, remarkLangPassages, remarkUnknownDirectives), []),
  'remark-kia-frontmatter': (file) => run(file, [remarkKiaFrontmatter], []),
  'remark-footnote-references': (file) => run(file, [remarkFootnoteReferences], []),
  'remark-directives-as-typed': (file) => run(file, [remarkTextDirectives, [remarkDirectivesAsTyped, { keep: ['redact'] }]], []),
  'remark-consumed-characters': (file) => run(file, [remarkTextDirectives, [remarkDirectivesAsTyped, { keep: ['redact'] }], remarkConsumedCharacters], []),
  'remark-raw-html-as-text': (file) => run(file, [remarkRawHtmlAsText], []),
  'remark-safe-links': (file) => run(file, [remarkSafeLinks], []),
  'remark-local-images': async (file, _folder, options) =>
    `${await run(file, [[remarkLocalImages, options]], [])}\n<!-- images: ${JSON.stringify(file.data.images?.map((image) => image.url))} -->`,
  'remark-lang-passages': (file) => run(file, [remarkDirective, remarkLangPassages, remarkUnknownDirectives], []),
  'rehype-print-lang-passages': (file) => run(file, [remarkDirective, remarkLangPassages, remarkUnknownDirectives], [rehypePrintLangPassages]),
  'rehype-footnote-backrefs': (file) => run(file, [], [rehypeFootnoteBackrefs]),
  'rehype-footnote-label-id': (file, _folder, options) => run(file, [], [[rehypeFootnoteLabelId, options]]),
  'rehype-heading-ids': (file, _folder, options) => run(file, [], [[rehypeHeadingIds, options]]),
  'rehype-shift-headings': (file, _folder, options) => run(file, [], [[rehypeShiftHeadings, options]]),
  'rehype-table-accessibility': (file) => run(file, [], [rehypeTableAccessibility]),
  'rehype-safe-raw-html': async (file) =>
    String(
      await unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { ...footnoteOptions(''), allowDangerousHtml: true })
        .use(rehypeSafeRawHtml)
        .use(rehypeStringify)
        .process(file),
    ),
  'rehype-print-footnotes': (file) => run(file, [], [rehypePrintFootnotes]),
  'rehype-document-shell': (file, _folder, options) =>
    run(file, [], [[rehypeDocumentShell, { matter, assetBase: '../assets', variant: 'screen', ...options }]]),
  'rehype-toc': (file) => run(file, [], [[rehypeDocumentShell, { matter, assetBase: '../assets', variant: 'screen' }], rehypeHeadingIds, rehypeToc]),
  'rehype-back-to-toc': (file, _folder, options) =>
    run(file, [], [[rehypeDocumentShell, { matter, assetBase: '../assets', variant: 'screen', ...options }], rehypeHeadingIds, rehypeToc, rehypeBackToToc]),
  'rehype-print-toc-page-numbers': (file) =>
    run(file, [], [[rehypeDocumentShell, { matter, assetBase: '../assets', variant: 'print' }], rehypeHeadingIds, rehypeToc, rehypePrintTocPageNumbers]),
  'rehype-append-responses': async (file, folder, options) => {
    const responseFile = new VFile({ path: 'response.md', value: readFileSync(path.join(folder, 'response.md'), 'utf8') });
    const tree: HastRoot = await toHast(
      responseProcessor('reactie-1-', { grounds: wooGrounds(), folder: 'responses', redaction: options.redaction as 'public' | 'internal' | undefined }),
      responseFile,
    );
    file.messages.push(...responseFile.messages);
    const entry = { file: 'response.md', from: 'Voorbeeld B.V.', title: 'Zienswijze Voorbeeld', received: '2026-01-15', kind: 'zienswijze' as const };
    const redactions = (responseFile.data.redactions ?? []).flatMap((redaction) => wooGrounds().find((ground) => ground.code === redaction.ground) ?? []);
    return run(
      file,
      [],
      [[rehypeAppendResponses, { responses: [{ entry, tree, sha256: '0'.repeat(64), redactions, internal: options.redaction === 'internal' }] }]],
    );
  },
};

describe('plugin fixtures', () => {
  it('has a runner for every fixture folder and a fixture folder for every runner', () => {
    expect(readdirSync(root).sort()).toEqual(Object.keys(runners).sort());
  });

  for (const plugin of readdirSync(root).sort()) {
    describe(plugin, () => {
      for (const name of readdirSync(path.join(root, plugin)).sort()) {
        const folder = path.join(root, plugin, name);
        it(name, async () => {
          const file = new VFile({ path: 'input.md', value: readFileSync(path.join(folder, 'input.md'), 'utf8') });
          const optionsFile = path.join(folder, 'options.json');
          const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {};
          const html = `${await runners[plugin](file, folder, options)}\n`;
          const messages = formatMessages([file]);
          const htmlFile = path.join(folder, 'output.html');
          const messagesFile = path.join(folder, 'messages.txt');
          if (update) {
            writeFileSync(htmlFile, html);
            writeFileSync(messagesFile, messages);
          }
          expect(html).toBe(readFileSync(htmlFile, 'utf8'));
          expect(messages).toBe(readFileSync(messagesFile, 'utf8'));
        });
      }
    });
  }
});
