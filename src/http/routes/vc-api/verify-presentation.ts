import { createRoute, z } from '@hono/zod-openapi';
import type { PresentationVerificationResult } from '../../../credentials/verify-presentation.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import {
  checkResultSchema,
  presentVerification,
  verificationResponseSchema,
} from './verification-response.ts';

const bodySchema = z
  .object({
    verifiablePresentation: z.record(z.string(), z.unknown()).openapi({
      description:
        'A Verifiable Presentation, optionally signed by its holder (Data Integrity, proofPurpose authentication); credentials embedded, enveloped VC-JWTs or bare VC-JWTs',
    }),
    options: z
      .object({
        challenge: z
          .string()
          .optional()
          .openapi({ description: 'The holder’s proof must carry this challenge' }),
        domain: z
          .string()
          .optional()
          .openapi({ description: 'The holder’s proof must name this domain' }),
      })
      .optional(),
  })
  .openapi('VerifyPresentationRequest');

const taggedCheckSchema = checkResultSchema.extend({
  credentialIndex: z.number().int().optional().openapi({
    description: 'Index in verifiableCredential; absent for checks of the presentation itself',
  }),
});

const responseSchema = z
  .object({
    verified: z.boolean(),
    checks: z
      .array(z.string())
      .openapi({ description: 'The presentation checks that passed (VC API)' }),
    warnings: z.array(taggedCheckSchema),
    errors: z.array(taggedCheckSchema),
    presentation: z.object({
      holder: z.string().optional(),
      checks: z
        .array(checkResultSchema)
        .openapi({ description: 'Every presentation check in order' }),
    }),
    credentials: z
      .array(verificationResponseSchema)
      .openapi({ description: 'One per credential, in order' }),
  })
  .openapi('PresentationVerificationResponse');

const route = createRoute({
  method: 'post',
  path: '/presentations/verify',
  tags: ['W3C VC API'],
  summary:
    'Verify a presentation: the holder’s signature, challenge and domain, and every credential in it',
  description:
    'Open to anyone. An unsigned presentation is a warning unless a challenge or domain is given.',
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    200: { description: 'Valid', content: { 'application/json': { schema: responseSchema } } },
    400: {
      description: 'Not valid: `errors` says which checks failed',
      content: { 'application/json': { schema: responseSchema } },
    },
    ...problemResponses(413, 415),
  },
});

/** VC API shape: the presentation's checks, then every credential's, tagged with its index. */
export function presentPresentationVerification(result: PresentationVerificationResult) {
  const { checks } = result.presentation;
  const tagged = result.credentials.flatMap((credential, credentialIndex) =>
    credential.checks.map((check) => ({ ...check, credentialIndex })),
  );
  const all = [...checks, ...tagged];
  return {
    verified: result.verified,
    checks: checks.filter((check) => check.outcome === 'passed').map((check) => check.check),
    warnings: all.filter((check) => check.outcome === 'warning'),
    errors: all.filter((check) => check.outcome === 'failed'),
    presentation: result.presentation,
    credentials: result.credentials.map(presentVerification),
  };
}

export function mountVerifyPresentation(app: Api) {
  app.openapi(route, async (c) => {
    const { verifiablePresentation, options } = c.req.valid('json');
    const result = await c.get('ctx').verifyPresentation(verifiablePresentation, options ?? {});
    return c.json(presentPresentationVerification(result), result.verified ? 200 : 400);
  });
}
