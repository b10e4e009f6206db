/**
 * The demo's talent search (issue 8): Contoso Analytics (owner Hedy) gets a small job profile
 * built from the competencies behind Demo University's "Data Wrangling with Python" (ESCO is not
 * in the demo), and Ada, who holds that credential, opts in with her name and headline shown.
 * Hasan holds it too but never opted in, so he is never found: the demo shows consent at work.
 */
import { listCriteriaCompetencies } from '../db/repositories/proven-skills.ts';
import type { Actor } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { createRoleProfile } from './role-profiles/index.ts';
import { setTalentProfile } from './talent-search/consent.ts';

export async function seedDemoTalent(
  ctx: ServiceContext,
  input: { employer: string; learnerId: string; achievementId: string },
) {
  const operator: Actor = { kind: 'admin-token' };
  const competencies = await listCriteriaCompetencies(ctx.db, [input.achievementId]);
  const unique = [...new Map(competencies.map((c) => [c.competencyId, c])).values()];
  await createRoleProfile(ctx, operator, {
    owner: { organizationSlug: input.employer },
    title: 'Junior data analyst',
    description: 'Cleans and reshapes data for the analytics team.',
    skills: unique.slice(0, 5).map((c, i) => ({
      competencyId: c.competencyId,
      importance: i < 3 ? 'required' : 'nice-to-have',
    })),
  });
  const learner: Actor = {
    kind: 'account',
    accountId: input.learnerId,
    isAdmin: false,
    memberships: new Map(),
  };
  await setTalentProfile(ctx, learner, input.learnerId, {
    optedIn: true,
    showName: true,
    headline: 'Data analyst in training',
    location: 'London, or remote',
    showHeadline: true,
    contactEmail: null,
    showEmail: false,
    hiddenIssuers: [],
    hiddenCredentials: [],
  });
}
