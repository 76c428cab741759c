/**
 * Finish a printed PDF with pdf-lib: document information (Title, Author, Subject, Keywords),
 * the document language, "show the title, not the file name" in viewers, XMP metadata with
 * the same facts, fixed dates and stable structure ids (so the same input gives the same
 * bytes), and the PDF/UA repairs Chromium leaves to us: link descriptions, list bodies,
 * language spans, PDF 2.0 structure types role-mapped, page furniture as artifacts, and the
 * PDF/UA-1 identification in the XMP metadata.
 */
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { langEmphasisToSpan, mapNewerStructureTypes, stabiliseStructureIds, wrapListBodies } from '../pdf/structure.ts';
import { markUntaggedAsArtifacts } from '../pdf/content-stream.ts';
import { pageContent, setPageContent } from '../pdf/pages.ts';
import { collapseWhitespace, withoutWhitespace } from '../model/text-normalisation.ts';

export interface PdfMetadata {
  title: string;
  authors: string[];
  subject: string;
  keywords: string[];
  lang: string;
  /** `YYYY-MM-DD`: used as creation and modification date. */
  date: string;
  /** Descriptions of link targets (`#id` or URL), for the link annotations' `/Contents`. */
  links?: Record<string, string>;
  /** The document's headings as written, to repair bookmark titles (see `repairOutlineTitles`). */
  headings?: string[];
}

/** Apply `meta` to the PDF bytes and return the new bytes. */
export async function finishPdf(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  // parseSpeed and objectsPerTick: pdf-lib otherwise pauses for the event loop every 100 objects
  // (about 1 s idle on a 200-page PDF); nothing else runs meanwhile.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  const date = new Date(`${meta.date}T00:00:00Z`);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.authors.length > 0) pdf.setAuthor(meta.authors.join(', '));
  pdf.setSubject(meta.subject);
  if (meta.keywords.length > 0) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('kia-press');
  pdf.setProducer('kia-press (Chromium, Paged.js, pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);

  const catalog = pdf.catalog;
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? pdf.context.obj({});
  preferences.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  catalog.set(PDFName.of('ViewerPreferences'), preferences);
  // Chromium marks its tagged output, but say so explicitly: readers rely on it.
  catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: true }));
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));

  const xmp = new TextEncoder().encode(xmpPacket(meta, date));
  const stream = PDFRawStream.of(pdf.context.obj({ Type: 'Metadata', Subtype: 'XML', Length: xmp.length }), xmp);
  catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));

  describeLinks(pdf, meta.links ?? {});
  repairOutlineTitles(pdf, meta.headings ?? []);
  stabiliseStructureIds(pdf);
  langEmphasisToSpan(pdf);
  wrapListBodies(pdf);
  mapNewerStructureTypes(pdf);
  markFurnitureAsArtifacts(pdf);

  return pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmpPacket(meta: PdfMetadata, date: Date): string {
  const iso = date.toISOString().replace('.000Z', 'Z');
  const lang = escapeXml(meta.lang);
  const creators = meta.authors.map((author) => `<rdf:li>${escapeXml(author)}</rdf:li>`).join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
${creators ? `<dc:creator><rdf:Seq>${creators}</rdf:Seq></dc:creator>` : ''}
<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${iso}</xmp:CreateDate>
<xmp:ModifyDate>${iso}</xmp:ModifyDate>
<xmp:MetadataDate>${iso}</xmp:MetadataDate>
<xmp:CreatorTool>kia-press</xmp:CreatorTool>
<pdf:Producer>kia-press (Chromium, Paged.js, pdf-lib)</pdf:Producer>
<pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Chromium leaves running heads, page numbers and page backgrounds untagged; PDF/UA (Matterhorn
 * 01-005) wants every piece of content either tagged or marked as an artifact.
 */
function markFurnitureAsArtifacts(pdf: PDFDocument): void {
  for (const page of pdf.getPages()) {
    const content = pageContent(page);
    if (content === undefined) continue;
    let result;
    try {
      result = markUntaggedAsArtifacts(content);
    } catch {
      continue; // Content we cannot rewrite safely stays as it is; the accessibility check reports it.
    }
    if (result.wrapped > 0) setPageContent(pdf, page, result.text);
  }
}

/**
 * Chromium builds bookmark titles from the laid-out lines and drops the space where a heading
 * wrapped ("Kinderrechten Impact AssessmentKlets"). Give each bookmark whose title is a heading
 * with its spaces lost that heading's text.
 */
function repairOutlineTitles(pdf: PDFDocument, headings: string[]): void {
  const byLetters = new Map(headings.map((heading) => [withoutWhitespace(heading), collapseWhitespace(heading)]));
  const walk = (item: PDFDict | undefined) => {
    for (let current = item; current; current = current.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = current.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const heading = title === undefined ? undefined : byLetters.get(withoutWhitespace(title));
      if (heading && heading !== title) current.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      walk(current.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/**
 * PDF/UA (7.18.5, Matterhorn 28-012) wants every link annotation described in `/Contents`;
 * Chromium writes none. Use the link's own text (found by its target), else its address.
 */
function describeLinks(pdf: PDFDocument, links: Record<string, string>): void {
  for (const page of pdf.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    for (const item of annots.asArray()) {
      const annot = pdf.context.lookup(item);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      const dest = annot.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const description = (uri ? (links[uri] ?? `Link naar ${uri}`) : name ? links[`#${name}`] : undefined) ?? 'Link naar een andere plek in dit document';
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
}
