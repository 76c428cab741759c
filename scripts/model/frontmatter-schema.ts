/**
 * The frontmatter contract of a document (`content/<slug>/index.md`).
 *
 * Field names and allowed values are the content contract from the README; keep the two in step.
 */
import { z } from 'zod';

export const documentTypes = ['kia', 'brief', 'beslisnota', 'rapport'] as const;
export const documentStatuses = ['concept', 'definitief'] as const;
export const responseKinds = ['zienswijze', 'reactie'] as const;

/** Dutch labels for enum values, shown in the document header and cover. */
export const typeLabels: Record<(typeof documentTypes)[number], string> = {
  kia: 'Kinderrechten Impact Assessment',
  brief: 'Brief',
  beslisnota: 'Beslisnota',
  rapport: 'Rapport',
};
export const statusLabels: Record<(typeof documentStatuses)[number], string> = {
  concept: 'Concept',
  definitief: 'Definitief',
};

/** True when `value` is `YYYY-MM-DD` and names a day that exists (no 2025-02-30). */
export function isExistingIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YAML 1.1 loaders give a Date, YAML 1.2 a string: accept both, always yield `YYYY-MM-DD`. */
export const isoDate = z.union([z.string(), z.date()], { error: 'a date as YYYY-MM-DD' }).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!isExistingIsoDate(text)) {
    ctx.addIssue({ code: 'custom', message: 'an existing date as YYYY-MM-DD', input: value });
    return z.NEVER;
  }
  return text;
});

export const nonEmpty = z.string({ error: 'a string' }).trim().min(1, { error: 'a non-empty string' });

/** True for a BCP 47 language tag such as `nl`, `nl-NL` or `en-GB`. */
export function isLanguageTag(value: string): boolean {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

export const languageTag = z.string({ error: 'a BCP 47 language tag such as `nl`' }).refine(isLanguageTag, { error: 'a BCP 47 language tag such as `nl`' });

export const responseSchema = z.object(
  {
    file: nonEmpty,
    from: nonEmpty,
    title: nonEmpty,
    received: isoDate,
    kind: z.enum(responseKinds, { error: '`zienswijze` or `reactie`' }).optional(),
    /** The file as received (PDF, .docx, .eml or .txt), relative to the document folder: the published text is proven equal to it. */
    original: nonEmpty.optional(),
    /** The language of the response's text when it is not the document's (BCP 47, e.g. `en`). */
    lang: languageTag.optional(),
  },
  { error: 'a mapping with `file`, `from`, `title` and `received`' },
);

/** The letter layout's fields (`type: brief`): addressee, sender column, closing, signature. */
export const letterSchema = z.object(
  {
    /** Betreft; default the title. */
    subject: nonEmpty.optional(),
    /** Address lines; default the Chair of the Tweede Kamer. */
    addressee: z.array(nonEmpty, { error: 'a list of address lines' }).optional(),
    /** The small line above the addressee, e.g. `Retouradres Postbus 20011 2500 EA Den Haag`. */
    returnAddress: nonEmpty.optional(),
    sender: z
      .object(
        {
          organisation: nonEmpty,
          directorate: nonEmpty.optional(),
          address: z.array(nonEmpty, { error: 'a list of address lines' }).optional(),
          contact: nonEmpty.optional(),
        },
        { error: 'a mapping with organisation, directorate, address, contact' },
      )
      .optional(),
    attachments: z.array(nonEmpty, { error: 'a list of attachments' }).optional(),
    closing: nonEmpty.optional(),
    /** Who signs: the office (`function`) and, when the letter names them, the person. */
    signature: z.object({ name: nonEmpty.optional(), function: nonEmpty }, { error: 'a mapping with function and, optionally, name' }).optional(),
  },
  { error: 'a mapping of letter fields' },
);

/**
 * The head of a beslisnota (`type: beslisnota`): to whom, from whom, and the officials who
 * wrote it, whose names the public version withholds (Woo 5.1.2e).
 */
export const decisionNoteSchema = z.object(
  {
    /** Aan: the minister or state secretary who decides. */
    to: nonEmpty,
    /** Van: the directorate or department that advises. */
    from: nonEmpty,
    /** The officials (name and role); their names are withheld in the public version. */
    officials: z.array(z.object({ name: nonEmpty, role: nonEmpty }, { error: 'a mapping with name and role' }), { error: 'a list of officials' }).optional(),
  },
  { error: 'a mapping with to, from and officials' },
);

/** Default addressee of a Kamerbrief. */
export const tweedeKamer = ['Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', 'Postbus 20018', '2500 EA Den Haag'];

export type DocumentType = (typeof documentTypes)[number];

/** The fields every document type has; `type` is set per type below. */
const commonFields = {
  title: nonEmpty,
  type: z.enum(documentTypes, { error: '`kia`, `brief`, `beslisnota` or `rapport`' }),
  lang: languageTag,
  date: isoDate,
  status: z.enum(documentStatuses, { error: '`concept` or `definitief`' }),
  subtitle: nonEmpty.optional(),
  service: nonEmpty.optional(),
  authors: z.array(nonEmpty, { error: 'a list of names' }).optional(),
  commissioner: nonEmpty.optional(),
  reference: nonEmpty.optional(),
  description: nonEmpty.optional(),
  responses: z.array(responseSchema, { error: 'a list of responses' }).optional(),
};

/**
 * A block that belongs to another document type: named in every schema, so that a `type: kia`
 * with a `letter:` is an error at that block (an unknown field would only be a warning).
 */
const notIn = (type: string, block: string, owner: DocumentType) =>
  z.never({ error: `\`${block}:\` only in a document of \`type: ${owner}\` (this one is \`${type}\`)` }).optional();

/** The frontmatter schema of one document type without its own blocks: the common fields, other types' blocks refused. */
function typeSchema<Type extends DocumentType>(type: Type) {
  return z.object(
    {
      ...commonFields,
      type: z.literal(type, { error: '`kia`, `brief`, `beslisnota` or `rapport`' }),
      letter: notIn(type, 'letter', 'brief'),
      decisionNote: notIn(type, 'decisionNote', 'beslisnota'),
    },
    { error: 'a mapping of fields' },
  );
}

/** One schema per document type (a content collection per type). */
export const frontmatterSchemas = {
  kia: typeSchema('kia'),
  brief: typeSchema('brief').extend({ letter: letterSchema.optional() }),
  beslisnota: typeSchema('beslisnota').extend({ decisionNote: decisionNoteSchema.optional() }),
  rapport: typeSchema('rapport'),
} as const;

/**
 * Frontmatter whose `type` is missing or unknown: the common fields are still checked, so every
 * problem is reported in one run, and each type's blocks are known fields.
 */
const untypedSchema = z.object(
  { ...commonFields, letter: letterSchema.optional(), decisionNote: decisionNoteSchema.optional() },
  { error: 'a mapping of fields' },
);

/** Any document's frontmatter: the union of the per-type schemas, told apart by `type`. */
export const frontmatterSchema = z.discriminatedUnion('type', [
  frontmatterSchemas.kia,
  frontmatterSchemas.brief,
  frontmatterSchemas.beslisnota,
  frontmatterSchemas.rapport,
]);

/** The schema to validate a frontmatter with, chosen by its `type` value. */
export function frontmatterSchemaFor(type: unknown): z.ZodType<Frontmatter> {
  return typeof type === 'string' && Object.hasOwn(frontmatterSchemas, type)
    ? frontmatterSchemas[type as DocumentType]
    : (untypedSchema as unknown as z.ZodType<Frontmatter>);
}

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type ResponseEntry = z.infer<typeof responseSchema>;
