/**
 * Word files written by a real .docx writer (the `docx` package), for the import tests: the
 * structures a platform's reply has (headings, bulleted and numbered lists, a table, footnotes, a closing) and the
 * ones the import must refuse (tracked changes, comments).
 */
import {
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
} from 'docx';

export type DocxVariant = 'letter' | 'tracked-changes' | 'comments';

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
  const document = new Document({
    numbering: { config: [{ reference: 'genummerd', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    ...(comments ? { comments } : {}),
    footnotes: { 1: { children: [new Paragraph('Zie ons jaarverslag 2025, p. 12.')] } },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
