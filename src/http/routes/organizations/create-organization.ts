import { createRoute } from '@hono/zod-openapi';
import { createOrganization, presentOrganization } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import {
  bearerSecurity,
  organizationFieldsSchema,
  organizationSchema,
  slugSchema,
} from '../../schemas.ts';

const bodySchema = organizationFieldsSchema
  .extend({ slug: slugSchema })
  .openapi('NewOrganization', {
    example: {
      slug: 'acme-academy',
      name: 'ACME Academy',
      kind: 'training-provider',
      url: 'https://acme.example.com',
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/organizations',
  tags: ['Organizations'],
  summary: 'Create an organization; the creator becomes its owner',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: organizationSchema } },
    },
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

export function mountCreateOrganization(app: Api) {
  app.openapi(route, async (c) => {
    const organization = await createOrganization(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('json'),
    );
    return c.json(presentOrganization(organization), 201);
  });
}
