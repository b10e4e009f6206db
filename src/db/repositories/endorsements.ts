import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { endorsements, issuedCredentials, organizations } from '../schema.ts';

export type EndorsementRow = typeof endorsements.$inferSelect;
export type EndorsementTargetKind = 'achievement' | 'issuer';

export async function insertEndorsement(db: Db, row: typeof endorsements.$inferInsert) {
  await db.insert(endorsements).values(row);
}

/** An endorsement with its signed credential, its status and the endorser's name and slug. */
export type EndorsementWithCredential = {
  id: string;
  targetKind: string;
  targetId: string;
  createdAt: Date;
  endorserName: string;
  endorserSlug: string;
  credentialId: string;
  signed: string;
  format: string;
  revokedAt: Date | null;
  suspendedAt: Date | null;
  validUntil: Date | null;
};

/** Every endorsement of one target, newest first, in one query (no N+1). */
export async function listEndorsementsOf(
  db: Db,
  targetKind: EndorsementTargetKind,
  targetId: string,
): Promise<EndorsementWithCredential[]> {
  return db
    .select({
      id: endorsements.id,
      targetKind: endorsements.targetKind,
      targetId: endorsements.targetId,
      createdAt: endorsements.createdAt,
      endorserName: organizations.name,
      endorserSlug: organizations.slug,
      credentialId: issuedCredentials.id,
      signed: issuedCredentials.signed,
      format: issuedCredentials.format,
      revokedAt: issuedCredentials.revokedAt,
      suspendedAt: issuedCredentials.suspendedAt,
      validUntil: issuedCredentials.validUntil,
    })
    .from(endorsements)
    .innerJoin(issuedCredentials, eq(issuedCredentials.id, endorsements.issuedCredentialId))
    .innerJoin(organizations, eq(organizations.id, endorsements.endorserOrganizationId))
    .where(and(eq(endorsements.targetKind, targetKind), eq(endorsements.targetId, targetId)))
    .orderBy(desc(endorsements.createdAt))
    .limit(200);
}
