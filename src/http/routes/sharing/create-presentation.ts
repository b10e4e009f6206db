import { createRoute, z } from '@hono/zod-openapi';
import { createPresentation } from '../../../services/sharing/presentations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { json } from './sharing-schemas.ts';

const bodySchema = z
  .strictObject({
    credentialIds: z
      .array(z.uuid({ message: 'must be wallet credential ids (UUID)' }))
      .min(1)
      .max(50),
    challenge: z.string().min(1).max(500).optional().openapi({
      description:
        "The verifier's nonce; the holder's proof carries it (one is made up when absent)",
    }),
    domain: z.string().min(1).max(500).optional().openapi({
      description: 'The verifier the presentation is meant for (e.g. its origin)',
    }),
  })
  .openapi('PresentationRequest', {
    example: {
      credentialIds: ['7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7'],
      challenge: '1f44d55f-f161-4938-a659-f8026467f126',
      domain: 'https://verifier.example',
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/me/presentations',
  tags: ['Wallet sharing'],
  summary:
    'A Verifiable Presentation of chosen credentials, signed by your holder key (did:key) for a verifier',
  description:
    'Hand the result to the verifier, who checks it with `POST /presentations/verify` and the same challenge and domain. VC-JWTs are enclosed as EnvelopedVerifiableCredentials.',
  security: bearerSecurity,
  request: { body: { required: true, content: json(bodySchema) } },
  responses: {
    201: {
      description: 'Signed',
      content: json(z.object({ verifiablePresentation: z.record(z.string(), z.unknown()) })),
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountCreatePresentation(app: Api) {
  app.openapi(route, async (c) => {
    const presentation = await createPresentation(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ verifiablePresentation: presentation } as never, 201);
  });
}
