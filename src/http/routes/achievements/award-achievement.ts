import { createRoute, z } from '@hono/zod-openapi';
import { awardAchievement } from '../../../services/achievements.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, emailSchema } from '../../schemas.ts';

const bodySchema = z
  .strictObject({
    recipient: z.union(
      [
        z.strictObject({ email: emailSchema }),
        z.strictObject({
          did: z.string().regex(/^did:[a-z0-9]+:.+/, { message: 'must be a DID' }),
        }),
      ],
      {
        message: 'must be { "email": ... } or { "did": ... }',
      },
    ),
    narrative: z.string().max(5000).optional(),
    evidence: z
      .array(
        z.strictObject({
          id: z.url().optional(),
          name: z.string().max(300).optional(),
          narrative: z.string().max(5000).optional(),
        }),
      )
      .max(50)
      .optional(),
    results: z
      .array(
        z.strictObject({
          resultDescription: z.string().optional(),
          value: z.string().min(1).max(200),
        }),
      )
      .max(50)
      .optional(),
    format: z.enum(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt']).optional(),
    jwtAlgorithm: z.enum(['EdDSA', 'RS256']).optional(),
    statusPurpose: z.enum(['revocation', 'suspension']).optional(),
  })
  .openapi('Award', {
    example: {
      recipient: { email: 'ada@example.org' },
      narrative: 'Completed the capstone project.',
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/achievements/{id}/awards',
  tags: ['Achievements'],
  summary:
    'Award the achievement to a learner (by email or DID): issues a signed OpenBadgeCredential',
  security: bearerSecurity,
  request: {
    params: z.object({ id: z.uuid({ message: 'must be an achievement id (UUID)' }) }),
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    201: {
      description: 'Issued',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            url: z.string(),
            verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export function mountAwardAchievement(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const issued = await awardAchievement(
      ctx,
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    const url = `${ctx.publicUrl}/credentials/${issued.id}`;
    const body = `{"id":${JSON.stringify(issued.id)},"url":${JSON.stringify(url)},"verifiableCredential":${issued.format === 'vc-jwt' ? JSON.stringify(issued.signed) : issued.signed}}`;
    return c.body(body, 201, { 'content-type': 'application/json', location: url }) as never;
  });
}
