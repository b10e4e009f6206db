import { createRoute, z } from '@hono/zod-openapi';
import { exportLearnerClr } from '../../../services/clr/learner-export.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { associationSchema, json } from './clr-schemas.ts';

const bodySchema = z
  .strictObject({
    walletCredentialIds: z
      .array(z.uuid({ message: 'must be wallet credential ids (UUID)' }))
      .min(1)
      .max(100),
    associations: z.array(associationSchema).max(500).optional(),
    name: z.string().trim().min(1).max(300).optional(),
  })
  .openapi('LearnerClrRequest', {
    example: { walletCredentialIds: ['7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7'] },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/me/clr',
  tags: ['Wallet sharing'],
  summary:
    'Export a Comprehensive Learner Record (CLR 2.0) of chosen wallet credentials, signed by your holder key',
  description:
    'Only entries whose last verification found them valid can be included. The ClrCredential is self-issued: you are its issuer (your did:key) and subject; the carried credentials keep their own issuers’ proofs. Associations (e.g. isChildOf / isParentOf) are those given plus those implied by pathways.',
  security: bearerSecurity,
  request: { body: { required: true, content: json(bodySchema) } },
  responses: {
    200: {
      description: 'The signed ClrCredential',
      content: { 'application/vc+ld+json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses(400, 401, 404, 413, 415),
  },
});

export function mountExportLearnerClr(app: Api) {
  app.openapi(route, async (c) => {
    const clr = await exportLearnerClr(c.get('ctx'), c.get('actor'), c.req.valid('json'));
    return c.body(JSON.stringify(clr), 200, {
      'content-type': 'application/vc+ld+json',
      'cache-control': 'no-store',
    }) as never;
  });
}
