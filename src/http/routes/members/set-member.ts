import { createRoute, z } from '@hono/zod-openapi';
import { getMembers, setMember } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, emailSchema, roleSchema, slugParamSchema } from '../../schemas.ts';
import { memberSchema } from './list-members.ts';

const bodySchema = z.strictObject({ email: emailSchema, role: roleSchema }).openapi('MemberRole', {
  example: { email: 'alan@demo-university.example.org', role: 'issuer' },
});

const route = createRoute({
  method: 'put',
  path: '/api/v1/organizations/{slug}/members',
  tags: ['Organizations'],
  summary: 'Add an existing account as a member, or change its role (owners)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    200: {
      description: 'The members after the change',
      content: { 'application/json': { schema: z.object({ members: z.array(memberSchema) }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export function mountSetMember(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const { slug } = c.req.valid('param');
    await setMember(ctx, c.get('actor'), slug, c.req.valid('json'));
    return c.json({ members: await getMembers(ctx, c.get('actor'), slug) }, 200);
  });
}
