/**
 * Employer talent search (issue 8 item 4) as a pipeline of small stages:
 * criteria (job profile and/or explicit skills, credentials, issuers, recency) → candidate ids
 * from SQL (opted-in learners with a matching countable credential, capped) → hydration (proven
 * skills of all candidates at once) → pure evidence filters → pure ranking → presentation of the
 * visible fields only. Every search is rate-limited, audited, and shown to the learners it found.
 */
import {
  findTalentCandidates,
  findTalentCandidatesIssuedHere,
  insertProfileViews,
  withExactMatches,
} from '../../db/repositories/talent-profiles.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import {
  achievementMatches,
  credentialKey,
  type EvidenceFacts,
  type EvidenceFilters,
  hiddenByLearner,
  type LearnerHiding,
  passesFilters,
} from '../../domain/talent-search/evidence-filter.ts';
import {
  type Candidate,
  type CandidateSkill,
  type RankedCandidate,
  rankCandidates,
  type WantedSkill,
} from '../../domain/talent-search/rank.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import type { ProvenSkill } from '../proven-skills/index.ts';
import { getRoleProfile } from '../role-profiles/index.ts';
import { openTalentAccess } from './access.ts';
import { hydrateCandidates } from './hydrate.ts';
import { type CandidateIdentity, presentEvidence, presentIdentity } from './present.ts';

export type TalentSearchInput = {
  jobProfileId?: string;
  /** Skill URIs (ESCO or framework competencies), each required. */
  skills?: string[];
  /** Parts of credential (achievement) names, each required. */
  achievements?: string[];
  issuers?: string[];
  /** ISO date: only credentials issued on or after it count. */
  issuedSince?: string;
  limit?: number;
};

export type TalentSearchResult = {
  jobProfile: { id: string; title: string } | null;
  criteria: WantedSkill[];
  candidates: Array<CandidateIdentity & Omit<RankedCandidate, 'candidateId'>>;
};

/** How many candidate ids stage one hands to hydration; ranking then picks the best `limit`. */
const candidatePool = 200;

export async function searchTalent(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: TalentSearchInput,
): Promise<TalentSearchResult> {
  const organization = await openTalentAccess(ctx, actor, slug);
  const { wanted, jobProfile } = await wantedOf(ctx, actor, organization.id, input);
  const filters: EvidenceFilters = {
    issuers: input.issuers ?? [],
    issuedSince: input.issuedSince
      ? new Date(`${input.issuedSince}T00:00:00Z`).toISOString()
      : null,
  };
  const query = {
    skillUris: await withExactMatches(
      ctx.db,
      wanted.filter((w) => !w.uri.startsWith(achievementKey)).map((w) => w.uri),
    ),
    achievementNames: input.achievements ?? [],
    issuers: filters.issuers,
    issuedSince: filters.issuedSince ? new Date(filters.issuedSince) : null,
    now: ctx.now(),
    limit: candidatePool,
  };
  const [inWallets, issuedHere] = await Promise.all([
    findTalentCandidates(ctx.db, query),
    findTalentCandidatesIssuedHere(ctx.db, query),
  ]);
  const accountIds = [...new Set([...inWallets, ...issuedHere].map((c) => c.accountId))];
  const hydrated = await hydrateCandidates(ctx, accountIds);
  const candidates: Candidate[] = hydrated.map(({ profile, hiding, proven }) => ({
    candidateId: profile.id,
    skills: candidateSkills(proven, hiding, filters, input),
  }));
  const criteria = labelled(wanted, candidates);
  const ranked = rankCandidates(criteria, candidates).slice(0, input.limit ?? 20);
  const byId = new Map(hydrated.map((h) => [h.profile.id, h]));
  const results = ranked.map(({ candidateId, ...match }) => {
    const { profile, displayName } = byId.get(candidateId)!;
    return { ...presentIdentity(profile, displayName), ...match };
  });
  await ctx.db.transaction(async (tx) => {
    const viewedAt = ctx.now();
    await insertProfileViews(
      tx,
      ranked.map((r) => ({
        accountId: byId.get(r.candidateId)!.profile.accountId,
        organizationId: organization.id,
        kind: 'search' as const,
        viewedAt,
      })),
    );
    await recordAudit(tx, actor, 'talent.search', {
      organizationId: organization.id,
      detail: {
        jobProfileId: input.jobProfileId ?? null,
        skills: input.skills ?? [],
        achievements: input.achievements ?? [],
        issuers: filters.issuers,
        issuedSince: input.issuedSince ?? null,
        candidates: ranked.map((r) => r.candidateId),
      },
    });
  });
  return { jobProfile, criteria, candidates: results };
}

