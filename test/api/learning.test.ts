import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotifications } from '../../src/db/repositories/notifications.ts';
import { assessments, issuedCredentials, submissions } from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { awardEarnedAchievements } from '../../src/services/learning/awarding.ts';
import { recordEvidence } from '../../src/services/learning/evidence.ts';
import {
  createOutbox,
  developmentMailboxSender,
  type NotificationSender,
} from '../../src/services/notifications/outbox.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { insertFramework } from '../helpers/learning-factories.ts';

let t: TestApp;
const clock = { now: new Date('2026-05-01T12:00:00Z') };
const advance = (minutes: number) => {
  clock.now = new Date(clock.now.getTime() + minutes * 60_000);
};

let owner: TestPerson;
let slug: string;
let issuerToken: string;
let otherIssuerToken: string;
let otherSlug: string;
let competencyIds: string[];
let escoCompetencyId: string;
let achievementId: string;
let quizId: string;

/** Values of the answer keys: none may ever reach a learner before (or after) submission. */
const secretText = 'Zanzibar Quokka';
const secretNumber = 42.195;

const post = (path: string, json: unknown, token = issuerToken) =>
  t.request('POST', path, { token, json });
const asLearner = (learner: TestPerson, method: string, path: string, json?: unknown) =>
  t.request(method, path, { cookie: learner.cookie, headers: sameOrigin, json });

async function createQuiz(settings: Record<string, unknown>, title = 'Data basics quiz') {
  const response = await post(`/api/v1/organizations/${slug}/assessments`, {
    kind: 'quiz',
    title,
    instructions: 'Answer every question.',
    competencyIds,
    settings,
  });
  expect(response.status, response.text).toBe(201);
  const id = response.json.id as string;
  const items = [
    {
      kind: 'single',
      competencyId: competencyIds[0],
      prompt: 'Which chart shows a distribution?',
      options: [
        { text: 'Histogram', correct: true },
        { text: 'Pie chart' },
        { text: 'Gantt chart' },
      ],
    },
    {
      kind: 'multiple',
      competencyId: competencyIds[0],
      prompt: 'Which are measures of central tendency?',
      options: [
        { text: 'Mean', correct: true },
        { text: 'Median', correct: true },
        { text: 'Range' },
      ],
    },
    {
      kind: 'numeric',
      competencyId: competencyIds[1],
      prompt: 'How long is a marathon, in kilometres?',
      answer: secretNumber,
      tolerance: 0.01,
    },
    {
      kind: 'text',
      competencyId: competencyIds[1],
      prompt: 'Name the secret animal.',
      acceptedAnswers: [secretText],
    },
  ];
  for (const item of items) {
    const added = await post(`/api/v1/assessments/${id}/items`, item);
    expect(added.status, added.text).toBe(201);
  }
  return id;
}

type FormItem = { itemId: string; kind: string; options?: Array<{ id: string; text: string }> };
type BankItem = { id: string; answerKey: Record<string, unknown> };

async function bankOf(quiz: string): Promise<Map<string, BankItem>> {
  const response = await t.request('GET', `/api/v1/assessments/${quiz}/items`, {
    token: issuerToken,
  });
  expect(response.status).toBe(200);
  return new Map(response.json.items.map((item: BankItem) => [item.id, item]));
}

/** Correct answers for a drawn form, the text one written with other case and spacing. */
function correctAnswers(form: FormItem[], bank: Map<string, BankItem>) {
  return form.map((item) => {
    const key = bank.get(item.itemId)!.answerKey as {
      correct?: string[];
      value?: number;
      accepted?: string[];
    };
    if (item.kind === 'single') return { itemId: item.itemId, value: key.correct![0]! };
    if (item.kind === 'multiple')
      return { itemId: item.itemId, value: [...key.correct!].reverse() };
    if (item.kind === 'numeric') return { itemId: item.itemId, value: key.value! + 0.005 };
    return {
      itemId: item.itemId,
      value: `  ${key.accepted![0]!.toUpperCase().replace(' ', '   ')} `,
    };
  });
}

