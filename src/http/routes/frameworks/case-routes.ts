import { createRoute, z } from '@hono/zod-openapi';
import { exportCasePackage, importCasePackage } from '../../../services/frameworks/case-package.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { frameworkIdParams, frameworkSchema, json } from './framework-schemas.ts';

const cfPackageSchema = z.record(z.string(), z.unknown()).openapi('CFPackage', {
  description: 'A CASE 1.0 or 1.1 CFPackage: CFDocument, CFItems, CFAssociations, CFDefinitions',
});

const reportSchema = z
  .object({
    framework: frameworkSchema,
    created: z.boolean(),
    counts: z.object({
      items: z.object({ received: z.number(), imported: z.number(), rejected: z.number() }),
      associations: z.object({ received: z.number(), imported: z.number(), rejected: z.number() }),
    }),
    rejected: z.array(
      z.object({
        kind: z.enum(['CFItem', 'CFAssociation']),
        index: z.number().int(),
        identifier: z.string().optional(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('CaseImportReport');

const importRoute = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/frameworks/import/case',
  tags: ['Frameworks'],
  summary: 'Import a CASE CFPackage as a read-only framework (owners and issuers)',
  description:
    'One transaction. Items and associations that cannot be stored are listed in `rejected` with the reason; a package without a usable CFDocument is refused whole (400). Importing the same CFDocument again updates it in place (200).',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: cfPackageSchema } } },
  },
  responses: {
    201: { description: 'Imported as a new framework', content: json(reportSchema) },
    200: { description: 'Updated the framework imported before', content: json(reportSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{id}/case',
  tags: ['Frameworks'],
  summary: 'The framework as a CASE 1.1 CFPackage',
  request: { params: frameworkIdParams },
  responses: {
    200: { description: 'The CFPackage', content: json(cfPackageSchema) },
    ...problemResponses(400, 404),
  },
});

export function mountCaseRoutes(app: Api) {
  app.openapi(importRoute, async (c) => {
    const report = await importCasePackage(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(report as never, report.created ? 201 : 200);
  });
  app.openapi(exportRoute, async (c) =>
    c.json((await exportCasePackage(c.get('ctx'), c.req.valid('param').id)) as never, 200),
  );
}
