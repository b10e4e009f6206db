/** What a learner sees on the renewals page and at `GET /api/v1/me/renewals`. */
import {
  listContinuingEducationClaims,
  listExpiringCredentialsOfAccount,
} from '../../db/repositories/renewals.ts';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { DEFAULT_CUT_SCORE, renewalEligibility } from '../../domain/renewal/eligibility.ts';
import { expiryStateOf } from '../../domain/renewal/reminders.ts';
import type { ServiceContext } from '../context.ts';
import { credentialUrlOf, rulesOf } from './recertify.ts';
import { reminderDaysOf } from './reminders.ts';

export type RenewalView = {
  credentialId: string;
  credentialUrl: string;
  achievementId: string | null;
  achievementName: string;
  validUntil: string;
  state: 'expiring' | 'expired';
  renewedBy: string | null;
  eligible: boolean;
  reason: string | null;
  routes: Array<'assessment' | 'continuing-education'>;
  recertification: {
    assessmentIds: string[];
    cutScore: number;
    continuingEducationHours: number | null;
  } | null;
  /** The latest continuing-education claim, while it awaits review. */
  pendingClaim: { hours: number; description: string; claimedAt: string } | null;
};

/** The learner's credentials in their renewal window or expired (revoked ones left out). */
export async function listMyRenewals(ctx: ServiceContext, actor: Actor): Promise<RenewalView[]> {
  if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in to see your renewals.');
  const now = ctx.now();
  const days = reminderDaysOf(ctx);
  const until = new Date(now.getTime() + Math.max(0, ...days) * 86_400_000);
  const rows = (await listExpiringCredentialsOfAccount(ctx.db, actor.accountId, until)).filter(
    (row) => row.revokedAt === null,
  );
  const claims = await listContinuingEducationClaims(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row): RenewalView => {
    const rules = rulesOf(row.definition);
    const state = expiryStateOf(row.validUntil, now, days);
    const eligibility = renewalEligibility({
      expiry: state,
      revoked: false,
      alreadyRenewed: row.renewedBy !== null,
      rules,
    });
    const claim = claims.find((c) => c.credentialId === row.id);
    const detail = claim?.detail as { hours: number; description: string } | undefined;
    return {
      credentialId: row.id,
      credentialUrl: credentialUrlOf(ctx, row.id),
      achievementId: row.achievementId,
      achievementName: row.achievementName ?? 'Credential',
      validUntil: row.validUntil!.toISOString(),
      state: state === 'expired' ? 'expired' : 'expiring',
      renewedBy: row.renewedBy,
      eligible: eligibility.eligible,
      reason: eligibility.eligible ? null : eligibility.reason,
      routes: eligibility.eligible ? eligibility.routes : [],
      recertification: rules
        ? {
            assessmentIds: [...rules.assessmentIds],
            cutScore: rules.cutScore ?? DEFAULT_CUT_SCORE,
            continuingEducationHours: rules.continuingEducationHours ?? null,
          }
        : null,
      pendingClaim:
        detail && claim && row.renewedBy === null
          ? {
              hours: detail.hours,
              description: detail.description,
              claimedAt: claim.occurredAt.toISOString(),
            }
          : null,
    };
  });
}
