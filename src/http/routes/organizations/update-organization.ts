import { createRoute } from '@hono/zod-openapi';
import { editOrganization, presentOrganization } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import {
  bearerSecurity,
  organizationFieldsSchema,
  organizationSchema,
  slugParamSchema,
} from '../../schemas.ts';

const bodySchema = organizationFieldsSchema.partial().openapi('OrganizationChanges');

const route = createRoute({
  method: 'patch',
  path: '/api/v1/organizations/{slug}',
  tags: ['Organizations'],
  summary: "Change an organization's profile (owners)",
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    200: {
      description: 'Updated',
      content: { 'application/json': { schema: organizationSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountUpdateOrganization(app: Api) {
  app.openapi(route, async (c) => {
    const updated = await editOrganization(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(presentOrganization(updated), 200);
  });
}
