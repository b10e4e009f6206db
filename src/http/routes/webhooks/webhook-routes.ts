import { createRoute, z } from '@hono/zod-openapi';
import {
  createWebhookEndpoint,
  getWebhookDeliveries,
  getWebhookEndpoints,
  redeliverWebhook,
  removeWebhookEndpoint,
} from '../../../services/webhooks/endpoints.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  endpointParamSchema,
  newWebhookEndpointSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from './webhook-schemas.ts';

const base = '/api/v1/organizations/{slug}/webhooks';
const tags = ['Webhooks'];

const createEndpoint = createRoute({
  method: 'post',
  path: base,
  operationId: 'createWebhookEndpoint',
  tags,
  summary: 'Register a webhook endpoint (owners); the signing secret is shown once',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: newWebhookEndpointSchema } } },
  },
  responses: {
    201: {
      description: 'Registered. Store `secret` (whsec_…) now: it is never shown again.',
      content: {
        'application/json': {
          schema: z.object({ secret: z.string(), endpoint: webhookEndpointSchema }).openapi({
            example: {
              secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
              endpoint: {
                id: '5b7b8f0e-2a8e-4c55-9c1a-3f1f1bb1f0aa',
                url: 'https://hr.example.com/skillmark/webhooks',
                description: 'HR system',
                eventTypes: ['credential.issued'],
                createdAt: '2026-06-01T08:00:00.000Z',
              },
            },
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const listEndpoints = createRoute({
  method: 'get',
  path: base,
  operationId: 'listWebhookEndpoints',
  tags,
  summary: "The organization's webhook endpoints, without their secrets (owners)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The endpoints',
      content: {
        'application/json': { schema: z.object({ endpoints: z.array(webhookEndpointSchema) }) },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const removeEndpoint = createRoute({
  method: 'delete',
  path: `${base}/{endpointId}`,
  operationId: 'removeWebhookEndpoint',
  tags,
  summary: 'Remove a webhook endpoint (owners); pending deliveries to it stop',
  security: bearerSecurity,
  request: { params: endpointParamSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

const listDeliveries = createRoute({
  method: 'get',
  path: `${base}/{endpointId}/deliveries`,
  operationId: 'listWebhookDeliveries',
  tags,
  summary: 'The delivery log of an endpoint, newest first, with every attempt (owners)',
  security: bearerSecurity,
  request: { params: endpointParamSchema },
  responses: {
    200: {
      description: 'The deliveries',
      content: {
        'application/json': { schema: z.object({ deliveries: z.array(webhookDeliverySchema) }) },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const redeliver = createRoute({
  method: 'post',
  path: `${base}/{endpointId}/deliveries/{deliveryId}/redeliver`,
  operationId: 'redeliverWebhook',
  tags,
  summary: 'Send a delivery again now, with the same webhook-id (owners)',
  security: bearerSecurity,
  request: {
    params: endpointParamSchema.extend({ deliveryId: z.string().regex(/^msg_[0-9a-f]{32}$/) }),
  },
  responses: {
    202: { description: 'Queued; the dispatcher sends it within seconds' },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountWebhookRoutes(app: Api) {
  app.openapi(createEndpoint, async (c) => {
    const created = await createWebhookEndpoint(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });
  app.openapi(listEndpoints, async (c) => {
    const endpoints = await getWebhookEndpoints(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
    );
    return c.json({ endpoints }, 200);
  });
  app.openapi(removeEndpoint, async (c) => {
    const { slug, endpointId } = c.req.valid('param');
    await removeWebhookEndpoint(c.get('ctx'), c.get('actor'), slug, endpointId);
    return c.body(null, 204);
  });
  app.openapi(listDeliveries, async (c) => {
    const { slug, endpointId } = c.req.valid('param');
    const deliveries = await getWebhookDeliveries(c.get('ctx'), c.get('actor'), slug, endpointId);
    return c.json({ deliveries }, 200);
  });
  app.openapi(redeliver, async (c) => {
    const { slug, endpointId, deliveryId } = c.req.valid('param');
    await redeliverWebhook(c.get('ctx'), c.get('actor'), slug, endpointId, deliveryId);
    return c.body(null, 202);
  });
}
