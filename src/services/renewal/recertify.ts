/**
 * Recertification (issue 6 item 4): a learner renews an expiring or expired credential by a
 * recertification assessment or by reviewed continuing education; renewal issues a new credential
 * through `awardAchievement` whose evidence names the one it renews, and links both in
 * `credential_renewals`. A credential is renewed at most once.
 */

import { findAchievement } from '../../db/repositories/achievements.ts';
import { advisoryXactLock } from '../../db/repositories/competency-evidence.ts';
import type { IssuedCredentialRow } from '../../db/repositories/issued-credentials.ts';
import {
  CONTINUING_EDUCATION_CLAIMED,
  findAccountIdByEmail,
  findRenewalOf,
  insertCredentialRenewal,
  listContinuingEducationClaims,
  listOwnersWithEmail,
  listQuizEvidenceSince,
} from '../../db/repositories/renewals.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import {
  ConflictError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import {
  DEFAULT_CUT_SCORE,
  qualifyingAttempt,
  type RecertificationAttempt,
  type RecertificationRules,
  type RenewalEligibility,
  renewalEligibility,
} from '../../domain/renewal/eligibility.ts';
import { expiryStateOf, renewalWindowOpensAt } from '../../domain/renewal/reminders.ts';
import { awardAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { requireIssuedCredential } from '../credentials/issue-credential.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { reminderDaysOf } from './reminders.ts';

/** The platform, issuing the renewal for the organization whose rules were met. */
const platformActor: Actor = { kind: 'admin-token' };

export type ContinuingEducationClaim = {
  hours: number;
  description: string;
  link?: string;
};

export type RenewalRequest =
  | { kind: 'assessment' }
  | ({ kind: 'continuing-education' } & ContinuingEducationClaim);

export type RenewalOutcome =
  | { status: 'renewed'; credentialId: string; credentialUrl: string }
  | { status: 'pending-review' };

export function credentialUrlOf(ctx: ServiceContext, id: string) {
  return `${ctx.publicUrl}/credentials/${id}`;
}

/** The recertification rules of an achievement definition, if it has any. */
export function rulesOf(definition: unknown): RecertificationRules | undefined {
  return (definition as Partial<AchievementInput> | null)?.recertification;
}

/** Whether and how `credential` can be renewed now. */
export async function eligibilityOf(
  ctx: ServiceContext,
  credential: IssuedCredentialRow,
): Promise<{ eligibility: RenewalEligibility; rules: RecertificationRules | undefined }> {
  const achievement = credential.achievementId
    ? await findAchievement(ctx.db, credential.achievementId)
    : undefined;
  const rules = rulesOf(achievement?.definition);
  const eligibility = renewalEligibility({
    expiry: expiryStateOf(credential.validUntil, ctx.now(), reminderDaysOf(ctx)),
    revoked: credential.revokedAt !== null,
    alreadyRenewed: (await findRenewalOf(ctx.db, credential.id)) !== undefined,
    rules,
  });
  return { eligibility, rules };
}

/** The credential, if `actor` is the learner it was issued to (else 404: ids are not disclosed). */
async function requireOwnCredential(ctx: ServiceContext, actor: Actor, credentialId: string) {
  if (actor.kind !== 'account')
    throw new NotAuthenticatedError('Sign in to renew your credentials.');
  const credential = await requireIssuedCredential(ctx, credentialId);
  const owner = credential.recipientEmail
    ? await findAccountIdByEmail(ctx.db, credential.recipientEmail)
    : undefined;
  if (owner !== actor.accountId) throw new NotFoundError('No credential of yours has this id.');
  return { credential, learnerId: actor.accountId };
}

/** One score per quiz attempt: the mean of its competency sub-scores. */
function attemptsOf(
  evidence: Awaited<ReturnType<typeof listQuizEvidenceSince>>,
): RecertificationAttempt[] {
  const byAttempt = new Map<string, { assessmentId: string; scores: number[]; observedAt: Date }>();
  for (const row of evidence) {
    const entry = byAttempt.get(row.sourceId) ?? {
      assessmentId: row.assessmentId,
      scores: [],
      observedAt: row.observedAt,
    };
    entry.scores.push(Number(row.score));
    if (row.observedAt > entry.observedAt) entry.observedAt = row.observedAt;
    byAttempt.set(row.sourceId, entry);
  }
  return [...byAttempt].map(([attemptId, e]) => ({
    attemptId,
    assessmentId: e.assessmentId,
    score: e.scores.reduce((sum, s) => sum + s, 0) / e.scores.length,
    observedAt: e.observedAt,
  }));
}

/**
 * A learner asks to renew: checks the recertification assessment (an attempt since the renewal
 * window opened, at or above the cut score, renews at once), or records a continuing-education
 * claim for an issuer or assessor to approve.
 */
export async function requestRenewal(
  ctx: ServiceContext,
  actor: Actor,
  credentialId: string,
  request: RenewalRequest,
): Promise<RenewalOutcome> {
  const { credential, learnerId } = await requireOwnCredential(ctx, actor, credentialId);
  const { eligibility, rules } = await eligibilityOf(ctx, credential);
  if (!eligibility.eligible) throw new ConflictError(eligibility.reason);
  if (!eligibility.routes.includes(request.kind))
    throw new ConflictError(
      request.kind === 'assessment'
        ? 'This achievement is not renewed by an assessment.'
        : 'This achievement is not renewed by continuing education.',
    );
  if (request.kind === 'assessment') {
    const opensAt = renewalWindowOpensAt(credential.validUntil!, reminderDaysOf(ctx));
    const evidence = await listQuizEvidenceSince(ctx.db, learnerId, rules!.assessmentIds, opensAt);
    const attempt = qualifyingAttempt(attemptsOf(evidence), rules!, opensAt);
    if (!attempt) {
      const cut = Math.round((rules!.cutScore ?? DEFAULT_CUT_SCORE) * 100);
      throw new ConflictError(
        `No attempt at the recertification assessment since ${opensAt.toISOString().slice(0, 10)} scored at least ${cut}%.`,
      );
    }
    return renewCredential(ctx, credential, {
      by: `account:${learnerId}`,
      evidenceName: 'Recertification assessment',
      narrative: `Passed the recertification assessment with ${Math.round(attempt.score * 100)}% on ${attempt.observedAt.toISOString().slice(0, 10)}.`,
    });
  }
  const needed = rules!.continuingEducationHours ?? 0;
  if (request.hours < needed)
    throw new ValidationError(`Renewal needs at least ${needed} hours of continuing education.`, [
      { field: 'hours', message: `must be at least ${needed}` },
    ]);
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, actor, CONTINUING_EDUCATION_CLAIMED, {
      organizationId: credential.organizationId,
      target: credential.id,
      detail: {
        learnerId,
        hours: request.hours,
        description: request.description,
        ...(request.link ? { link: request.link } : {}),
      },
    });
    for (const owner of await listOwnersWithEmail(tx, credential.organizationId))
      await enqueueNotification(tx, ctx.now(), {
        accountId: owner.accountId,
        email: owner.email,
        kind: 'renewal-claim',
        subject: 'A continuing-education claim awaits review',
        body: `${credential.recipientEmail ?? 'A learner'} claims ${request.hours} hours of continuing education to renew a credential: ${request.description}`,
        link: credentialUrlOf(ctx, credential.id),
      });
  });
  return { status: 'pending-review' };
}

