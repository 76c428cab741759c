/**
 * The pipeline, in one place. Three processors share their plugins:
 *
 * 1. `bodyProcessor`: Markdown + frontmatter → validated frontmatter + hast of the body
 *    (GFM; a beslisnota checked against its sections; a KIA checked against the instrument; domain blocks such as `:::risico` and
 *    `:::maatregel`; `:lang[…]{en}` for passages in another language; raw HTML only through
 *    an allow-list).
 * 2. `responseProcessor`: a stakeholder response (Markdown, no frontmatter) → hast, with raw
 *    HTML shown as text and nothing typographically rewritten (responses are verbatim); the
 *    only markup added to a response is a redaction, `:redact[…]{grond=…}`.
 * 3. `documentProcessor`: body hast + responses → complete HTML document (screen or print).
 *
 * None of them does I/O: the core reads files and hands them in.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { VFile } from 'vfile';
import type { Frontmatter } from '../model/frontmatter-schema.ts';
import rehypeAppendResponses, { type RenderedResponse } from './plugins/rehype-append-responses.ts';
import rehypeCheckAnchors from './plugins/rehype-check-anchors.ts';
import rehypeBackToToc from './plugins/rehype-back-to-toc.ts';
import rehypeDocumentShell from './plugins/rehype-document-shell.ts';
import rehypeFootnoteBackrefs from './plugins/rehype-footnote-backrefs.ts';
import rehypeFootnoteLabelId from './plugins/rehype-footnote-label-id.ts';
import rehypeHeadingIds from './plugins/rehype-heading-ids.ts';
import rehypePrintFootnotes from './plugins/rehype-print-footnotes.ts';
import rehypeSafeRawHtml from './plugins/rehype-safe-raw-html.ts';
import rehypeShiftHeadings from './plugins/rehype-shift-headings.ts';
import rehypeTableAccessibility from './plugins/rehype-table-accessibility.ts';
import rehypeToc from './plugins/rehype-toc.ts';
import remarkFootnoteReferences from './plugins/remark-footnote-references.ts';
import remarkKiaFrontmatter from './plugins/remark-kia-frontmatter.ts';
import remarkLangPassages from './plugins/remark-lang-passages.ts';
import remarkLocalImages from './plugins/remark-local-images.ts';
import rehypePrintLangPassages from './plugins/rehype-print-lang-passages.ts';
import rehypePrintTocPageNumbers from './plugins/rehype-print-toc-page-numbers.ts';
import remarkRawHtmlAsText from './plugins/remark-raw-html-as-text.ts';
import remarkSafeLinks from './plugins/remark-safe-links.ts';
import remarkParseIncremental, { type ParseCache } from './plugins/remark-parse-incremental.ts';
import remarkConsumedCharacters from './plugins/remark-consumed-characters.ts';
import remarkRedactions from './plugins/remark-redactions.ts';
import remarkTextDirectives from './plugins/remark-text-directives.ts';
import remarkDirectivesAsTyped from './plugins/remark-directives-as-typed.ts';
import type { WooGround } from '../model/woo-grounds.ts';
import remarkOpenMarkers from './plugins/remark-open-markers.ts';
import remarkCallouts from './plugins/remark-callouts.ts';
import remarkKiaInstrument from './plugins/remark-kia-instrument.ts';
import remarkBeslisnota from './plugins/remark-beslisnota.ts';
import remarkOfficialNames from './plugins/remark-official-names.ts';
import remarkLetterSignature from './plugins/remark-letter-signature.ts';
import type { DecisionNoteSection } from '../model/decision-note.ts';
import remarkMeasures from './plugins/remark-measures.ts';
import remarkPrescanAnswers from './plugins/remark-prescan-answers.ts';
import remarkQuestionReferences from './plugins/remark-question-references.ts';
import remarkRiskAssessments from './plugins/remark-risk-assessments.ts';
import remarkRiskOverview from './plugins/remark-risk-overview.ts';
import remarkUnknownDirectives from './plugins/remark-unknown-directives.ts';
import remarkWeighing from './plugins/remark-weighing.ts';
import type { Instrument } from '../model/instrument.ts';

/** Dutch, accessible GFM footnotes; `clobberPrefix` keeps ids of body and responses apart. */
export function footnoteOptions(clobberPrefix: string): RemarkRehypeOptions {
  return {
    clobberPrefix,
    footnoteLabel: 'Voetnoten',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-title'] },
    footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
      `Terug naar de tekst bij voetnoot ${referenceIndex + 1}${rereferenceIndex > 1 ? ` (verwijzing ${rereferenceIndex})` : ''}`,
  };
}

export interface BodyOptions {
  /** The KIA instrument (see model/instrument.ts): questions, risk categories, matrix. */
  instrument: Instrument;
  /** Parse only what changed since the last parse with this cache (the live preview). */
  parseCache?: ParseCache;
  /** The Woo grounds `:redact[…]{grond=…}` may name (see model/woo-grounds.ts). */
  grounds: WooGround[];
  /** The sections of a beslisnota (see model/decision-note.ts). */
  decisionNoteSections: DecisionNoteSection[];
  /** `public` (default): `:redact[…]` text withheld; `internal`: shown, highlighted. */
  redaction?: 'public' | 'internal';
}

