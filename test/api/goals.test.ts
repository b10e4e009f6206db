import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import {
  createAlignedAchievement,
  type EscoSlice,
  seedEscoSlice,
} from '../helpers/goal-factories.ts';

let t: TestApp;
let esco: EscoSlice;
let learner: TestPerson;
let other: TestPerson;
let issuer: { slug: string; token: string };
let rival: { slug: string; token: string };
const ids: Record<string, string> = {};
let goalId: string;

const me = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

beforeAll(async () => {
  t = await createTestApp();
  esco = await seedEscoSlice(t);
  const owner = await signUpPerson(t, 'Issuer Owner');
  issuer = { ...(await createOrganizationOwnedBy(t, owner)), token: '' };
  issuer.token = (await createToken(t, owner, issuer.slug, 'issuer')).secret;
  const rivalOwner = await signUpPerson(t, 'Rival Owner');
  rival = { ...(await createOrganizationOwnedBy(t, rivalOwner)), token: '' };
  rival.token = (await createToken(t, rivalOwner, rival.slug, 'issuer')).secret;

  ids.postgres = await createAlignedAchievement(
    t,
    issuer,
    'PostgreSQL admin',
    [esco.skill.postgres],
    10,
  );
  ids.sqlBasics = await createAlignedAchievement(t, issuer, 'SQL basics', [esco.skill.sql], 20);
  ids.python = await createAlignedAchievement(
    t,
    issuer,
    'Python for data',
    [esco.skill.python, esco.skill.cloud],
    40,
  );
  ids.databases = await createAlignedAchievement(
    t,
    issuer,
    'Databases',
    [esco.skill.databases],
    30,
  );
  ids.rivalAll = await createAlignedAchievement(
    t,
    rival,
    'Everything bootcamp',
    [esco.skill.sql, esco.skill.python, esco.skill.databases],
    200,
  );
  ids.rivalCheapSql = await createAlignedAchievement(t, rival, 'SQL in a day', [esco.skill.sql], 5);

  learner = await signUpPerson(t, 'Learner');
  other = await signUpPerson(t, 'Other Learner');
  const awarded = await t.request('POST', `/api/v1/achievements/${ids.postgres}/awards`, {
    token: issuer.token,
    json: { recipient: { email: learner.email } },
  });
  expect(awarded.status, awarded.text).toBe(201);
});
afterAll(() => t.close());

