import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountEmails, competencyEvidence, issuedCredentials, submissions } from '../schema.ts';

export type CompetencyEvidenceRow = typeof competencyEvidence.$inferSelect;

export async function insertEvidence(
  db: Db,
  rows: ReadonlyArray<typeof competencyEvidence.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(competencyEvidence).values([...rows]);
}

/** A learner's evidence, optionally only for some competencies, newest first. */
export async function listEvidenceOfLearner(
  db: Db,
  learnerId: string,
  competencyIds?: readonly string[],
): Promise<CompetencyEvidenceRow[]> {
  if (competencyIds && competencyIds.length === 0) return [];
  return db
    .select()
    .from(competencyEvidence)
    .where(
      and(
        eq(competencyEvidence.learnerId, learnerId),
        competencyIds ? inArray(competencyEvidence.competencyId, [...competencyIds]) : undefined,
      ),
    )
    .orderBy(desc(competencyEvidence.observedAt));
}

/** Accepted submissions whose author agreed to show them as evidence in a credential. */
export async function listShareableSubmissions(db: Db, learnerId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: submissions.id, assessmentId: submissions.assessmentId })
    .from(submissions)
    .where(
      and(
        inArray(submissions.id, [...ids]),
        eq(submissions.learnerId, learnerId),
        eq(submissions.status, 'accepted'),
        eq(submissions.shareAsEvidence, true),
      ),
    );
}

/**
 * A transaction-scoped advisory lock on `key` (e.g. one learner and achievement), so concurrent
 * requests that would both write (award twice, start two attempts) run one after the other.
 */
export async function advisoryXactLock(db: Db, key: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Credentials of these achievements issued to any of the learner's addresses that are neither
 * revoked nor expired (one query; suspension is temporary, so a suspended one still counts).
 */
export async function listActiveCredentialsOfLearner(
  db: Db,
  learnerId: string,
  achievementIds: readonly string[],
  now: Date,
) {
  if (achievementIds.length === 0) return [];
  return db
    .select({
      id: issuedCredentials.id,
      achievementId: issuedCredentials.achievementId,
      issuedAt: issuedCredentials.issuedAt,
    })
    .from(issuedCredentials)
    .innerJoin(accountEmails, eq(accountEmails.email, issuedCredentials.recipientEmail))
    .where(
      and(
        eq(accountEmails.accountId, learnerId),
        inArray(issuedCredentials.achievementId, [...achievementIds]),
        isNull(issuedCredentials.revokedAt),
        or(isNull(issuedCredentials.validUntil), gt(issuedCredentials.validUntil, now)),
      ),
    );
}

export async function primaryEmailOf(db: Db, accountId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ email: accountEmails.email })
    .from(accountEmails)
    .where(and(eq(accountEmails.accountId, accountId), eq(accountEmails.isPrimary, true)));
  return row?.email;
}
