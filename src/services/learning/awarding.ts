/**
 * Automatic awarding (issue 4 item 5): when a learner's evidence meets every criterion of an
 * achievement, its credential is issued at once, by the platform acting for the organization,
 * and the learner is notified through the outbox.
 */
import type { Db } from '../../db/client.ts';
import { listAchievementsWithCriteria } from '../../db/repositories/achievement-criteria.ts';
import {
  advisoryXactLock,
  listActiveCredentialsOfLearner,
  listShareableSubmissions,
  primaryEmailOf,
} from '../../db/repositories/competency-evidence.ts';
import type { AchievementProgress } from '../../domain/learning/mastery.ts';
import type { Actor } from '../../domain/policy.ts';
import { type AwardInput, awardAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { type Criterion, loadProgressData, type ProgressData } from './progress-data.ts';

/** The platform operator, acting for the organization whose criteria were met. */
const platformActor: Actor = { kind: 'admin-token' };

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The credential's `results`, `evidence` and narrative, from the evidence mastery rests on. */
export async function awardContent(
  ctx: ServiceContext,
  db: Db,
  learnerId: string,
  progress: AchievementProgress<Criterion>,
  data: ProgressData,
): Promise<Pick<AwardInput, 'results' | 'evidence' | 'narrative'>> {
  const qualifying = progress.competencies.flatMap((c) => c.mastery.qualifying);
  const shared = new Set(
    (
      await listShareableSubmissions(
        db,
        learnerId,
        qualifying.filter((e) => e.sourceKind === 'submission').map((e) => e.sourceId),
      )
    ).map((s) => s.id),
  );
  const results = progress.competencies.map(({ criterion, mastery }) => {
    const statement = data.competencies.get(criterion.competencyId)?.statement ?? 'Competency';
    const best = mastery.qualifying.reduce((max, e) => Math.max(max, e.score), 0);
    const levels = mastery.qualifying.flatMap((e) => (e.level === null ? [] : [e.level]));
    const level = levels.length > 0 ? `, rubric level ${Math.max(...levels)}` : '';
    return { value: `${statement.slice(0, 120)}: mastered (best score ${percent(best)}${level})` };
  });
  const evidence = qualifying.flatMap((e): NonNullable<AwardInput['evidence']> => {
    const title = data.assessments.get(e.assessmentId)?.title ?? 'Assessment';
    if (e.sourceKind === 'submission')
      // Project work is linked only where the learner consented to show it.
      return shared.has(e.sourceId)
        ? [{ id: `${ctx.publicUrl}/submissions/${e.sourceId}`, name: `Accepted work: ${title}` }]
        : [];
    return [
      {
        name: `Quiz: ${title}`,
        narrative: `Scored ${percent(e.score)} on ${e.observedAt.toISOString().slice(0, 10)}.`,
      },
    ];
  });
  return {
    results,
    evidence,
    narrative: `Awarded automatically when the evidence met every criterion (${progress.total} ${progress.total === 1 ? 'competency' : 'competencies'} mastered).`,
  };
}

/**
 * Awards every achievement (among those whose criteria name one of `competencyIds`) that the
 * learner has now earned and does not hold yet. Each award runs in its own (nested) transaction
 * under a lock per learner and achievement, re-checking for an active credential inside it, so
 * concurrent submissions never award twice. Returns the ids of the credentials issued.
 */
export async function awardEarnedAchievements(
  ctx: ServiceContext,
  db: Db,
  learnerId: string,
  competencyIds: readonly string[],
): Promise<string[]> {
  const candidates = await listAchievementsWithCriteria(db, { competencyIds });
  if (candidates.length === 0) return [];
  const now = ctx.now();
  const data = await loadProgressData(
    db,
    learnerId,
    candidates.map((a) => a.id),
    now,
  );
  const issued: string[] = [];
  for (const achievement of candidates) {
    if (data.credentials.has(achievement.id)) continue;
    const progress = data.progressOf(achievement.id);
    if (!progress.complete) continue;
    try {
      const id = await db.transaction(async (tx) => {
        await advisoryXactLock(tx, `award:${learnerId}:${achievement.id}`);
        const held = await listActiveCredentialsOfLearner(tx, learnerId, [achievement.id], now);
        if (held.length > 0) return undefined;
        const email = await primaryEmailOf(tx, learnerId);
        if (!email) return undefined;
        const content = await awardContent(ctx, tx, learnerId, progress, data);
        const credential = await awardAchievement(
          { ...ctx, db: tx },
          platformActor,
          achievement.id,
          {
            recipient: { email },
            ...content,
          },
        );
        await recordAudit(tx, platformActor, 'achievement.awarded-automatically', {
          organizationId: achievement.organizationId,
          target: credential.id,
          detail: { achievementId: achievement.id, learnerId },
        });
        const url = `${ctx.publicUrl}/credentials/${credential.id}`;
        await enqueueNotification(tx, now, {
          accountId: learnerId,
          email,
          kind: 'credential-awarded',
          subject: `You earned ${achievement.name}`,
          body: `Congratulations! You met every criterion of ${achievement.name}, and your credential has been issued. It is signed, so anyone can verify it, and it is yours to keep.`,
          link: url,
        });
        return credential.id;
      });
      if (id) issued.push(id);
    } catch (error) {
      ctx.logger.error(
        { err: error, achievementId: achievement.id, learnerId },
        'automatic award failed; the next evidence of this learner checks again',
      );
    }
  }
  return issued;
}
