import { createRoute, z } from '@hono/zod-openapi';
import { endorse } from '../../../services/endorsements/endorse.ts';
import { listAchievementEndorsements } from '../../../services/endorsements/list.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugSchema } from '../../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const bodySchema = z
  .strictObject({
    targetKind: z.enum(['achievement', 'issuer'], { message: 'must be achievement or issuer' }),
    targetId: z.string().min(1).max(100).openapi({
      description: 'The achievement id, or the endorsed organization’s slug or id',
    }),
    comment: z.string().trim().min(1).max(5000).optional(),
  })
  .openapi('EndorsementRequest', {
    example: {
      targetKind: 'achievement',
      targetId: '7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7',
      comment: 'Meets the professional body’s standard for data-protection practice.',
    },
  });

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/endorsements',
  tags: ['Endorsements'],
  summary:
    'Endorse an achievement or an issuer in this organization’s name: issues an OB 3.0 EndorsementCredential',
  description:
    'The endorsement is signed, logged and revocable like any credential: revoke it with `POST /api/v1/credentials/{id}/status`.',
  security: bearerSecurity,
  request: {
    params: z.object({ slug: slugSchema }),
    body: { required: true, content: json(bodySchema) },
  },
  responses: {
    201: {
      description: 'Issued',
      content: json(
        z.object({
          id: z.string(),
          credentialId: z.string(),
          url: z.string(),
          verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]),
        }),
      ),
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const endorsementSchema = z
  .object({
    id: z.string(),
    endorser: z.object({ name: z.string(), slug: z.string() }),
    comment: z.string().nullable(),
    status: z.enum(['valid', 'revoked', 'suspended', 'expired']),
    issuedAt: z.string(),
    credentialId: z.string(),
    credentialUrl: z.string(),
    credential: z.union([z.record(z.string(), z.unknown()), z.string()]),
  })
  .openapi('Endorsement');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/achievements/{id}/endorsements',
  tags: ['Endorsements'],
  summary: 'The endorsements of an achievement, with their status (public)',
  request: { params: z.object({ id: z.uuid({ message: 'must be an achievement id (UUID)' }) }) },
  responses: {
    200: {
      description: 'Endorsements, newest first',
      content: json(z.object({ endorsements: z.array(endorsementSchema) })),
    },
    ...problemResponses(400, 404),
  },
});

export function mountEndorsementRoutes(app: Api) {
  app.openapi(createRouteDef, async (c) => {
    const ctx = c.get('ctx');
    const issued = await endorse(
      ctx,
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    const url = `${ctx.publicUrl}/credentials/${issued.id}`;
    const text = `{"id":${JSON.stringify(issued.endorsementId)},"credentialId":${JSON.stringify(issued.id)},"url":${JSON.stringify(url)},"verifiableCredential":${issued.format === 'vc-jwt' ? JSON.stringify(issued.signed) : issued.signed}}`;
    return c.body(text, 201, { 'content-type': 'application/json', location: url }) as never;
  });
  app.openapi(listRoute, async (c) => {
    const endorsements = await listAchievementEndorsements(c.get('ctx'), c.req.valid('param').id);
    return c.json({ endorsements } as never, 200);
  });
}
