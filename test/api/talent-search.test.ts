import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unsignedBadge,
} from '../helpers/factories.ts';
import {
  awardTo,
  createAlignedAchievement,
  createEmployer,
  insertTalentSkills,
  optIn,
} from '../helpers/talent-fixtures.ts';
import { awardIntoWallet } from '../helpers/wallet-fixtures.ts';

/*
 * A fixed data set: one issuer, three skills (SQL and Python required, Visualisation nice to
 * have), learners whose verified credentials cover them differently, and learners who must never
 * appear (no consent, withdrawn, only revoked, expired or unverified credentials).
 */
let t: TestApp;
const searchDay = new Date('2026-05-01T12:00:00Z');
const clock = { now: searchDay };
let skills: Awaited<ReturnType<typeof insertTalentSkills>>;
let issuer: { slug: string; token: string; name: string };
let achievements: Record<'db' | 'py' | 'viz' | 'shortPy', string>;
let employer: Awaited<ReturnType<typeof createEmployer>>;
const people: Record<string, TestPerson> = {};
let withdrawnCandidateId: string;

async function awardAt(day: string, achievement: keyof typeof achievements, learner: TestPerson) {
  clock.now = new Date(`${day}T09:00:00Z`);
  return awardTo(t, issuer.token, achievements[achievement], learner);
}