function wrongAnswers(form: FormItem[]) {
  return form.map((item) => {
    // Options are shuffled per attempt: pick by text, never by position.
    if (item.kind === 'single')
      return { itemId: item.itemId, value: item.options!.find((o) => o.text !== 'Histogram')!.id };
    if (item.kind === 'multiple') return { itemId: item.itemId, value: [] };
    if (item.kind === 'numeric') return { itemId: item.itemId, value: 1 };
    return { itemId: item.itemId, value: 'no idea' };
  });
}

function expectNoAnswerKeys(text: string) {
  expect(text).not.toContain(secretText);
  expect(text).not.toContain(secretText.toLowerCase());
  expect(text).not.toContain(String(secretNumber));
  expect(text).not.toMatch(/answerKey|"accepted"|"tolerance"/);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const otherOwner = await signUpPerson(t, 'Other owner');
  ({ slug: otherSlug } = await createOrganizationOwnedBy(t, otherOwner));
  otherIssuerToken = (await createToken(t, otherOwner, otherSlug, 'issuer')).secret;
  const { findOrganizationBySlug } = await import('../../src/db/repositories/organizations.ts');
  const organization = await findOrganizationBySlug(t.ctx.db, slug);
  const framework = await insertFramework(t, {
    organizationId: organization!.id,
    statements: ['Interpret data distributions', 'Estimate quantities'],
  });
  competencyIds = framework.competencies.map((c) => c.id);
  escoCompetencyId = (await insertFramework(t, { source: 'esco', statements: ['analyse data'] }))
    .competencies[0]!.id;
  const created = await post(`/api/v1/organizations/${slug}/achievements`, {
    ...fullAchievementDefinition(),
    name: 'Data literacy',
  });
  expect(created.status, created.text).toBe(201);
  achievementId = created.json.id.split('/').at(-1);
  quizId = await createQuiz({ timeLimitMinutes: 30, maxAttempts: 5, passScore: 0.75 });
});
afterAll(() => t.close());

describe('criteria', () => {
  it('refuse unknown competencies and assessments of another organization, naming the field', async () => {
    const otherQuiz = await t.request('POST', `/api/v1/organizations/${otherSlug}/assessments`, {
      token: otherIssuerToken,
      json: { kind: 'quiz', title: 'Elsewhere', settings: { passScore: 0.5 } },
    });
    expect(otherQuiz.status, otherQuiz.text).toBe(201);
    const response = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: issuerToken,
      json: {
        criteria: [
          {
            competencyId: '00000000-0000-4000-8000-000000000000',
            assessmentIds: [quizId],
            cutScore: 0.8,
          },
          { competencyId: competencyIds[0], assessmentIds: [otherQuiz.json.id], cutScore: 0.8 },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'criteria.0.competencyId',
      'criteria.1.assessmentIds.0',
    ]);
  });

  it('refuse a rule without a bar, and issuers of other organizations', async () => {
    const noBar = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: issuerToken,
      json: { criteria: [{ competencyId: competencyIds[0], assessmentIds: [quizId] }] },
    });
    expect(noBar.status).toBe(400);
    expect(noBar.json.errors[0].field).toBe('criteria.0.cutScore');
    const foreign = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: otherIssuerToken,
      json: { criteria: [] },
    });
    expect(foreign.status).toBe(403);
  });

  it('are set by issuers and keep the OB3 alignment in sync with their competencies', async () => {
    const withEsco = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: issuerToken,
      json: {
        criteria: [
          { competencyId: competencyIds[0], assessmentIds: [quizId], cutScore: 0.75 },
          { competencyId: escoCompetencyId, assessmentIds: [quizId], cutScore: 0.75 },
        ],
      },
    });
    expect(withEsco.status, withEsco.text).toBe(200);
    let achievement = (await t.request('GET', `/api/v1/achievements/${achievementId}`)).json;
    const escoUri = withEsco.json.criteria.find(
      (c: { competencyId: string }) => c.competencyId === escoCompetencyId,
    ).competency.uri;
    expect(achievement.alignment).toContainEqual(
      expect.objectContaining({ targetUrl: escoUri, targetType: 'ext:EscoSkill' }),
    );
    const response = await t.request('PUT', `/api/v1/achievements/${achievementId}/criteria`, {
      token: issuerToken,
      json: {
        criteria: competencyIds.map((competencyId) => ({
          competencyId,
          assessmentIds: [quizId],
          cutScore: 0.75,
        })),
      },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json.criteria).toHaveLength(2);
    const read = await t.request('GET', `/api/v1/achievements/${achievementId}/criteria`);
    expect(read.json.criteria[0]).toMatchObject({ evidenceCount: 1, cutScore: 0.75 });
    achievement = (await t.request('GET', `/api/v1/achievements/${achievementId}`)).json;
    const urls = achievement.alignment.map((a: { targetUrl: string }) => a.targetUrl);
    expect(urls).not.toContain(escoUri);
    for (const criterion of response.json.criteria) {
      expect(achievement.alignment).toContainEqual(
        expect.objectContaining({ targetUrl: criterion.competency.uri, targetType: 'CFItem' }),
      );
    }
    // Alignments the issuer wrote by hand stay.
    expect(urls).toContain('https://case.example/items/1');
  });
});

