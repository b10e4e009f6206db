import { createRoute, z } from '@hono/zod-openapi';
import {
  createRoleProfile,
  deleteRoleProfile,
  getRoleProfile,
  listRoleProfiles,
  type OwnerRef,
  updateRoleProfile,
} from '../../../services/role-profiles/index.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  roleProfileIdParams,
  roleProfileInput,
  roleProfilePatch,
  roleProfileSchema,
} from './role-profile-schemas.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const list = json(z.object({ roleProfiles: z.array(roleProfileSchema) }));
const tags = ['Role profiles'];

const listOrg = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/role-profiles',
  tags,
  summary: "The organization's job profiles (its members)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: { 200: { description: 'Profiles', content: list }, ...problemResponses(401, 404) },
});
const createOrg = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/role-profiles',
  tags,
  summary: 'Define a job profile, from an ESCO occupation or from scratch (owners, issuers)',
  security: bearerSecurity,
  request: { params: slugParamSchema, body: { required: true, content: json(roleProfileInput) } },
  responses: {
    201: { description: 'Created', content: json(roleProfileSchema) },
    ...problemResponses(400, 401, 404, 413, 415),
  },
});
const listMine = createRoute({
  method: 'get',
  path: '/api/v1/learners/me/role-profiles',
  tags,
  summary: "The signed-in learner's own role profiles (custom goals)",
  request: {},
  responses: { 200: { description: 'Profiles', content: list }, ...problemResponses(401) },
});
const createMine = createRoute({
  method: 'post',
  path: '/api/v1/learners/me/role-profiles',
  tags,
  summary: 'Define a role profile of your own, to set as a goal',
  request: { body: { required: true, content: json(roleProfileInput) } },
  responses: {
    201: { description: 'Created', content: json(roleProfileSchema) },
    ...problemResponses(400, 401, 413, 415),
  },
});
const getOne = createRoute({
  method: 'get',
  path: '/api/v1/role-profiles/{id}',
  tags,
  summary: 'One role profile (its owner organization’s members, or the learner who owns it)',
  security: bearerSecurity,
  request: { params: roleProfileIdParams },
  responses: {
    200: { description: 'The profile', content: json(roleProfileSchema) },
    ...problemResponses(400, 401, 404),
  },
});
const patchOne = createRoute({
  method: 'patch',
  path: '/api/v1/role-profiles/{id}',
  tags,
  summary: 'Edit a role profile: title, description, or the whole skill list',
  security: bearerSecurity,
  request: {
    params: roleProfileIdParams,
    body: { required: true, content: json(roleProfilePatch) },
  },
  responses: {
    200: { description: 'Updated', content: json(roleProfileSchema) },
    ...problemResponses(400, 401, 404, 413, 415),
  },
});
const deleteOne = createRoute({
  method: 'delete',
  path: '/api/v1/role-profiles/{id}',
  tags,
  summary: 'Delete a role profile (goals pointing at it go with it)',
  security: bearerSecurity,
  request: { params: roleProfileIdParams },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 404) },
});

export function mountRoleProfileRoutes(app: Api) {
  const mine: OwnerRef = 'me';
  app.openapi(listOrg, async (c) => {
    const owner = { organizationSlug: c.req.valid('param').slug };
    const profiles = await listRoleProfiles(c.get('ctx'), c.get('actor'), owner);
    return c.json({ roleProfiles: profiles }, 200);
  });
  app.openapi(createOrg, async (c) => {
    const owner = { organizationSlug: c.req.valid('param').slug };
    const body = c.req.valid('json') as Record<string, unknown>;
    return c.json(await createRoleProfile(c.get('ctx'), c.get('actor'), { ...body, owner }), 201);
  });
  app.openapi(listMine, async (c) => {
    c.header('Cache-Control', 'no-store');
    const profiles = await listRoleProfiles(c.get('ctx'), c.get('actor'), mine);
    return c.json({ roleProfiles: profiles }, 200);
  });
  app.openapi(createMine, async (c) => {
    const body = c.req.valid('json') as Record<string, unknown>;
    const profile = await createRoleProfile(c.get('ctx'), c.get('actor'), { ...body, owner: mine });
    return c.json(profile, 201);
  });
  app.openapi(getOne, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await getRoleProfile(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200);
  });
  app.openapi(patchOne, async (c) => {
    const { id } = c.req.valid('param');
    const profile = await updateRoleProfile(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
    return c.json(profile, 200);
  });
  app.openapi(deleteOne, async (c) => {
    await deleteRoleProfile(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
