/**
 * Fonts (ISO 14289-1 7.21, through ISO 32000-1 9.7 and 9.10): composite fonts and their CMaps,
 * TrueType encodings, ToUnicode values, .notdef through an Identity CMap (CID 0), and what needs
 * a look inside the embedded font program (read with fontkit, `pdf/font-program.ts`): CharSet
 * and CIDSet against the glyphs present (7.21.4.2), widths against the program's (7.21.5), and
 * the `cmap` a non-symbolic TrueType font with Differences needs (7.21.6).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { dictionaries, is, label, name, number, text, type PdfRule, type Problem } from './rule.ts';
import type { PdfFacts } from '../../pdf/read.ts';
import { adobeGlyphUnicode, fontProgram } from '../../pdf/font-program.ts';

/** The predefined CMaps of ISO 32000-1 9.7.5.2, Table 118, with the character collection of each. */
const predefined = new Map<string, string>([
  ...['GB-EUC', 'GBpc-EUC', 'GBK-EUC', 'GBKp-EUC', 'GBK2K', 'UniGB-UCS2', 'UniGB-UTF16'].flatMap((base) =>
    [`${base}-H`, `${base}-V`].map((cmap) => [cmap, 'GB1'] as const),
  ),
  ...['B5pc', 'HKscs-B5', 'ETen-B5', 'ETenms-B5', 'CNS-EUC', 'UniCNS-UCS2', 'UniCNS-UTF16'].flatMap((base) =>
    [`${base}-H`, `${base}-V`].map((cmap) => [cmap, 'CNS1'] as const),
  ),
  ...[
    '83pv-RKSJ-H',
    '90pv-RKSJ-H',
    'H',
    'V',
    ...['90ms-RKSJ', '90msp-RKSJ', 'Add-RKSJ', 'EUC', 'Ext-RKSJ', 'UniJIS-UCS2', 'UniJIS-UCS2-HW', 'UniJIS-UTF16'].flatMap((base) => [
      `${base}-H`,
      `${base}-V`,
    ]),
  ].map((cmap) => [cmap, 'Japan1'] as const),
  ...['KSCpc-EUC-H', ...['KSC-EUC', 'KSCms-UHC', 'KSCms-UHC-HW', 'UniKS-UCS2', 'UniKS-UTF16'].flatMap((base) => [`${base}-H`, `${base}-V`])].map(
    (cmap) => [cmap, 'Korea1'] as const,
  ),
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

/** The fonts only in the resources, which ISO 14289-1 7.21 leaves alone (text rendering mode 3 counts as not drawing). */
function unusedNote(facts: PdfFacts): string {
  const unused = facts.fonts.filter((font) => !font.used).length;
  return unused > 0 ? ` (${unused} ${unused === 1 ? 'lettertype staat' : 'lettertypen staan'} alleen in de bronnen en tekent geen tekst)` : '';
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
    id: 'pdf-fonts-embedded',
    title: 'Lettertypen ingesloten',
    clause: '7.21.4.1',
    rules: ['7.21.4.1-t01'],
    matterhorn: '31-009',
    wcag: [],
    ok: 'Geen lettertypen die tekst tekenen.',
    failed: 'Niet alle lettertypen zijn ingesloten.',
    check(facts) {
      const rendering = facts.fonts.filter((font) => font.used);
      const note = unusedNote(facts);
      if (rendering.length === 0) return { problems: [], status: 'not-applicable', ok: `Geen lettertypen die tekst tekenen${note}.` };
      return {
        problems: rendering
          .filter((font) => !font.embedded)
          .map((font) => ({ object: font.object, text: `${font.name} (${font.subtype}) is niet ingesloten` })),
        ok: `Alle ${rendering.length} lettertypen die tekst tekenen zijn ingesloten${note}.`,
      };
    },
  },
  {
    id: 'pdf-fonts-unicode',
    title: 'Unicode-koppeling van lettertypen',
    clause: '7.21.7',
    rules: ['7.21.7-t01'],
    matterhorn: '31-027',
    wcag: ['1.3.1'],
    ok: 'Geen lettertypen die tekst tekenen.',
    failed: 'Niet van alle tekens is te bepalen welke letter het is.',
    check(facts) {
      const rendering = facts.fonts.filter((font) => font.used);
      const note = unusedNote(facts);
      if (rendering.length === 0) return { problems: [], status: 'not-applicable', ok: `Geen lettertypen die tekst tekenen${note}.` };
      return {
        problems: rendering
          .filter((font) => !font.toUnicode && font.subtype !== 'Type3')
          .map((font) => ({ object: font.object, text: `${font.name} heeft geen ToUnicode en geen standaardcodering` })),
        ok: `Alle lettertypen die tekst tekenen koppelen hun tekens aan Unicode${note}.`,
      };
    },
  },
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
      return facts.content.flatMap((page, index) =>
        page.notdef.length > 0 ? [{ page: index + 1, text: `${page.notdef.length} tekstopdracht(en) met CID 0 (.notdef)` }] : [],
      );
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
        if (font.registry !== cmap.registry || font.ordering !== cmap.ordering)
          problems.push({ object, text: `lettertype ${font.registry ?? '?'}-${font.ordering ?? '?'}, CMap ${cmap.registry ?? '?'}-${cmap.ordering ?? '?'}` });
        else if (cmap.supplement !== undefined && font.supplement !== undefined && font.supplement > cmap.supplement)
          problems.push({ object, text: `Supplement van het lettertype (${font.supplement}) groter dan dat van de CMap (${cmap.supplement})` });
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
      const fonts = compositeFonts(facts).filter(
        ({ cidFont }) =>
          name(cidFont, 'Subtype') === 'CIDFontType2' && cidFont?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.has(PDFName.of('FontFile2')),
      );
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
          if (!predefined.has(encoding.decodeText()))
            problems.push({ object, text: `CMap /${encoding.decodeText()} is niet voorgedefinieerd en niet ingesloten` });
          continue;
        }
        if (!(encoding instanceof PDFStream)) continue;
        const program = decode(encoding) ?? '';
        const declared = number(encoding.dict, 'WMode') ?? 0;
        const inProgram = Number(/\/WMode\s+(\d+)\s+def/.exec(program)?.[1] ?? 0);
        if (declared !== inProgram) problems.push({ object, text: `WMode ${declared} in het CMap-woordenboek, ${inProgram} in de CMap zelf` });
        const uses = encoding.dict.lookup(PDFName.of('UseCMap'));
        if (uses instanceof PDFName && !predefined.has(uses.decodeText()))
          problems.push({ object, text: `CMap verwijst (UseCMap) naar /${uses.decodeText()}, geen voorgedefinieerde CMap` });
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
        const { symbolic, encoding, base, differences, names } = simpleEncoding(dict, facts);
        if (symbolic && encoding !== undefined) problems.push({ object: label(ref), text: 'symbolisch TrueType-lettertype met een Encoding' });
        if (!symbolic && base !== 'MacRomanEncoding' && base !== 'WinAnsiEncoding')
          problems.push({ object: label(ref), text: `niet-symbolisch TrueType-lettertype met codering ${base ?? '(geen)'}` });
        if (!symbolic && differences) {
          const unlisted = names.filter((glyph) => adobeGlyphUnicode(glyph) === undefined);
          if (unlisted.length > 0)
            problems.push({
              object: label(ref),
              text: `Differences met namen die niet in de Adobe Glyph List staan: ${unlisted
                .slice(0, 5)
                .map((glyph) => `/${glyph}`)
                .join(', ')}`,
            });
          const program = fontProgram(dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict));
          if (program && !program.cmaps.includes('3,1'))
            problems.push({ object: label(ref), text: 'Differences zonder Microsoft Unicode-cmap (3,1) in het ingesloten lettertype' });
        }
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
        for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
          for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) destinations.push(pair[2]);
        for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
          for (const range of block[1].matchAll(/<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
            if (range[1]) destinations.push(range[1]);
            else for (const item of (range[2] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)) destinations.push(item[1]);
          }
        const bad = destinations.filter((value) => /^0+$/.test(value) || /^(feff|fffe)$/i.test(value));
        if (bad.length > 0)
          problems.push({
            object: label(ref),
            text: `ToUnicode met ${[...new Set(bad.map((value) => `U+${value.toUpperCase().padStart(4, '0')}`))].join(', ')}`,
          });
      }
      return problems;
    },
  },
  {
    id: 'pdf-font-charset',
    title: 'CharSet noemt precies de tekens van het lettertype',
    clause: '7.21.4.2',
    rules: ['7.21.4.2-t01'],
    matterhorn: '31-010',
    wcag: [],
    ok: 'Elke CharSet noemt precies de tekens die in het ingesloten lettertype staan.',
    failed: 'Een CharSet noemt tekens die niet in het lettertype staan, of mist er.',
    check(facts) {
      const fonts = renderingFonts(facts)
        .map(({ ref, dict }) => ({ ref, descriptor: dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict) }))
        .filter(({ descriptor }) => descriptor?.has(PDFName.of('CharSet')));
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { ref, descriptor } of fonts) {
        const program = fontProgram(descriptor);
        if (!program?.glyphNames) {
          problems.push({
            object: label(ref),
            text: 'CharSet niet te vergelijken: het ingesloten lettertype is niet te lezen (Type 1-programma of beschadigd)',
          });
          continue;
        }
        const listed = new Set(
          (text(descriptor?.lookup(PDFName.of('CharSet'))) ?? '')
            .split('/')
            .map((glyph) => glyph.trim())
            .filter((glyph) => glyph && glyph !== '.notdef'),
        );
        const present = new Set(program.glyphNames.filter((glyph) => glyph && glyph !== '.notdef'));
        const surplus = [...listed].filter((glyph) => !present.has(glyph));
        const missing = [...present].filter((glyph) => !listed.has(glyph));
        if (surplus.length > 0)
          problems.push({ object: label(ref), text: `CharSet noemt ${surplus.map((glyph) => `/${glyph}`).join(' ')}, niet in het lettertype` });
        if (missing.length > 0) problems.push({ object: label(ref), text: `CharSet mist ${missing.map((glyph) => `/${glyph}`).join(' ')} uit het lettertype` });
      }
      return problems;
    },
  },
  {
    id: 'pdf-font-cidset',
    title: 'CIDSet noemt precies de CID’s van het lettertype',
    clause: '7.21.4.2',
    rules: ['7.21.4.2-t02'],
    matterhorn: '31-011',
    wcag: [],
    ok: 'Elke CIDSet noemt precies de CID’s die in het ingesloten lettertype staan.',
    failed: 'Een CIDSet noemt CID’s die niet in het lettertype staan, of mist er.',
    check(facts) {
      const fonts = compositeFonts(facts)
        .map((font) => ({ ...font, descriptor: font.cidFont?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict) }))
        .filter(({ descriptor }) => descriptor?.lookup(PDFName.of('CIDSet')) instanceof PDFRawStream);
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { object, cidFont, descriptor } of fonts) {
        const bits = decodeBytes(descriptor?.lookup(PDFName.of('CIDSet')));
        const program = fontProgram(descriptor);
        if (!bits || !program) {
          problems.push({ object, text: 'CIDSet niet te vergelijken: CIDSet of ingesloten lettertype niet te lezen' });
          continue;
        }
        const set = (cid: number) => cid >> 3 < bits.length && (bits[cid >> 3] & (0x80 >> (cid & 7))) !== 0;
        // The CIDs the program holds, as the reference validator reads them (CID 0, .notdef, aside).
        // A TrueType CIDFont without a CIDToGIDMap stream maps CIDs to glyphs one to one (Identity).
        const map = cidFont?.lookup(PDFName.of('CIDToGIDMap'));
        const identity = program.kind === 'truetype' && !(map instanceof PDFRawStream);
        let present: Set<number>;
        if (program.cids) present = new Set(program.cids);
        else {
          const gids = map instanceof PDFRawStream ? decodeBytes(map) : undefined;
          present = new Set();
          if (gids)
            for (let cid = 0; cid * 2 + 1 < gids.length; cid++) {
              const gid = (gids[cid * 2] << 8) | gids[cid * 2 + 1];
              if (gid > 0 && gid < program.glyphCount) present.add(cid);
            }
          else for (let cid = 0; cid < (program.metricsCount ?? program.glyphCount); cid++) present.add(cid);
        }
        present.delete(0);
        const missing = [...present].filter((cid) => !set(cid));
        const surplus: number[] = [];
        for (let cid = 1; cid < bits.length * 8; cid++) if (set(cid) && !present.has(cid) && !(identity && cid < program.glyphCount)) surplus.push(cid);
        if (missing.length > 0)
          problems.push({ object, text: `CIDSet mist ${missing.length} CID’s uit het lettertype (eerste: ${missing.slice(0, 5).join(', ')})` });
        if (surplus.length > 0)
          problems.push({ object, text: `CIDSet noemt ${surplus.length} CID’s die niet in het lettertype staan (eerste: ${surplus.slice(0, 5).join(', ')})` });
      }
      return problems;
    },
  },
  {
    id: 'pdf-font-widths',
    title: 'Tekenbreedten gelijk aan die van het lettertype',
    clause: '7.21.5',
    rules: ['7.21.5-t01'],
    matterhorn: '31-012',
    wcag: [],
    ok: 'De breedten in de lettertypewoordenboeken zijn die van de ingesloten lettertypen (de getoonde tekens).',
    failed: 'Voor getoonde tekens verschilt de breedte in het PDF-woordenboek van die in het lettertype.',
    check(facts) {
      // Simple TrueType fonts, for the codes their text shows (ISO 32000-1 9.6.6.4: code to glyph).
      const shown = new Map(facts.fonts.filter((font) => font.used && font.codes).map((font) => [font.object, font.codes!]));
      const fonts = renderingFonts(facts).filter(({ ref, dict }) => is(dict, 'Subtype', 'TrueType') && shown.has(label(ref)) && dict.has(PDFName.of('Widths')));
      if (fonts.length === 0) return 'not-applicable';
      const problems: Problem[] = [];
      for (const { ref, dict } of fonts) {
        const descriptor = dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
        const program = fontProgram(descriptor);
        if (!program) continue; // not embedded or unreadable: 7.21.4.1 and the other font units speak
        const widths =
          dict
            .lookupMaybe(PDFName.of('Widths'), PDFArray)
            ?.asArray()
            .map((item) => facts.document.context.lookup(item)) ?? [];
        const first = number(dict, 'FirstChar') ?? 0;
        const glyphOf = trueTypeGlyphs(dict, program, facts);
        const wrong: string[] = [];
        for (const code of shown.get(label(ref)) ?? []) {
          const declared = widths[code - first];
          const glyph = glyphOf(code);
          const actual = glyph > 0 ? program.advance(glyph) : undefined;
          if (!(declared instanceof PDFNumber) || actual === undefined) continue;
          if (Math.abs(declared.asNumber() - actual) > 1)
            wrong.push(`code ${code}: ${declared.asNumber()} in /Widths, ${Math.round(actual)} in het lettertype`);
        }
        if (wrong.length > 0) problems.push({ object: label(ref), text: `${wrong.length} tekenbreedten wijken af (${wrong.slice(0, 3).join('; ')})` });
      }
      return problems;
    },
  },
];

