import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/services/demo-seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sameOrigin } from '../helpers/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

describe('the demo goal', () => {
  it('shows Emmy a recommendation that starts the data-wrangling quiz', async () => {
    const signIn = await t.request('POST', '/api/v1/sessions', {
      json: { email: 'emmy@example.org', password: demoPassword },
    });
    expect(signIn.status, signIn.text).toBe(200);
    const me = { cookie: signIn.setCookie!.split(';')[0]!, headers: sameOrigin };
    const goals = await t.request('GET', '/api/v1/learners/me/goals', me);
    expect(goals.json.goals).toHaveLength(1);
    const goalId = goals.json.goals[0].id;
    const response = await t.request(
      'GET',
      `/api/v1/learners/me/goals/${goalId}/recommendation`,
      me,
    );
    expect(response.status, response.text).toBe(200);
    const [step] = response.json.recommendation.steps;
    expect(step).toMatchObject({
      name: 'Data Wrangling with Python',
      price: { amount: 490, currency: 'EUR' },
    });
    expect(response.json.start[step.achievementId]).toMatchObject({ kind: 'quiz', method: 'post' });
    const page = await t.request('GET', `/goals/${goalId}`, { cookie: me.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      '<button type="submit">Start "Data Wrangling with Python"</button>',
    );
    const start = response.json.start[step.achievementId];
    expect(page.text).toContain(`action="${start.href}"`);
  });
});
