import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { insertEvidence } from '../../db/repositories/competency-evidence.ts';
import type { ServiceContext } from '../context.ts';
import { awardEarnedAchievements } from './awarding.ts';

export type EvidenceEntry = {
  learnerId: string;
  competencyId: string;
  assessmentId: string;
  sourceKind: 'quiz-attempt' | 'submission';
  sourceId: string;
  /** Normalized 0..1 (quiz sub-score, or rubric level over the top level). */
  score: number;
  /** Rubric level reached, for rubric-scored evidence. */
  level?: number;
  observedAt: Date;
};

/**
 * Records evidence of competencies (a scored quiz attempt, an accepted review) and then awards,
 * at once, every achievement its learners have now earned. Call it with the transaction that
 * scored the work: the evidence and any credential commit together. A failure while awarding is
 * logged and does not undo the evidence; the next evidence of that learner checks again.
 */
export async function recordEvidence(
  ctx: ServiceContext,
  db: Db,
  entries: Array<{
    learnerId: string;
    competencyId: string;
    assessmentId: string;
    sourceKind: 'quiz-attempt' | 'submission';
    sourceId: string;
    score: number;
    level?: number;
    observedAt: Date;
  }>,
): Promise<void> {
  if (entries.length === 0) return;
  await insertEvidence(
    db,
    entries.map((entry) => ({
      id: randomUUID(),
      learnerId: entry.learnerId,
      competencyId: entry.competencyId,
      assessmentId: entry.assessmentId,
      sourceKind: entry.sourceKind,
      sourceId: entry.sourceId,
      score: Math.min(1, Math.max(0, entry.score)),
      level: entry.level ?? null,
      observedAt: entry.observedAt,
    })),
  );
  const byLearner = new Map<string, Set<string>>();
  for (const entry of entries) {
    const set = byLearner.get(entry.learnerId) ?? new Set<string>();
    set.add(entry.competencyId);
    byLearner.set(entry.learnerId, set);
  }
  for (const [learnerId, competencyIds] of byLearner)
    await awardEarnedAchievements(ctx, db, learnerId, [...competencyIds]);
}
