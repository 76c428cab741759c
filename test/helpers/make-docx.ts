/**
 * Word files written by a real .docx writer (the `docx` package), for the import tests: the
 * structures a platform's reply has (headings, bulleted and numbered lists, a table, footnotes, a closing),
 * images with and without a description, a long reply in two columns with notes on several
 * pages, and the ones the import must refuse (tracked changes, comments).
 */
import { deflateSync, crc32 } from 'node:zlib';
import {
  ImageRun,
  AlignmentType,
  LevelFormat,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  DeletedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type DocxVariant = 'letter' | 'tracked-changes' | 'comments' | 'images' | 'two-columns' | 'split-row';

/** A zienswijze as a platform might send it, as .docx bytes. */
export async function makeDocx(variant: DocxVariant = 'letter'): Promise<Uint8Array> {
  const body = [
    new Paragraph({ text: 'Zienswijze op het concept', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun('Geachte heer, mevrouw,')] }),
    new Paragraph({
      children: [
        new TextRun('Wij danken u voor de gelegenheid te reageren. Onze aanpak is '),
        new TextRun({ text: 'zorgvuldig', bold: true }),
        new TextRun(' en '),
        new TextRun({ text: 'proportioneel', italics: true }),
        new TextRun('.'),
        new FootnoteReferenceRun(1),
        new TextRun(' Het getal 2*3*4 en [haken] blijven staan, net als _dit_ en #hekje.'),
      ],
    }),
    new Paragraph({ text: 'Onze maatregelen', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: 'Leeftijdscontrole bij aanmelding', bullet: { level: 0 } }),
    new Paragraph({ text: 'Met een tweede stap voor twijfelgevallen', bullet: { level: 1 } }),
    new Paragraph({ text: 'Standaard privé-accounts voor minderjarigen', bullet: { level: 0 } }),
    new Paragraph('Onze toezeggingen:'),
    new Paragraph({ text: 'Wij publiceren elk jaar een verslag.', numbering: { reference: 'genummerd', level: 0 } }),
    new Paragraph({ text: 'Wij laten dat verslag toetsen.', numbering: { reference: 'genummerd', level: 0 } }),
    new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph('Maatregel')] }), new TableCell({ children: [new Paragraph('Sinds')] })] }),
        new TableRow({ children: [new TableCell({ children: [new Paragraph('Leeftijdscontrole')] }), new TableCell({ children: [new Paragraph('2025')] })] }),
        // A cell whose text wraps beside a cell of one line: readers that go line by line across the page interleave them.
        new TableRow({
          children: [
            new TableCell({
              width: { size: 3000, type: WidthType.DXA },
              children: [new Paragraph('Standaard privé-accounts voor iedereen onder de zestien jaar, ook voor wie al een account had')],
            }),
            new TableCell({ children: [new Paragraph('2026')] }),
          ],
        }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun('Meer op '),
        new ExternalHyperlink({ link: 'https://voorbeeld.nl/veiligheid', children: [new TextRun('onze website')] }),
        new TextRun('.'),
      ],
    }),
    new Paragraph('Met vriendelijke groet,'),
    new Paragraph('Klets B.V.'),
  ];
  if (variant === 'tracked-changes') {
    body.push(
      new Paragraph({
        children: [
          new TextRun('Wij '),
          new InsertedTextRun({ text: 'willen ', id: 1, author: 'Jurist', date: '2026-11-01T10:00:00Z' }),
          new DeletedTextRun({ text: 'zullen ', id: 2, author: 'Jurist', date: '2026-11-01T10:00:00Z' }),
          new TextRun('dit bespreken.'),
        ],
      }),
    );
  }
  const comments =
    variant === 'comments'
      ? { children: [{ id: 0, author: 'Jurist', date: new Date('2026-11-01T10:00:00Z'), children: [new Paragraph('Nog afstemmen')] }] }
      : undefined;
  if (variant === 'comments') {
    body.push(
      new Paragraph({
        children: [
          new CommentRangeStart(0),
          new TextRun('Een zin met commentaar.'),
          new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
        ],
      }),
    );
  }
  if (variant === 'images') {
    body.push(
      new Paragraph({ children: [new ImageRun({ type: 'png', data: png(60, 20, [0x1f, 0x5f, 0x8f]), transformation: { width: 120, height: 40 } })] }),
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: png(40, 40, [0xc0, 0x30, 0x30]),
            transformation: { width: 40, height: 40 },
            altText: { name: 'logo', description: 'Rood vierkant, het logo van Klets', title: 'Logo' },
          }),
        ],
      }),
    );
  }
  if (variant === 'two-columns') return twoColumns();
  if (variant === 'split-row') return splitRow();
  const document = new Document({
    numbering: { config: [{ reference: 'genummerd', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    ...(comments ? { comments } : {}),
    footnotes: { 1: { children: [new Paragraph('Zie ons jaarverslag 2025, p. 12.')] } },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const sentences = [
  'Wij nemen de zorgen over de veiligheid van jonge gebruikers serieus en hebben onze werkwijze daarop aangepast',
  'Sinds vorig jaar controleren wij de leeftijd bij aanmelding met een tweede stap voor twijfelgevallen',
  'Ouders kunnen in de instellingen zien welke functies hun kind gebruikt en die zo nodig uitzetten',
  'Berichten van onbekenden komen bij minderjarigen niet meer binnen zonder dat zij daar eerst mee instemmen',
  'Wij laten ieder jaar door een onafhankelijke partij toetsen of deze maatregelen werken zoals bedoeld',
  'Het rapport noemt enkele punten die wij anders zien, en die lichten wij hieronder kort toe',
];

const noteTexts = [
  'Zie ons jaarverslag over 2025, in het bijzonder het deel over jonge gebruikers.',
  'De cijfers komen uit een eigen meting onder ruim tweeduizend accounts.',
  'Deze werkwijze is besproken met de toezichthouder.',
  'Het onderzoeksbureau is door ons gekozen, niet door de overheid.',
  'Wij verwijzen naar de openbare voorwaarden op onze website.',
];

/** The text of the two-column reply: its paragraphs, each with the number of the note it calls at its end (before its last sentence), and the notes. */
export function twoColumnsText(): { heading: string; paragraphs: Array<{ text: string; note?: number; after?: string }>; closing: string[]; notes: string[] } {
  const paragraphs: Array<{ text: string; note?: number; after?: string }> = [];
  const notes: string[] = [];
  for (let n = 1; n <= 16; n++) {
    const text = Array.from({ length: 5 }, (_, i) => `${sentences[(n + i) % sentences.length]} (punt ${n}.${i + 1}).`).join(' ');
    if (n % 3 === 0) {
      notes.push(noteTexts[notes.length % noteTexts.length]);
      paragraphs.push({ text, note: notes.length, after: ' Dit geldt voor alle gebruikers.' });
    } else paragraphs.push({ text });
  }
  return { heading: 'Zienswijze in twee kolommen', paragraphs, closing: ['Met vriendelijke groet,', 'Klets B.V.'], notes };
}

/** A long reply set in two columns, with notes on more than one page. */
async function twoColumns(): Promise<Uint8Array> {
  const text = twoColumnsText();
  const paragraphs: Paragraph[] = [new Paragraph({ text: text.heading, heading: HeadingLevel.HEADING_1 })];
  for (const paragraph of text.paragraphs) {
    const children: Array<TextRun | FootnoteReferenceRun> = [new TextRun(paragraph.text)];
    if (paragraph.note) children.push(new FootnoteReferenceRun(paragraph.note), new TextRun(paragraph.after ?? ''));
    paragraphs.push(new Paragraph({ children, spacing: { after: 120 } }));
  }
  paragraphs.push(...text.closing.map((line) => new Paragraph(line)));
  const footnotes = Object.fromEntries(text.notes.map((note, index) => [index + 1, { children: [new Paragraph(note)] }]));
  const document = new Document({ footnotes, sections: [{ properties: { column: { count: 2, space: 567 } }, children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * The text of a reply whose table has a row that breaks over a page: paragraphs filling most of
 * the first page, then a table of measures whose second row has a long first cell (about twenty
 * lines) beside a short one, then a closing.
 */
export function splitRowText(): { heading: string; paragraphs: string[]; header: [string, string]; rows: Array<[string, string]>; closing: string[] } {
  const paragraphs = Array.from({ length: 7 }, (_, n) =>
    Array.from({ length: 4 }, (_, i) => `${sentences[(n + i) % sentences.length]} (alinea ${n + 1}.${i + 1}).`).join(' '),
  );
  const long = Array.from({ length: 12 }, (_, i) => `${sentences[i % sentences.length]} (stap ${i + 1}).`).join(' ');
  return {
    heading: 'Zienswijze met een lange tabel',
    paragraphs,
    header: ['Maatregel', 'Stand'],
    rows: [
      ['Leeftijdscontrole bij aanmelding', 'ingevoerd'],
      [long, 'in voorbereiding'],
      ['Jaarlijkse toets door een onafhankelijke partij', 'gepland'],
    ],
    closing: ['Met vriendelijke groet,', 'Klets B.V.'],
  };
}

/** A reply with a table row that breaks over a page (Word lets a row break by default). */
async function splitRow(): Promise<Uint8Array> {
  const text = splitRowText();
  const cell = (value: string, width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph(value)] });
  const row = ([first, second]: [string, string]) => new TableRow({ children: [cell(first, 6500), cell(second, 2500)] });
  const children = [
    new Paragraph({ text: text.heading, heading: HeadingLevel.HEADING_1 }),
    ...text.paragraphs.map((paragraph) => new Paragraph({ children: [new TextRun(paragraph)], spacing: { after: 120 } })),
    new Table({ rows: [row(text.header), ...text.rows.map(row)] }),
    ...text.closing.map((line) => new Paragraph(line)),
  ];
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A PNG of one colour, written by hand (the image writers of npm are more than a test needs). */
function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}
