/**
 * Hydration for pathway evaluation: what a learner holds, in a fixed number of queries. Only
 * credentials that count now count (`domain/credential-standing.ts`, shared with proven skills):
 * issued here and neither revoked, suspended nor expired; imported, last verified valid and not
 * expired since.
 * Other issuers' credentials become our achievements only through the pathway organization's
 * recognition rules (an explicit equivalence, or alignments covering our achievement's).
 */
import { isObject } from '../../credentials/json-helpers.ts';
import type { Db } from '../../db/client.ts';
import { listEvidenceOfLearner } from '../../db/repositories/competency-evidence.ts';
import { findCompetencies } from '../../db/repositories/learning-assessments.ts';
import {
  findAchievementsByIds,
  listCompletionsOfAccount,
  listIssuedToAccounts,
  listRecognitionRules,
  type RecognitionRuleRow,
} from '../../db/repositories/pathways.ts';
import { listWalletCredentials } from '../../db/repositories/wallet-credentials.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import { importedCountsNow, issuedHereCountsNow } from '../../domain/credential-standing.ts';
import {
  defaultMasteryRule,
  type EvidenceObservation,
  masteryOf,
} from '../../domain/learning/mastery.ts';
import type { CountedCredential, Holdings } from '../../domain/pathways/evaluate.ts';
import { readCredential } from '../sharing/credential-facts.ts';

/** An imported, verified credential from another issuer. */
export type ExternalCredential = CountedCredential & {
  issuerId: string;
  achievementId?: string;
  alignmentUrls: string[];
};

