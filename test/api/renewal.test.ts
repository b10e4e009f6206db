import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueJobs, listJobsByDedupePrefix } from '../../src/db/repositories/jobs.ts';
import {
  assessments,
  competencyEvidence,
  credentialRenewals,
  issuedCredentials,
  notifications,
} from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createJobRunner } from '../../src/services/jobs/runner.ts';
import {
  renewalJobHandlers,
  scheduleExpiryReminders,
} from '../../src/services/renewal/reminders.ts';
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

const DAY = 86_400_000;
const issuedAt = new Date('2026-01-01T12:00:00Z');
const clock = { now: issuedAt };
const at = (date: Date) => {
  clock.now = date;
};

let t: TestApp;
let owner: TestPerson;
let issuerToken: string;
let orgSlug: string;
let achievementId: string;
let assessmentId: string;
let competencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  owner = await signUpPerson(t, 'Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  orgSlug = slug;
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const organizationId = await organizationIdOf(t, slug);
  const framework = await insertFramework(t, { organizationId, statements: ['First aid'] });
  competencyId = framework.competencies[0]!.id;
  assessmentId = randomUUID();
  await t.ctx.db.insert(assessments).values({
    id: assessmentId,
    organizationId,
    kind: 'quiz',
    title: 'First aid refresher',
    instructions: 'Answer every question.',
  });
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: {
      ...fullAchievementDefinition(),
      validityDays: 365,
      recertification: {
        assessmentIds: [assessmentId],
        cutScore: 0.8,
        continuingEducationHours: 10,
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

/** A learner with an account, awarded the achievement at `issuedAt`. */
async function awardedLearner() {
  at(issuedAt);
  const learner = await signUpPerson(t, 'Learner');
  const response = await t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
    token: issuerToken,
    json: { recipient: { email: learner.email } },
  });
  expect(response.status, response.text).toBe(201);
  const credentialId: string = response.json.id;
  const validUntil = new Date(response.json.verifiableCredential.validUntil);
  return { learner, credentialId, validUntil };
}

async function remindersTo(accountId: string, kind = 'credential-expiry-reminder') {
  const rows = await t.ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, accountId));
  return rows.filter((row) => row.kind === kind);
}

async function issuerRemindersAbout(email: string) {
  return (await remindersTo(owner.accountId, 'credential-expiry-reminder-issuer')).filter((row) =>
    row.body.includes(email),
  );
}

/** Sessions expire; after the clock jumps months ahead the person signs in again. */
async function signIn(person: TestPerson): Promise<TestPerson> {
  const response = await t.request('POST', '/api/v1/sessions', {
    json: { email: person.email, password: person.password },
  });
  expect(response.status, response.text).toBe(200);
  return { ...person, cookie: response.setCookie!.split(';')[0]! };
}

const runner = () => createJobRunner(t.ctx, renewalJobHandlers, { leaseMs: 60_000 });

