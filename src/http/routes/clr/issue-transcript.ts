import { createRoute, z } from '@hono/zod-openapi';
import { issueTranscript } from '../../../services/clr/issuer-transcript.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, emailSchema, slugSchema } from '../../schemas.ts';
import { associationSchema, json } from './clr-schemas.ts';

const bodySchema = z
  .strictObject({
    learnerAccountId: z.uuid({ message: 'must be an account id (UUID)' }).optional(),
    email: emailSchema.optional(),
    credentialIds: z
      .array(z.uuid({ message: 'must be credential ids (UUID) issued by this organization' }))
      .min(1)
      .max(200),
    associations: z.array(associationSchema).max(500).optional(),
    name: z.string().trim().min(1).max(300).optional(),
  })
  .refine((body) => (body.learnerAccountId === undefined) !== (body.email === undefined), {
    message: 'give either learnerAccountId or email',
    path: ['learnerAccountId'],
  })
  .openapi('TranscriptRequest', {
    example: {
      email: 'ada@example.org',
      credentialIds: ['7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7'],
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/clr',
  tags: ['Credentials'],
  summary:
    'Issue an official CLR 2.0 transcript of credentials this organization issued to a learner',
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
          url: z.string(),
          verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]),
        }),
      ),
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountIssueTranscript(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const body = c.req.valid('json');
    const issued = await issueTranscript(ctx, c.get('actor'), c.req.valid('param').slug, {
      learner: body.email ? { email: body.email } : { accountId: body.learnerAccountId! },
      credentialIds: body.credentialIds,
      associations: body.associations,
      name: body.name,
    });
    const url = `${ctx.publicUrl}/credentials/${issued.id}`;
    const text = `{"id":${JSON.stringify(issued.id)},"url":${JSON.stringify(url)},"verifiableCredential":${issued.signed}}`;
    return c.body(text, 201, { 'content-type': 'application/json', location: url }) as never;
  });
}
