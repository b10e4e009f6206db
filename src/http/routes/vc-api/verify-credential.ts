import { createRoute, z } from '@hono/zod-openapi';
import { recordPublicVerification } from '../../../services/verification/verify-anything.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { presentVerification, verificationResponseSchema } from './verification-response.ts';

const bodySchema = z
  .object({
    verifiableCredential: z
      .union([z.record(z.string(), z.unknown()), z.string()])
      .openapi({ description: 'A credential with a Data Integrity proof, or a VC-JWT' }),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('VerifyCredentialRequest');

const route = createRoute({
  method: 'post',
  path: '/credentials/verify',
  tags: ['W3C VC API'],
  summary:
    'Verify a credential: proof, issuer key, dates, revocation and suspension, schema, issuer trust',
  description: 'Open to anyone. Unknown issuers are a warning, not an error.',
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    200: {
      description: 'Valid',
      content: { 'application/json': { schema: verificationResponseSchema } },
    },
    400: {
      description: 'Not valid: `errors` says which checks failed',
      content: { 'application/json': { schema: verificationResponseSchema } },
    },
    ...problemResponses(413, 415),
  },
});

export function mountVerifyCredential(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const result = await ctx.verifyCredential(c.req.valid('json').verifiableCredential);
    // Issue 8: a public verification of a credential issued here counts for issuer analytics.
    await recordPublicVerification(ctx, result, 'vc-api');
    return c.json(presentVerification(result), result.verified ? 200 : 400);
  });
}
