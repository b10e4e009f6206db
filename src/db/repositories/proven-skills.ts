/** Hydration for proven skills: everything for many learners in a fixed number of queries. */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  achievementCriteria,
  achievements,
  competencies,
  competencyAssociations,
  competencyEvidence,
  frameworks,
  learnerGoalSettings,
  organizations,
  walletCredentials,
} from '../schema.ts';

/** Imported wallet entries (any status: the caller applies the one counting rule). */
export async function listImportedOfAccounts(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: walletCredentials.id,
      accountId: walletCredentials.accountId,
      issuerId: walletCredentials.issuerId,
      issuerName: walletCredentials.issuerName,
      achievementName: walletCredentials.achievementName,
      skills: walletCredentials.skills,
      issuedOn: walletCredentials.issuedOn,
      validUntil: walletCredentials.validUntil,
      status: walletCredentials.status,
    })
    .from(walletCredentials)
    .where(
      and(
        inArray(walletCredentials.accountId, [...accountIds]),
        eq(walletCredentials.source, 'imported'),
      ),
    );
}

/** Achievements issued here with their issuer's name and public id (the organization slug). */
export async function listAchievementsWithIssuer(db: Db, achievementIds: readonly string[]) {
  if (achievementIds.length === 0) return [];
  return db
    .select({
      id: achievements.id,
      name: achievements.name,
      definition: achievements.definition,
      organizationId: achievements.organizationId,
      organizationSlug: organizations.slug,
      organizationName: organizations.name,
    })
    .from(achievements)
    .innerJoin(organizations, eq(organizations.id, achievements.organizationId))
    .where(inArray(achievements.id, [...achievementIds]));
}

/** The competencies achievements' criteria name (what an award certifies beyond alignments). */
export async function listCriteriaCompetencies(db: Db, achievementIds: readonly string[]) {
  if (achievementIds.length === 0) return [];
  return db
    .select({
      achievementId: achievementCriteria.achievementId,
      competencyId: competencies.id,
      uri: competencies.uri,
      label: competencies.statement,
    })
    .from(achievementCriteria)
    .innerJoin(competencies, eq(competencies.id, achievementCriteria.competencyId))
    .where(inArray(achievementCriteria.achievementId, [...achievementIds]));
}

export async function findCompetenciesWithSource(
  db: Db,
  by: { ids?: readonly string[]; uris?: readonly string[] },
) {
  const ids = [...(by.ids ?? [])];
  const uris = [...(by.uris ?? [])];
  if (ids.length === 0 && uris.length === 0) return [];
  return db
    .select({
      id: competencies.id,
      uri: competencies.uri,
      label: competencies.statement,
      source: frameworks.source,
    })
    .from(competencies)
    .innerJoin(frameworks, eq(frameworks.id, competencies.frameworkId))
    .where(
      or(
        ids.length > 0 ? inArray(competencies.id, ids) : undefined,
        uris.length > 0 ? inArray(competencies.uri, uris) : undefined,
      ),
    );
}

/** Exact-match associations touching these competencies, in either direction. */
export async function listExactMatches(db: Db, competencyIds: readonly string[]) {
  if (competencyIds.length === 0) return [];
  const ids = [...competencyIds];
  return db
    .select({
      originId: competencyAssociations.originId,
      originUri: competencyAssociations.originUri,
      destinationId: competencyAssociations.destinationId,
      destinationUri: competencyAssociations.destinationUri,
    })
    .from(competencyAssociations)
    .where(
      and(
        inArray(competencyAssociations.associationType, ['exactMatchOf', 'exactMatch']),
        or(
          inArray(competencyAssociations.originId, ids),
          inArray(competencyAssociations.destinationId, ids),
        ),
      ),
    );
}

export async function listEvidenceOfAccounts(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: competencyEvidence.id,
      learnerId: competencyEvidence.learnerId,
      competencyId: competencyEvidence.competencyId,
      assessmentId: competencyEvidence.assessmentId,
      sourceKind: competencyEvidence.sourceKind,
      sourceId: competencyEvidence.sourceId,
      score: competencyEvidence.score,
      level: competencyEvidence.level,
      observedAt: competencyEvidence.observedAt,
    })
    .from(competencyEvidence)
    .where(inArray(competencyEvidence.learnerId, [...accountIds]));
}

export async function listGoalSettings(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select()
    .from(learnerGoalSettings)
    .where(inArray(learnerGoalSettings.accountId, [...accountIds]));
}

export async function upsertGoalSettings(
  db: Db,
  accountId: string,
  values: { countInProgressMastery: boolean },
  now: Date,
) {
  await db
    .insert(learnerGoalSettings)
    .values({ accountId, ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: learnerGoalSettings.accountId,
      set: { ...values, updatedAt: now },
    });
}
