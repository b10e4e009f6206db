import { createRoute } from '@hono/zod-openapi';
import { approveRenewal } from '../../../services/renewal/recertify.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { credentialIdParams, json, renewalOutcomeSchema } from './renewal-schemas.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/renewals/{credentialId}/approve',
  tags: ['Renewal'],
  summary:
    'Approve the continuing-education claim of a credential (owners, issuers, assessors): issues the renewal',
  security: bearerSecurity,
  request: { params: credentialIdParams },
  responses: {
    201: { description: 'Renewed: the new credential', content: json(renewalOutcomeSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountApproveRenewal(app: Api) {
  app.openapi(route, async (c) => {
    const outcome = await approveRenewal(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').credentialId,
    );
    return c.json(outcome, 201);
  });
}
