import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { issuedCredentials, pathwayCompletions } from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
let slug: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await signUpPerson(t, 'Pathway Owner');
  slug = (await createOrganizationOwnedBy(t, owner)).slug;
  token = (await createToken(t, owner, slug, 'issuer')).secret;
});
afterAll(() => t.close());

async function defineAchievement(orgSlug: string, orgToken: string, name: string, ects: number) {
  const created = await t.request('POST', `/api/v1/organizations/${orgSlug}/achievements`, {
    token: orgToken,
    json: { ...fullAchievementDefinition(), name, creditsAvailable: ects },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id.split('/').at(-1) as string;
}

const award = (achievementId: string, learner: TestPerson, bearer = token) =>
  t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
    token: bearer,
    json: { recipient: { email: learner.email } },
  });

const createPathway = (json: unknown) =>
  t.request('POST', `/api/v1/organizations/${slug}/pathways`, { token, json });

const leaf = (achievementId: string) => ({ kind: 'achievement', achievementId });

async function pathwayCredentials(achievementId: string) {
  return t.ctx.db
    .select()
    .from(issuedCredentials)
    .where(eq(issuedCredentials.achievementId, achievementId));
}

describe('a 3-level pathway with n-of-m and ECTS rules', () => {
  it('completes and issues its credential exactly once, even when two awards arrive together', async () => {
    const [a1, a2, a3, a4, certificate] = await Promise.all([
      defineAchievement(slug, token, 'Data basics', 5),
      defineAchievement(slug, token, 'Statistics', 5),
      defineAchievement(slug, token, 'Machine learning', 10),
      defineAchievement(slug, token, 'Ethics', 2),
      defineAchievement(slug, token, 'Data science certificate', 17),
    ]);
    const created = await createPathway({
      title: 'Data science certificate',
      description: 'Three micro-credentials stack into a certificate.',
      achievementId: certificate,
      requirement: {
        kind: 'all-of',
        of: [
          leaf(a1),
          {
            kind: 'n-of',
            n: 1,
            of: [leaf(a2), { kind: 'min-ects', ects: 12, of: [leaf(a3), leaf(a4)] }],
          },
        ],
      },
    });
    expect(created.status, created.text).toBe(201);
    const pathwayId = created.json.id as string;

    const learner = await signUpPerson(t, 'Stacy Stacker');
    expect((await award(a1, learner)).status).toBe(201);
    expect((await award(a3, learner)).status).toBe(201);
    const partial = await t.request('GET', `/api/v1/me/pathways/${pathwayId}`, {
      cookie: learner.cookie,
    });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.json.met).toBe(false);
    expect(partial.json.percentage).toBe(91);
    expect(partial.json.remaining.map((r: { label: string }) => r.label)).toEqual([
      'Statistics',
      'Ethics',
    ]);
    expect(partial.json.remaining[0].workload).toMatchObject({ ects: 5, hours: 60 });
    expect(await pathwayCredentials(certificate)).toHaveLength(0);

    // Either award completes the pathway; both arrive at once.
    const [x, y] = await Promise.all([award(a4, learner), award(a2, learner)]);
    expect([x.status, y.status]).toEqual([201, 201]);

    const completions = await t.ctx.db
      .select()
      .from(pathwayCompletions)
      .where(
        and(
          eq(pathwayCompletions.pathwayId, pathwayId),
          eq(pathwayCompletions.accountId, learner.accountId),
        ),
      );
    expect(completions).toHaveLength(1);
    const issued = await pathwayCredentials(certificate);
    expect(issued).toHaveLength(1);
    expect(completions[0]!.issuedCredentialId).toBe(issued[0]!.id);

    // The pathway credential references its component credentials as OB3 evidence, and verifies.
    const credential = JSON.parse(issued[0]!.signed);
    const evidence = credential.evidence as Array<{ id?: string; type: string[] }>;
    expect(evidence.length).toBeGreaterThanOrEqual(2);
    for (const e of evidence) {
      expect(e.type).toEqual(['Evidence']);
      expect(e.id).toMatch(/^http:\/\/localhost:3000\/credentials\/[0-9a-f-]{36}$/);
    }
    const verification = await t.ctx.verifyCredential(issued[0]!.signed);
    expect(
      verification.checks.filter((c) => c.outcome === 'failed'),
      JSON.stringify(verification.checks),
    ).toEqual([]);
    expect(verification.checks.find((c) => c.check === 'schema')?.outcome).toBe('passed');

    const done = await t.request('GET', `/api/v1/me/pathways/${pathwayId}`, {
      cookie: learner.cookie,
    });
    expect(done.json).toMatchObject({ met: true, percentage: 100 });
    expect(done.json.completion.credentialUrl).toBe(
      `http://localhost:3000/credentials/${issued[0]!.id}`,
    );
    // Opening the map again, or another award, never issues a second one.
    await award(a1, learner);
    expect(await pathwayCredentials(certificate)).toHaveLength(1);
  });
});

