import type { Api } from './env.ts';

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

type Operation = {
  operationId?: string;
  responses?: Record<string, unknown>;
  [key: string]: unknown;
};

/**
 * A stable operationId from method and path where the route did not name one, so generated
 * clients get a name for every call: `GET /api/v1/organizations/{slug}/tokens` →
 * `getOrganizationsBySlugTokens`.
 */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      const text = parameter ? `by-${parameter[1]}` : segment;
      return text
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((word) => word[0]!.toUpperCase() + word.slice(1))
        .join('');
    });
  return method + words.join('');
}

// OpenAPI 3.1 allows an SPDX `identifier`; the registry's 3.0-era type does not list it.
const license = { name: 'Apache-2.0', identifier: 'Apache-2.0' };

const internalError = {
  description: 'Something went wrong on our side (RFC 9457 problem with the request id)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/**
 * The OpenAPI 3.1 document served at /openapi.json and used to generate the typed client. Every
 * operation gets an operationId, and the 500 problem any route may answer (the app's error
 * handler) is documented once here rather than in each route.
 */
export function openApiDocument(app: Api, publicUrl: string) {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Skillmark API',
      version: '1.0.0',
      description:
        'Micro-credentials and competency-based learning. Errors are RFC 9457 problem+json. Authenticate with `Authorization: Bearer <API token>` (organization-scoped) or the session cookie set by sign-in.',
      license,
    },
    servers: [{ url: publicUrl }],
  });
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.operationId ??= derivedOperationId(method, path);
      operation.responses ??= {};
      operation.responses['500'] ??= internalError;
    }
  }
  return document;
}
