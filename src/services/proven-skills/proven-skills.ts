/**
 * What learners have proven (issue 7 item 3; issue 8's talent-search evidence), as a pipeline:
 * load (fixed number of queries for any number of learners) → count (the one rule of
 * `domain/credential-standing.ts`, shared with pathways) → resolve alignments to competencies →
 * map to ESCO through exact-match associations → group by skill with evidence.
 *
 * Sources: credentials issued here (their achievement's alignments and criteria competencies) and
 * imported wallet entries (their alignments); unverified, tampered, revoked, suspended or expired
 * ones never count. Competencies mastered in in-progress learning count as "proven here" only for
 * learners who allow it (`learner_goal_settings`, off by default).
 */
import { listIssuedToAccounts } from '../../db/repositories/pathways.ts';
import {
  findCompetenciesWithSource,
  listAchievementsWithIssuer,
  listCriteriaCompetencies,
  listEvidenceOfAccounts,
  listExactMatches,
  listGoalSettings,
  listImportedOfAccounts,
} from '../../db/repositories/proven-skills.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import { importedCountsNow, issuedHereCountsNow } from '../../domain/credential-standing.ts';
import {
  defaultMasteryRule,
  type EvidenceObservation,
  masteryOf,
} from '../../domain/learning/mastery.ts';
import type { ServiceContext } from '../context.ts';
import { didWebOf } from '../issuers/issuer-keys.ts';

export type SkillEvidence = {
  walletCredentialId: string;
  issuedCredentialId: string | null;
  achievementName: string | null;
  issuerId: string | null;
  issuerName: string | null;
  issuedOn: string | null;
  validUntil: string | null;
};
export type ProvenSkill = {
  competencyId: string | null;
  uri: string;
  label: string;
  source: 'credential' | 'in-progress';
  evidence: SkillEvidence[];
};

/** One alignment of one counted credential, before resolution. */
type Claim = { accountId: string; uri: string; name: string; evidence: SkillEvidence };
type Competency = { id: string; uri: string; label: string; source: string };

async function loadCountedClaims(ctx: ServiceContext, accountIds: readonly string[]) {
  const now = ctx.now();
  const [issued, imported] = await Promise.all([
    listIssuedToAccounts(ctx.db, accountIds),
    listImportedOfAccounts(ctx.db, accountIds),
  ]);
  const counted = issued.filter((row) => row.achievementId && issuedHereCountsNow(row, now));
  // UNION in the query already keeps one row per learner and credential.
  const uniqueIssued = counted;
  const achievementIds = [...new Set(uniqueIssued.map((r) => r.achievementId!))];
  const [achievementRows, criteria] = await Promise.all([
    listAchievementsWithIssuer(ctx.db, achievementIds),
    listCriteriaCompetencies(ctx.db, achievementIds),
  ]);
  const achievements = new Map(achievementRows.map((a) => [a.id, a]));
  const claims: Claim[] = [];
  for (const row of uniqueIssued) {
    const achievement = achievements.get(row.achievementId!);
    if (!achievement) continue;
    const evidence: SkillEvidence = {
      walletCredentialId: '',
      issuedCredentialId: row.id,
      achievementName: achievement.name,
      issuerId:
        didWebOf(ctx.publicUrl, {
          organizationId: achievement.organizationId,
          slug: achievement.organizationSlug,
        }) ?? `${ctx.publicUrl}/organizations/${achievement.organizationSlug}`,
      issuerName: achievement.organizationName,
      issuedOn: row.issuedAt.toISOString(),
      validUntil: row.validUntil?.toISOString() ?? null,
    };
    const alignments = (achievement.definition as AchievementInput).alignments ?? [];
    for (const a of alignments)
      claims.push({ accountId: row.accountId, uri: a.targetUrl, name: a.targetName, evidence });
    for (const c of criteria.filter((c) => c.achievementId === achievement.id))
      claims.push({ accountId: row.accountId, uri: c.uri, name: c.label, evidence });
  }
  for (const entry of imported) {
    if (!importedCountsNow(entry, now)) continue;
    const evidence: SkillEvidence = {
      walletCredentialId: entry.id,
      issuedCredentialId: null,
      achievementName: entry.achievementName,
      issuerId: entry.issuerId,
      issuerName: entry.issuerName,
      issuedOn: entry.issuedOn?.toISOString() ?? null,
      validUntil: entry.validUntil?.toISOString() ?? null,
    };
    for (const skill of entry.skills)
      if (skill.url)
        claims.push({ accountId: entry.accountId, uri: skill.url, name: skill.name, evidence });
  }
  return claims;
}

/** Competencies mastered in learning here, per learner who allows counting them. */
async function loadMastered(ctx: ServiceContext, accountIds: readonly string[], force: boolean) {
  const settings = await listGoalSettings(ctx.db, accountIds);
  const allowed = force
    ? [...accountIds]
    : settings.filter((s) => s.countInProgressMastery).map((s) => s.accountId);
  const rows = await listEvidenceOfAccounts(ctx.db, allowed);
  const byKey = new Map<string, EvidenceObservation[]>();
  for (const row of rows) {
    const key = `${row.learnerId} ${row.competencyId}`;
    const list = byKey.get(key) ?? [];
    list.push({
      id: row.id,
      assessmentId: row.assessmentId,
      sourceKind: row.sourceKind as EvidenceObservation['sourceKind'],
      sourceId: row.sourceId,
      score: Number(row.score),
      level: row.level,
      observedAt: row.observedAt,
    });
    byKey.set(key, list);
  }
  const rule = defaultMasteryRule();
  return [...byKey]
    .filter(([, list]) => masteryOf(rule, list).state === 'mastered')
    .map(([key]) => {
      const [accountId, competencyId] = key.split(' ') as [string, string];
      return { accountId, competencyId };
    });
}

