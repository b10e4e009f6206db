import { createRoute, z } from '@hono/zod-openapi';
import { getPortfolioSettings, savePortfolio } from '../../../services/sharing/portfolio.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugSchema } from '../../schemas.ts';
import { json } from './sharing-schemas.ts';

const settingsSchema = z
  .object({
    slug: z.string(),
    headline: z.string().nullable(),
    published: z.boolean(),
    saved: z.boolean(),
    url: z.string().openapi({ description: 'The public page, once published' }),
    credentials: z.array(
      z.object({
        id: z.uuid(),
        achievementName: z.string().nullable(),
        issuerName: z.string().nullable(),
        issuedOn: z.string().nullable(),
        status: z.string(),
        inPortfolio: z.boolean(),
      }),
    ),
  })
  .openapi('PortfolioSettings');

const inputSchema = z
  .strictObject({
    slug: slugSchema,
    headline: z.string().trim().max(300).nullable().optional(),
    published: z.boolean(),
    credentialIds: z.array(z.uuid()).max(500),
  })
  .openapi('PortfolioInput', {
    example: { slug: 'ada-lovelace', headline: 'Data analyst', published: true, credentialIds: [] },
  });

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/portfolio',
  tags: ['Wallet sharing'],
  summary: 'Your e-portfolio settings and which credentials it shows',
  security: bearerSecurity,
  responses: {
    200: { description: 'The settings', content: json(settingsSchema) },
    ...problemResponses(401, 403),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/me/portfolio',
  tags: ['Wallet sharing'],
  summary:
    'Set your e-portfolio: address, headline, published or not, and exactly which credentials it shows',
  security: bearerSecurity,
  request: { body: { required: true, content: json(inputSchema) } },
  responses: {
    200: { description: 'Saved', content: json(settingsSchema) },
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

export function mountPortfolioRoutes(app: Api) {
  app.openapi(getRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await getPortfolioSettings(c.get('ctx'), c.get('actor')), 200);
  });
  app.openapi(putRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await savePortfolio(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200);
  });
}
