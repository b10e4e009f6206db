import { z } from '@hono/zod-openapi';

/** Shapes shared by the framework and competency routes. */

export const frameworkSchema = z
  .object({
    id: z.uuid(),
    identifier: z.string(),
    uri: z.string(),
    source: z.enum(['local', 'case', 'esco']),
    title: z.string(),
    creator: z.string().nullable(),
    description: z.string().nullable(),
    version: z.string().nullable(),
    language: z.string().nullable(),
    readOnly: z.boolean(),
    attribution: z
      .string()
      .nullable()
      .openapi({ description: 'Must be shown wherever this data is displayed (ESCO).' }),
    organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
    competencyCount: z.number().int().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Framework');

export const competencySchema = z
  .object({
    id: z.uuid(),
    frameworkId: z.uuid(),
    identifier: z.string(),
    uri: z.string().openapi({ description: 'Stable URI: the source URI, or /competencies/{id}' }),
    statement: z.string(),
    abbreviatedStatement: z.string().nullable(),
    code: z.string().nullable(),
    type: z.string().nullable(),
    level: z.string().nullable(),
    educationLevel: z.array(z.string()),
    conceptKeywords: z.array(z.string()),
    altLabels: z.array(z.string()),
    description: z.string().nullable(),
    sequenceNumber: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Competency');

export const associationSchema = z
  .object({
    id: z.uuid(),
    associationType: z.string(),
    originId: z.string().nullable(),
    originUri: z.string(),
    destinationId: z.string().nullable(),
    destinationUri: z.string(),
    sequenceNumber: z.number().int().nullable(),
  })
  .openapi('CompetencyAssociation');

export const frameworkIdParams = z.object({
  id: z
    .uuid({ message: 'must be a framework id (UUID)' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const competencyIdParams = z.object({
  id: z
    .uuid({ message: 'must be a competency id (UUID)' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