/** An issuer or assessor of the credential's organization approves a continuing-education claim. */
export async function approveRenewal(
  ctx: ServiceContext,
  actor: Actor,
  credentialId: string,
): Promise<RenewalOutcome> {
  const credential = await requireIssuedCredential(ctx, credentialId);
  authorize(
    actor,
    { action: 'submission:review', organizationId: credential.organizationId },
    'Only owners, issuers and assessors of the issuing organization approve renewals.',
  );
  const { eligibility } = await eligibilityOf(ctx, credential);
  if (!eligibility.eligible) throw new ConflictError(eligibility.reason);
  const [claim] = await listContinuingEducationClaims(ctx.db, [credential.id]);
  if (!claim)
    throw new ConflictError('No continuing-education claim awaits review for this credential.');
  const detail = claim.detail as { hours: number; description: string; link?: string };
  return renewCredential(ctx, credential, {
    by: actor,
    evidenceName: 'Continuing education',
    narrative: `${detail.hours} hours of continuing education, reviewed and approved: ${detail.description}`,
    evidenceUrl: detail.link,
  });
}

/**
 * Issues the renewal: under a lock per predecessor, refuses a second renewal, awards the
 * achievement again with evidence naming the predecessor, links both, notifies the learner.
 */
async function renewCredential(
  ctx: ServiceContext,
  predecessor: IssuedCredentialRow,
  how: { by: Actor | string; evidenceName: string; narrative: string; evidenceUrl?: string },
): Promise<RenewalOutcome> {
  if (!predecessor.achievementId)
    throw new ConflictError('The achievement of this credential no longer exists.');
  const predecessorUrl = credentialUrlOf(ctx, predecessor.id);
  return ctx.db.transaction(async (tx) => {
    await advisoryXactLock(tx, `renew:${predecessor.id}`);
    if (await findRenewalOf(tx, predecessor.id))
      throw new ConflictError('The credential has already been renewed.');
    const now = ctx.now();
    const issued = await awardAchievement(
      { ...ctx, db: tx },
      platformActor,
      predecessor.achievementId!,
      {
        recipient: predecessor.recipientEmail
          ? { email: predecessor.recipientEmail }
          : { did: predecessor.recipientDid! },
        narrative: `Renews credential ${predecessorUrl}. ${how.narrative}`,
        evidence: [
          // OB 3.0 Evidence: the renewed credential names the one it renews by its URL.
          { id: predecessorUrl, name: `Renews credential ${predecessor.id}` },
          {
            ...(how.evidenceUrl ? { id: how.evidenceUrl } : {}),
            name: how.evidenceName,
            narrative: how.narrative,
          },
        ],
      },
    );
    await insertCredentialRenewal(tx, {
      renewedCredentialId: issued.id,
      predecessorCredentialId: predecessor.id,
      renewedAt: now,
    });
    await recordAudit(tx, how.by, 'credential.renewed', {
      organizationId: predecessor.organizationId,
      target: issued.id,
      detail: { predecessorCredentialId: predecessor.id },
    });
    const learnerId = predecessor.recipientEmail
      ? await findAccountIdByEmail(tx, predecessor.recipientEmail)
      : undefined;
    const url = credentialUrlOf(ctx, issued.id);
    if (learnerId)
      await enqueueNotification(tx, now, {
        accountId: learnerId,
        email: predecessor.recipientEmail!,
        kind: 'credential-renewed',
        subject: 'Your credential was renewed',
        body: 'Your renewed credential has been issued. It references the one it renews, which stays in your wallet.',
        link: url,
      });
    return { status: 'renewed' as const, credentialId: issued.id, credentialUrl: url };
  });
}
