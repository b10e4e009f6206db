import type { Db } from '../../db/client.ts';
import {
  type CredentialEventRow,
  insertCredentialEvent,
  insertCredentialEvents,
  listCredentialEvents,
} from '../../db/repositories/credential-events.ts';
import { enqueueWebhookDeliveries } from '../webhooks/enqueue.ts';

/** What can happen to a credential issued here, in the words issuers and their systems use. */
export type CredentialEventType =
  | 'issued'
  | 'revoked'
  | 'suspended'
  | 'reinstated'
  | 'claimed'
  | 'shared'
  | 'verified';

export type CredentialEvent = {
  type: CredentialEventType;
  issuedCredentialId: string;
  occurredAt: Date;
  /** The learner who claimed or shared it. */
  accountId?: string | null;
  /** Secret-free facts about the event (never the credential itself). */
  detail?: Record<string, unknown>;
};

/**
 * Records one lifecycle event of a credential issued here. Call it with the transaction that made
 * the change, so the event exists exactly when the change does; everything that reacts to events
 * (issuer analytics, webhook deliveries) starts from this one function.
 */
export async function recordCredentialEvent(
  db: Db,
  event: CredentialEvent,
): Promise<CredentialEventRow | null> {
  const row = await insertCredentialEvent(db, event);
  if (row) await enqueueWebhookDeliveries(db, [row]);
  return row;
}

/** Records many events in the one transaction of the change (issue 9: a bulk award's batch). */
export async function recordCredentialEvents(
  db: Db,
  events: readonly CredentialEvent[],
): Promise<number> {
  const rows = await insertCredentialEvents(db, events);
  await enqueueWebhookDeliveries(db, rows);
  return rows.length;
}

/** The history of one credential, oldest first. */
export async function credentialHistory(
  db: Db,
  issuedCredentialId: string,
): Promise<CredentialEventRow[]> {
  return listCredentialEvents(db, issuedCredentialId);
}