describe('expiry reminders', () => {
  it('are sent once each, to the learner and the owners, across a simulated restart', async () => {
    const { learner, credentialId, validUntil } = await awardedLearner();
    const planned = await listJobsByDedupePrefix(t.ctx.db, `reminder:${credentialId}:`);
    expect(planned.map((job) => job.dedupeKey)).toEqual(
      [90, 30, 7].map((d) => `reminder:${credentialId}:${d}`),
    );
    // Planning again (a retried issuing step) plans nothing new.
    await scheduleExpiryReminders(t.ctx, t.ctx.db, { id: credentialId, validUntil, issuedAt });
    expect(await listJobsByDedupePrefix(t.ctx.db, `reminder:${credentialId}:`)).toHaveLength(3);

    const first = runner();
    at(new Date(validUntil.getTime() - 89 * DAY));
    await first.runDue();
    await first.runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(1);

    // Restart: the first runner is gone; a new one, after downtime past both other reminders.
    const second = runner();
    at(new Date(validUntil.getTime() - 6 * DAY));
    // Both runners (as on two app servers) race for the due reminders.
    await Promise.all([second.runDue(), first.runDue()]);
    await second.runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(3);
    expect(await issuerRemindersAbout(learner.email)).toHaveLength(3);
    const links = (await remindersTo(learner.accountId)).map((row) => row.link);
    expect(links.every((link) => link === `${t.ctx.publicUrl}/renewals`)).toBe(true);
    const jobs = await listJobsByDedupePrefix(t.ctx.db, `reminder:${credentialId}:`);
    expect(jobs.map((job) => job.status)).toEqual(['done', 'done', 'done']);
  });

  it('of a job whose worker crashed are retried after its lease, and still sent once', async () => {
    const { learner, credentialId, validUntil } = await awardedLearner();
    at(new Date(validUntil.getTime() - 89 * DAY));
    // A worker claims the due reminder, then dies without finishing it.
    const claimed = await claimDueJobs(
      t.ctx.db,
      clock.now,
      50,
      new Date(clock.now.getTime() + 60_000),
    );
    expect(claimed.map((job) => job.dedupeKey)).toContain(`reminder:${credentialId}:90`);
    const survivor = runner();
    await survivor.runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(0);
    at(new Date(clock.now.getTime() + 61_000));
    await survivor.runDue();
    await survivor.runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(1);
    const [job] = await listJobsByDedupePrefix(t.ctx.db, `reminder:${credentialId}:90`);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('are not sent for a revoked credential', async () => {
    const { learner, credentialId, validUntil } = await awardedLearner();
    const revoked = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: issuerToken,
      json: { action: 'revoke', reason: 'awarded by mistake' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    at(new Date(validUntil.getTime() - DAY));
    await runner().runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(0);
    expect(await issuerRemindersAbout(learner.email)).toHaveLength(0);
  });

  it('a job that fails is retried with back-off and not lost', async () => {
    let failures = 1;
    const flaky = createJobRunner(
      t.ctx,
      {
        'test-flaky': async () => {
          if (failures-- > 0) throw new Error('mail server down');
        },
      },
      { leaseMs: 60_000, baseDelayMs: 30_000 },
    );
    const { scheduleJob } = await import('../../src/services/jobs/runner.ts');
    const key = `test:${randomUUID()}`;
    await scheduleJob(t.ctx.db, {
      kind: 'test-flaky',
      payload: {},
      runAt: clock.now,
      dedupeKey: key,
    });
    expect(await flaky.runDue()).toMatchObject({ failed: 1 });
    at(new Date(clock.now.getTime() + 31_000));
    await flaky.runDue();
    const [job] = await listJobsByDedupePrefix(t.ctx.db, key);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });
});

describe('recertification', () => {
  const renew = (learner: TestPerson, credentialId: string, json: unknown) =>
    t.request('POST', `/api/v1/me/renewals/${credentialId}`, {
      cookie: learner.cookie,
      headers: sameOrigin,
      json,
    });

  it('by assessment issues a new credential that references its predecessor, verifies, and only once', async () => {
    const awarded = await awardedLearner();
    const { credentialId, validUntil } = awarded;
    at(new Date(validUntil.getTime() - 200 * DAY));
    let learner = await signIn(awarded.learner);
    expect((await renew(learner, credentialId, { kind: 'assessment' })).status).toBe(409);

    at(new Date(validUntil.getTime() - 20 * DAY));
    learner = await signIn(learner);
    const listed = await t.request('GET', '/api/v1/me/renewals', { cookie: learner.cookie });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.renewals).toEqual([
      expect.objectContaining({
        credentialId,
        state: 'expiring',
        eligible: true,
        routes: ['assessment', 'continuing-education'],
      }),
    ]);
    // An attempt below the cut score does not renew.
    const attempt = async (score: number) =>
      t.ctx.db.insert(competencyEvidence).values({
        id: randomUUID(),
        learnerId: learner.accountId,
        competencyId,
        assessmentId,
        sourceKind: 'quiz-attempt',
        sourceId: randomUUID(),
        score,
        observedAt: clock.now,
      });
    await attempt(0.5);
    const refused = await renew(learner, credentialId, { kind: 'assessment' });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json.detail).toContain('80%');
    await attempt(0.9);
    const renewed = await renew(learner, credentialId, { kind: 'assessment' });
    expect(renewed.status, renewed.text).toBe(201);
    const newId: string = renewed.json.credentialId;

    const [row] = await t.ctx.db
      .select()
      .from(issuedCredentials)
      .where(eq(issuedCredentials.id, newId));
    const signed = JSON.parse(row!.signed);
    const predecessorUrl = `${t.ctx.publicUrl}/credentials/${credentialId}`;
    expect(signed.evidence).toContainEqual(
      expect.objectContaining({ id: predecessorUrl, type: ['Evidence'] }),
    );
    expect(new Date(signed.validUntil).getTime()).toBe(clock.now.getTime() + 365 * DAY);
    const links = await t.ctx.db
      .select()
      .from(credentialRenewals)
      .where(eq(credentialRenewals.predecessorCredentialId, credentialId));
    expect(links).toEqual([expect.objectContaining({ renewedCredentialId: newId })]);
    const verified = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: signed },
    });
    expect(verified.json.verified, verified.text).toBe(true);
    // The renewal plans its own reminders.
    expect(await listJobsByDedupePrefix(t.ctx.db, `reminder:${newId}:`)).toHaveLength(3);

    const again = await renew(learner, credentialId, { kind: 'assessment' });
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain('already been renewed');
    // Renewed credentials get no further reminders.
    at(new Date(validUntil.getTime() - DAY));
    await runner().runDue();
    expect(await remindersTo(learner.accountId)).toHaveLength(0);
  });

  it('by continuing education waits for an issuer or assessor to approve, even after expiry', async () => {
    const awarded = await awardedLearner();
    const { credentialId, validUntil } = awarded;
    at(new Date(validUntil.getTime() + 5 * DAY));
    const learner = await signIn(awarded.learner);
    const tooFew = await renew(learner, credentialId, {
      kind: 'continuing-education',
      hours: 4,
      description: 'Workshop',
    });
    expect(tooFew.status, tooFew.text).toBe(400);
    const claimed = await renew(learner, credentialId, {
      kind: 'continuing-education',
      hours: 12,
      description: 'Advanced first aid course, Red Cross',
      link: 'https://redcross.example/certificates/123',
    });
    expect(claimed.status, claimed.text).toBe(202);
    const listed = await t.request('GET', '/api/v1/me/renewals', { cookie: learner.cookie });
    expect(listed.json.renewals[0]).toMatchObject({
      state: 'expired',
      pendingClaim: { hours: 12 },
    });

    // The learner may not approve their own claim.
    const self = await t.request('POST', `/api/v1/renewals/${credentialId}/approve`, {
      cookie: learner.cookie,
      headers: sameOrigin,
    });
    expect(self.status).toBe(403);
    const assessor = await signUpPerson(t, 'Assessor');
    await addMember(t, await signIn(owner), orgSlug, assessor, 'assessor');
    const approved = await t.request('POST', `/api/v1/renewals/${credentialId}/approve`, {
      cookie: assessor.cookie,
      headers: sameOrigin,
    });
    expect(approved.status, approved.text).toBe(201);
    const second = await t.request('POST', `/api/v1/renewals/${credentialId}/approve`, {
      token: issuerToken,
    });
    expect(second.status).toBe(409);
    const after = await t.request('GET', '/api/v1/me/renewals', { cookie: learner.cookie });
    expect(after.json.renewals[0]).toMatchObject({
      renewedBy: approved.json.credentialId,
      eligible: false,
      pendingClaim: null,
    });
  });
});

describe('renewals page', () => {
  it('lists an expiring credential with its renewal forms and takes a continuing-education claim', async () => {
    const awarded = await awardedLearner();
    at(new Date(awarded.validUntil.getTime() - 10 * DAY));
    const learner = await signIn(awarded.learner);
    const page = await t.request('GET', '/renewals', { cookie: learner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Check my recertification assessment');
    expect(page.text).toContain(`/assessments/${assessmentId}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const post = (body: Record<string, string>) =>
      t.request('POST', `/renewals/${awarded.credentialId}/continuing-education`, {
        cookie: learner.cookie,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameOrigin },
        body: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
      });
    const missing = await post({ hours: '12', description: '' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('aria-invalid="true"');
    const claimed = await post({ hours: '12', description: 'Night course' });
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.text).toContain('awaits review');
    expect((await t.request('GET', '/renewals')).status).toBe(303);
  });
});
