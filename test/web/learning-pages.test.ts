import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/db/repositories/organizations.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { insertFramework } from '../helpers/learning-factories.ts';

let t: TestApp;
const clock = { now: new Date('2026-06-01T09:00:00Z') };
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let competencyIds: string[];
let quizId: string;
let achievementId: string;

const secretText = 'Quetzalcoatl Falls';
const secretNumber = 73.25;

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return {
    body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:3000',
    },
  };
};
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const get = (person: TestPerson, path: string) => t.request('GET', path, { cookie: person.cookie });
const post = async (person: TestPerson, path: string, fields: Record<string, string | string[]>) =>
  t.request('POST', path, {
    cookie: person.cookie,
    ...form({ _csrf: csrfOf((await get(person, '/learn')).text), ...fields }),
  });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const organization = await findOrganizationBySlug(t.ctx.db, slug);
  competencyIds = (
    await insertFramework(t, {
      organizationId: organization!.id,
      statements: ['Read maps', 'Measure distances'],
    })
  ).competencies.map((c) => c.id);
  const achievement = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: { ...fullAchievementDefinition(), name: 'Orienteering' },
  });
  achievementId = achievement.json.id.split('/').at(-1);
});
afterAll(() => t.close());

describe('issuer quiz pages', () => {
  it('create a quiz and add every kind of question through forms', async () => {
    const created = await post(owner, `/organizations/${slug}/assessments`, {
      title: 'Map reading quiz',
      instructions: 'Use a pencil.',
      passScore: '75',
      timeLimitMinutes: '20',
      maxAttempts: '3',
    });
    expect(created.status, created.text).toBe(303);
    const location = created.headers.get('location')!;
    quizId = location.split('/').at(-1)!;
    const items: Array<Record<string, string>> = [
      {
        kind: 'single',
        competencyId: competencyIds[0]!,
        prompt: 'Which way is north on a map?',
        options: '*Up\nDown\nLeft',
      },
      {
        kind: 'multiple',
        competencyId: competencyIds[0]!,
        prompt: 'Which are map symbols?',
        options: '*Contour line\n*Grid line\nWeather',
      },
      {
        kind: 'numeric',
        competencyId: competencyIds[1]!,
        prompt: 'Distance in km?',
        answer: String(secretNumber),
        tolerance: '0.1',
      },
      {
        kind: 'text',
        competencyId: competencyIds[1]!,
        prompt: 'Name the waterfall.',
        acceptedAnswers: secretText,
      },
    ];
    for (const item of items) {
      const added = await post(owner, `${location}/items`, item);
      expect(added.status, added.text).toBe(201);
    }
    const page = await get(owner, location);
    expect(page.text).toContain('Name the waterfall.');
    expect(page.text).toContain(secretText);
    const invalid = await post(owner, `${location}/items`, {
      kind: 'single',
      competencyId: competencyIds[0]!,
      prompt: 'No correct option',
      options: 'A\nB',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('exactly one correct option');
    const criteria = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: issuerToken,
      json: {
        criteria: competencyIds.map((competencyId) => ({
          competencyId,
          assessmentIds: [quizId],
          cutScore: 0.75,
        })),
      },
    });
    expect(criteria.status, criteria.text).toBe(200);
  });

  it('are closed to learners', async () => {
    const learner = await signUpPerson(t, 'Nosy');
    expect((await get(learner, `/organizations/${slug}/assessments/${quizId}`)).status).toBe(403);
    expect((await get(learner, `/organizations/${slug}/assessments`)).status).toBe(403);
  });
});

describe('learner pages', () => {
  let learner: TestPerson;

  it('take a quiz without JavaScript: start, accessible form without answer keys, result, credential', async () => {
    learner = await signUpPerson(t, 'Hiker');
    const dashboard = await get(learner, '/learn');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('Orienteering');
    expect(dashboard.text).toContain(`href="/assessments/${quizId}"`);

    const start = await get(learner, `/assessments/${quizId}`);
    expect(start.text).toContain('Time limit: 20 minutes');
    const started = await post(learner, `/assessments/${quizId}/attempts`, {});
    expect(started.status).toBe(303);
    const attemptPath = started.headers.get('location')!;
    const page = await get(learner, attemptPath);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(secretText);
    expect(page.text).not.toContain(String(secretNumber));
    expect(page.text.match(/<fieldset/g)).toHaveLength(4);
    expect(page.text.match(/<legend>/g)).toHaveLength(4);
    expect(page.text).toContain('type="radio"');
    expect(page.text).toContain('type="checkbox"');
    expect(page.text).toContain('inputmode="decimal"');

    const bank = await t.request('GET', `/api/v1/assessments/${quizId}/items`, {
      token: issuerToken,
    });
    const fields: Record<string, string | string[]> = {};
    for (const item of bank.json.items) {
      const key = item.answerKey;
      fields[`answer.${item.id}`] =
        item.kind === 'single'
          ? key.correct[0]
          : item.kind === 'multiple'
            ? key.correct
            : item.kind === 'numeric'
              ? String(key.value)
              : key.accepted[0].toLowerCase();
    }
    const submitted = await post(learner, attemptPath, fields);
    expect(submitted.status, submitted.text).toBe(303);
    const result = await get(learner, attemptPath);
    expect(result.text).toContain('Passed');
    expect(result.text).toContain('100%');

    const after = await get(learner, '/learn');
    expect(after.text).toContain('View your credential');
    expect(after.text).toContain('Mastered');
  });

  it('refuse late answers with a clear message', async () => {
    const slow = await signUpPerson(t, 'Slowpoke');
    const started = await post(slow, `/assessments/${quizId}/attempts`, {});
    const attemptPath = started.headers.get('location')!;
    clock.now = new Date(clock.now.getTime() + 60 * 60_000);
    const late = await post(slow, attemptPath, {});
    expect(late.status).toBe(409);
    expect(late.text).toContain('late answers are not accepted');
  });

  it('show the award notification in the development mailbox', async () => {
    const mailbox = await get(learner, '/dev/mailbox');
    expect(mailbox.status).toBe(200);
    expect(mailbox.text).toContain('You earned Orienteering');
    const other = await signUpPerson(t, 'Other');
    expect((await get(other, '/dev/mailbox')).text).not.toContain('You earned Orienteering');
    expect((await t.request('GET', '/dev/mailbox')).status).toBe(303);
  });
});
