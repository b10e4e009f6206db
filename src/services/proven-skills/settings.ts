import { listGoalSettings, upsertGoalSettings } from '../../db/repositories/proven-skills.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

export type GoalSettings = { countInProgressMastery: boolean };

/** The learner's goal settings; defaults when never saved (in-progress mastery does not count). */
export async function getGoalSettings(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<GoalSettings> {
  authorize(actor, { action: 'account:read', accountId }, 'Only the learner sees their settings.');
  const [row] = await listGoalSettings(ctx.db, [accountId]);
  return { countInProgressMastery: row?.countInProgressMastery ?? false };
}

export async function setGoalSettings(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
  settings: GoalSettings,
): Promise<GoalSettings> {
  authorize(
    actor,
    { action: 'account:update', accountId },
    'Only the learner changes their settings.',
  );
  await ctx.db.transaction(async (tx) => {
    await upsertGoalSettings(tx, accountId, settings, ctx.now());
    await recordAudit(tx, actor, 'goal-settings.updated', { target: accountId, detail: settings });
  });
  return settings;
}
