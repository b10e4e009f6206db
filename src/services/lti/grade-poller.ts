/**
 * Grade passback without anyone pressing a button: each app server polls the result service of
 * every placement with a gradebook column, for a course term after it was placed. Polling runs
 * outside any transaction (each award takes its own), so a slow LMS never holds the database.
 * Awards stay exactly-once when several servers poll at the same time (grades.ts). Each run also
 * removes login states and launches that expired a day ago.
 */
import { deleteExpiredLtiSessions, listGradedLtiResourceLinks } from '../../db/repositories/lti.ts';
import { syncLtiGrades } from './grades.ts';
import type { LtiContext } from './launch.ts';

/** How long after placement a course's grades are still read. */
export const gradePollingWindowMs = 180 * 86_400_000;

export async function syncAllLtiGrades(
  ctx: LtiContext,
): Promise<{ links: number; awarded: number; failed: number }> {
  // A replayed state must still read as "already used" for a while after it expired.
  await deleteExpiredLtiSessions(ctx.db, new Date(ctx.now().getTime() - 86_400_000));
  const since = new Date(ctx.now().getTime() - gradePollingWindowMs);
  const links = await listGradedLtiResourceLinks(ctx.db, since);
  let awarded = 0;
  let failed = 0;
  for (const link of links) {
    try {
      awarded += (await syncLtiGrades(ctx, link.id)).awarded.length;
    } catch (error) {
      failed += 1;
      ctx.logger.warn(
        { resourceLinkId: link.id, platformId: link.platformId, err: error },
        'LTI grade sync failed; the next run tries again',
      );
    }
  }
  return { links: links.length, awarded, failed };
}

/** Polls every `intervalMs` until the returned function is called. */
export function startLtiGradePolling(ctx: LtiContext, intervalMs = 15 * 60_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await syncAllLtiGrades(ctx);
    } catch (error) {
      ctx.logger.error({ err: error }, 'LTI grade polling failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
