/** Document-level requirements: identification, optional content, embedded files, XFA, XObjects. */
import { PDFArray, PDFDict, PDFName, decodePDFRawStream, PDFRawStream } from 'pdf-lib';
import { dictionaries, is, label, text, type PdfRule, type Problem } from './rule.ts';

const pdfuaNamespace = 'http://www.aiim.org/pdfua/ns/id/';

export const documentRules: PdfRule[] = [
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
      const configs = [properties.lookupMaybe(PDFName.of('D'), PDFDict), ...(properties.lookupMaybe(PDFName.of('Configs'), PDFArray)?.asArray().map((item) => facts.document.context.lookup(item)) ?? [])].filter((config): config is PDFDict => config instanceof PDFDict);
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
      return specs.filter(({ dict }) => !text(dict.lookup(PDFName.of('F'))) || !text(dict.lookup(PDFName.of('UF')))).map(({ ref }) => ({ object: label(ref), text: 'bestandsspecificatie zonder niet-lege F en UF' }));
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
      const xml = streams.filter((item): item is PDFRawStream => item instanceof PDFRawStream).map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8')).join('\n');
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
      return forms.filter(({ dict }) => dict.has(PDFName.of('Ref'))).map(({ ref }) => ({ object: label(ref), text: 'Form-XObject met Ref (verwijzings-XObject)' }));
    },
  },
];

