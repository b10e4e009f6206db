import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditEvents } from '../schema.ts';

export type AuditEvent = {
  actor: string;
  action: string;
  organizationId?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
};

export async function insertAuditEvent(db: Db, event: AuditEvent) {
  await db.insert(auditEvents).values({ ...event, detail: event.detail ?? {} });
}

export async function insertAuditEvents(db: Db, events: AuditEvent[]) {
  for (let i = 0; i < events.length; i += 2000)
    await db
      .insert(auditEvents)
      .values(events.slice(i, i + 2000).map((event) => ({ ...event, detail: event.detail ?? {} })));
}

export async function listAuditEvents(db: Db, organizationId: string, limit = 100) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
