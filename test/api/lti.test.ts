import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { ltiAwards } from '../../src/db/schema.ts';
import { ltiClaims } from '../../src/domain/lti/claims.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { syncAllLtiGrades } from '../../src/services/lti/grade-poller.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';
import { createLtiPlatform, instructorRole, type LtiPlatform } from '../helpers/lti-platform.ts';

let t: TestApp;
let lms: LtiPlatform;
let org: { slug: string; token: string; achievementId: string };

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const launchLinkOf = (html: string) => /\/lti\/link\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

async function organizationWithAchievement() {
  const owner = await signUpPerson(t, 'LMS Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  const token = (await createToken(t, owner, slug, 'owner')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  return { slug, token, achievementId: created.json.id.split('/').at(-1) as string };
}

beforeAll(async () => {
  lms = await createLtiPlatform();
  t = await createTestApp({ outboundHttp: lms.outboundHttp });
  lms.attach(t);
  org = await organizationWithAchievement();
  const registered = await t.request('POST', `/api/v1/organizations/${org.slug}/lti/platforms`, {
    token: org.token,
    json: lms.registration,
  });
  expect(registered.status, registered.text).toBe(201);
});
afterAll(() => t.close());

async function linkByConfirmation(learner: TestPerson, launchPage: string) {
  const launchId = launchLinkOf(launchPage)!;
  expect(launchId).toBeDefined();
  const page = await t.request('GET', `/lti/link/${launchId}`, { cookie: learner.cookie });
  expect(page.status, page.text).toBe(200);
  const linked = await t.request('POST', `/lti/link/${launchId}`, {
    cookie: learner.cookie,
    ...form({ _csrf: csrfOf(page.text) }),
    headers: { ...form({}).headers, ...sameOrigin },
  });
  expect(linked.status, linked.text).toBe(200);
  expect(linked.text).toContain('Accounts linked');
}

describe('LTI platform registration', () => {
  it('publishes the tool JWKS with public RSA keys only', async () => {
    const response = await t.request('GET', '/lti/jwks');
    expect(response.status).toBe(200);
    const [key] = response.json.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key.kid).toBeTruthy();
    expect(key.d).toBeUndefined();
    expect(key.p).toBeUndefined();
  });

  it('refuses private or non-https endpoints and duplicate registrations', async () => {
    const other = await organizationWithAchievement();
    const privateUrl = await t.request(
      'POST',
      `/api/v1/organizations/${other.slug}/lti/platforms`,
      {
        token: other.token,
        json: { ...lms.registration, clientId: 'x', jwksUrl: 'https://10.0.0.8/jwks' },
      },
    );
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.json.errors[0].field).toBe('jwksUrl');
    const duplicate = await t.request('POST', `/api/v1/organizations/${other.slug}/lti/platforms`, {
      token: other.token,
      json: lms.registration,
    });
    expect(duplicate.status).toBe(409);
  });

  it("another organization cannot see or remove this organization's platforms", async () => {
    const other = await organizationWithAchievement();
    const listed = await t.request('GET', `/api/v1/organizations/${org.slug}/lti/platforms`, {
      token: other.token,
    });
    expect(listed.status).toBe(403);
    const mine = await t.request('GET', `/api/v1/organizations/${org.slug}/lti/platforms`, {
      token: org.token,
    });
    expect(mine.json.tool.loginInitiationUrl).toBe('http://localhost:3000/lti/login');
    const platformId = mine.json.platforms[0].id;
    const removed = await t.request(
      'DELETE',
      `/api/v1/organizations/${other.slug}/lti/platforms/${platformId}`,
      { token: other.token },
    );
    expect(removed.status).toBe(404);
  });
});

