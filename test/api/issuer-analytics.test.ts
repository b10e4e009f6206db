import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessments,
  competencyEvidence,
  quizAttempts,
  reviews,
  submissions,
} from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { recordCredentialEvent } from '../../src/services/credential-events/record.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { insertFramework, organizationIdOf } from '../helpers/learning-factories.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
const clock = { now: new Date('2026-03-03T09:00:00Z') };
let issuer: IssuerFixture;
let owner: TestPerson;
const learners: TestPerson[] = [];
let sqlCompetency: string;
let chartsCompetency: string;

const at = (iso: string) => new Date(iso);

/**
 * Learning data inserted directly (the learning flows have their own tests): a quiz with pass
 * score 0.7 taken by three learners, and a project reviewed for two.
 */
async function insertLearningData(organizationId: string) {
  const { competencies } = await insertFramework(t, {
    organizationId,
    statements: ['Write SQL joins', '=Draw charts'],
  });
  sqlCompetency = competencies[0]!.id;
  chartsCompetency = competencies[1]!.id;
  const quizId = randomUUID();
  const projectId = randomUUID();
  await t.ctx.db.insert(assessments).values([
    {
      id: quizId,
      organizationId,
      kind: 'quiz',
      title: 'SQL quiz',
      instructions: '-',
      settings: { passScore: 0.7 },
    },
    {
      id: projectId,
      organizationId,
      kind: 'project',
      title: 'Dashboard project',
      instructions: '-',
    },
  ]);
  const [a, b, c] = learners as [TestPerson, TestPerson, TestPerson];
  const attempt = (
    learner: TestPerson,
    n: number,
    started: string,
    submitted: string,
    score: number,
  ) => ({
    id: randomUUID(),
    assessmentId: quizId,
    learnerId: learner.accountId,
    attemptNumber: n,
    form: {},
    startedAt: at(started),
    submittedAt: at(submitted),
    score,
  });
  await t.ctx.db
    .insert(quizAttempts)
    .values([
      attempt(a, 1, '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z', 0.9),
      attempt(b, 1, '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z', 0.5),
      attempt(b, 2, '2026-01-04T10:00:00Z', '2026-01-04T10:30:00Z', 0.8),
      attempt(c, 1, '2026-01-02T10:00:00Z', '2026-01-02T10:30:00Z', 0.2),
    ]);
  const submission = (learner: TestPerson) => ({
    id: randomUUID(),
    assessmentId: projectId,
    learnerId: learner.accountId,
    version: 1,
    text: 'My dashboard',
    status: 'submitted',
    submittedAt: at('2026-01-05T00:00:00Z'),
  });
  const [sa, sb] = [
    { ...submission(a), status: 'accepted' },
    { ...submission(b), status: 'resubmission-requested' },
  ];
  await t.ctx.db.insert(submissions).values([sa, sb]);
  await t.ctx.db.insert(reviews).values([
    {
      id: randomUUID(),
      submissionId: sa.id,
      reviewerId: owner.accountId,
      role: 'assessor',
      decision: 'accept',
      assignedAt: at('2026-01-05T00:00:00Z'),
      completedAt: at('2026-01-08T00:00:00Z'),
    },
    {
      id: randomUUID(),
      submissionId: sb.id,
      reviewerId: owner.accountId,
      role: 'assessor',
      decision: 'resubmit',
      assignedAt: at('2026-01-05T00:00:00Z'),
      completedAt: at('2026-01-06T00:00:00Z'),
    },
  ]);
  const evidence = (
    learner: TestPerson,
    competencyId: string,
    assessmentId: string,
    score: number,
  ) => ({
    id: randomUUID(),
    learnerId: learner.accountId,
    competencyId,
    assessmentId,
    sourceKind: 'quiz-attempt',
    sourceId: randomUUID(),
    score,
    observedAt: at('2026-01-04T00:00:00Z'),
  });
  await t.ctx.db
    .insert(competencyEvidence)
    .values([
      evidence(a, sqlCompetency, quizId, 0.9),
      evidence(b, sqlCompetency, quizId, 0.8),
      evidence(c, sqlCompetency, quizId, 0.2),
      evidence(a, chartsCompetency, projectId, 0.5),
      evidence(b, chartsCompetency, projectId, 0.25),
    ]);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  owner = await signUpPerson(t, 'Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  const token = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  issuer = { slug, token, achievementId: created.json.id.split('/').at(-1) };
  for (const name of ['A', 'B', 'C']) learners.push(await signUpPerson(t, `Learner ${name}`));
  clock.now = at('2026-01-15T10:00:00Z');
  const organizationId = await organizationIdOf(t, issuer.slug);
  // Two credentials issued and claimed in January, one in March, which is shared, verified and revoked.
  await awardIntoWallet(t, issuer, learners[0]!);
  await awardIntoWallet(t, issuer, learners[1]!);
  clock.now = at('2026-03-03T10:00:00Z');
  const { credentialId, walletId } = await awardIntoWallet(t, issuer, learners[2]!);
  const shared = await t.request('POST', `/api/v1/me/credentials/${walletId}/share-links`, {
    cookie: learners[2]!.cookie,
    headers: sameOrigin,
  });
  expect(shared.status, shared.text).toBe(201);
  await recordCredentialEvent(t.ctx.db, {
    type: 'verified',
    issuedCredentialId: credentialId,
    occurredAt: clock.now,
  });
  await recordCredentialEvent(t.ctx.db, {
    type: 'verified',
    issuedCredentialId: credentialId,
    occurredAt: clock.now,
  });
  const revoked = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
    token: issuer.token,
    json: { action: 'revoke', reason: 'issued in error' },
  });
  expect(revoked.status, revoked.text).toBe(200);
  await insertLearningData(organizationId);
  clock.now = at('2026-03-20T10:00:00Z');
});
afterAll(() => t.close());

