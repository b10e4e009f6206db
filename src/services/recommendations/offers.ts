/**
 * Recommendation metadata of an achievement: structured prerequisites and a price. Kept outside
 * the signed OB3 definition on purpose (issued credentials never carry it); issuers edit it.
 */
import { z } from 'zod';
import { findAchievementsByIds } from '../../db/repositories/pathways.ts';
import { findOffer, upsertOffer } from '../../db/repositories/recommendations.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseWith } from '../../domain/parse-input.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { requireAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

export const offerInputSchema = z.strictObject({
  prerequisiteIds: z
    .array(z.uuid({ error: 'each prerequisite must be an achievement UUID' }))
    .max(50, 'at most 50 prerequisites')
    .default([]),
  price: z
    .strictObject({
      amount: z
        .number({ error: 'price.amount must be a number' })
        .min(0, 'price.amount must not be negative')
        .max(1_000_000_000, 'price.amount is too large')
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
          error: 'price.amount has at most two decimals',
        }),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'price.currency must be an ISO 4217 code such as EUR'),
    })
    .nullable()
    .default(null),
});

export type Offer = {
  achievementId: string;
  prerequisiteIds: string[];
  price: { amount: number; currency: string } | null;
};

export async function getAchievementOffer(
  ctx: ServiceContext,
  achievementId: string,
): Promise<Offer> {
  const achievement = await requireAchievement(ctx, achievementId);
  const row = await findOffer(ctx.db, achievement.id);
  return {
    achievementId: achievement.id,
    prerequisiteIds: row?.prerequisiteIds ?? [],
    price:
      row?.priceAmount != null && row.priceCurrency
        ? { amount: Number(row.priceAmount), currency: row.priceCurrency }
        : null,
  };
}

/** Whether following prerequisites from `start` ever leads back to `target`. */
async function reaches(ctx: ServiceContext, start: readonly string[], target: string) {
  const seen = new Set<string>();
  let frontier = [...start];
  while (frontier.length > 0) {
    if (frontier.includes(target)) return true;
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(...((await findOffer(ctx.db, id))?.prerequisiteIds ?? []));
    }
    frontier = next;
  }
  return false;
}

export async function setAchievementOffer(
  ctx: ServiceContext,
  actor: Actor,
  achievementId: string,
  input: unknown,
): Promise<Offer> {
  const achievement = await requireAchievement(ctx, achievementId);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: achievement.organizationId },
    "Only the issuer's owners and issuers set prerequisites and prices.",
  );
  const parsed = parseWith(offerInputSchema, input);
  const prerequisiteIds = [...new Set(parsed.prerequisiteIds)];
  if (prerequisiteIds.includes(achievement.id))
    throw new ValidationError('An achievement cannot be its own prerequisite.', [
      { field: 'prerequisiteIds', message: 'must not contain the achievement itself' },
    ]);
  const found = await findAchievementsByIds(ctx.db, prerequisiteIds);
  const active = new Set(found.filter((a) => !a.archivedAt).map((a) => a.id));
  const unknown = prerequisiteIds.filter((id) => !active.has(id));
  if (unknown.length > 0)
    throw new ValidationError(`Unknown or archived prerequisites: ${unknown.join(', ')}.`, [
      { field: 'prerequisiteIds', message: 'must name active achievements' },
    ]);
  if (await reaches(ctx, prerequisiteIds, achievement.id))
    throw new ValidationError('These prerequisites would make a cycle back to this achievement.', [
      { field: 'prerequisiteIds', message: 'would create a prerequisite cycle' },
    ]);
  await ctx.db.transaction(async (tx) => {
    await upsertOffer(tx, {
      achievementId: achievement.id,
      prerequisiteIds,
      priceAmount: parsed.price ? parsed.price.amount.toFixed(2) : null,
      priceCurrency: parsed.price?.currency ?? null,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'achievement.offer-updated', {
      organizationId: achievement.organizationId,
      target: achievement.id,
      detail: { prerequisiteIds, price: parsed.price },
    });
  });
  return { achievementId: achievement.id, prerequisiteIds, price: parsed.price };
}
