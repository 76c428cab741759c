/** Document-level requirements: identification, tagging, metadata, optional content, embedded files, XFA, XObjects. */
import { PDFArray, PDFDict, PDFName, decodePDFRawStream, PDFRawStream } from 'pdf-lib';
import { dictionaries, is, label, text, type PdfRule, type Problem } from './rule.ts';

const pdfuaNamespace = 'http://www.aiim.org/pdfua/ns/id/';

/** `pdfuaid:part` from the XMP packet, in element or attribute form, under any prefix bound to the PDF/UA namespace. */
function pdfuaPart(xmp: string | undefined): string | undefined {
  if (!xmp) return undefined;
  const prefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/["']/.exec(xmp)?.[1];
  if (!prefix) return undefined;
  const escaped = prefix.replace(/[.-]/g, '\\$&');
  return new RegExp(`<${escaped}:part>\\s*(\\d+)\\s*</${escaped}:part>`).exec(xmp)?.[1] ?? new RegExp(`${escaped}:part\\s*=\\s*["'](\\d+)["']`).exec(xmp)?.[1];
}

/** The document title (dc:title) of the XMP packet. */
const xmpTitle = (xmp: string | undefined) => (xmp ? /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1]?.trim() : undefined);

export const documentRules: PdfRule[] = [
  {
    id: 'pdf-pdfua-identifier',
    title: 'PDF/UA-identificatie in de metadata',
    clause: '5',
    rules: ['5-t01', '5-t02'],
    matterhorn: '06-002',
    wcag: [],
    ok: 'De XMP-metadata noemt PDF/UA-1 (pdfuaid:part 1).',
    failed: 'De PDF verklaart niet dat hij aan PDF/UA-1 voldoet (pdfuaid:part ontbreekt of is niet 1).',
    check(facts) {
      const part = pdfuaPart(facts.xmp);
      if (part === '1') return [];
      return [
        {
          text:
            facts.xmp === undefined
              ? 'geen XMP-metadata'
              : part === undefined
                ? 'geen pdfuaid:part in de XMP-metadata'
                : `pdfuaid:part is ${part} in plaats van 1`,
        },
      ];
    },
  },
  {
    id: 'pdf-tagged',
    title: 'Getagde PDF',
    clause: '7.1',
    rules: ['7.1-t11'],
    matterhorn: '01-005',
    wcag: ['1.3.1'],
    ok: 'De PDF is getagd: /MarkInfo /Marked true en een structuurboom.',
    failed: 'De PDF is niet (volledig) getagd, zodat hulptechnologie de structuur niet kent.',
    check: (facts) => [
      ...(facts.marked ? [] : [{ text: 'MarkInfo /Marked ontbreekt of is niet true' }]),
      ...(facts.structure ? [] : [{ text: 'geen StructTreeRoot (structuurboom)' }]),
    ],
  },
  {
    id: 'pdf-suspects',
    title: 'Geen twijfelachtige tags',
    clause: '7.1',
    rules: ['7.1-t04'],
    matterhorn: '01-007',
    wcag: ['1.3.1'],
    ok: 'De tags zijn niet als twijfelachtig gemarkeerd.',
    failed: 'De PDF meldt zelf dat de tags twijfelachtig zijn (/Suspects true).',
    check: (facts) => (facts.suspects ? [{ text: '/MarkInfo /Suspects is true' }] : []),
  },
  {
    id: 'pdf-xmp-metadata',
    title: 'XMP-metadata',
    clause: '7.1',
    rules: ['7.1-t08'],
    matterhorn: '06-001',
    wcag: [],
    ok: 'De PDF heeft een XMP-metadatastroom.',
    failed: 'De PDF heeft geen XMP-metadata.',
    check: (facts) => (facts.xmp ? [] : [{ text: 'geen /Metadata-stroom in de catalogus' }]),
  },
  {
    id: 'pdf-title',
    title: 'Documenttitel (dc:title)',
    clause: '7.1',
    rules: ['7.1-t09'],
    matterhorn: '06-003',
    wcag: ['2.4.2'],
    ok: 'De XMP-metadata hebben een titel.',
    failed: 'De XMP-metadata hebben geen titel (dc:title).',
    check(facts) {
      const title = xmpTitle(facts.xmp);
      return title
        ? { problems: [], ok: `De titel is „${title}”.` }
        : [{ text: facts.xmp ? 'geen (niet-lege) dc:title in de XMP-metadata' : 'geen XMP-metadata, dus geen dc:title' }];
    },
  },
  {
    id: 'pdf-display-doc-title',
    title: 'Titel tonen in plaats van bestandsnaam',
    clause: '7.1',
    rules: ['7.1-t10'],
    matterhorn: '07-001',
    wcag: ['2.4.2'],
    ok: 'Lezers tonen de documenttitel (/DisplayDocTitle true).',
    failed: 'Lezers tonen de bestandsnaam in plaats van de titel.',
    check(facts) {
      if (facts.displayDocTitle) return [];
      return {
        problems: [{ text: facts.displayDocTitle === false ? '/DisplayDocTitle is false' : 'geen /ViewerPreferences /DisplayDocTitle' }],
        matterhorn: facts.displayDocTitle === false ? '07-002' : '07-001',
      };
    },
  },
  {
    id: 'pdf-pdfuaid-prefix',
    title: 'PDF/UA-identificatie met het voorvoegsel pdfuaid',
    clause: '5',
    rules: ['5-t03', '5-t04'],
    matterhorn: '06-002',
    wcag: [],
    ok: 'De PDF/UA-identificatie gebruikt het voorvoegsel pdfuaid.',
    failed: 'De PDF/UA-identificatie gebruikt een ander voorvoegsel dan pdfuaid.',
    check(facts) {
      if (!facts.xmp?.includes(pdfuaNamespace)) return 'not-applicable';
      const prefixes = [...facts.xmp.matchAll(/xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/["']/g)].map((match) => match[1]);
      return prefixes.filter((prefix) => prefix !== 'pdfuaid').map((prefix) => ({ text: `de PDF/UA-naamruimte heeft het voorvoegsel „${prefix}”` }));
    },
  },
  {
    id: 'pdf-optional-content',
    title: 'Optionele inhoud: configuraties met naam, zonder AS',
    clause: '7.10',
    rules: ['7.10-t01', '7.10-t02'],
    matterhorn: '20-001',
    wcag: ['1.3.1'],
    ok: 'Elke configuratie van optionele inhoud heeft een naam en geen AS-sleutel.',
    failed: 'Niet elke configuratie van optionele inhoud heeft een naam, of er staat een AS-sleutel in.',
    check(facts) {
      const properties = facts.document.catalog.lookupMaybe(PDFName.of('OCProperties'), PDFDict);
      if (!properties) return 'not-applicable';
      const configs = [
        properties.lookupMaybe(PDFName.of('D'), PDFDict),
        ...(properties
          .lookupMaybe(PDFName.of('Configs'), PDFArray)
          ?.asArray()
          .map((item) => facts.document.context.lookup(item)) ?? []),
      ].filter((config): config is PDFDict => config instanceof PDFDict);
      const problems: Problem[] = [];
      configs.forEach((config, index) => {
        const where = index === 0 ? 'de standaardconfiguratie (D)' : `configuratie ${index} (Configs)`;
        if (!text(config.lookup(PDFName.of('Name')))?.trim()) problems.push({ text: `${where} heeft geen Name (20-001)` });
        if (config.has(PDFName.of('AS'))) problems.push({ text: `${where} heeft een AS-sleutel (20-003)` });
      });
      return problems;
    },
  },
  {
    id: 'pdf-embedded-files',
    title: 'Ingesloten bestanden met F en UF',
    clause: '7.11',
    rules: ['7.11-t01'],
    matterhorn: '21-001',
    wcag: [],
    ok: 'Elk ingesloten bestand heeft een bestandsnaam in F en UF.',
    failed: 'Niet elk ingesloten bestand heeft een bestandsnaam in F en UF.',
    check(facts) {
      const specs = dictionaries(facts.document).filter(({ dict }) => dict.has(PDFName.of('EF')));
      if (specs.length === 0) return 'not-applicable';
      return specs
        .filter(({ dict }) => !text(dict.lookup(PDFName.of('F'))) || !text(dict.lookup(PDFName.of('UF'))))
        .map(({ ref }) => ({ object: label(ref), text: 'bestandsspecificatie zonder niet-lege F en UF' }));
    },
  },
  {
    id: 'pdf-xfa',
    title: 'Geen dynamische XFA-formulieren',
    clause: '7.15',
    rules: ['7.15-t01'],
    matterhorn: '25-001',
    wcag: [],
    ok: 'Geen dynamische XFA-formulieren.',
    failed: 'Het document gebruikt een dynamisch XFA-formulier.',
    check(facts) {
      const form = facts.document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
      const xfa = form?.lookup(PDFName.of('XFA'));
      if (!xfa) return 'not-applicable';
      // The XFA packets (one stream, or name/stream pairs): the config packet says whether rendering is dynamic.
      const streams = xfa instanceof PDFArray ? xfa.asArray().map((item) => facts.document.context.lookup(item)) : [xfa];
      const xml = streams
        .filter((item): item is PDFRawStream => item instanceof PDFRawStream)
        .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8'))
        .join('\n');
      return /<dynamicRender\s*>\s*required\s*<\/dynamicRender\s*>/.test(xml) ? [{ text: 'XFA met dynamicRender "required"' }] : [];
    },
  },
  {
    id: 'pdf-form-xobjects-tagged',
    title: 'Getagde Form-XObjects maar één keer getekend',
    clause: '7.20',
    rules: ['7.20-t02'],
    matterhorn: '30-002',
    wcag: ['1.3.1'],
    ok: 'Geen Form-XObject met gemarkeerde inhoud (MCID) wordt meer dan één keer getekend.',
    failed: 'Een Form-XObject met gemarkeerde inhoud (MCID) wordt meer dan één keer getekend: die inhoud hoort dan niet bij één structuurelement.',
    check(facts) {
      return facts.reusedTaggedForms.map(({ object, times }) => ({ object, text: `Form-XObject met MCID ${times} keer getekend` }));
    },
  },
  {
    id: 'pdf-reference-xobjects',
    title: 'Geen verwijzings-XObjects',
    clause: '7.20',
    rules: ['7.20-t01'],
    matterhorn: '30-001',
    wcag: [],
    ok: 'Geen verwijzings-XObjects (Form-XObjects met Ref).',
    failed: 'Het document bevat verwijzings-XObjects, die naar een ander bestand wijzen.',
    check(facts) {
      const forms = dictionaries(facts.document).filter(({ dict }) => is(dict, 'Subtype', 'Form') && dict.has(PDFName.of('BBox')));
      return forms
        .filter(({ dict }) => dict.has(PDFName.of('Ref')))
        .map(({ ref }) => ({ object: label(ref), text: 'Form-XObject met Ref (verwijzings-XObject)' }));
    },
  },
];
