import { expect } from 'vitest';
import { minimalAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import type { TestApp } from './app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from './factories.ts';
import { insertFramework } from './learning-factories.ts';

/** Three competencies of a local framework: what job profiles and credentials both point at. */
export async function insertTalentSkills(t: TestApp) {
  const { competencies } = await insertFramework(t, {
    statements: ['SQL', 'Python', 'Visualisation'],
  });
  const [sql, python, viz] = competencies as [
    (typeof competencies)[number],
    (typeof competencies)[number],
    (typeof competencies)[number],
  ];
  return { sql, python, viz };
}

/** An achievement aligned to one skill, through the real API. */
export async function createAlignedAchievement(
  t: TestApp,
  issuerToken: string,
  slug: string,
  name: string,
  skill: { uri: string; statement: string },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: {
      ...minimalAchievementDefinition(),
      name,
      alignments: [{ targetName: skill.statement, targetUrl: skill.uri }],
      ...extra,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id.split('/').at(-1);
}

/** Awards an achievement to the learner's address; returns the issued credential's id. */
export async function awardTo(
  t: TestApp,
  issuerToken: string,
  achievementId: string,
  learner: TestPerson,
): Promise<string> {
  const awarded = await t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
    token: issuerToken,
    json: { recipient: { email: learner.email } },
  });
  expect(awarded.status, awarded.text).toBe(201);
  return awarded.json.id.split('/').at(-1) ?? awarded.json.id;
}

export async function optIn(
  t: TestApp,
  learner: TestPerson,
  choices: Record<string, unknown> = {},
) {
  const saved = await t.request('PUT', '/api/v1/learners/me/talent-profile', {
    cookie: learner.cookie,
    headers: sameOrigin,
    json: { optedIn: true, ...choices },
  });
  expect(saved.status, saved.text).toBe(200);
  return saved.json;
}

/** An employer organization whose owner defines a job profile from the given skills. */
export async function createEmployer(
  t: TestApp,
  skills: Array<{ competencyId: string; importance: 'required' | 'nice-to-have' }>,
) {
  const owner = await signUpPerson(t, 'Employer Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner, 'employer');
  const token = (await createToken(t, owner, slug, 'owner')).secret;
  const profile = await t.request('POST', `/api/v1/organizations/${slug}/role-profiles`, {
    token,
    json: { title: 'Data analyst', skills },
  });
  expect(profile.status, profile.text).toBe(201);
  return { owner, slug, token, jobProfileId: profile.json.id as string };
}