const achievementKey = 'achievement:';

async function wantedOf(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: string,
  input: TalentSearchInput,
): Promise<{ wanted: WantedSkill[]; jobProfile: TalentSearchResult['jobProfile'] }> {
  const wanted = new Map<string, WantedSkill>();
  let jobProfile: TalentSearchResult['jobProfile'] = null;
  if (input.jobProfileId) {
    const profile = await getRoleProfile(ctx, actor, input.jobProfileId);
    // Another organization's (or a person's own) role profile does not exist for this search.
    if (profile.owner.kind !== 'organization' || profile.owner.organizationId !== organizationId)
      throw new NotFoundError(
        `There is no job profile ${input.jobProfileId} in this organization.`,
      );
    jobProfile = { id: profile.id, title: profile.title };
    for (const skill of profile.skills)
      wanted.set(skill.uri, { uri: skill.uri, label: skill.label, importance: skill.importance });
  }
  for (const uri of input.skills ?? [])
    if (!wanted.has(uri)) wanted.set(uri, { uri, label: uri, importance: 'required' });
  for (const name of input.achievements ?? [])
    wanted.set(`${achievementKey}${name}`, {
      uri: `${achievementKey}${name}`,
      label: `credential “${name}”`,
      importance: 'required',
    });
  if (wanted.size === 0)
    throw new ValidationError('Say what to search for: a job profile, skills or credentials.', [
      {
        field: 'skills',
        message: 'give a job profile, at least one skill URI or a credential name',
      },
    ]);
  return { wanted: [...wanted.values()], jobProfile };
}

/**
 * A candidate's countable evidence per skill: verified credentials only (never in-progress
 * mastery), minus what the learner hides, within the employer's filters. Searched credential
 * names become skills of their own so they rank and explain like skills.
 */
function candidateSkills(
  proven: ProvenSkill[],
  hiding: LearnerHiding,
  filters: EvidenceFilters,
  input: TalentSearchInput,
): CandidateSkill[] {
  const skills: CandidateSkill[] = proven.map((skill) => ({
    uri: skill.uri,
    label: skill.label,
    evidence: skill.evidence
      .filter((e) => !hiddenByLearner(e, hiding) && passesFilters(e, filters))
      .map(presentEvidence),
  }));
  const credentials = uniqueCredentials(proven, hiding, filters);
  for (const name of input.achievements ?? [])
    skills.push({
      uri: `${achievementKey}${name}`,
      label: name,
      evidence: credentials.filter((e) => achievementMatches(e, name)).map(presentEvidence),
    });
  return skills;
}

function uniqueCredentials(
  proven: ProvenSkill[],
  hiding: LearnerHiding,
  filters: EvidenceFilters,
): EvidenceFacts[] {
  const byId = new Map<string, EvidenceFacts>();
  for (const skill of proven)
    for (const e of skill.evidence)
      if (!hiddenByLearner(e, hiding) && passesFilters(e, filters)) byId.set(credentialKey(e), e);
  return [...byId.values()];
}

/** Explicit skill URIs carry no label; take the one the credentials give, when any does. */
function labelled(wanted: WantedSkill[], candidates: Candidate[]): WantedSkill[] {
  const labels = new Map<string, string>();
  for (const candidate of candidates)
    for (const skill of candidate.skills)
      if (!labels.has(skill.uri)) labels.set(skill.uri, skill.label);
  return wanted.map((w) => (w.label === w.uri ? { ...w, label: labels.get(w.uri) ?? w.uri } : w));
}