/** ESCO equivalents of non-ESCO competencies, through exact-match associations. */
async function escoEquivalents(ctx: ServiceContext, competencies: readonly Competency[]) {
  const local = competencies.filter((c) => c.source !== 'esco');
  const links = await listExactMatches(
    ctx.db,
    local.map((c) => c.id),
  );
  const localIds = new Set(local.map((c) => c.id));
  const pairs = links.flatMap((l) => {
    if (l.originId && localIds.has(l.originId)) return [[l.originId, l.destinationUri] as const];
    if (l.destinationId && localIds.has(l.destinationId))
      return [[l.destinationId, l.originUri] as const];
    return [];
  });
  const targets = await findCompetenciesWithSource(ctx.db, { uris: pairs.map(([, uri]) => uri) });
  const escoByUri = new Map(targets.filter((t) => t.source === 'esco').map((t) => [t.uri, t]));
  const equivalents = new Map<string, Competency[]>();
  for (const [id, uri] of pairs) {
    const target = escoByUri.get(uri);
    if (target) equivalents.set(id, [...(equivalents.get(id) ?? []), target]);
  }
  return equivalents;
}

/** One learner's proven skills, now. `includeInProgress` overrides the learner's own setting. */
export async function provenSkillsOf(
  ctx: ServiceContext,
  accountId: string,
  options: { includeInProgress?: boolean } = {},
): Promise<ProvenSkill[]> {
  const all = await provenSkills(ctx, [accountId], options.includeInProgress);
  return all.get(accountId) ?? [];
}

/** The same for many learners at once, in a fixed number of queries (talent search). */
export async function provenSkillsOfMany(
  ctx: ServiceContext,
  accountIds: string[],
): Promise<Map<string, ProvenSkill[]>> {
  return provenSkills(ctx, [...new Set(accountIds)], undefined);
}

async function provenSkills(
  ctx: ServiceContext,
  accountIds: readonly string[],
  includeInProgress: boolean | undefined,
): Promise<Map<string, ProvenSkill[]>> {
  const [claims, mastered] = await Promise.all([
    loadCountedClaims(ctx, accountIds),
    includeInProgress === false
      ? Promise.resolve([])
      : loadMastered(ctx, accountIds, includeInProgress === true),
  ]);
  const competencies = await findCompetenciesWithSource(ctx.db, {
    uris: [...new Set(claims.map((c) => c.uri))],
    ids: [...new Set(mastered.map((m) => m.competencyId))],
  });
  const byUri = new Map<string, Competency>();
  for (const c of competencies) if (!byUri.has(c.uri) || c.source === 'esco') byUri.set(c.uri, c);
  const byId = new Map(competencies.map((c) => [c.id, c]));
  const equivalents = await escoEquivalents(ctx, [...byUri.values(), ...byId.values()]);

  const result = new Map<string, Map<string, ProvenSkill>>(accountIds.map((id) => [id, new Map()]));
  const add = (
    accountId: string,
    skill: Omit<ProvenSkill, 'evidence'>,
    evidence: SkillEvidence | undefined,
  ) => {
    const skills = result.get(accountId)!;
    let entry = skills.get(skill.uri);
    if (!entry) {
      entry = { ...skill, evidence: [] };
      skills.set(skill.uri, entry);
    }
    // A credential is stronger proof than in-progress mastery of the same skill.
    if (skill.source === 'credential') entry.source = 'credential';
    const key = evidence && (evidence.issuedCredentialId ?? evidence.walletCredentialId);
    if (
      evidence &&
      !entry.evidence.some((e) => (e.issuedCredentialId ?? e.walletCredentialId) === key)
    )
      entry.evidence.push(evidence);
  };
  const addWithEquivalents = (
    accountId: string,
    competency: Competency,
    source: ProvenSkill['source'],
    evidence: SkillEvidence | undefined,
  ) => {
    add(
      accountId,
      { competencyId: competency.id, uri: competency.uri, label: competency.label, source },
      evidence,
    );
    for (const esco of equivalents.get(competency.id) ?? [])
      add(accountId, { competencyId: esco.id, uri: esco.uri, label: esco.label, source }, evidence);
  };
  for (const claim of claims) {
    const competency = byUri.get(claim.uri);
    if (competency) addWithEquivalents(claim.accountId, competency, 'credential', claim.evidence);
    else
      add(
        claim.accountId,
        { competencyId: null, uri: claim.uri, label: claim.name, source: 'credential' },
        claim.evidence,
      );
  }
  for (const m of mastered) {
    const competency = byId.get(m.competencyId);
    if (competency) addWithEquivalents(m.accountId, competency, 'in-progress', undefined);
  }
  return new Map(
    [...result].map(([id, skills]) => [
      id,
      [...skills.values()].sort((a, b) => a.label.localeCompare(b.label)),
    ]),
  );
}
