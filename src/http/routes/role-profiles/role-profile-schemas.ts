import { z } from '@hono/zod-openapi';

/** OpenAPI shapes; the strict checks (unknown fields, skill resolution) are the service's. */
const skillInput = z.object({
  competencyId: z.uuid().optional(),
  uri: z.string().optional().openapi({ example: 'http://data.europa.eu/esco/skill/…' }),
  importance: z.enum(['required', 'nice-to-have']),
  minLevel: z.string().nullable().optional(),
});

export const roleProfileInput = z
  .object({
    title: z.string(),
    description: z.string().nullable().optional(),
    fromOccupationId: z.uuid().optional().openapi({
      description: 'Start from an ESCO occupation: essential → required, optional → nice-to-have',
    }),
    skills: z.array(skillInput).optional(),
  })
  .passthrough()
  .openapi('RoleProfileInput');

export const roleProfilePatch = z
  .object({
    title: z.string().optional(),
    description: z.string().nullable().optional(),
    skills: z.array(skillInput).optional().openapi({ description: 'Replaces the skill list' }),
  })
  .passthrough()
  .openapi('RoleProfilePatch');

export const roleProfileSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    owner: z.union([
      z.object({ kind: z.literal('organization'), organizationId: z.uuid(), slug: z.string() }),
      z.object({ kind: z.literal('account'), accountId: z.uuid() }),
    ]),
    sourceOccupation: z.object({ id: z.uuid(), uri: z.string(), label: z.string() }).nullable(),
    skills: z.array(
      z.object({
        competencyId: z.uuid(),
        uri: z.string(),
        label: z.string(),
        importance: z.enum(['required', 'nice-to-have']),
        minLevel: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('RoleProfile');

export const roleProfileIdParams = z.object({
  id: z.uuid({ message: 'must be a role profile id (UUID)' }),
});
