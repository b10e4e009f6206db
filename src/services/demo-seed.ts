import { countAccounts } from '../db/repositories/accounts.ts';
import { findOrganizationBySlug, upsertMembership } from '../db/repositories/organizations.ts';
import type { OrganizationKind } from '../domain/accounts.ts';
import type { OrganizationRole } from '../domain/policy.ts';
import { trustedIssuerInputSchema } from '../domain/trust-registry/entry.ts';
import { signUp } from './accounts.ts';
import { awardAchievement, createAchievement } from './achievements.ts';
import type { ServiceContext } from './context.ts';
import { demoAchievements } from './demo-catalog.ts';
import { seedDemoGoals } from './demo-goals.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { seedDemoTalent } from './demo-talent.ts';
import { createOrganization } from './organizations.ts';
import { addTrustedIssuer } from './trust-registry/manage.ts';

/** Every demo person signs in with this password; printed at start, never used outside demos. */
export const demoPassword = 'skillmark-demo';

type DemoPerson = {
  email: string;
  displayName: string;
  memberOf?: Array<[slug: string, role: OrganizationRole]>;
};

const demoOrganizations: Array<{
  slug: string;
  name: string;
  kind: OrganizationKind;
  url: string;
  email: string;
  description: string;
  owner: string;
}> = [
  {
    slug: 'demo-university',
    name: 'Demo University',
    kind: 'university',
    url: 'https://demo-university.example.org',
    email: 'credentials@demo-university.example.org',
    description:
      'A public research university issuing stackable micro-credentials in data and software engineering.',
    owner: 'grace@demo-university.example.org',
  },
  {
    slug: 'northwind-academy',
    name: 'Northwind Academy',
    kind: 'training-provider',
    url: 'https://northwind-academy.example.com',
    email: 'hello@northwind-academy.example.com',
    description: 'A training company certifying cloud and DevOps skills through hands-on projects.',
    owner: 'katherine@northwind-academy.example.com',
  },
  {
    slug: 'contoso-analytics',
    name: 'Contoso Analytics',
    kind: 'employer',
    url: 'https://contoso-analytics.example.com',
    email: 'talent@contoso-analytics.example.com',
    description: 'An employer hiring data engineers and analysts by verified skills.',
    owner: 'hedy@contoso-analytics.example.com',
  },
];

const demoPeople: DemoPerson[] = [
  { email: 'grace@demo-university.example.org', displayName: 'Grace Hopper' },
  {
    email: 'alan@demo-university.example.org',
    displayName: 'Alan Turing',
    memberOf: [['demo-university', 'issuer']],
  },
  {
    email: 'barbara@demo-university.example.org',
    displayName: 'Barbara Liskov',
    memberOf: [['demo-university', 'assessor']],
  },
  { email: 'katherine@northwind-academy.example.com', displayName: 'Katherine Johnson' },
  { email: 'hedy@contoso-analytics.example.com', displayName: 'Hedy Lamarr' },
  { email: 'ada@example.org', displayName: 'Ada Lovelace' },
  { email: 'mary@example.org', displayName: 'Mary Somerville' },
  { email: 'hasan@example.org', displayName: 'Hasan Ibn al-Haytham' },
  { email: 'emmy@example.org', displayName: 'Emmy Noether' },
];

export type DemoSummary = {
  people: Array<{ email: string; displayName: string; role: string }>;
  password: string;
};

/** Seeds the demo once, into an empty database only; returns `undefined` when it did nothing. */
export async function seedDemo(ctx: ServiceContext): Promise<DemoSummary | undefined> {
  if ((await countAccounts(ctx.db)) > 0) return undefined;
  const accountIds = new Map<string, string>();
  for (const person of demoPeople) {
    const { accountId } = await signUp(ctx, { ...person, password: demoPassword });
    accountIds.set(person.email, accountId);
  }
  for (const { owner, ...organization } of demoOrganizations) {
    const ownerId = accountIds.get(owner)!;
    await createOrganization(
      ctx,
      { kind: 'account', accountId: ownerId, isAdmin: false, memberships: new Map() },
      organization,
    );
  }
  for (const person of demoPeople) {
    for (const [slug, role] of person.memberOf ?? []) {
      const organization = await findOrganizationBySlug(ctx.db, slug);
      await upsertMembership(ctx.db, organization!.id, accountIds.get(person.email)!, role);
    }
  }
  // The operator vouches for Demo University (the verifier names this entry); Northwind Academy
  // is left out, so the demo also shows how a hosted but unvetted issuer reads.
  await addTrustedIssuer(
    ctx,
    { kind: 'admin-token' },
    trustedIssuerInputSchema.parse({
      kind: 'organization',
      organization: 'demo-university',
      name: 'Demo University',
      accreditingBody: 'Demo Quality Assurance Agency (fictional)',
      accreditationId: 'DQAA-2026-001',
      notes: 'Demo data: an institutional accreditation covering its micro-credentials.',
    }),
  );
  const achievements = await seedDemoCredentials(ctx);
  await seedDemoLearning(ctx, {
    organization: 'demo-university',
    achievementId: achievements.get('Data Wrangling with Python')!,
    learners: accountIds,
  });
  await seedDemoGoals(ctx, {
    learnerId: accountIds.get('emmy@example.org')!,
    achievementIds: [achievements.get('Data Wrangling with Python')!],
  });
  await seedDemoTalent(ctx, {
    employer: 'contoso-analytics',
    learnerId: accountIds.get('ada@example.org')!,
    achievementId: achievements.get('Data Wrangling with Python')!,
  });
  return {
    password: demoPassword,
    people: demoPeople.map((person) => ({
      email: person.email,
      displayName: person.displayName,
      role: describeDemoRole(person),
    })),
  };
}

/**
 * Defines the demo micro-credentials and awards some, acting as the platform operator; returns
 * their ids by name.
 */
async function seedDemoCredentials(ctx: ServiceContext): Promise<Map<string, string>> {
  const operator = { kind: 'admin-token' } as const;
  const ids = new Map<string, string>();
  for (const { organization, definition, awardTo } of demoAchievements) {
    const achievement = await createAchievement(ctx, operator, organization, definition);
    ids.set(definition.name, achievement.id);
    for (const email of awardTo)
      await awardAchievement(ctx, operator, achievement.id, { recipient: { email } });
  }
  return ids;
}

function describeDemoRole(person: DemoPerson): string {
  const owned = demoOrganizations.find((organization) => organization.owner === person.email);
  if (owned) return `owner of ${owned.name}`;
  const [membership] = person.memberOf ?? [];
  if (membership)
    return `${membership[1]} at ${demoOrganizations.find((o) => o.slug === membership[0])?.name}`;
  return 'learner';
}
