import { createRoute } from '@hono/zod-openapi';
import { requestRenewal } from '../../../services/renewal/recertify.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import {
  credentialIdParams,
  json,
  renewalOutcomeSchema,
  renewalRequestSchema,
} from './renewal-schemas.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/me/renewals/{credentialId}',
  tags: ['Renewal'],
  summary:
    'Renew a credential: check the recertification assessment (renews at once) or claim continuing education (awaits review)',
  security: bearerSecurity,
  request: {
    params: credentialIdParams,
    body: { required: true, content: json(renewalRequestSchema) },
  },
  responses: {
    201: { description: 'Renewed: the new credential', content: json(renewalOutcomeSchema) },
    202: { description: 'Claim recorded; awaits review', content: json(renewalOutcomeSchema) },
    ...problemResponses(400, 401, 404, 409, 413, 415),
  },
});

export function mountRequestRenewal(app: Api) {
  app.openapi(route, async (c) => {
    const outcome = await requestRenewal(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').credentialId,
      c.req.valid('json'),
    );
    return outcome.status === 'renewed' ? c.json(outcome, 201) : c.json(outcome, 202);
  });
}