describe('recognition of prior learning', () => {
  it('counts an imported credential from another issuer only once it verifies, and the issuer sees it', async () => {
    const otherOwner = await signUpPerson(t, 'Other Issuer');
    const other = (await createOrganizationOwnedBy(t, otherOwner)).slug;
    const otherToken = (await createToken(t, otherOwner, other, 'issuer')).secret;
    const externalAchievement = await defineAchievement(other, otherToken, 'Python (elsewhere)', 5);

    const ours = await defineAchievement(slug, token, 'Python programming', 5);
    const base = await defineAchievement(slug, token, 'Orientation', 1);
    const badge = await defineAchievement(slug, token, 'Programming starter', 6);
    const created = await createPathway({
      title: 'Programming starter',
      achievementId: badge,
      requirement: { kind: 'all-of', of: [leaf(base), leaf(ours)] },
    });
    expect(created.status, created.text).toBe(201);
    const pathwayId = created.json.id as string;

    const learner = await signUpPerson(t, 'Rita Recognized');
    // The other issuer's credential, as the learner received it from them.
    const external = await award(externalAchievement, learner, otherToken);
    expect(external.status, external.text).toBe(201);
    const content = (await findIssuedCredential(t.ctx.db, external.json.id))!.signed;
    const document = JSON.parse(content);
    const issuerId = typeof document.issuer === 'string' ? document.issuer : document.issuer.id;

    const rule = await t.request('POST', `/api/v1/organizations/${slug}/recognition-rules`, {
      token,
      json: {
        externalIssuerId: issuerId,
        externalAchievementId: document.credentialSubject.achievement.id,
        countsAsAchievementId: ours,
      },
    });
    expect(rule.status, rule.text).toBe(201);
    expect((await award(base, learner)).status).toBe(201);

    const importText = (text: string) =>
      t.request('POST', '/api/v1/me/credentials/import', {
        cookie: learner.cookie,
        headers: sameOrigin,
        json: { text },
      });
    const tampered = structuredClone(document);
    tampered.credentialSubject.achievement.name = 'Python (tampered)';
    const bad = await importText(JSON.stringify(tampered));
    expect(bad.status, bad.text).toBe(201);
    expect(bad.json.status).not.toBe('valid');
    const before = await t.request('GET', `/api/v1/me/pathways/${pathwayId}`, {
      cookie: learner.cookie,
    });
    expect(before.json.met).toBe(false);
    expect(before.json.percentage).toBe(50);
    expect(await pathwayCredentials(badge)).toHaveLength(0);

    const good = await importText(content);
    expect(good.status, good.text).toBe(201);
    expect(good.json.status).toBe('valid');
    expect(await pathwayCredentials(badge)).toHaveLength(1);

    const completions = await t.request('GET', `/api/v1/pathways/${pathwayId}/completions`, {
      token,
    });
    expect(completions.status, completions.text).toBe(200);
    expect(completions.json.completions).toHaveLength(1);
    expect(completions.json.completions[0]).toMatchObject({
      accountId: learner.accountId,
      displayName: 'Rita Recognized',
      countedExternal: [
        {
          walletCredentialId: good.json.id,
          issuerId,
          achievementId: document.credentialSubject.achievement.id,
          achievementName: 'Python (elsewhere)',
        },
      ],
    });
    // Learners and other organizations do not see who completed.
    const denied = await t.request('GET', `/api/v1/pathways/${pathwayId}/completions`, {
      token: otherToken,
    });
    expect(denied.status).toBe(403);
  });
});

describe('pathway definitions that cannot work are refused with the node path', () => {
  it('refuses n above the number of children, an ECTS target above the credits, and empty groups', async () => {
    const [a, b, own] = await Promise.all([
      defineAchievement(slug, token, unique('A'), 3),
      defineAchievement(slug, token, unique('B'), 4),
      defineAchievement(slug, token, unique('P'), 7),
    ]);
    const refused = await createPathway({
      title: 'Impossible',
      achievementId: own,
      requirement: {
        kind: 'all-of',
        of: [
          { kind: 'n-of', n: 3, of: [leaf(a), leaf(b)] },
          { kind: 'min-ects', ects: 10, of: [leaf(a), leaf(b)] },
          { kind: 'any-of', of: [] },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json.errors ?? refused.json.fields ?? refused.json.invalidParams).toBeDefined();
    expect(refused.json.detail).toContain('requirement.of[0]: n-of asks for 3 but lists only 2');
    expect(refused.json.detail).toContain(
      'requirement.of[1]: min-ects asks for 10 ECTS but its requirements carry only 7 ECTS',
    );
    expect(refused.json.detail).toContain(
      'requirement.of[2]: an empty any-of group can never be met',
    );
  });

  it('refuses a cycle through nested pathways', async () => {
    const [a, p1, p2] = await Promise.all([
      defineAchievement(slug, token, unique('A'), 3),
      defineAchievement(slug, token, unique('P1'), 3),
      defineAchievement(slug, token, unique('P2'), 3),
    ]);
    const first = await createPathway({ title: 'First', achievementId: p1, requirement: leaf(a) });
    expect(first.status, first.text).toBe(201);
    const second = await createPathway({
      title: 'Second',
      achievementId: p2,
      requirement: { kind: 'all-of', of: [{ kind: 'pathway', pathwayId: first.json.id }] },
    });
    expect(second.status, second.text).toBe(201);
    const cyclic = await t.request('PUT', `/api/v1/pathways/${first.json.id}`, {
      token,
      json: {
        title: 'First',
        achievementId: p1,
        requirement: {
          kind: 'any-of',
          of: [leaf(a), { kind: 'pathway', pathwayId: second.json.id }],
        },
      },
    });
    expect(cyclic.status).toBe(400);
    expect(cyclic.json.detail).toContain(
      `requirement.of[1]: cycle through nested pathways: ${first.json.id} → ${second.json.id} → ${first.json.id}`,
    );
  });

  it('refuses an unknown kind with the field named', async () => {
    const own = await defineAchievement(slug, token, unique('P'), 3);
    const refused = await createPathway({
      title: 'Odd',
      achievementId: own,
      requirement: { kind: 'some-of', of: [] },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toContain('requirement.kind');
  });
});