describe('LTI launch', () => {
  it('a full launch verifies the platform signature and lets the learner link their account', async () => {
    const learner = await signUpPerson(t, 'Lena Launch');
    const sub = unique('lms-user');
    const first = await lms.launch(t, { sub, name: 'Lena L.' });
    expect(first.response.status, first.response.text).toBe(200);
    expect(first.response.text).toContain('not linked to a Skillmark account yet');
    expect(first.response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://lms.example.edu",
    );
    expect(lms.log).toContain('GET /jwks');
    await linkByConfirmation(learner, first.response.text);
    const second = await lms.launch(t, { sub });
    expect(second.response.status).toBe(200);
    expect(second.response.text).toContain('Your course account is linked');
  });

  it('links by a verified email claim without asking', async () => {
    const learner = await signUpPerson(t, 'Vera Verified');
    await t.ctx.database.db.execute(
      `update account_emails set verified_at = now() where email = '${learner.email}'`,
    );
    const { response } = await lms.launch(t, { sub: unique('lms-user'), email: learner.email });
    expect(response.status, response.text).toBe(200);
    expect(response.text).toContain('Your course account is linked');
  });

  it('does not link by an email that Skillmark never verified', async () => {
    const learner = await signUpPerson(t, 'Una Unverified');
    const { response } = await lms.launch(t, { sub: unique('lms-user'), email: learner.email });
    expect(response.text).toContain('not linked to a Skillmark account yet');
  });

  it('refuses a token signed with a key the platform does not publish', async () => {
    const { response } = await lms.launch(t, { sub: 'u1', signWithForeignKey: true });
    expect(response.status).toBe(401);
    expect(response.text).toContain('signature does not verify');
  });

  it('refuses a token meant for another tool (aud)', async () => {
    const { response } = await lms.launch(t, {
      sub: 'u1',
      claims: { aud: 'other-tool', azp: 'other-tool' },
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('meant for another tool');
  });

  it('refuses a replayed id_token (nonce single use)', async () => {
    const first = await lms.launch(t, { sub: 'u-replay' });
    expect(first.response.status).toBe(200);
    const replay = await lms.post(t, first.token, first.state);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('already used');
  });

  it('refuses a state it never issued, and a nonce of another login', async () => {
    const { nonce } = await lms.login(t, 'u-state');
    const token = await lms.idToken(nonce, { sub: 'u-state' });
    const forged = await lms.post(t, token, 'forged-state');
    expect(forged.status).toBe(401);
    expect(forged.text).toContain('Unknown state');
    const other = await lms.login(t, 'u-state');
    const swapped = await lms.post(t, token, other.state);
    expect(swapped.status).toBe(401);
    expect(swapped.text).toContain('nonce does not match');
  });

  it('refuses an expired id_token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const { response } = await lms.launch(t, { sub: 'u1', claims: { iat: past - 60, exp: past } });
    expect(response.status).toBe(401);
    expect(response.text).toContain('has expired');
  });

  it('refuses an unknown deployment at login and at launch', async () => {
    const login = await t.request(
      'GET',
      `/lti/login?${new URLSearchParams({
        iss: lms.registration.issuer,
        login_hint: 'x',
        target_link_uri: `${t.ctx.publicUrl}/lti/launch`,
        client_id: lms.clientId,
        lti_deployment_id: 'rogue',
      })}`,
    );
    expect(login.status).toBe(400);
    expect(login.text).toContain('Deployment &quot;rogue&quot; is not registered');
    const { response } = await lms.launch(t, {
      sub: 'u1',
      claims: { [ltiClaims.deploymentId]: 'rogue' },
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('is not registered for this platform');
  });

  it('refuses a login from an unregistered LMS', async () => {
    const response = await t.request(
      'GET',
      `/lti/login?${new URLSearchParams({
        iss: 'https://unknown-lms.example.com',
        login_hint: 'x',
        target_link_uri: `${t.ctx.publicUrl}/lti/launch`,
      })}`,
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('is not registered with Skillmark');
  });
});

async function placeAchievement(thresholdPercent: string) {
  const { response } = await lms.launch(t, {
    sub: unique('teacher'),
    messageType: 'LtiDeepLinkingRequest',
    roles: [instructorRole],
  });
  expect(response.status, response.text).toBe(200);
  const launchId = /name="launch" value="([^"]+)"/.exec(response.text)![1]!;
  return t.request(
    'POST',
    '/lti/deep-linking',
    form({ launch: launchId, achievementId: org.achievementId, thresholdPercent }),
  );
}

describe('LTI deep linking', () => {
  it('an instructor picks an achievement and the platform receives a signed response', async () => {
    const picked = await placeAchievement('80');
    expect(picked.status, picked.text).toBe(200);
    expect(picked.text).toContain('action="https://lms.example.edu/deep_linking_return"');
    expect(picked.headers.get('content-security-policy')).toContain(
      "form-action 'self' https://lms.example.edu",
    );
    const jwt = /name="JWT" value="([^"]+)"/.exec(picked.text)![1]!;
    const { payload } = await lms.receiveDeepLinkingResponse(jwt);
    expect(payload[ltiClaims.messageType]).toBe('LtiDeepLinkingResponse');
    expect(payload[ltiClaims.version]).toBe('1.3.0');
    expect(payload[ltiClaims.deploymentId]).toBe(lms.deploymentId);
    expect(payload[ltiClaims.deepLinkingData]).toBe('opaque-platform-data');
    const [item] = payload[ltiClaims.deepLinkingContentItems] as Array<Record<string, unknown>>;
    expect(item).toMatchObject({
      type: 'ltiResourceLink',
      url: 'http://localhost:3000/lti/launch',
      custom: { skillmark_achievement: org.achievementId, skillmark_threshold: '0.8' },
      lineItem: { scoreMaximum: 100 },
    });
  });

  it('a learner cannot place content, and a wrong threshold is refused with the field', async () => {
    const { response } = await lms.launch(t, {
      sub: unique('student'),
      messageType: 'LtiDeepLinkingRequest',
    });
    expect(response.status).toBe(403);
    expect(response.text).toContain('Only instructors');
    const bad = await placeAchievement('180');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must be at most 100');
  });
});

