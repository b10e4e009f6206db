/** A learner's progress toward every achievement that can be earned here (issue 4 items 4, 7). */
import { listAchievementsWithCriteria } from '../../db/repositories/achievement-criteria.ts';
import { listEvidenceOfLearner } from '../../db/repositories/competency-evidence.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import { activityStreak, type MasteryState } from '../../domain/learning/mastery.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { learnerOf } from './attempts.ts';
import { loadProgressData } from './progress-data.ts';

export type AssessmentRef = { id: string; title: string; kind: string };

export type CompetencyProgress = {
  competencyId: string;
  statement: string;
  uri: string;
  framework: string;
  attribution: string | null;
  state: MasteryState;
  bestScore: number | null;
  rule: {
    cutScore?: number;
    minimumLevel?: number;
    evidenceCount: number;
    assessments: AssessmentRef[];
  };
  remaining: { pieces: number; assessments: AssessmentRef[] };
  evidence: Array<{
    assessmentId: string;
    sourceKind: string;
    score: number;
    level: number | null;
    observedAt: string;
  }>;
};

export type AchievementProgressView = {
  id: string;
  name: string;
  organization: { slug: string; name: string };
  url: string;
  earned: { credentialId: string; url: string; issuedAt: string } | null;
  started: boolean;
  mastered: number;
  total: number;
  competencies: CompetencyProgress[];
  /** The next assessment to take, when something remains. */
  nextStep: AssessmentRef | null;
};

export type LearnerProgress = {
  achievements: AchievementProgressView[];
  streakDays: number;
  milestones: { evidence: number; competenciesMastered: number; credentialsEarned: number };
};

export async function getLearnerProgress(
  ctx: ServiceContext,
  actor: Actor,
): Promise<LearnerProgress> {
  const learnerId = learnerOf(actor);
  const now = ctx.now();
  const achievements = await listAchievementsWithCriteria(ctx.db, { limit: 200 });
  const data = await loadProgressData(
    ctx.db,
    learnerId,
    achievements.map((a) => a.id),
    now,
  );
  const organizations = new Map<string, { slug: string; name: string }>();
  for (const id of new Set(achievements.map((a) => a.organizationId))) {
    const organization = await findOrganizationById(ctx.db, id);
    if (organization) organizations.set(id, { slug: organization.slug, name: organization.name });
  }
  const ref = (id: string): AssessmentRef => {
    const a = data.assessments.get(id);
    return { id, title: a?.title ?? 'Assessment', kind: a?.kind ?? 'unknown' };
  };
  const masteredCompetencies = new Set<string>();
  const views = achievements.map((achievement): AchievementProgressView => {
    const progress = data.progressOf(achievement.id);
    const competencies = progress.competencies.map(({ criterion, mastery }): CompetencyProgress => {
      const competency = data.competencies.get(criterion.competencyId);
      if (mastery.state === 'mastered') masteredCompetencies.add(criterion.competencyId);
      return {
        competencyId: criterion.competencyId,
        statement: competency?.statement ?? criterion.competencyId,
        uri: competency?.uri ?? '',
        framework: competency?.frameworkTitle ?? '',
        attribution: competency?.attribution ?? null,
        state: mastery.state,
        bestScore: mastery.bestScore,
        rule: {
          cutScore: criterion.rule.cutScore,
          minimumLevel: criterion.rule.minimumLevel,
          evidenceCount: criterion.rule.evidenceCount,
          assessments: criterion.rule.assessmentIds.map(ref),
        },
        remaining: {
          pieces: mastery.remaining.pieces,
          assessments: mastery.remaining.assessmentIds.map(ref),
        },
        evidence: mastery.evidence.map((e) => ({
          assessmentId: e.assessmentId,
          sourceKind: e.sourceKind,
          score: e.score,
          level: e.level,
          observedAt: e.observedAt.toISOString(),
        })),
      };
    });
    const credential = data.credentials.get(achievement.id);
    const next = credential
      ? undefined
      : competencies.find((c) => c.state !== 'mastered')?.remaining.assessments[0];
    return {
      id: achievement.id,
      name: achievement.name,
      organization: organizations.get(achievement.organizationId) ?? { slug: '', name: '' },
      url: `${ctx.publicUrl}/achievements/${achievement.id}`,
      earned: credential
        ? {
            credentialId: credential.id,
            url: `${ctx.publicUrl}/credentials/${credential.id}`,
            issuedAt: credential.issuedAt.toISOString(),
          }
        : null,
      started: competencies.some((c) => c.state !== 'not-started'),
      mastered: progress.mastered,
      total: progress.total,
      competencies,
      nextStep: next ?? null,
    };
  });
  const allEvidence = await listEvidenceOfLearner(ctx.db, learnerId);
  return {
    achievements: views,
    streakDays: activityStreak(
      allEvidence.map((e) => e.observedAt),
      now,
    ),
    milestones: {
      evidence: new Set(allEvidence.map((e) => e.sourceId)).size,
      competenciesMastered: masteredCompetencies.size,
      credentialsEarned: data.credentials.size,
    },
  };
}
