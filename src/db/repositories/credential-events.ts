import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { credentialEvents, issuedCredentials } from '../schema.ts';

export type CredentialEventRow = typeof credentialEvents.$inferSelect;

export type NewCredentialEvent = {
  type: string;
  issuedCredentialId: string;
  occurredAt: Date;
  accountId?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Inserts one event, taking the organization from the credential itself so that callers which only
 * hold a credential id (claims, shares, verifications) cannot file it under the wrong issuer.
 * Returns null when no credential with that id was issued here.
 */
export async function insertCredentialEvent(
  db: Db,
  event: NewCredentialEvent,
): Promise<CredentialEventRow | null> {
  const [credential] = await db
    .select({ organizationId: issuedCredentials.organizationId })
    .from(issuedCredentials)
    .where(eq(issuedCredentials.id, event.issuedCredentialId));
  if (!credential) return null;
  const [row] = await db
    .insert(credentialEvents)
    .values({
      occurredAt: event.occurredAt,
      organizationId: credential.organizationId,
      issuedCredentialId: event.issuedCredentialId,
      type: event.type,
      accountId: event.accountId ?? null,
      detail: event.detail ?? {},
    })
    .returning();
  return row!;
}

/**
 * Inserts many events (issue 9: a bulk award's batch) in one statement per thousand, the
 * organization taken from each credential as in {@link insertCredentialEvent}; events of
 * credentials not issued here are skipped. Returns the recorded rows.
 */
export async function insertCredentialEvents(
  db: Db,
  events: readonly NewCredentialEvent[],
): Promise<CredentialEventRow[]> {
  const recorded: CredentialEventRow[] = [];
  for (let i = 0; i < events.length; i += 1000) {
    const values = sql.join(
      events
        .slice(i, i + 1000)
        .map(
          (e) =>
            sql`(${e.issuedCredentialId}::uuid, ${e.type}::text, ${e.occurredAt.toISOString()}::timestamptz, ${e.accountId ?? null}::uuid, ${JSON.stringify(e.detail ?? {})}::jsonb)`,
        ),
      sql`, `,
    );
    const rows = await db.execute(sql`
      insert into ${credentialEvents} (occurred_at, organization_id, issued_credential_id, type, account_id, detail)
      select v.occurred_at, c.organization_id, v.credential_id, v.type, v.account_id, v.detail
      from (values ${values}) as v(credential_id, type, occurred_at, account_id, detail)
      join ${issuedCredentials} c on c.id = v.credential_id
      returning id, occurred_at, organization_id, issued_credential_id, type, account_id, detail`);
    for (const row of (rows as unknown as { rows: RawEventRow[] }).rows) {
      recorded.push({
        id: Number(row.id),
        occurredAt: new Date(row.occurred_at),
        organizationId: row.organization_id,
        issuedCredentialId: row.issued_credential_id,
        type: row.type,
        accountId: row.account_id,
        detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
      });
    }
  }
  return recorded;
}

type RawEventRow = {
  id: string | number;
  occurred_at: string | Date;
  organization_id: string;
  issued_credential_id: string;
  type: string;
  account_id: string | null;
  detail: unknown;
};

/** The events of one credential, oldest first. */
export async function listCredentialEvents(
  db: Db,
  issuedCredentialId: string,
): Promise<CredentialEventRow[]> {
  return db
    .select()
    .from(credentialEvents)
    .where(eq(credentialEvents.issuedCredentialId, issuedCredentialId))
    .orderBy(asc(credentialEvents.id));
}
