import {
  findOptedInProfileById,
  insertProfileViews,
} from '../../db/repositories/talent-profiles.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { hiddenByLearner } from '../../domain/talent-search/evidence-filter.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { openTalentAccess } from './access.ts';
import { hydrateCandidates } from './hydrate.ts';
import { type CandidateIdentity, presentEvidence, presentIdentity } from './present.ts';

export type CandidateProfile = CandidateIdentity & {
  skills: Array<{
    uri: string;
    label: string;
    evidence: Array<ReturnType<typeof presentEvidence>>;
  }>;
};

/**
 * One opted-in learner's visible profile: the shown fields and every skill their verified,
 * unhidden credentials prove. A withdrawn or unknown pseudonym is 404, as if it never existed.
 * The view is recorded for the learner and in the organization's audit log.
 */
export async function viewCandidate(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  candidateId: string,
): Promise<CandidateProfile> {
  const organization = await openTalentAccess(ctx, actor, slug);
  const found = await findOptedInProfileById(ctx.db, candidateId);
  const [candidate] = found ? await hydrateCandidates(ctx, [found.profile.accountId]) : [];
  if (!candidate) throw new NotFoundError(`There is no candidate ${candidateId}.`);
  const skills = candidate.proven
    .map((skill) => ({
      uri: skill.uri,
      label: skill.label,
      evidence: skill.evidence
        .filter((e) => !hiddenByLearner(e, candidate.hiding))
        .map(presentEvidence),
    }))
    .filter((skill) => skill.evidence.length > 0)
    .sort((a, b) => a.label.localeCompare(b.label));
  await ctx.db.transaction(async (tx) => {
    await insertProfileViews(tx, [
      {
        accountId: candidate.profile.accountId,
        organizationId: organization.id,
        kind: 'profile',
        viewedAt: ctx.now(),
      },
    ]);
    await recordAudit(tx, actor, 'talent.view', {
      organizationId: organization.id,
      target: `candidate:${candidateId}`,
    });
  });
  return { ...presentIdentity(candidate.profile, candidate.displayName), skills };
}
