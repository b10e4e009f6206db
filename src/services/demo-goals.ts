/**
 * The demo's goal (issue 7): ESCO is not in the demo (it is imported by `skillmark import esco`),
 * so Emmy gets a small role profile of her own built from Demo University's framework, a goal on
 * it, and a recommendation to see at /goals: the data-wrangling credential, priced, with its
 * quiz one click away. Cheap to seed, so `npm start` stays fast.
 */
import { listCriteriaCompetencies } from '../db/repositories/proven-skills.ts';
import type { Actor } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { createGoal } from './recommendations/goals.ts';
import { setAchievementOffer } from './recommendations/offers.ts';
import { createRoleProfile } from './role-profiles/index.ts';

export async function seedDemoGoals(
  ctx: ServiceContext,
  input: { learnerId: string; achievementIds: readonly string[] },
) {
  const learner: Actor = {
    kind: 'account',
    accountId: input.learnerId,
    isAdmin: false,
    memberships: new Map(),
  };
  const competencies = await listCriteriaCompetencies(ctx.db, input.achievementIds);
  const unique = [...new Map(competencies.map((c) => [c.competencyId, c])).values()];
  const profile = await createRoleProfile(ctx, learner, {
    owner: 'me',
    title: 'Junior data engineer',
    description: 'What I need to show before applying for junior data engineering jobs.',
    skills: unique.map((c, i) => ({
      competencyId: c.competencyId,
      importance: i < 4 ? 'required' : 'nice-to-have',
    })),
  });
  await createGoal(ctx, learner, { roleProfileId: profile.id, statedText: 'data engineer' });
  const operator: Actor = { kind: 'admin-token' };
  for (const achievementId of input.achievementIds)
    await setAchievementOffer(ctx, operator, achievementId, {
      price: { amount: 490, currency: 'EUR' },
    });
}