describe('quizzes', () => {
  it('send learners a randomized form without answer keys, before and after submission', async () => {
    const learner = await signUpPerson(t, 'Curious');
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    expect(started.status, started.text).toBe(201);
    expect(started.json.form.items).toHaveLength(4);
    expectNoAnswerKeys(started.text);
    expect(started.text).not.toMatch(/"correct"/);
    const again = await asLearner(learner, 'GET', `/api/v1/attempts/${started.json.id}`);
    expectNoAnswerKeys(again.text);
    const resumed = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    expect(resumed.status).toBe(200);
    expect(resumed.json.id).toBe(started.json.id);
    const assessment = await t.request('GET', `/api/v1/assessments/${quizId}`);
    expectNoAnswerKeys(assessment.text);
    const submitted = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${started.json.id}/submission`,
      {
        answers: wrongAnswers(started.json.form.items),
      },
    );
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json.result.score).toBe(0);
    expect(submitted.json.result.items.every((i: { correct: boolean }) => !i.correct)).toBe(true);
    expectNoAnswerKeys(submitted.text);
    const progress = await asLearner(learner, 'GET', '/api/v1/me/progress');
    expectNoAnswerKeys(progress.text);
  });

  it('refuse a score posted by the client as an unknown field', async () => {
    const learner = await signUpPerson(t, 'Cheeky');
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    const response = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${started.json.id}/submission`,
      {
        answers: [],
        score: 1,
      },
    );
    expect(response.status).toBe(400);
    expect(response.json.errors).toContainEqual({
      field: 'score',
      message: 'is not a known field',
    });
    const perItem = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${started.json.id}/submission`,
      {
        answers: [{ itemId: started.json.form.items[0].itemId, value: 'x', correct: true }],
      },
    );
    expect(perItem.status).toBe(400);
  });

  it('refuse submissions after the time limit, and log them for the issuer', async () => {
    const learner = await signUpPerson(t, 'Slow');
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    advance(45);
    const late = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${started.json.id}/submission`,
      {
        answers: [],
      },
    );
    expect(late.status).toBe(409);
    expect(late.json.detail).toMatch(/time limit .* ended/);
    const log = await t.request('GET', `/api/v1/assessments/${quizId}/attempts`, {
      token: issuerToken,
    });
    expect(log.status).toBe(200);
    const entry = log.json.attempts.find((a: { id: string }) => a.id === started.json.id);
    expect(entry.status).toBe('expired');
    expect(entry.log.map((e: { event: string }) => e.event)).toEqual(['started', 'refused-late']);
  });

  it('refuse a second submission, an attempt beyond the limit, and one inside the cool-down', async () => {
    const limited = await createQuiz({ maxAttempts: 1, passScore: 0.5 }, 'One shot');
    const cooled = await createQuiz({ cooldownMinutes: 60, passScore: 0.5 }, 'Cool down');
    const learner = await signUpPerson(t, 'Eager');
    const first = await asLearner(learner, 'POST', `/api/v1/assessments/${limited}/attempts`);
    const answers = { answers: wrongAnswers(first.json.form.items) };
    expect(
      (await asLearner(learner, 'POST', `/api/v1/attempts/${first.json.id}/submission`, answers))
        .status,
    ).toBe(200);
    const twice = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${first.json.id}/submission`,
      answers,
    );
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toMatch(/already submitted/);
    const beyond = await asLearner(learner, 'POST', `/api/v1/assessments/${limited}/attempts`);
    expect(beyond.status).toBe(403);
    expect(beyond.json.detail).toMatch(/used all 1 attempt/);

    const one = await asLearner(learner, 'POST', `/api/v1/assessments/${cooled}/attempts`);
    await asLearner(learner, 'POST', `/api/v1/attempts/${one.json.id}/submission`, {
      answers: wrongAnswers(one.json.form.items),
    });
    const tooSoon = await asLearner(learner, 'POST', `/api/v1/assessments/${cooled}/attempts`);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json.detail).toMatch(/cool-down of 60 minutes/);
    advance(61);
    expect(
      (await asLearner(learner, 'POST', `/api/v1/assessments/${cooled}/attempts`)).status,
    ).toBe(201);
  });

  it('are taken only by people: tokens cannot start attempts, strangers cannot read them', async () => {
    expect((await post(`/api/v1/assessments/${quizId}/attempts`, undefined)).status).toBe(403);
    const learner = await signUpPerson(t, 'Private');
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    const stranger = await signUpPerson(t, 'Stranger');
    expect((await asLearner(stranger, 'GET', `/api/v1/attempts/${started.json.id}`)).status).toBe(
      404,
    );
    expect((await t.request('GET', `/api/v1/attempts/${started.json.id}`)).status).toBe(401);
  });

  it("keep each organization's attempt log and item bank from issuers of other organizations", async () => {
    for (const path of [
      `/api/v1/assessments/${quizId}/attempts`,
      `/api/v1/assessments/${quizId}/items`,
    ])
      expect((await t.request('GET', path, { token: otherIssuerToken })).status).toBe(403);
    const learner = await signUpPerson(t, 'Watched');
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    expect(
      (await t.request('GET', `/api/v1/attempts/${started.json.id}`, { token: otherIssuerToken }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/attempts/${started.json.id}`, { token: issuerToken }))
        .status,
    ).toBe(200);
  });
});

