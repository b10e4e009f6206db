/**
 * Where "Start" takes a learner for a recommended achievement: its first assessment still to do
 * (a quiz is started by POSTing an attempt; a project opens its submission page), the same next
 * step the learning dashboard shows; else the achievement's public page.
 */

import type { ServiceContext } from '../context.ts';
import { loadProgressData } from '../learning/progress-data.ts';

export type StartLink =
  | { kind: 'quiz'; assessmentId: string; title: string; href: string; method: 'post' }
  | { kind: 'project'; assessmentId: string; title: string; href: string; method: 'get' }
  | { kind: 'details'; href: string; method: 'get' };

export async function startLinksOf(
  ctx: ServiceContext,
  learnerId: string,
  achievementIds: readonly string[],
): Promise<Record<string, StartLink>> {
  if (achievementIds.length === 0) return {};
  const data = await loadProgressData(ctx.db, learnerId, achievementIds, ctx.now());
  const links: Record<string, StartLink> = {};
  for (const id of achievementIds) {
    const progress = data.progressOf(id);
    const next = progress.competencies.find((c) => c.mastery.state !== 'mastered');
    const assessmentId =
      next?.mastery.remaining.assessmentIds[0] ?? next?.criterion.rule.assessmentIds[0];
    const assessment = assessmentId ? data.assessments.get(assessmentId) : undefined;
    links[id] = !assessment
      ? { kind: 'details', href: `/achievements/${id}`, method: 'get' }
      : assessment.kind === 'quiz'
        ? {
            kind: 'quiz',
            assessmentId: assessment.id,
            title: assessment.title,
            href: `/assessments/${assessment.id}/attempts`,
            method: 'post',
          }
        : {
            kind: 'project',
            assessmentId: assessment.id,
            title: assessment.title,
            href: `/assessments/${assessment.id}/submit`,
            method: 'get',
          };
  }
  return links;
}
