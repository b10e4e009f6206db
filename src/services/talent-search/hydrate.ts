/**
 * Hydration stage of talent search: for candidate account ids, the opted-in profiles (with the
 * name they may show), their proven skills and their hiding choices, in a fixed number of queries.
 */
import {
  issuedIdsOfWalletEntries,
  listOptedInProfiles,
  type TalentProfileRow,
} from '../../db/repositories/talent-profiles.ts';
import type { LearnerHiding } from '../../domain/talent-search/evidence-filter.ts';
import type { ServiceContext } from '../context.ts';
import { type ProvenSkill, provenSkillsOfMany } from '../proven-skills/index.ts';

export type HydratedCandidate = {
  profile: TalentProfileRow;
  displayName: string;
  hiding: LearnerHiding;
  /** Verified credentials only: in-progress mastery never reaches employers. */
  proven: ProvenSkill[];
};

export async function hydrateCandidates(
  ctx: ServiceContext,
  accountIds: string[],
): Promise<HydratedCandidate[]> {
  const [profiles, proven] = await Promise.all([
    listOptedInProfiles(ctx.db, accountIds),
    provenSkillsOfMany(ctx, accountIds),
  ]);
  const issued = await issuedIdsOfWalletEntries(
    ctx.db,
    profiles.flatMap((p) => p.profile.hiddenCredentials),
  );
  return profiles.map(({ profile, displayName }) => ({
    profile,
    displayName,
    hiding: {
      hiddenIssuers: profile.hiddenIssuers,
      hiddenCredentials: profile.hiddenCredentials,
      hiddenIssuedCredentials: profile.hiddenCredentials.flatMap((id) => {
        const issuedId = issued.get(id);
        return issuedId ? [issuedId] : [];
      }),
    },
    proven: (proven.get(profile.accountId) ?? []).filter((s) => s.source === 'credential'),
  }));
}