/** Markdown body with frontmatter → hast of the body; frontmatter lands in `file.data.matter`. */
export function bodyProcessor(options: BodyOptions) {
  const { instrument } = options;
  return (
    unified()
      // Same parser, but the preview's parses only what changed (see the plugin).
      .use((options.parseCache ? [[remarkParseIncremental, { cache: options.parseCache }]] : [remarkParse]) as unknown as typeof remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkKiaFrontmatter)
      .use(remarkOpenMarkers)
      .use(remarkRedactions, { grounds: options.grounds, mode: options.redaction ?? 'public' })
      .use(remarkOfficialNames)
      // A letter's signature once; a beslisnota against its template.
      .use(remarkLetterSignature)
      .use(remarkBeslisnota, { sections: options.decisionNoteSections })
      // The instrument and its domain blocks (remark-directive syntax, see README).
      .use(remarkKiaInstrument, { instrument })
      .use(remarkQuestionReferences, { instrument })
      .use(remarkPrescanAnswers, { instrument })
      .use(remarkRiskAssessments, { instrument })
      .use(remarkRiskOverview, { instrument })
      .use(remarkMeasures, { instrument })
      .use(remarkWeighing)
      .use(remarkCallouts)
      .use(remarkLangPassages)
      // Last of the directives: whatever is left was typed as text.
      .use(remarkUnknownDirectives)
      .use(remarkLocalImages)
      .use(remarkSafeLinks)
      .use(remarkFootnoteReferences)
      .use(remarkRehype, { ...footnoteOptions(''), allowDangerousHtml: true })
      .use(rehypeSafeRawHtml)
      .use(rehypeFootnoteLabelId, { id: 'voetnoten' })
      .use(rehypeFootnoteBackrefs)
      .use(rehypeTableAccessibility)
  );
}

export interface ResponseOptions {
  /** The response file's folder within the document folder: its images are relative to it. */
  folder: string;
  /** A placeholder image description (`TODO: …`) is a warning (the import's proof), not an error. */
  placeholderAltIsWarning?: boolean;
  /** The Woo grounds `:redact[…]{grond=…}` may name. */
  grounds: WooGround[];
  /** `public` (default): `:redact[…]` text withheld; `internal`: shown, highlighted. */
  redaction?: 'public' | 'internal';
  /**
   * The received original is named (`original:`), so the build compares the published text with
   * it; without one, every character Markdown syntax consumed is reported instead.
   */
  hasOriginal?: boolean;
}

/**
 * A stakeholder response → hast, verbatim; `prefix` makes its footnote ids unique. The one
 * markup an editor may add is `:redact[…]{grond=…}`; other directive-like text stays as typed.
 */
export function responseProcessor(prefix: string, options: ResponseOptions) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkTextDirectives)
      .use(remarkDirectivesAsTyped, { keep: ['redact'] })
      .use(options.hasOriginal ? [] : [remarkConsumedCharacters])
      .use(remarkRedactions, { grounds: options.grounds, mode: options.redaction ?? 'public' })
      .use(remarkRawHtmlAsText)
      .use(remarkLocalImages, { base: options.folder, placeholderAltIsWarning: options.placeholderAltIsWarning })
      .use(remarkSafeLinks)
      .use(remarkFootnoteReferences)
      .use(remarkRehype, footnoteOptions(prefix))
      .use(rehypeFootnoteLabelId, { id: `${prefix}voetnoten` })
      .use(rehypeFootnoteBackrefs)
      // The response title is an <h3>, so the response's own `##` becomes an <h4>.
      .use(rehypeShiftHeadings, { shift: 2 })
      .use(rehypeTableAccessibility)
  );
}

export interface DocumentOptions {
  matter: Frontmatter;
  responses: RenderedResponse[];
  assetBase: string;
  variant: 'screen' | 'print';
  /** `YYYY-MM-DD`, shown on drafts. */
  buildDate?: string;
  /** An internal build (withheld text shown): marked "Intern" on the page and every PDF page. */
  internal?: boolean;
  /** Extra transforms after ours (see CompileOptions.extraPlugins). */
  extraPlugins?: PluggableList;
  /** The team's house style: its stylesheet, and the logo's text in a letter's head. */
  houseStyle?: { logoAlt?: string };
}

/** Body hast + responses → the complete document, serialised. */
export function documentProcessor(options: DocumentOptions) {
  const processor = unified()
    .use(rehypeAppendResponses, { responses: options.responses, lang: options.matter.lang })
    .use(rehypeDocumentShell, {
      matter: options.matter,
      assetBase: options.assetBase,
      variant: options.variant,
      buildDate: options.buildDate,
      internal: options.internal,
      houseStyle: options.houseStyle,
    })
    .use(rehypeHeadingIds)
    .use(rehypeToc);
  // Checked once, on the screen variant: the print variant has the same links. Only the screen
  // variant has a way back to the contents (the PDF has bookmarks).
  if (options.variant === 'screen') processor.use(rehypeBackToToc).use(rehypeCheckAnchors);
  if (options.variant === 'print') processor.use(rehypePrintFootnotes).use(rehypePrintLangPassages).use(rehypePrintTocPageNumbers);
  if (options.extraPlugins) processor.use(options.extraPlugins);
  return processor.use(rehypeStringify);
}

/** Parse and transform with `processor`, keeping messages on `file`. */
export async function toHast(processor: ReturnType<typeof bodyProcessor>, file: VFile): Promise<HastRoot> {
  const mdast = processor.parse(file) as MdastRoot;
  return (await processor.run(mdast, file)) as HastRoot;
}
