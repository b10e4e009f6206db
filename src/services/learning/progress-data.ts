/**
 * Hydration for progress and awarding: everything needed to judge a learner's progress toward
 * some achievements, loaded in a fixed number of queries (no N+1), then judged by the pure
 * rules in domain/learning/mastery.ts.
 */
import type { Db } from '../../db/client.ts';
import { listCriteriaOf } from '../../db/repositories/achievement-criteria.ts';
import {
  listActiveCredentialsOfLearner,
  listEvidenceOfLearner,
} from '../../db/repositories/competency-evidence.ts';
import {
  type AssessmentRow,
  type CompetencySummary,
  findAssessmentsByIds,
  findCompetencies,
} from '../../db/repositories/learning-assessments.ts';
import type { CriterionRule } from '../../domain/learning/criteria.ts';
import {
  type AchievementProgress,
  achievementProgress,
  type EvidenceObservation,
} from '../../domain/learning/mastery.ts';
import { ruleOf } from './criteria.ts';

export type Criterion = { competencyId: string; rule: CriterionRule };

export type ProgressData = {
  criteriaOf: (achievementId: string) => Criterion[];
  evidenceOf: (competencyId: string) => EvidenceObservation[];
  competencies: Map<string, CompetencySummary>;
  assessments: Map<string, AssessmentRow>;
  credentials: Map<string, { id: string; issuedAt: Date }>;
  progressOf: (achievementId: string) => AchievementProgress<Criterion>;
};

export async function loadProgressData(
  db: Db,
  learnerId: string,
  achievementIds: readonly string[],
  now: Date,
): Promise<ProgressData> {
  const criteriaRows = await listCriteriaOf(db, achievementIds);
  const criteria = new Map<string, Criterion[]>();
  for (const row of criteriaRows) {
    const list = criteria.get(row.achievementId) ?? [];
    list.push({ competencyId: row.competencyId, rule: ruleOf(row.rule) });
    criteria.set(row.achievementId, list);
  }
  const competencyIds = [...new Set(criteriaRows.map((r) => r.competencyId))];
  const evidenceRows = await listEvidenceOfLearner(db, learnerId, competencyIds);
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
  const assessmentIds = [
    ...new Set([...criteria.values()].flat().flatMap((c) => c.rule.assessmentIds)),
  ];
  const [competencies, assessments, credentials] = await Promise.all([
    findCompetencies(db, competencyIds),
    findAssessmentsByIds(db, assessmentIds),
    listActiveCredentialsOfLearner(db, learnerId, achievementIds, now),
  ]);
  const criteriaOf = (id: string) => criteria.get(id) ?? [];
  const evidenceOf = (id: string) => evidence.get(id) ?? [];
  return {
    criteriaOf,
    evidenceOf,
    competencies: new Map(competencies.map((c) => [c.id, c])),
    assessments: new Map(assessments.map((a) => [a.id, a])),
    credentials: new Map(
      credentials.map((c) => [c.achievementId!, { id: c.id, issuedAt: c.issuedAt }]),
    ),
    progressOf: (id) => achievementProgress(criteriaOf(id), evidenceOf),
  };
}
