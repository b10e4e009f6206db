import { z } from '@hono/zod-openapi';
import { webhookEventTypes } from '../../../domain/webhooks/events.ts';
import { slugParamSchema } from '../../schemas.ts';

export const webhookEventTypeSchema = z.enum(webhookEventTypes, {
  message: `must be one of: ${webhookEventTypes.join(', ')}`,
});

export const newWebhookEndpointSchema = z
  .strictObject({
    url: z.string().trim().max(2000),
    eventTypes: z.array(webhookEventTypeSchema).min(1, { message: 'subscribe to at least one' }),
    description: z.string().trim().max(200).optional(),
  })
  .openapi('NewWebhookEndpoint', {
    example: {
      url: 'https://hr.example.com/skillmark/webhooks',
      eventTypes: ['credential.issued', 'credential.revoked'],
      description: 'HR system',
    },
  });

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    createdAt: z.iso.datetime(),
  })
  .openapi('WebhookEndpoint', {
    example: {
      id: '5b7b8f0e-2a8e-4c55-9c1a-3f1f1bb1f0aa',
      url: 'https://hr.example.com/skillmark/webhooks',
      description: 'HR system',
      eventTypes: ['credential.issued', 'credential.revoked'],
      createdAt: '2026-06-01T08:00:00.000Z',
    },
  });

export const webhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The `webhook-id` header: stable across retries' }),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    log: z.array(
      z.object({
        attemptedAt: z.iso.datetime(),
        responseStatus: z.number().int().nullable(),
        durationMs: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi('WebhookDelivery', {
    example: {
      id: 'msg_0f8e6c1b2a3d4e5f60718293a4b5c6d7',
      eventType: 'credential.issued',
      status: 'delivered',
      attempts: 2,
      nextAttemptAt: null,
      deliveredAt: '2026-06-01T08:00:31.000Z',
      lastResponseStatus: 204,
      lastError: null,
      createdAt: '2026-06-01T08:00:00.000Z',
      log: [
        {
          attemptedAt: '2026-06-01T08:00:01.000Z',
          responseStatus: 503,
          durationMs: 120,
          error: 'the receiver answered HTTP 503',
        },
        {
          attemptedAt: '2026-06-01T08:00:31.000Z',
          responseStatus: 204,
          durationMs: 95,
          error: null,
        },
      ],
    },
  });

export const endpointParamSchema = slugParamSchema.extend({
  endpointId: z.uuid({ message: 'must be a webhook endpoint id (UUID)' }),
});
