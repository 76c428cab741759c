/**
 * A Word file of about 30 pages for the import benchmark, written by the docx library: 30
 * sections with a heading, five paragraphs of about 100 words, a footnote each, a bulleted list
 * and, in every fifth section, a table. Deterministic.
 */
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const words = [
  'kinderen',
  'platform',
  'gegevens',
  'leeftijd',
  'ouders',
  'privacy',
  'instellingen',
  'advertenties',
  'algoritme',
  'melding',
  'toezicht',
  'maatregel',
  'risico',
  'rechten',
  'veiligheid',
  'inhoud',
];

/** The .docx bytes. */
export async function generateDocx(sections = 30): Promise<Uint8Array> {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sentence = () => {
    const length = 8 + Math.floor(next() * 12);
    const text = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraphText = () => Array.from({ length: 7 }, sentence).join(' ');
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children: Array<Paragraph | Table> = [];
  for (let section = 1; section <= sections; section++) {
    children.push(new Paragraph({ text: `${section}. ${sentence().slice(0, -1)}`, heading: HeadingLevel.HEADING_2 }));
    for (let paragraph = 0; paragraph < 5; paragraph++) {
      const runs = [new TextRun(paragraphText())];
      if (paragraph === 2) {
        footnotes[section] = { children: [new Paragraph(sentence())] };
        runs.push(new FootnoteReferenceRun(section));
      }
      children.push(new Paragraph({ children: runs }));
    }
    for (let item = 0; item < 3; item++) children.push(new Paragraph({ text: sentence(), bullet: { level: 0 } }));
    if (section % 5 === 0) {
      children.push(
        new Table({
          rows: [['Maatregel', 'Stand'], ...Array.from({ length: 4 }, () => [sentence(), words[Math.floor(next() * words.length)]])].map(
            (cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
          ),
        }),
      );
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ footnotes, sections: [{ children }] })));
}
