/** The schema of `content/publication.yml` (read and checked by core/publication.ts). */
import { z } from 'zod';
import { isoDate, nonEmpty } from './frontmatter-schema.ts';

const colour = z.string({ error: 'a colour as #rrggbb' }).regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour as #rrggbb' });

/**
 * The team's house style, over the token layer of our CSS in the HTML and the PDF alike: a logo
 * (an SVG in the project, with its alternative text; the letterhead shows it), colours, and a
 * font from an `@fontsource` package the project installed.
 */
export const houseStyleSchema = z.object(
  {
    logo: z.object({ bestand: nonEmpty, alt: nonEmpty }, { error: 'a mapping with `bestand` and `alt`' }).optional(),
    kleuren: z
      .object(
        {
          /** Body text on white. */
          tekst: colour.optional(),
          /** Headings, rules and the letterhead. */
          accent: colour.optional(),
          link: colour.optional(),
        },
        { error: 'a mapping of colours (tekst, accent, link)' },
      )
      .optional(),
    lettertype: z
      .string({ error: 'an @fontsource package name' })
      .regex(/^@fontsource\/[a-z0-9-]+$/, { error: 'an @fontsource package name, such as `@fontsource/atkinson-hyperlegible`' })
      .optional(),
  },
  { error: 'a mapping with logo, kleuren and lettertype' },
);

export type HouseStyleSettings = z.infer<typeof houseStyleSchema>;

export const publicationSchema = z.object({
  title: nonEmpty,
  date: isoDate,
  sender: z.object({
    ministry: nonEmpty,
    directorate: nonEmpty.optional(),
    /** Postal address lines. */
    address: z.array(nonEmpty, { error: 'a list of address lines' }).optional(),
  }),
  kamerstuk: z
    .object({
      dossier: z.union([nonEmpty, z.number().int().positive()]).transform(String),
      number: z.union([nonEmpty, z.number().int().positive()]).transform(String).optional(),
    })
    .optional(),
  documents: z.array(z.string({ error: 'a document slug' }), { error: 'a list of document slugs' }).min(1, { error: 'at least one document' }),
  huisstijl: houseStyleSchema.optional(),
});

export type Publication = z.infer<typeof publicationSchema>;