const analytics = (query = '', token = issuer.token) =>
  t.request('GET', `/api/v1/organizations/${issuer.slug}/analytics${query}`, { token });

describe('issuer analytics', () => {
  it('counts issued, claimed, shared and verified credentials per month', async () => {
    const got = await analytics('?from=2026-01&to=2026-03');
    expect(got.status, got.text).toBe(200);
    expect(
      got.json.months.map((m: Record<string, number | string>) => [
        m.month,
        m.issued,
        m.claimed,
        m.shared,
        m.verified,
        m.revoked,
      ]),
    ).toEqual([
      ['2026-01', 2, 2, 0, 0, 0],
      ['2026-02', 0, 0, 0, 0, 0],
      ['2026-03', 1, 1, 1, 2, 1],
    ]);
    expect(got.json.totals).toMatchObject({ issued: 3, claimed: 3, shared: 1, verified: 2 });
  });

  it('defaults to the last twelve months', async () => {
    const got = await analytics();
    expect(got.json.from).toBe('2025-04');
    expect(got.json.to).toBe('2026-03');
    expect(got.json.months).toHaveLength(12);
  });

  it('gives pass rates and median time to mastery per assessment', async () => {
    const got = await analytics('?from=2026-01&to=2026-03');
    expect(
      got.json.assessments.map((a: Record<string, unknown>) => [
        a.title,
        a.learners,
        a.passed,
        a.medianDaysToMastery,
      ]),
    ).toEqual([
      ['Dashboard project', 2, 1, 3],
      ['SQL quiz', 3, 2, 1.5],
    ]);
    expect(got.json.assessments[1].passRate).toBeCloseTo(2 / 3);
  });

  it('ranks the competencies learners struggle with', async () => {
    const got = await analytics();
    expect(
      got.json.competencies.map((c: Record<string, unknown>) => [
        c.statement,
        c.learners,
        c.reached,
        c.struggleRate,
      ]),
    ).toEqual([
      ['=Draw charts', 2, 0, 1],
      ['Write SQL joins', 3, 2, 1 / 3],
    ]);
  });

  it('downloads each dataset as CSV, defusing formula cells', async () => {
    const events = await analytics('.csv?dataset=events&from=2026-02&to=2026-03');
    expect(events.status, events.text).toBe(200);
    expect(events.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(events.headers.get('content-disposition')).toContain(
      `${issuer.slug}-events-2026-02-2026-03.csv`,
    );
    expect(events.text).toBe(
      'month,issued,claimed,shared,verified,revoked,suspended,reinstated\r\n2026-02,0,0,0,0,0,0,0\r\n2026-03,1,1,1,2,1,0,0\r\n',
    );
    const competencies = await analytics('.csv?dataset=competencies');
    expect(competencies.text).toContain(",'=Draw charts,2,0,1,0.375\r\n");
    const wrong = await analytics('.csv?dataset=everything');
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].field).toBe('query.dataset');
  });

  it('refuses bad ranges with the field named', async () => {
    const reversed = await analytics('?from=2026-05&to=2026-01');
    expect(reversed.status).toBe(400);
    expect(reversed.json.errors).toEqual([{ field: 'from', message: 'must not be after to' }]);
    expect((await analytics('?from=2026-13')).status).toBe(400);
  });

  it('is for owners and issuers only: viewers, assessors, other organizations and strangers are refused', async () => {
    const viewer = await createToken(t, owner, issuer.slug, 'viewer');
    expect((await analytics('', viewer.secret)).status).toBe(403);
    const assessor = await createToken(t, owner, issuer.slug, 'assessor');
    expect((await analytics('', assessor.secret)).status).toBe(403);
    const other = await createIssuer(t);
    expect((await analytics('', other.token)).status).toBe(403);
    const member = await signUpPerson(t, 'Issuer staff');
    await addMember(t, owner, issuer.slug, member, 'issuer');
    const asMember = await t.request('GET', `/api/v1/organizations/${issuer.slug}/analytics`, {
      cookie: member.cookie,
    });
    expect(asMember.status, asMember.text).toBe(200);
    const stranger = await signUpPerson(t, 'Stranger');
    const asStranger = await t.request('GET', `/api/v1/organizations/${issuer.slug}/analytics`, {
      cookie: stranger.cookie,
    });
    expect(asStranger.status).toBe(403);
    expect((await t.request('GET', `/api/v1/organizations/${issuer.slug}/analytics`)).status).toBe(
      401,
    );
  });
});
