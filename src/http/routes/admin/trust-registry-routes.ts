import { createRoute, z } from '@hono/zod-openapi';
import {
  trustedIssuerChangesSchema,
  trustedIssuerInputSchema,
} from '../../../domain/trust-registry/entry.ts';
import {
  addTrustedIssuer,
  changeTrustedIssuer,
  getTrustedIssuer,
  listTrustRegistry,
  parseTrustRegistryInput,
  removeTrustedIssuer,
} from '../../../services/trust-registry/manage.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';

const path = '/api/v1/admin/trust-registry';
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().openapi({ description: 'The entry id (UUID)' }) });

const entrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['organization', 'did', 'domain']),
    issuer: z.string().openapi({ description: 'Organization slug, DID or domain' }),
    name: z.string(),
    accreditingBody: z.string().nullable(),
    accreditationId: z.string().nullable(),
    accreditationUrl: z.string().nullable(),
    validUntil: z.string().nullable().openapi({ description: 'Last day the entry vouches' }),
    current: z.boolean().openapi({ description: 'False once validUntil has passed' }),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TrustedIssuer');

// Checked by the domain schema (a discriminated union the document describes in words).
const inputBody = z.record(z.string(), z.unknown()).openapi('TrustedIssuerInput', {
  description:
    '{ kind: "organization", organization: slug } | { kind: "did", did, name } | { kind: "domain", domain, name }, each with optional name, accreditingBody, accreditationId, accreditationUrl (https), validUntil (YYYY-MM-DD), notes',
  example: {
    kind: 'domain',
    domain: 'badges.example.edu',
    name: 'Example University',
    accreditingBody: 'NVAO',
    accreditationId: 'NVAO-2025-118',
    validUntil: '2030-08-31',
  },
});
const changesBody = z.record(z.string(), z.unknown()).openapi('TrustedIssuerChanges', {
  description:
    'Any of name, accreditingBody, accreditationId, accreditationUrl, validUntil, notes; null clears',
});

const tags = ['Trust registry'];
const listRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: 'The issuers this platform vouches for (platform administrators)',
  security: bearerSecurity,
  responses: {
    200: { description: 'Every entry', content: json(z.object({ entries: z.array(entrySchema) })) },
    ...problemResponses(401, 403),
  },
});
const addRoute = createRoute({
  method: 'post',
  path,
  tags,
  summary: 'Add a trusted issuer: one of our organizations, a DID or a domain',
  security: bearerSecurity,
  request: { body: { required: true, content: json(inputBody) } },
  responses: {
    201: { description: 'Added', content: json(entrySchema) },
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});
const getRoute = createRoute({
  method: 'get',
  path: `${path}/{id}`,
  tags,
  summary: 'One entry of the trust registry',
  security: bearerSecurity,
  request: { params: idParams },
  responses: {
    200: { description: 'The entry', content: json(entrySchema) },
    ...problemResponses(401, 403, 404),
  },
});
const changeRoute = createRoute({
  method: 'patch',
  path: `${path}/{id}`,
  tags,
  summary: 'Change an entry: name, accreditation, validity, notes',
  security: bearerSecurity,
  request: { params: idParams, body: { required: true, content: json(changesBody) } },
  responses: {
    200: { description: 'Changed', content: json(entrySchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});
const removeRoute = createRoute({
  method: 'delete',
  path: `${path}/{id}`,
  tags,
  summary: 'Remove an entry: its issuer is no longer vouched for',
  security: bearerSecurity,
  request: { params: idParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
});

/** The trust registry API; every operation is for platform administrators only. */
export function mountTrustRegistryRoutes(app: Api) {
  app.openapi(listRoute, async (c) =>
    c.json({ entries: await listTrustRegistry(c.get('ctx'), c.get('actor')) }, 200),
  );
  app.openapi(addRoute, async (c) => {
    const input = parseTrustRegistryInput(trustedIssuerInputSchema, c.req.valid('json'));
    const entry = await addTrustedIssuer(c.get('ctx'), c.get('actor'), input);
    c.header('Location', `${path}/${entry.id}`);
    return c.json(entry, 201);
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getTrustedIssuer(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(changeRoute, async (c) => {
    const changes = parseTrustRegistryInput(trustedIssuerChangesSchema, c.req.valid('json'));
    const { id } = c.req.valid('param');
    return c.json(await changeTrustedIssuer(c.get('ctx'), c.get('actor'), id, changes), 200);
  });
  app.openapi(removeRoute, async (c) => {
    await removeTrustedIssuer(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
