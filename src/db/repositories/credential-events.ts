import { asc, eq } from 'drizzle-orm';
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
