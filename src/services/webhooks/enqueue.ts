import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { CredentialEventRow } from '../../db/repositories/credential-events.ts';
import {
  insertWebhookDeliveries,
  listSubscribedEndpoints,
} from '../../db/repositories/webhooks.ts';
import { type WebhookPayload, webhookEventTypeOf } from '../../domain/webhooks/events.ts';

/**
 * Writes one outbox row per subscribed endpoint, in the caller's transaction: if the credential
 * change rolls back, no delivery exists; if it commits, the delivery survives any restart.
 */
export async function enqueueWebhookDeliveries(db: Db, event: CredentialEventRow): Promise<number> {
  const type = webhookEventTypeOf(event.type);
  if (!type) return 0;
  const endpoints = await listSubscribedEndpoints(db, event.organizationId, type);
  if (endpoints.length === 0) return 0;
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
  await insertWebhookDeliveries(
    db,
    endpoints.map((endpoint) => ({
      id: `msg_${randomUUID().replaceAll('-', '')}`,
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: type,
      body,
      nextAttemptAt: event.occurredAt,
    })),
  );
  return endpoints.length;
}