function decodeBytes(stream: PDFObject | undefined): Uint8Array | undefined {
  try {
    return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A simple font's encoding (ISO 32000-1 9.6.6): symbolic or not (FontDescriptor Flags bit 3),
 * the Encoding entry, its base encoding, and the Differences array as code → glyph name (and
 * every name it lists, a code given twice included).
 */
function simpleEncoding(dict: PDFDict, facts: PdfFacts) {
  const flags = number(dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict), 'Flags') ?? 0;
  const encoding = dict.lookup(PDFName.of('Encoding'));
  const base = encoding instanceof PDFName ? encoding.decodeText() : encoding instanceof PDFDict ? name(encoding, 'BaseEncoding') : undefined;
  const list = encoding instanceof PDFDict ? encoding.lookupMaybe(PDFName.of('Differences'), PDFArray) : undefined;
  let differences: Map<number, string> | undefined;
  const names: string[] = [];
  if (list) {
    differences = new Map();
    let next = 0;
    for (const item of list.asArray().map((value) => facts.document.context.lookup(value))) {
      if (item instanceof PDFNumber) next = item.asNumber();
      else if (item instanceof PDFName) {
        names.push(item.decodeText());
        differences.set(next++, item.decodeText());
      }
    }
  }
  return { symbolic: (flags & 4) === 4, encoding, base, differences, names };
}

const winAnsi = new TextDecoder('windows-1252');
const macRoman = new TextDecoder('macintosh');

/**
 * Code → glyph of a simple TrueType font (ISO 32000-1 9.6.6.4): a non-symbolic font through its
 * encoding (and Differences, by the Adobe Glyph List) to Unicode and the (3,1) cmap, else the
 * (1,0) cmap by code; a symbolic font through (3,0) at F000+code, or (1,0) by code.
 */
function trueTypeGlyphs(dict: PDFDict, program: NonNullable<ReturnType<typeof fontProgram>>, facts: PdfFacts): (code: number) => number {
  const { symbolic, base, differences } = simpleEncoding(dict, facts);
  return (code) => {
    if (!symbolic && program.cmaps.includes('3,1')) {
      const named = differences?.get(code);
      const unicode =
        named !== undefined ? adobeGlyphUnicode(named) : (base === 'MacRomanEncoding' ? macRoman : winAnsi).decode(new Uint8Array([code])).codePointAt(0);
      if (unicode !== undefined) return program.glyphFor(3, 1, unicode);
    }
    if (program.cmaps.includes('3,0')) return program.glyphFor(3, 0, 0xf000 + code) || program.glyphFor(3, 0, code);
    return program.glyphFor(1, 0, code);
  };
}
