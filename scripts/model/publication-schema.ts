/** The schema of `content/publication.yml` (read and checked by core/publication.ts). */
import { z } from 'zod';
import { isoDate, nonEmpty } from './frontmatter-schema.ts';

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
});

export type Publication = z.infer<typeof publicationSchema>;
