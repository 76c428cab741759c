/**
 * Font dictionaries (ISO 14289-1 7.21, through ISO 32000-1 9.7 and 9.10): composite fonts and
 * their CMaps, TrueType encodings, ToUnicode values, .notdef through an Identity CMap (CID 0).
 * What needs a look inside a font program (7.21.4.2 CharSet/CIDSet, 7.21.5 widths, .notdef in
 * simple fonts) is not checked here yet.
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { dictionaries, is, label, name, number, type PdfRule, type Problem } from './rule.ts';
import type { PdfFacts } from '../../pdf/read.ts';

/** The predefined CMaps of ISO 32000-1 9.7.5.2, Table 118, with the character collection of each. */
const predefined = new Map<string, string>([
  ...['GB-EUC', 'GBpc-EUC', 'GBK-EUC', 'GBKp-EUC', 'GBK2K', 'UniGB-UCS2', 'UniGB-UTF16'].flatMap((base) => [`${base}-H`, `${base}-V`].map((cmap) => [cmap, 'GB1'] as const)),
  ...['B5pc', 'HKscs-B5', 'ETen-B5', 'ETenms-B5', 'CNS-EUC', 'UniCNS-UCS2', 'UniCNS-UTF16'].flatMap((base) => [`${base}-H`, `${base}-V`].map((cmap) => [cmap, 'CNS1'] as const)),
  ...['83pv-RKSJ-H', '90pv-RKSJ-H', 'H', 'V', ...['90ms-RKSJ', '90msp-RKSJ', 'Add-RKSJ', 'EUC', 'Ext-RKSJ', 'UniJIS-UCS2', 'UniJIS-UCS2-HW', 'UniJIS-UTF16'].flatMap((base) => [`${base}-H`, `${base}-V`])].map((cmap) => [cmap, 'Japan1'] as const),
  ...['KSCpc-EUC-H', ...['KSC-EUC', 'KSCms-UHC', 'KSCms-UHC-HW', 'UniKS-UCS2', 'UniKS-UTF16'].flatMap((base) => [`${base}-H`, `${base}-V`])].map((cmap) => [cmap, 'Korea1'] as const),
  ['Identity-H', 'Identity'],
  ['Identity-V', 'Identity'],
]);

function decode(stream: PDFObject | undefined): string | undefined {
  try {
    return stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : undefined;
  } catch {
    return undefined;
  }
}

/** The font dictionaries used for rendering (see PdfFacts `fonts`), with their references. */
function renderingFonts(facts: PdfFacts) {
  const used = new Set(facts.fonts.filter((font) => font.used).map((font) => font.object));
  return dictionaries(facts.document).filter(({ ref, dict }) => is(dict, 'Type', 'Font') && used.has(label(ref)));
}

/** The Type0 fonts used for rendering, each with its descendant CIDFont and its Encoding. */
function compositeFonts(facts: PdfFacts) {
  return renderingFonts(facts)
    .filter(({ dict }) => is(dict, 'Subtype', 'Type0'))
    .map(({ ref, dict }) => {
      const descendants = dict.lookup(PDFName.of('DescendantFonts'));
      const first = descendants instanceof PDFArray ? facts.document.context.lookup(descendants.get(0)) : undefined;
      return { object: label(ref), font: dict, cidFont: first instanceof PDFDict ? first : undefined, encoding: dict.lookup(PDFName.of('Encoding')) };
    });
}

/** Registry and ordering of a CIDSystemInfo dictionary. */
function systemInfo(dict: PDFDict | undefined) {
  const info = dict?.lookupMaybe(PDFName.of('CIDSystemInfo'), PDFDict);
  const text = (key: string) => {
    const value = info?.lookup(PDFName.of(key));
    return value && 'decodeText' in value ? (value as unknown as { decodeText(): string }).decodeText() : undefined;
  };
  return { registry: text('Registry'), ordering: text('Ordering'), supplement: number(info, 'Supplement') };
}

