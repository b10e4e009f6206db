import { and, desc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import {
  accountEmails,
  achievements,
  auditEvents,
  competencyEvidence,
  credentialRenewals,
  issuedCredentials,
  memberships,
} from '../schema.ts';

export type CredentialRenewalRow = typeof credentialRenewals.$inferSelect;

export async function insertCredentialRenewal(db: Db, row: CredentialRenewalRow) {
  await db.insert(credentialRenewals).values(row);
}

/** The renewal that replaced `predecessorId`, if it was renewed. */
export async function findRenewalOf(
  db: Db,
  predecessorId: string,
): Promise<CredentialRenewalRow | undefined> {
  const [row] = await db
    .select()
    .from(credentialRenewals)
    .where(eq(credentialRenewals.predecessorCredentialId, predecessorId))
    .limit(1);
  return row;
}

/** The credential `renewedId` renewed, if it is a renewal. */
export async function findPredecessorOf(
  db: Db,
  renewedId: string,
): Promise<CredentialRenewalRow | undefined> {
  const [row] = await db
    .select()
    .from(credentialRenewals)
    .where(eq(credentialRenewals.renewedCredentialId, renewedId));
  return row;
}

/** The account an address belongs to (credentials follow the account, not one address). */
export async function findAccountIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ accountId: accountEmails.accountId })
    .from(accountEmails)
    .where(eq(accountEmails.email, email));
  return row?.accountId;
}

/** Owners of an organization with their primary address, for issuer-side reminders. */
export async function listOwnersWithEmail(db: Db, organizationId: string) {
  return db
    .select({ accountId: memberships.accountId, email: accountEmails.email })
    .from(memberships)
    .innerJoin(
      accountEmails,
      and(eq(accountEmails.accountId, memberships.accountId), eq(accountEmails.isPrimary, true)),
    )
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
}

const renewals = alias(credentialRenewals, 'renewal');

/**
 * The learner's credentials (issued here to any of their addresses) with a `validUntil` before
 * `until`, with their achievement definition and renewal, in one query.
 */
export async function listExpiringCredentialsOfAccount(db: Db, accountId: string, until: Date) {
  return db
    .select({
      id: issuedCredentials.id,
      organizationId: issuedCredentials.organizationId,
      achievementId: issuedCredentials.achievementId,
      achievementName: achievements.name,
      definition: achievements.definition,
      validUntil: issuedCredentials.validUntil,
      revokedAt: issuedCredentials.revokedAt,
      recipientEmail: issuedCredentials.recipientEmail,
      renewedBy: renewals.renewedCredentialId,
    })
    .from(issuedCredentials)
    .innerJoin(accountEmails, eq(accountEmails.email, issuedCredentials.recipientEmail))
    .leftJoin(achievements, eq(achievements.id, issuedCredentials.achievementId))
    .leftJoin(renewals, eq(renewals.predecessorCredentialId, issuedCredentials.id))
    .where(
      and(
        eq(accountEmails.accountId, accountId),
        isNotNull(issuedCredentials.validUntil),
        lte(issuedCredentials.validUntil, until),
      ),
    )
    .orderBy(issuedCredentials.validUntil);
}

/** Quiz evidence of a learner from some assessments since `since`, for recertification. */
export async function listQuizEvidenceSince(
  db: Db,
  learnerId: string,
  assessmentIds: readonly string[],
  since: Date,
) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: competencyEvidence.assessmentId,
      sourceId: competencyEvidence.sourceId,
      score: competencyEvidence.score,
      observedAt: competencyEvidence.observedAt,
    })
    .from(competencyEvidence)
    .where(
      and(
        eq(competencyEvidence.learnerId, learnerId),
        eq(competencyEvidence.sourceKind, 'quiz-attempt'),
        inArray(competencyEvidence.assessmentId, [...assessmentIds]),
        gt(competencyEvidence.observedAt, new Date(since.getTime() - 1)),
      ),
    );
}

/**
 * Continuing-education claims are recorded as audit events (who claimed what, when): the schema
 * has no table of their own, and the record is exactly the trail a reviewer needs.
 */
export const CONTINUING_EDUCATION_CLAIMED = 'renewal.continuing-education-claimed';

/** Latest continuing-education claims of credentials, newest first per credential. */
export async function listContinuingEducationClaims(db: Db, credentialIds: readonly string[]) {
  if (credentialIds.length === 0) return [];
  return db
    .select({
      credentialId: auditEvents.target,
      detail: auditEvents.detail,
      occurredAt: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, CONTINUING_EDUCATION_CLAIMED),
        inArray(auditEvents.target, [...credentialIds]),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
}