function search(body: Record<string, unknown>, token = employer.token) {
  return t.request('POST', `/api/v1/organizations/${employer.slug}/talent/search`, {
    token,
    json: body,
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  skills = await insertTalentSkills(t);
  const issuerOwner = await signUpPerson(t, 'Issuer Owner');
  const { slug } = await createOrganizationOwnedBy(t, issuerOwner);
  issuer = {
    slug,
    token: (await createToken(t, issuerOwner, slug, 'issuer')).secret,
    name: `Organization ${slug}`,
  };
  achievements = {
    db: await createAlignedAchievement(t, issuer.token, slug, 'Databases', skills.sql),
    py: await createAlignedAchievement(t, issuer.token, slug, 'Python Programming', skills.python),
    viz: await createAlignedAchievement(t, issuer.token, slug, 'Charts', skills.viz),
    shortPy: await createAlignedAchievement(t, issuer.token, slug, 'Python Sprint', skills.python, {
      validityDays: 30,
    }),
  };
  employer = await createEmployer(t, [
    { competencyId: skills.sql.id, importance: 'required' },
    { competencyId: skills.python.id, importance: 'required' },
    { competencyId: skills.viz.id, importance: 'nice-to-have' },
  ]);
  // Sessions are opened on the search day so they are still fresh when the learners opt in.
  for (const name of ['ana', 'ben', 'cai', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jay'])
    people[name] = await signUpPerson(t, `Learner ${name.toUpperCase()}`);
  const { ana, ben, cai, dan, eve, fay, gus, hal, ivy } = people as Record<string, TestPerson>;
  await awardAt('2026-01-10', 'db', ana!);
  await awardAt('2026-02-10', 'py', ana!);
  await awardAt('2026-03-01', 'db', ben!);
  await awardAt('2026-03-02', 'viz', ben!);
  await awardAt('2026-04-01', 'db', cai!);
  await awardAt('2025-12-01', 'db', dan!);
  await awardAt('2026-04-02', 'db', eve!);
  await awardAt('2026-04-02', 'py', eve!);
  await awardAt('2026-04-03', 'db', fay!);
  await awardAt('2026-04-03', 'py', fay!);
  // gus: a revoked credential, an expired one, and an unsigned import; none of them counts.
  const revoked = await awardAt('2026-02-01', 'py', gus!);
  const status = await t.request('POST', `/api/v1/credentials/${revoked}/status`, {
    token: issuer.token,
    json: { action: 'revoke', reason: 'Issued in error' },
  });
  expect(status.status, status.text).toBe(200);
  await awardAt('2026-01-02', 'shortPy', gus!);
  const forged = unsignedBadge('https://forger.example/issuer', 'Databases');
  (forged.credentialSubject.achievement as Record<string, unknown>).alignment = [
    { type: ['Alignment'], targetName: 'SQL', targetUrl: skills.sql.uri },
  ];
  const imported = await addToWallet(t.ctx, t.ctx.verifyCredential, gus!.accountId, {
    content: JSON.stringify(forged),
    receivedAs: 'json',
    source: 'imported',
  });
  expect(imported.status).not.toBe('valid');
  await awardAt('2026-03-20', 'db', hal!);
  // ivy: a suspended credential, which does not count while suspended.
  clock.now = new Date('2026-03-21T09:00:00Z');
  const suspendable = await t.request('POST', `/api/v1/achievements/${achievements.db}/awards`, {
    token: issuer.token,
    json: { recipient: { email: ivy!.email }, statusPurpose: 'suspension' },
  });
  expect(suspendable.status, suspendable.text).toBe(201);
  const suspended = await t.request(
    'POST',
    `/api/v1/credentials/${suspendable.json.id.split('/').at(-1)}/status`,
    { token: issuer.token, json: { action: 'suspend', reason: 'Under review' } },
  );
  expect(suspended.status, suspended.text).toBe(200);
  clock.now = searchDay;
  await optIn(t, ana!, {
    showName: true,
    headline: 'Secret headline of Ana',
    location: 'Hidden City',
    contactEmail: ana!.email,
  });
  await optIn(t, ben!);
  await optIn(t, cai!, {
    showHeadline: true,
    headline: 'Analyst in training',
    showEmail: true,
    contactEmail: cai!.email,
  });
  await optIn(t, dan!);
  await optIn(t, fay!);
  await optIn(t, gus!);
  await optIn(t, ivy!, { showName: true });
});
afterAll(() => t.close());

describe('consent', () => {
  it('starts off: a learner who never opted in sees every field hidden', async () => {
    const mine = await t.request('GET', '/api/v1/learners/me/talent-profile', {
      cookie: people.eve!.cookie,
    });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ optedIn: false, showName: false, showEmail: false });
  });

  it('refuses a contact address that is not the learner’s own, naming the field', async () => {
    const refused = await t.request('PUT', '/api/v1/learners/me/talent-profile', {
      cookie: people.eve!.cookie,
      headers: sameOrigin,
      json: { optedIn: true, showEmail: true, contactEmail: people.ana!.email },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([expect.objectContaining({ field: 'contactEmail' })]);
  });

  it('withdrawing consent removes the learner from results and their profile at once', async () => {
    const before = await search({ skills: [skills.python.uri] });
    expect(before.status, before.text).toBe(200);
    expect(before.json.candidates.map((c: { name: string | null }) => c.name)).toEqual([
      null,
      'Learner ANA',
    ]);
    withdrawnCandidateId = before.json.candidates[0].candidateId;
    const visible = await t.request(
      'GET',
      `/api/v1/organizations/${employer.slug}/talent/candidates/${withdrawnCandidateId}`,
      { token: employer.token },
    );
    expect(visible.status).toBe(200);
    const withdrawn = await t.request('DELETE', '/api/v1/learners/me/talent-profile', {
      cookie: people.fay!.cookie,
      headers: sameOrigin,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({
      optedIn: false,
      withdrawnAt: '2026-05-01T12:00:00.000Z',
    });
    const after = await search({ skills: [skills.python.uri] });
    expect(after.json.candidates.map((c: { name: string | null }) => c.name)).toEqual([
      'Learner ANA',
    ]);
    const gone = await t.request(
      'GET',
      `/api/v1/organizations/${employer.slug}/talent/candidates/${withdrawnCandidateId}`,
      { token: employer.token },
    );
    expect(gone.status).toBe(404);
  });
});

describe('ranking by a job profile', () => {
  it('ranks by required coverage, then nice-to-have, then recency, with explanations', async () => {
    const found = await search({ jobProfileId: employer.jobProfileId });
    expect(found.status, found.text).toBe(200);
    expect(found.json.jobProfile).toEqual({ id: employer.jobProfileId, title: 'Data analyst' });
    const rows = found.json.candidates.map((c: Record<string, unknown>) => [
      c.name,
      c.headline,
      c.explanation,
    ]);
    const from = `from issuer ${issuer.name}`;
    expect(rows).toEqual([
      [
        'Learner ANA',
        null,
        `2 of 2 required skills proven: SQL by credential Databases ${from}, 2026-01; Python by credential Python Programming ${from}, 2026-02. 0 of 1 nice-to-have skill proven. Not proven: Visualisation.`,
      ],
      [
        null,
        null,
        `1 of 2 required skills proven: SQL by credential Databases ${from}, 2026-03. 1 of 1 nice-to-have skill proven: Visualisation by credential Charts ${from}, 2026-03. Not proven: Python.`,
      ],
      [
        null,
        'Analyst in training',
        `1 of 2 required skills proven: SQL by credential Databases ${from}, 2026-04. 0 of 1 nice-to-have skill proven. Not proven: Python, Visualisation.`,
      ],
      [
        null,
        null,
        `1 of 2 required skills proven: SQL by credential Databases ${from}, 2025-12. 0 of 1 nice-to-have skill proven. Not proven: Python, Visualisation.`,
      ],
    ]);
    expect(found.json.candidates[0].matches[0].evidence).toEqual([
      {
        achievementName: 'Databases',
        issuerId: expect.any(String),
        issuerName: issuer.name,
        issuedOn: '2026-01-10T09:00:00.000Z',
      },
    ]);
  });

  it('never leaks hidden fields, account ids or names of learners who hide them', async () => {
    const found = await search({ jobProfileId: employer.jobProfileId });
    for (const secret of [
      'Secret headline of Ana',
      'Hidden City',
      people.ana!.email,
      people.ana!.accountId,
      'Learner BEN',
      'Learner DAN',
      'Learner EVE',
      'Learner GUS',
      'Learner IVY',
    ])
      expect(found.text).not.toContain(secret);
    expect(found.json.candidates[2].contactEmail).toBe(people.cai!.email);
  });

  it('filters evidence by issuer and recency', async () => {
    const recent = await search({ skills: [skills.sql.uri], issuedSince: '2026-03-15' });
    expect(recent.json.candidates.map((c: { headline: string | null }) => c.headline)).toEqual([
      'Analyst in training',
    ]);
    const elsewhere = await search({ skills: [skills.sql.uri], issuers: ['Nobody Academy'] });
    expect(elsewhere.json.candidates).toEqual([]);
    const byName = await search({ achievements: ['python prog'] });
    expect(byName.json.candidates.map((c: { name: string | null }) => c.name)).toEqual([
      'Learner ANA',
    ]);
  });

  it('lets a learner hide an issuer’s credentials from search', async () => {
    const hal = people.hal!;
    await optIn(t, hal, { showName: true });
    const shown = await search({ skills: [skills.sql.uri] });
    expect(shown.json.candidates.map((c: { name: string | null }) => c.name)).toContain(
      'Learner HAL',
    );
    await optIn(t, hal, {
      showName: true,
      hiddenIssuers: [
        shown.json.candidates.find((c: { name: string | null }) => c.name === 'Learner HAL')
          .matches[0].evidence[0].issuerId,
      ],
    });
    const hidden = await search({ skills: [skills.sql.uri] });
    expect(hidden.json.candidates.map((c: { name: string | null }) => c.name)).not.toContain(
      'Learner HAL',
    );
  });
});

describe('hiding one credential', () => {
  it('keeps a hidden wallet credential out, even though it was issued here to the learner', async () => {
    const jay = people.jay!;
    const { walletId } = await awardIntoWallet(
      t,
      { slug: issuer.slug, token: issuer.token, achievementId: achievements.py },
      jay,
    );
    await optIn(t, jay, { showName: true });
    const shown = await search({ skills: [skills.python.uri] });
    expect(shown.json.candidates.map((c: { name: string | null }) => c.name)).toContain(
      'Learner JAY',
    );
    await optIn(t, jay, { showName: true, hiddenCredentials: [walletId] });
    const hidden = await search({ skills: [skills.python.uri] });
    expect(hidden.json.candidates.map((c: { name: string | null }) => c.name)).not.toContain(
      'Learner JAY',
    );
    await optIn(t, jay, { showName: true, hiddenCredentials: [] });
    const again = await search({ skills: [skills.python.uri] });
    expect(again.json.candidates.map((c: { name: string | null }) => c.name)).toContain(
      'Learner JAY',
    );
    // Withdrawn for the tests below, whose expectations do not include Jay.
    await t.request('DELETE', '/api/v1/learners/me/talent-profile', {
      cookie: jay.cookie,
      headers: sameOrigin,
    });
  });

  it('refuses to hide another learner’s wallet entry', async () => {
    const { walletId } = await awardIntoWallet(
      t,
      { slug: issuer.slug, token: issuer.token, achievementId: achievements.viz },
      people.ana!,
    );
    const refused = await t.request('PUT', '/api/v1/learners/me/talent-profile', {
      cookie: people.jay!.cookie,
      headers: sameOrigin,
      json: { optedIn: false, hiddenCredentials: [walletId] },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([
      { field: 'hiddenCredentials.0', message: 'is not a credential in your wallet' },
    ]);
  });
});

describe('who may search', () => {
  it('refuses anonymous callers, assessors and other organizations', async () => {
    expect(
      (
        await t.request('POST', `/api/v1/organizations/${employer.slug}/talent/search`, {
          json: { skills: ['x'] },
        })
      ).status,
    ).toBe(401);
    const assessor = await createToken(t, employer.owner, employer.slug, 'assessor');
    expect((await search({ skills: [skills.sql.uri] }, assessor.secret)).status).toBe(403);
    const other = await createEmployer(t, [
      { competencyId: skills.sql.id, importance: 'required' },
    ]);
    expect((await search({ skills: [skills.sql.uri] }, other.token)).status).toBe(403);
  });

  it('answers 404 for another organization’s job profile', async () => {
    const other = await createEmployer(t, [
      { competencyId: skills.sql.id, importance: 'required' },
    ]);
    const refused = await search({ jobProfileId: other.jobProfileId });
    expect(refused.status).toBe(404);
  });

  it('explains what is missing when nothing is asked for, and refuses unknown fields', async () => {
    const empty = await search({});
    expect(empty.status).toBe(400);
    expect(empty.json.detail).toMatch(/job profile, skills or credentials/);
    const unknown = await search({ skills: [skills.sql.uri], everyone: true });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ field: 'everyone', message: 'is not a known field' }]);
  });

  it('lets a viewer (recruiter) search; members of the organization via their session too', async () => {
    const recruiter = await signUpPerson(t, 'Recruiter');
    await addMember(t, employer.owner, employer.slug, recruiter, 'viewer');
    const found = await t.request('POST', `/api/v1/organizations/${employer.slug}/talent/search`, {
      cookie: recruiter.cookie,
      headers: sameOrigin,
      json: { jobProfileId: employer.jobProfileId },
    });
    expect(found.status, found.text).toBe(200);
    expect(found.json.candidates).toHaveLength(4);
  });
});

describe('profile views, audit and rate limit', () => {
  it('shows a candidate’s visible profile, records the view for the learner and the audit log', async () => {
    const found = await search({ jobProfileId: employer.jobProfileId });
    const ana = found.json.candidates[0];
    const profile = await t.request(
      'GET',
      `/api/v1/organizations/${employer.slug}/talent/candidates/${ana.candidateId}`,
      { token: employer.token },
    );
    expect(profile.status, profile.text).toBe(200);
    expect(profile.json).toMatchObject({ name: 'Learner ANA', headline: null, contactEmail: null });
    expect(profile.json.skills.map((s: { label: string }) => s.label)).toEqual([
      'Python',
      'SQL',
      'Visualisation',
    ]);
    const views = await t.request('GET', '/api/v1/learners/me/talent-profile/views', {
      cookie: people.ana!.cookie,
    });
    expect(views.json.views[0]).toMatchObject({
      organization: { slug: employer.slug },
      kind: 'profile',
    });
    expect(views.json.views.some((v: { kind: string }) => v.kind === 'search')).toBe(true);
    const audit = await t.request('GET', `/api/v1/organizations/${employer.slug}/audit-events`, {
      token: employer.token,
    });
    const actions = audit.json.events.map((e: { action: string }) => e.action);
    expect(actions).toContain('talent.search');
    expect(actions).toContain('talent.view');
    const searchEvent = audit.json.events.find(
      (e: { action: string }) => e.action === 'talent.search',
    );
    expect(searchEvent.detail.candidates).toContain(ana.candidateId);
  });

  it('answers 404 for a withdrawn or unknown candidate', async () => {
    for (const id of [withdrawnCandidateId, '00000000-0000-4000-8000-000000000000']) {
      const answer = await t.request(
        'GET',
        `/api/v1/organizations/${employer.slug}/talent/candidates/${id}`,
        { token: employer.token },
      );
      expect(answer.status).toBe(404);
    }
  });

  it('rate-limits searches per person and organization', async () => {
    const scraper = await createToken(t, employer.owner, employer.slug, 'viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push((await search({ skills: [skills.sql.uri] }, scraper.secret)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const refused = await search({ skills: [skills.sql.uri] }, scraper.secret);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});