describe('achievement offers (prerequisites and price)', () => {
  it('lets the issuer set prerequisites and a price, outside the signed credential', async () => {
    const put = await t.request('PUT', `/api/v1/achievements/${ids.python}/offer`, {
      token: issuer.token,
      json: { prerequisiteIds: [ids.sqlBasics], price: { amount: 120.5, currency: 'EUR' } },
    });
    expect(put.status, put.text).toBe(200);
    const get = await t.request('GET', `/api/v1/achievements/${ids.python}/offer`);
    expect(get.json).toEqual({
      achievementId: ids.python,
      prerequisiteIds: [ids.sqlBasics],
      price: { amount: 120.5, currency: 'EUR' },
    });
    const doc = await t.request('GET', `/achievements/${ids.python}`, {
      headers: { accept: 'application/json' },
    });
    expect(doc.text).not.toContain('120.5');
  });

  it("refuses another organization's token, cycles and bad prices", async () => {
    const foreign = await t.request('PUT', `/api/v1/achievements/${ids.python}/offer`, {
      token: rival.token,
      json: { prerequisiteIds: [] },
    });
    expect(foreign.status).toBe(403);
    const cycle = await t.request('PUT', `/api/v1/achievements/${ids.sqlBasics}/offer`, {
      token: issuer.token,
      json: { prerequisiteIds: [ids.python] },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.json.detail).toMatch(/cycle/);
    const price = await t.request('PUT', `/api/v1/achievements/${ids.sqlBasics}/offer`, {
      token: issuer.token,
      json: { price: { amount: -1, currency: 'euro' } },
    });
    expect(price.status).toBe(400);
    expect(price.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('goals', () => {
  it('sets a goal on an ESCO occupation and lists only the learner’s own goals', async () => {
    const anonymous = await t.request('GET', '/api/v1/learners/me/goals');
    expect(anonymous.status).toBe(401);
    const created = await t.request('POST', '/api/v1/learners/me/goals', {
      ...me(learner),
      json: { occupationId: esco.occupationId, statedText: 'data engineer' },
    });
    expect(created.status, created.text).toBe(201);
    goalId = created.json.id;
    expect(created.json.target).toMatchObject({ kind: 'occupation', id: esco.occupationId });
    const mine = await t.request('GET', '/api/v1/learners/me/goals', me(learner));
    expect(mine.json.goals.map((g: { id: string }) => g.id)).toEqual([goalId]);
    const theirs = await t.request('GET', '/api/v1/learners/me/goals', me(other));
    expect(theirs.json.goals).toEqual([]);
  });

  it('turns free text into ranked occupations to choose from', async () => {
    const response = await t.request('POST', '/api/v1/learners/me/goals/understand', {
      ...me(learner),
      json: { text: 'I want to work as a data engineer' },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json.occupations[0].id).toBe(esco.occupationId);
    const anonymous = await t.request('POST', '/api/v1/learners/me/goals/understand', {
      json: { text: 'data engineer' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a goal naming both or neither target, or an unknown occupation', async () => {
    for (const json of [
      {},
      { occupationId: esco.occupationId, roleProfileId: esco.occupationId },
      { occupationId: crypto.randomUUID() },
      { occupationId: esco.occupationId, extra: 1 },
    ]) {
      const response = await t.request('POST', '/api/v1/learners/me/goals', {
        ...me(learner),
        json,
      });
      expect(response.status, JSON.stringify(json)).toBe(400);
    }
  });

  it('computes the gap: the proven narrower PostgreSQL partly covers databases', async () => {
    const response = await t.request('GET', `/api/v1/learners/me/goals/${goalId}/gap`, me(learner));
    expect(response.status, response.text).toBe(200);
    const byLabel = Object.fromEntries(
      response.json.gap.skills.map((s: { label: string; status: string; need: number }) => [
        s.label,
        s,
      ]),
    );
    expect(byLabel.databases).toMatchObject({ status: 'partly-covered', need: 0.5 });
    expect(byLabel.Python).toMatchObject({ status: 'missing', need: 1 });
    expect(byLabel['cloud technologies']).toMatchObject({ status: 'missing', need: 0.3 });
  });

  it("answers 404 for another learner's goal", async () => {
    for (const path of ['gap', 'recommendation']) {
      const response = await t.request(
        'GET',
        `/api/v1/learners/me/goals/${goalId}/${path}`,
        me(other),
      );
      expect(response.status).toBe(404);
    }
    const deleted = await t.request('DELETE', `/api/v1/learners/me/goals/${goalId}`, me(other));
    expect(deleted.status).toBe(404);
    const page = await t.request('GET', `/goals/${goalId}`, { cookie: other.cookie });
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Recommended pathway');
  });

  it('recommends the least-workload pathway with prerequisites first and start links', async () => {
    const response = await t.request(
      'GET',
      `/api/v1/learners/me/goals/${goalId}/recommendation`,
      me(learner),
    );
    expect(response.status, response.text).toBe(200);
    const { recommendation, start } = response.json;
    const steps = recommendation.steps.map((s: { achievementId: string }) => s.achievementId);
    // SQL in a day (5 h) covers SQL more cheaply than SQL basics, but Python for data needs SQL basics.
    expect(steps).toEqual([ids.sqlBasics, ids.python, ids.databases]);
    expect(steps).not.toContain(ids.postgres);
    expect(recommendation.steps[0].reason).toMatch(/Python for data.*builds on it/);
    expect(recommendation.coverage.ofCoverable).toBe(1);
    expect(recommendation.totals.hours).toBe(90);
    expect(recommendation.optimizer.exactCost).toBe(90);
    expect(recommendation.optimizer.optimalityGap).toBeGreaterThanOrEqual(0);
    expect(start[ids.python!]).toMatchObject({ kind: 'details' });
    expect(recommendation.alternatives.length).toBeGreaterThan(0);
  });

  it('excludes issuers, honours a budget and minimizes cost when asked', async () => {
    const base = `/api/v1/learners/me/goals/${goalId}/recommendation`;
    const excluded = await t.request('GET', `${base}?excludeIssuers=${issuer.slug}`, me(learner));
    expect(excluded.status, excluded.text).toBe(200);
    const steps = excluded.json.recommendation.steps.map(
      (s: { achievementId: string }) => s.achievementId,
    );
    expect(steps).toEqual([ids.rivalAll]);
    const budget = await t.request('GET', `${base}?budgetHours=25`, me(learner));
    expect(budget.json.recommendation.totals.hours).toBeLessThanOrEqual(25);
    const cost = await t.request('GET', `${base}?optimize=cost`, me(learner));
    expect(cost.status).toBe(200);
    expect(cost.json.recommendation.totals.amount).toBe(120.5);
  });

  it('answers bad options with a problem naming the field', async () => {
    const base = `/api/v1/learners/me/goals/${goalId}/recommendation`;
    for (const query of [
      'optimize=fastest',
      'budgetHours=-3',
      'currency=euro',
      'excludeIssuers=no-such-issuer',
    ]) {
      const response = await t.request('GET', `${base}?${query}`, me(learner));
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('sees catalog changes at once: an archived achievement leaves the pathway', async () => {
    const base = `/api/v1/learners/me/goals/${goalId}/recommendation?alternatives=0`;
    const before = await t.request('GET', base, me(learner));
    const ids0 = before.json.recommendation.steps.map(
      (s: { achievementId: string }) => s.achievementId,
    );
    expect(ids0).toContain(ids.databases);
    const archived = await t.request('DELETE', `/api/v1/achievements/${ids.databases}`, {
      token: issuer.token,
    });
    expect(archived.status, archived.text).toBe(204);
    const after = await t.request('GET', base, me(learner));
    const ids1 = after.json.recommendation.steps.map(
      (s: { achievementId: string }) => s.achievementId,
    );
    expect(ids1).not.toContain(ids.databases);
    expect(ids1).toContain(ids.rivalAll);
  });

  it('deletes the goal', async () => {
    const deleted = await t.request('DELETE', `/api/v1/learners/me/goals/${goalId}`, me(learner));
    expect(deleted.status).toBe(204);
    const gone = await t.request('GET', `/api/v1/learners/me/goals/${goalId}/gap`, me(learner));
    expect(gone.status).toBe(404);
  });
});