describe('LTI grade passback (AGS)', () => {
  it('awards the placed achievement once to linked learners who reached the threshold', async () => {
    const picked = await placeAchievement('80');
    const jwt = /name="JWT" value="([^"]+)"/.exec(picked.text)![1]!;
    const [item] = (await lms.receiveDeepLinkingResponse(jwt)).payload[
      ltiClaims.deepLinkingContentItems
    ] as Array<{ custom: Record<string, string> }>;

    const passing = await signUpPerson(t, 'Paula Passing');
    const failing = await signUpPerson(t, 'Fred Failing');
    const resourceLinkId = unique('rl');
    const subs = { passing: unique('p'), failing: unique('f'), unlinked: unique('u') };
    for (const [who, person] of [
      ['passing', passing],
      ['failing', failing],
    ] as const) {
      const { response } = await lms.launch(t, {
        sub: subs[who],
        resourceLinkId,
        custom: item!.custom,
      });
      expect(response.status, response.text).toBe(200);
      expect(response.text).toContain('Reach 80%');
      await linkByConfirmation(person, response.text);
    }
    lms.results.push(
      { userId: subs.passing, resultScore: 85, resultMaximum: 100 },
      { userId: subs.failing, resultScore: 79, resultMaximum: 100 },
      { userId: subs.unlinked, resultScore: 95, resultMaximum: 100 },
    );
    const platforms = await t.request('GET', `/api/v1/organizations/${org.slug}/lti/platforms`, {
      token: org.token,
    });
    const links = await t.request(
      'GET',
      `/api/v1/organizations/${org.slug}/lti/platforms/${platforms.json.platforms[0].id}/resource-links`,
      { token: org.token },
    );
    const link = links.json.resourceLinks.find(
      (l: { resourceLinkId: string }) => l.resourceLinkId === resourceLinkId,
    );
    expect(link).toMatchObject({ achievementId: org.achievementId, scoreThreshold: 0.8 });

    const path = `/api/v1/organizations/${org.slug}/lti/resource-links/${link.id}/sync-grades`;
    const first = await t.request('POST', path, { token: org.token });
    expect(first.status, first.text).toBe(200);
    expect(first.json.awarded).toHaveLength(1);
    expect(first.json.unlinked).toBe(1);
    expect(lms.log).toContain('POST /login/oauth2/token');
    const credential = await findIssuedCredential(t.ctx.db, first.json.awarded[0]);
    expect(credential!.signed).toContain('Scored 85 of 100 in Example LMS');

    const again = await t.request('POST', path, { token: org.token });
    expect(again.json).toEqual({ awarded: [], unlinked: 1 });
    // The background poller (skillmark start) reads the same grades and awards nothing twice.
    const polled = await syncAllLtiGrades(t.ctx);
    expect(polled).toMatchObject({ awarded: 0, failed: 0 });
    expect(polled.links).toBeGreaterThanOrEqual(1);
    // Once the third learner links their account, the next poll awards them.
    const late = await signUpPerson(t, 'Lara Late');
    const lateLaunch = await lms.launch(t, {
      sub: subs.unlinked,
      resourceLinkId,
      custom: item!.custom,
    });
    await linkByConfirmation(late, lateLaunch.response.text);
    expect((await syncAllLtiGrades(t.ctx)).awarded).toBe(1);
    const awards = await t.ctx.db
      .select()
      .from(ltiAwards)
      .where(eq(ltiAwards.resourceLinkId, link.id));
    expect(awards.map((a) => a.subject).sort()).toEqual([subs.passing, subs.unlinked].sort());

    lms.switches.refuseTokens = true;
    const refused = await t.request('POST', path, { token: org.token });
    lms.switches.refuseTokens = false;
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain('token endpoint refused Skillmark (HTTP 401)');

    const other = await organizationWithAchievement();
    const cross = await t.request(
      'POST',
      `/api/v1/organizations/${other.slug}/lti/resource-links/${link.id}/sync-grades`,
      { token: other.token },
    );
    expect(cross.status).toBe(404);
  });
});