export const fontRules: PdfRule[] = [
  {
    id: 'pdf-notdef',
    title: 'Geen .notdef-tekens',
    clause: '7.21.8',
    rules: ['7.21.8-t01'],
    matterhorn: '31-030',
    wcag: ['1.3.1'],
    ok: 'Geen tekst toont het .notdef-teken (CID 0 van een samengesteld lettertype).',
    failed: 'Tekst toont het .notdef-teken: een teken dat het lettertype niet heeft.',
    check(facts) {
      return facts.content.flatMap((page, index) => (page.notdef.length > 0 ? [{ page: index + 1, text: `${page.notdef.length} tekstopdracht(en) met CID 0 (.notdef)` }] : []));
    },
  },
  {
    id: 'pdf-cid-system-info',
    title: 'Tekensets van samengestelde lettertypen kloppen',
    clause: '7.21.3.1',
    rules: ['7.21.3.1-t01'],
    matterhorn: '31-001',
    wcag: [],
    ok: 'Bij elk samengesteld lettertype horen het lettertype en zijn CMap bij dezelfde tekenset.',
    failed: 'Bij een samengesteld lettertype horen het lettertype en zijn CMap bij verschillende tekensets.',
    check(facts) {
      const fonts = compositeFonts(facts);
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { object, cidFont, encoding } of fonts) {
        const font = systemInfo(cidFont);
        let cmap: { registry?: string; ordering?: string; supplement?: number } | undefined;
        if (encoding instanceof PDFName) {
          const collection = predefined.get(encoding.decodeText());
          if (collection === 'Identity' || collection === undefined) continue; // Identity: any; unknown: 7.21.3.3
          cmap = { registry: 'Adobe', ordering: collection };
        } else if (encoding instanceof PDFStream) cmap = systemInfo(encoding.dict);
        if (!cmap) continue;
        if (font.registry !== cmap.registry || font.ordering !== cmap.ordering) problems.push({ object, text: `lettertype ${font.registry ?? '?'}-${font.ordering ?? '?'}, CMap ${cmap.registry ?? '?'}-${cmap.ordering ?? '?'}` });
        else if (cmap.supplement !== undefined && font.supplement !== undefined && font.supplement > cmap.supplement) problems.push({ object, text: `Supplement van het lettertype (${font.supplement}) groter dan dat van de CMap (${cmap.supplement})` });
      }
      return problems;
    },
  },
  {
    id: 'pdf-cid-to-gid-map',
    title: 'CIDToGIDMap bij ingesloten TrueType-CID-lettertypen',
    clause: '7.21.3.2',
    rules: ['7.21.3.2-t01'],
    matterhorn: '31-002',
    wcag: [],
    ok: 'Elk ingesloten CIDFontType2-lettertype heeft een CIDToGIDMap.',
    failed: 'Een ingesloten CIDFontType2-lettertype heeft geen CIDToGIDMap.',
    check(facts) {
      const fonts = compositeFonts(facts).filter(({ cidFont }) => name(cidFont, 'Subtype') === 'CIDFontType2' && cidFont?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.has(PDFName.of('FontFile2')));
      if (fonts.length === 0) return 'not-applicable';
      return fonts
        .filter(({ cidFont }) => {
          const map = cidFont!.lookup(PDFName.of('CIDToGIDMap'));
          return !(map instanceof PDFStream) && !(map instanceof PDFName && map.decodeText() === 'Identity');
        })
        .map(({ object }) => ({ object, text: 'CIDFontType2 zonder CIDToGIDMap (stroom of /Identity)' }));
    },
  },
  {
    id: 'pdf-cmaps',
    title: 'CMaps voorgedefinieerd of ingesloten',
    clause: '7.21.3.3',
    rules: ['7.21.3.3-t01', '7.21.3.3-t02', '7.21.3.3-t03'],
    matterhorn: '31-003',
    wcag: [],
    ok: 'Elke CMap is voorgedefinieerd of ingesloten, met een kloppende WMode en alleen verwijzingen naar voorgedefinieerde CMaps.',
    failed: 'Niet elke CMap is voorgedefinieerd of goed ingesloten.',
    check(facts) {
      const fonts = compositeFonts(facts);
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { object, encoding } of fonts) {
        if (encoding instanceof PDFName) {
          if (!predefined.has(encoding.decodeText())) problems.push({ object, text: `CMap /${encoding.decodeText()} is niet voorgedefinieerd en niet ingesloten` });
          continue;
        }
        if (!(encoding instanceof PDFStream)) continue;
        const program = decode(encoding) ?? '';
        const declared = number(encoding.dict, 'WMode') ?? 0;
        const inProgram = Number(/\/WMode\s+(\d+)\s+def/.exec(program)?.[1] ?? 0);
        if (declared !== inProgram) problems.push({ object, text: `WMode ${declared} in het CMap-woordenboek, ${inProgram} in de CMap zelf` });
        const uses = encoding.dict.lookup(PDFName.of('UseCMap'));
        if (uses instanceof PDFName && !predefined.has(uses.decodeText())) problems.push({ object, text: `CMap verwijst (UseCMap) naar /${uses.decodeText()}, geen voorgedefinieerde CMap` });
      }
      return problems;
    },
  },
  {
    id: 'pdf-truetype-encodings',
    title: 'Coderingen van TrueType-lettertypen',
    clause: '7.21.6',
    rules: ['7.21.6-t02', '7.21.6-t03'],
    matterhorn: '31-006',
    wcag: [],
    ok: 'Niet-symbolische TrueType-lettertypen gebruiken MacRoman- of WinAnsi-codering; symbolische hebben geen Encoding.',
    failed: 'Niet elk TrueType-lettertype heeft een codering die tekens eenduidig maakt.',
    check(facts) {
      const fonts = renderingFonts(facts).filter(({ dict }) => is(dict, 'Subtype', 'TrueType'));
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { ref, dict } of fonts) {
        const flags = number(dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict), 'Flags') ?? 0;
        const symbolic = (flags & 4) === 4;
        const encoding = dict.lookup(PDFName.of('Encoding'));
        const base = encoding instanceof PDFName ? encoding.decodeText() : encoding instanceof PDFDict ? name(encoding, 'BaseEncoding') : undefined;
        if (symbolic && encoding !== undefined) problems.push({ object: label(ref), text: 'symbolisch TrueType-lettertype met een Encoding' });
        if (!symbolic && base !== 'MacRomanEncoding' && base !== 'WinAnsiEncoding') problems.push({ object: label(ref), text: `niet-symbolisch TrueType-lettertype met codering ${base ?? '(geen)'}` });
      }
      return problems;
    },
  },
  {
    id: 'pdf-tounicode-values',
    title: 'Geldige Unicode-waarden in ToUnicode',
    clause: '7.21.7',
    rules: ['7.21.7-t02'],
    matterhorn: '31-028',
    wcag: ['1.3.1'],
    ok: 'Geen ToUnicode-tabel koppelt een teken aan U+0000, U+FEFF of U+FFFE.',
    failed: 'Een ToUnicode-tabel koppelt tekens aan U+0000, U+FEFF of U+FFFE.',
    check(facts) {
      const fonts = renderingFonts(facts).filter(({ dict }) => dict.lookup(PDFName.of('ToUnicode')) instanceof PDFStream);
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { ref, dict } of fonts) {
        const cmap = decode(dict.lookup(PDFName.of('ToUnicode'))) ?? '';
        // Destinations of bfchar pairs and the start values of bfranges.
        const destinations: string[] = [];
        for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) destinations.push(pair[2]);
        for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) for (const range of block[1].matchAll(/<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
          if (range[1]) destinations.push(range[1]);
          else for (const item of (range[2] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)) destinations.push(item[1]);
        }
        const bad = destinations.filter((value) => /^0+$/.test(value) || /^(feff|fffe)$/i.test(value));
        if (bad.length > 0) problems.push({ object: label(ref), text: `ToUnicode met ${[...new Set(bad.map((value) => `U+${value.toUpperCase().padStart(4, '0')}`))].join(', ')}` });
      }
      return problems;
    },
  },
];
