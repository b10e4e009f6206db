import { createRoute, z } from '@hono/zod-openapi';
import type { JsonObject } from '../../../credentials/types.ts';
import { issueCredential } from '../../../services/credentials/issue-credential.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';

const credentialSchema = z
  .looseObject({
    '@context': z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .min(1, { message: 'must list at least the VC 2.0 context' }),
    type: z.union([z.string(), z.array(z.string()).min(1)]),
    issuer: z.union([z.string(), z.looseObject({ id: z.string() })]),
    credentialSubject: z.union([
      z.record(z.string(), z.unknown()),
      z.array(z.record(z.string(), z.unknown())),
    ]),
  })
  .openapi('UnsignedCredential');

const bodySchema = z
  .object({
    credential: credentialSchema,
    options: z
      .looseObject({
        format: z
          .enum(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt'])
          .optional()
          .openapi({ description: 'Default eddsa-rdfc-2022' }),
        jwtAlgorithm: z
          .enum(['EdDSA', 'RS256'])
          .optional()
          .openapi({ description: 'For vc-jwt; default EdDSA' }),
        statusPurpose: z.enum(['revocation', 'suspension']).optional().openapi({
          description:
            'OB 3.0 allows one credentialStatus: revocable (default) or suspendable (revoked by suspending for good).',
        }),
      })
      .optional(),
  })
  .openapi('IssueCredentialRequest');

const route = createRoute({
  method: 'post',
  path: '/credentials/issue',
  tags: ['W3C VC API'],
  summary: 'Sign a credential as the caller organization’s issuer (VC API “issue credential”)',
  description:
    'Needs an API token (or session) with the issuer role in the organization whose issuer `id` the credential names. Skillmark assigns `id` when absent, `credentialStatus` (revocation and suspension), the OB3 `credentialSchema`, and completes the issuer profile.',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    201: {
      description: 'Signed. A VC-JWT is returned as a string.',
      content: {
        'application/json': {
          schema: z.object({
            verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

export function mountIssueCredential(app: Api) {
  app.openapi(route, async (c) => {
    const { credential, options } = c.req.valid('json');
    const issued = await issueCredential(c.get('ctx'), c.get('actor'), credential as JsonObject, {
      format: options?.format,
      jwtAlgorithm: options?.jwtAlgorithm,
      statusPurpose: options?.statusPurpose,
    });
    // The stored text itself, so what the caller receives is byte for byte what was signed and kept.
    const body = `{"verifiableCredential":${issued.format === 'vc-jwt' ? JSON.stringify(issued.signed) : issued.signed}}`;
    return c.body(body, 201, {
      'content-type': 'application/json',
      location: `/credentials/${issued.id}`,
    }) as never;
  });
}
