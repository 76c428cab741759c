/**
 * JSON Schemas for editors (VS Code's YAML extension and others complete and check fields as
 * the author types), generated from the zod schemas the build validates with, so they are never
 * written twice: one per document type's frontmatter and one for `publication.yml`. What JSON
 * Schema cannot say is left to the build: that a date exists in the calendar, that a language
 * tag is valid BCP 47 beyond its shape, that a named file exists.
 */
import { z } from 'zod';
import { documentTypes, frontmatterSchemas, isoDate, languageTag } from './frontmatter-schema.ts';
import { publicationSchema } from './publication-schema.ts';

/** The schemas by file name (`kia.schema.json`, …, `publication.schema.json`). */
export function jsonSchemas(): Record<string, object> {
  const schemas: Record<string, object> = {};
  for (const type of documentTypes)
    schemas[`${type}.schema.json`] = toJsonSchema(frontmatterSchemas[type], `Frontmatter van een document van type ${type} (kia-press)`);
  schemas['publication.schema.json'] = toJsonSchema(publicationSchema, 'content/publication.yml: de publicatie voor de Kamer (kia-press)');
  return schemas;
}

function toJsonSchema(schema: z.ZodType, title: string): object {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    // The one unrepresentable part (a YAML date as a Date) is replaced below.
    unrepresentable: 'any',
    // A date may be written as a YAML date or a string; both are YYYY-MM-DD in the file.
    override: ({ zodSchema, jsonSchema }) => {
      const replace = (value: object) => {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
        Object.assign(jsonSchema, value);
      };
      if (zodSchema === isoDate) replace({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Een datum als JJJJ-MM-DD' });
      if (zodSchema === languageTag) replace({ type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'Een BCP 47-taalcode, zoals nl' });
    },
  });
  return { ...json, title };
}
