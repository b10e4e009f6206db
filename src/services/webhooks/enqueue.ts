import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { CredentialEventRow } from '../../db/repositories/credential-events.ts';
import {
  insertWebhookDeliveries,
  listSubscribedEndpoints,
} from '../../db/repositories/webhooks.ts';
import { type WebhookPayload, webhookEventTypeOf } from '../../domain/webhooks/events.ts';

/**
 * Writes one outbox row per subscribed endpoint and event, in the caller's transaction: if the
 * credential change rolls back, no delivery exists; if it commits, the delivery survives any
 * restart. Endpoints are looked up once per organization and event type, so a bulk award's batch
 * costs a few queries, not one per credential.
 */
export async function enqueueWebhookDeliveries(
  db: Db,
  events: readonly CredentialEventRow[],
): Promise<number> {
  const endpointsOf = new Map<string, Awaited<ReturnType<typeof listSubscribedEndpoints>>>();
  const deliveries: Parameters<typeof insertWebhookDeliveries>[1] = [];
  for (const event of events) {
    const type = webhookEventTypeOf(event.type);
    if (!type) continue;
    const key = `${event.organizationId} ${type}`;
    let endpoints = endpointsOf.get(key);
    if (!endpoints) {
      endpoints = await listSubscribedEndpoints(db, event.organizationId, type);
      endpointsOf.set(key, endpoints);
    }
    if (endpoints.length === 0) continue;
    const payload: WebhookPayload = {
      type,
      timestamp: event.occurredAt.toISOString(),
      data: {
        eventId: event.id,
        credentialId: event.issuedCredentialId,
        organizationId: event.organizationId,
        accountId: event.accountId,
        detail: event.detail as Record<string, unknown>,
      },
    };
    const body = JSON.stringify(payload);
    for (const endpoint of endpoints) {
      deliveries.push({
        id: `msg_${randomUUID().replaceAll('-', '')}`,
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: type,
        body,
        nextAttemptAt: event.occurredAt,
      });
    }
  }
  if (deliveries.length > 0) await insertWebhookDeliveries(db, deliveries);
  return deliveries.length;
}