describe('mastery and automatic awarding', () => {
  let learner: TestPerson;
  let credentialId: string;

  it('a passing attempt becomes evidence, then mastery, then a credential that verifies', async () => {
    learner = await signUpPerson(t, 'Ada');
    const before = await asLearner(learner, 'GET', '/api/v1/me/progress');
    const mine = () => before.json.achievements.find((a: { id: string }) => a.id === achievementId);
    expect(mine().competencies.map((c: { state: string }) => c.state)).toEqual([
      'not-started',
      'not-started',
    ]);
    expect(mine().nextStep).toMatchObject({ id: quizId, kind: 'quiz' });

    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    const answers = correctAnswers(started.json.form.items, await bankOf(quizId));
    const submitted = await asLearner(
      learner,
      'POST',
      `/api/v1/attempts/${started.json.id}/submission`,
      {
        answers,
      },
    );
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json.result).toMatchObject({ score: 1, passed: true });
    expect(submitted.json.result.subScores).toHaveLength(2);

    const progress = await asLearner(learner, 'GET', '/api/v1/me/progress');
    const achievement = progress.json.achievements.find(
      (a: { id: string }) => a.id === achievementId,
    );
    expect(achievement.competencies.map((c: { state: string }) => c.state)).toEqual([
      'mastered',
      'mastered',
    ]);
    expect(achievement.earned).not.toBeNull();
    expect(achievement.nextStep).toBeNull();
    expect(progress.json.milestones.credentialsEarned).toBe(1);
    credentialId = achievement.earned.credentialId;

    const signed = await t.request('GET', `/credentials/${credentialId}`);
    const credential = JSON.parse(signed.text);
    expect(credential.credentialSubject.result.map((r: { value: string }) => r.value)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Interpret data distributions: mastered \(best score 100%\)/),
      ]),
    );
    expect(credential.evidence[0].name).toBe('Quiz: Data basics quiz');
    expect(credential.credentialSubject.achievement.alignment.length).toBeGreaterThanOrEqual(2);
    const verified = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: credential },
    });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.json.verified).toBe(true);

    const notifications = await listNotifications(t.ctx.db, { accountId: learner.accountId });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: 'credential-awarded',
      email: learner.email,
      sentAt: null,
    });
    expect(notifications[0]!.link).toContain(credentialId);
  });

  it('a second passing attempt, or concurrent checks, never award twice', async () => {
    advance(1);
    const started = await asLearner(learner, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    const answers = correctAnswers(started.json.form.items, await bankOf(quizId));
    expect(
      (
        await asLearner(learner, 'POST', `/api/v1/attempts/${started.json.id}/submission`, {
          answers,
        })
      ).status,
    ).toBe(200);
    const issued = await Promise.all([
      awardEarnedAchievements(t.ctx, t.ctx.db, learner.accountId, competencyIds),
      awardEarnedAchievements(t.ctx, t.ctx.db, learner.accountId, competencyIds),
    ]);
    expect(issued.flat()).toEqual([]);
    const rows = await t.ctx.db
      .select()
      .from(issuedCredentials)
      .where(eq(issuedCredentials.achievementId, achievementId));
    expect(rows.filter((r) => r.recipientEmail === learner.email)).toHaveLength(1);
    expect(await listNotifications(t.ctx.db, { accountId: learner.accountId })).toHaveLength(1);
  });

  it('the notification is stored even when sending fails, and retried with back-off', async () => {
    const failing: NotificationSender = {
      name: 'broken-smtp',
      async send() {
        throw new Error('connection refused');
      },
    };
    const first = await createOutbox(t.ctx, failing).deliverDue();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    let [stored] = await listNotifications(t.ctx.db, { accountId: learner.accountId });
    expect(stored).toMatchObject({ sentAt: null, attempts: 1, lastError: 'connection refused' });
    expect(stored!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now.getTime());
    // Not due yet: nothing is tried again before the back-off ends.
    expect((await createOutbox(t.ctx, developmentMailboxSender).deliverDue()).sent).toBe(0);
    advance(10);
    expect(
      (await createOutbox(t.ctx, developmentMailboxSender).deliverDue()).sent,
    ).toBeGreaterThanOrEqual(1);
    [stored] = await listNotifications(t.ctx.db, { accountId: learner.accountId });
    expect(stored).toMatchObject({ attempts: 2, lastError: null });
    expect(stored!.sentAt).not.toBeNull();
  });

  it('rubric evidence from the projects side awards too, linking only work the learner agreed to show', async () => {
    const { findOrganizationBySlug } = await import('../../src/db/repositories/organizations.ts');
    const organization = (await findOrganizationBySlug(t.ctx.db, slug))!;
    const projectId = randomUUID();
    await t.ctx.db.insert(assessments).values({
      id: projectId,
      organizationId: organization.id,
      kind: 'project',
      title: 'Capstone',
      instructions: 'Build a dashboard.',
    });
    const project = await post(`/api/v1/organizations/${slug}/achievements`, {
      ...fullAchievementDefinition(),
      name: 'Data storytelling',
    });
    const projectAchievement = project.json.id.split('/').at(-1);
    const criteria = await t.request('PUT', `/api/v1/achievements/${projectAchievement}/criteria`, {
      token: issuerToken,
      json: {
        criteria: [
          {
            competencyId: competencyIds[0],
            assessmentIds: [projectId, quizId],
            minimumLevel: 3,
            cutScore: 0.75,
            evidenceCount: 2,
          },
        ],
      },
    });
    expect(criteria.status, criteria.text).toBe(200);
    const author = await signUpPerson(t, 'Grace');
    const submit = async (share: boolean, level: number) => {
      const id = randomUUID();
      await t.ctx.db.insert(submissions).values({
        id,
        assessmentId: projectId,
        learnerId: author.accountId,
        version: level,
        text: 'My dashboard',
        status: 'accepted',
        shareAsEvidence: share,
        submittedAt: clock.now,
      });
      await recordEvidence(t.ctx, t.ctx.db, [
        {
          learnerId: author.accountId,
          competencyId: competencyIds[0]!,
          assessmentId: projectId,
          sourceKind: 'submission',
          sourceId: id,
          score: level / 4,
          level,
          observedAt: clock.now,
        },
      ]);
      return id;
    };
    await submit(true, 2);
    const shared = await submit(true, 3);
    // One independent piece (the project) is not enough: the rule asks for two assessments.
    let progress = await asLearner(author, 'GET', '/api/v1/me/progress');
    let mine = progress.json.achievements.find((a: { id: string }) => a.id === projectAchievement);
    expect(mine.competencies[0]).toMatchObject({ state: 'in-progress', remaining: { pieces: 1 } });
    expect(mine.nextStep.id).toBe(quizId);

    const started = await asLearner(author, 'POST', `/api/v1/assessments/${quizId}/attempts`);
    await asLearner(author, 'POST', `/api/v1/attempts/${started.json.id}/submission`, {
      answers: correctAnswers(started.json.form.items, await bankOf(quizId)),
    });
    progress = await asLearner(author, 'GET', '/api/v1/me/progress');
    mine = progress.json.achievements.find((a: { id: string }) => a.id === projectAchievement);
    expect(mine.earned).not.toBeNull();
    const credential = JSON.parse(
      (await t.request('GET', `/credentials/${mine.earned.credentialId}`)).text,
    );
    expect(credential.evidence).toContainEqual(
      expect.objectContaining({
        id: `${t.ctx.publicUrl}/submissions/${shared}`,
        name: 'Accepted work: Capstone',
      }),
    );
    expect(credential.credentialSubject.result[0].value).toMatch(/rubric level 3/);
  });

  it('work the learner did not agree to show is never linked', async () => {
    const { awardContent } = await import('../../src/services/learning/awarding.ts');
    const hidden = randomUUID();
    const progress = {
      competencies: [
        {
          criterion: {
            competencyId: competencyIds[0]!,
            rule: { assessmentIds: [quizId], minimumLevel: 1, evidenceCount: 1 },
          },
          mastery: {
            state: 'mastered' as const,
            evidence: [],
            qualifying: [
              {
                id: randomUUID(),
                assessmentId: quizId,
                sourceKind: 'submission' as const,
                sourceId: hidden,
                score: 1,
                level: 4,
                observedAt: clock.now,
              },
            ],
            bestScore: 1,
            remaining: { pieces: 0, assessmentIds: [] },
          },
        },
      ],
      mastered: 1,
      total: 1,
      complete: true,
    };
    const content = await awardContent(t.ctx, t.ctx.db, learner.accountId, progress, {
      competencies: new Map(),
      assessments: new Map(),
    } as never);
    expect(content.evidence).toEqual([]);
  });
});
