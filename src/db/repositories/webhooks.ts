import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../schema.ts';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

export async function insertWebhookEndpoint(
  db: Db,
  row: typeof webhookEndpoints.$inferInsert,
): Promise<WebhookEndpointRow> {
  const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
  return inserted!;
}

export async function listWebhookEndpoints(
  db: Db,
  organizationId: string,
): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.organizationId, organizationId), isNull(webhookEndpoints.disabledAt)),
    )
    .orderBy(asc(webhookEndpoints.createdAt));
}

/** An active endpoint of this organization; another organization's id is simply not found. */
export async function findWebhookEndpoint(
  db: Db,
  organizationId: string,
  endpointId: string,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.organizationId, organizationId),
        isNull(webhookEndpoints.disabledAt),
      ),
    );
  return row;
}

export async function findWebhookEndpointsByIds(
  db: Db,
  ids: readonly string[],
): Promise<WebhookEndpointRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.id, [...ids]));
}

export async function disableWebhookEndpoint(db: Db, endpointId: string, at: Date) {
  await db
    .update(webhookEndpoints)
    .set({ disabledAt: at })
    .where(eq(webhookEndpoints.id, endpointId));
}

/** Active endpoints of the organization subscribed to `eventType`. */
export async function listSubscribedEndpoints(
  db: Db,
  organizationId: string,
  eventType: string,
): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, organizationId),
        isNull(webhookEndpoints.disabledAt),
        sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([eventType])}::jsonb`,
      ),
    );
}

export async function insertWebhookDeliveries(
  db: Db,
  rows: Array<typeof webhookDeliveries.$inferInsert>,
): Promise<void> {
  // In slices, so a bulk award's batch stays far below PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
}

/**
 * Claims due deliveries by pushing their next attempt past a lease (`skip locked`, as the
 * notification outbox does), so no lock is held while a receiver is slow.
 */
export async function claimDueWebhookDeliveries(
  db: Db,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<WebhookDeliveryRow[]> {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
}

export type AttemptOutcome = {
  attemptedAt: Date;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
};

/** Logs one attempt and moves the delivery to its next state, together. */
export async function recordWebhookAttempt(
  db: Db,
  deliveryId: string,
  outcome: AttemptOutcome,
  next: { status: 'pending' | 'delivered' | 'failed'; attempts: number; nextAttemptAt: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId, ...outcome });
    await tx
      .update(webhookDeliveries)
      .set({
        status: next.status,
        attempts: next.attempts,
        nextAttemptAt: next.nextAttemptAt,
        lastResponseStatus: outcome.responseStatus,
        lastError: outcome.error,
        deliveredAt: next.status === 'delivered' ? outcome.attemptedAt : null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
}

export async function listWebhookDeliveries(
  db: Db,
  endpointId: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(limit);
}

export async function listWebhookAttempts(
  db: Db,
  deliveryIds: readonly string[],
): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, [...deliveryIds]))
    .orderBy(asc(webhookAttempts.id));
}

export async function findWebhookDelivery(
  db: Db,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  return row;
}

/** Manual redelivery: due now, with a fresh retry budget; the log of earlier attempts stays. */
export async function requeueWebhookDelivery(db: Db, deliveryId: string, now: Date) {
  await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(eq(webhookDeliveries.id, deliveryId));
}