/** What a learner holds, before an organization's recognition rules are applied. */
export type LearnerBase = {
  issued: Map<string, CountedCredential>;
  /** Alignment target URLs of what is held here (for competency leaves). */
  issuedAlignmentUrls: Set<string>;
  external: ExternalCredential[];
  masteredCompetencies: Set<string>;
  completedPathways: Map<string, CountedCredential>;
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function externalOf(entry: {
  id: string;
  content: string;
  issuerId: string | null;
  achievementName: string | null;
  skills: Array<{ url?: string }>;
}): ExternalCredential | undefined {
  if (!entry.issuerId) return undefined;
  const credential = readCredential(entry.content)?.credential;
  const subject = isObject(credential) ? first(credential.credentialSubject) : undefined;
  const achievement = isObject(subject) ? first(subject.achievement) : undefined;
  const achievementId =
    isObject(achievement) && typeof achievement.id === 'string' ? achievement.id : undefined;
  const id = isObject(credential) && typeof credential.id === 'string' ? credential.id : undefined;
  return {
    walletCredentialId: entry.id,
    ...(id ? { credentialUrl: id } : {}),
    issuerId: entry.issuerId,
    ...(achievementId ? { achievementId } : {}),
    ...(entry.achievementName ? { achievementName: entry.achievementName } : {}),
    alignmentUrls: entry.skills.flatMap((s) => (s.url ? [s.url] : [])),
  };
}

function alignmentUrlsOf(definition: unknown): string[] {
  return ((definition as AchievementInput).alignments ?? []).map((a) => a.targetUrl);
}

/** Loads the learner's verified credentials, mastered competencies and completed pathways. */
export async function loadLearnerBase(
  db: Db,
  publicUrl: string,
  accountId: string,
  competencyIds: readonly string[],
  now: Date,
): Promise<LearnerBase> {
  const [issuedRows, walletRows, evidenceRows, completions] = await Promise.all([
    listIssuedToAccounts(db, [accountId]),
    listWalletCredentials(db, accountId, { status: 'valid' }),
    listEvidenceOfLearner(db, accountId, competencyIds),
    listCompletionsOfAccount(db, accountId),
  ]);
  const issued = new Map<string, CountedCredential>();
  for (const row of issuedRows.filter((r) => issuedHereCountsNow(r, now)))
    if (row.achievementId && !issued.has(row.achievementId))
      issued.set(row.achievementId, {
        credentialUrl: `${publicUrl}/credentials/${row.id}`,
        issuedCredentialId: row.id,
      });
  const heldAchievements = await findAchievementsByIds(db, [...issued.keys()]);
  for (const row of heldAchievements) {
    const counted = issued.get(row.id);
    if (counted) counted.achievementName = row.name;
  }
  const external = walletRows
    .filter((row) => row.source === 'imported' && importedCountsNow(row, now))
    .flatMap((row) => externalOf(row) ?? []);
  const evidence = new Map<string, EvidenceObservation[]>();
  for (const row of evidenceRows) {
    const list = evidence.get(row.competencyId) ?? [];
    list.push({
      id: row.id,
      assessmentId: row.assessmentId,
      sourceKind: row.sourceKind as EvidenceObservation['sourceKind'],
      sourceId: row.sourceId,
      score: Number(row.score),
      level: row.level,
      observedAt: row.observedAt,
    });
    evidence.set(row.competencyId, list);
  }
  const rule = defaultMasteryRule();
  const masteredCompetencies = new Set(
    [...evidence]
      .filter(([, list]) => masteryOf(rule, list).state === 'mastered')
      .map(([id]) => id),
  );
  return {
    issued,
    issuedAlignmentUrls: new Set(heldAchievements.flatMap((a) => alignmentUrlsOf(a.definition))),
    external,
    masteredCompetencies,
    completedPathways: new Map(
      completions.map((c) => [
        c.pathwayId,
        c.issuedCredentialId
          ? {
              credentialUrl: `${publicUrl}/credentials/${c.issuedCredentialId}`,
              issuedCredentialId: c.issuedCredentialId,
            }
          : {},
      ]),
    ),
  };
}

function ruleMatches(rule: RecognitionRuleRow, credential: ExternalCredential): boolean {
  return (
    rule.externalIssuerId === credential.issuerId &&
    (rule.externalAchievementId === null || rule.externalAchievementId === credential.achievementId)
  );
}

/**
 * The holdings one organization's pathways see: the learner's own credentials, plus external
 * ones its recognition rules map to its achievements. `candidates` are our achievements the
 * pathways name (alignment rules without a target match among them).
 */
export async function holdingsFor(
  db: Db,
  base: LearnerBase,
  organizationId: string,
  candidates: ReadonlyArray<{ id: string; definition: unknown }>,
  competencyIds: readonly string[],
): Promise<Holdings> {
  const achievements = new Map(base.issued);
  const rules = base.external.length > 0 ? await listRecognitionRules(db, [organizationId]) : [];
  const targets = new Map(candidates.map((c) => [c.id, alignmentUrlsOf(c.definition)]));
  const missing = rules.flatMap((r) =>
    r.countsAsAchievementId && !targets.has(r.countsAsAchievementId)
      ? [r.countsAsAchievementId]
      : [],
  );
  for (const row of await findAchievementsByIds(db, missing))
    targets.set(row.id, alignmentUrlsOf(row.definition));
  for (const credential of base.external) {
    for (const rule of rules) {
      if (!ruleMatches(rule, credential)) continue;
      const ruleName = rule.matchAlignments ? 'alignment match' : 'equivalence';
      const { alignmentUrls: _urls, ...counted } = credential;
      const countAs = (achievementId: string) => {
        if (!achievements.has(achievementId))
          achievements.set(achievementId, {
            ...counted,
            external: {
              issuerId: credential.issuerId,
              ...(credential.achievementId ? { achievementId: credential.achievementId } : {}),
              rule: `${ruleName} ${rule.id}`,
            },
          });
      };
      if (!rule.matchAlignments) {
        if (rule.countsAsAchievementId) countAs(rule.countsAsAchievementId);
        continue;
      }
      const ids = rule.countsAsAchievementId ? [rule.countsAsAchievementId] : [...targets.keys()];
      for (const id of ids) {
        const urls = targets.get(id) ?? [];
        if (urls.length > 0 && urls.every((u) => credential.alignmentUrls.includes(u))) countAs(id);
      }
    }
  }
  const competencyRows = await findCompetencies(db, competencyIds);
  const competencies = new Map<string, CountedCredential | null>();
  for (const competency of competencyRows) {
    if (base.masteredCompetencies.has(competency.id)) competencies.set(competency.id, null);
    else if (base.issuedAlignmentUrls.has(competency.uri)) competencies.set(competency.id, null);
    else {
      const external = base.external.find((c) => c.alignmentUrls.includes(competency.uri));
      if (external) {
        const { alignmentUrls: _urls, ...counted } = external;
        competencies.set(competency.id, {
          ...counted,
          external: { issuerId: external.issuerId, rule: 'competency alignment' },
        });
      }
    }
  }
  return {
    achievements,
    external: base.external.map(({ alignmentUrls: _urls, ...c }) => ({
      ...c,
      external: {
        issuerId: c.issuerId,
        ...(c.achievementId ? { achievementId: c.achievementId } : {}),
      },
    })),
    competencies,
    pathways: base.completedPathways,
  };
}
