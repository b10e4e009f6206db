import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthAuthorizationCodes, oauthTokens } from '../../src/db/schema.ts';
import { ob3Scopes } from '../../src/domain/oauth/scopes.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import {
  authorizeAndRedeem,
  authorizeUrl,
  consent,
  pkcePair,
  type RegisteredClient,
  redirectUri,
  registerClient,
  tokenRequest,
} from '../helpers/oauth-flow.ts';
import { ob3OpenApiAvailable, ob3Schema, schemaErrors } from '../helpers/ob3-openapi.ts';

let t: TestApp;
let learner: TestPerson;
let client: RegisteredClient;
const clock = { now: new Date('2026-06-01T10:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  learner = await signUpPerson(t, 'Rita Refused');
  client = await registerClient(t);
});
afterAll(() => t.close());

async function codeFor(c: RegisteredClient = client, scope?: string) {
  const pkce = pkcePair();
  const back = await consent(t, learner, authorizeUrl(c, pkce.challenge, { scope }));
  return { code: back.searchParams.get('code')!, verifier: pkce.verifier };
}

const redeem = (code: string, verifier: string, c = client, uri = redirectUri) =>
  tokenRequest(t, c, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: uri,
    code_verifier: verifier,
  });

const credentials = (token: string) => t.request('GET', '/ims/ob/v3p0/credentials', { token });

function expectStatusInfo(body: unknown) {
  if (!ob3OpenApiAvailable) return;
  const validate = ob3Schema('Imsx_StatusInfo');
  expect(validate(body), schemaErrors(validate)).toBe(true);
}

describe('the token endpoint refuses', () => {
  it('a wrong PKCE verifier, and the code is burnt afterwards', async () => {
    const { code, verifier } = await codeFor();
    const wrong = await redeem(code, pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({
      error: 'invalid_grant',
      error_description: 'The code_verifier does not match the code_challenge.',
    });
    expect((await redeem(code, verifier)).json.error).toBe('invalid_grant');
  });

  it('a reused code, and revokes the tokens the first redemption gave', async () => {
    const { code, verifier } = await codeFor();
    const first = await redeem(code, verifier);
    expect(first.status).toBe(200);
    const second = await redeem(code, verifier);
    expect(second.status).toBe(400);
    expect(second.json.error).toBe('invalid_grant');
    expect((await credentials(first.json.access_token)).status).toBe(401);
  });

  it('two concurrent redemptions of one code: exactly one succeeds', async () => {
    const { code, verifier } = await codeFor();
    const results = await Promise.all([redeem(code, verifier), redeem(code, verifier)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('a code whose approval the learner revoked before it was redeemed', async () => {
    const app = await registerClient(t, { client_name: 'Slow Redeemer' });
    const pkce = pkcePair();
    const back = await consent(t, learner, authorizeUrl(app, pkce.challenge));
    const page = await t.request('GET', '/account/apps', { cookie: learner.cookie });
    const grantId = /Slow Redeemer[\s\S]*?action="\/account\/apps\/([^/]+)\/revoke"/.exec(
      page.text,
    )![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    await t.request('POST', `/account/apps/${grantId}/revoke`, {
      cookie: learner.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    const response = await redeem(back.searchParams.get('code')!, pkce.verifier, app);
    expect(response.json.error).toBe('invalid_grant');
  });

  it('a redirect_uri other than the authorization request’s', async () => {
    const { code, verifier } = await codeFor();
    const response = await redeem(code, verifier, client, 'https://wallet.example/other');
    expect(response.status).toBe(400);
    expect(response.json.error_description).toMatch(/redirect_uri/);
  });

  it('an expired code', async () => {
    const { code, verifier } = await codeFor();
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 6 * 60 * 1000);
    try {
      expect((await redeem(code, verifier)).json.error).toBe('invalid_grant');
    } finally {
      clock.now = saved;
    }
  });

  it('another client’s code, a wrong client secret (401 with a Basic challenge) and no PKCE verifier', async () => {
    const { code, verifier } = await codeFor();
    const thief = await registerClient(t);
    expect((await redeem(code, verifier, thief)).json.error).toBe('invalid_grant');

    const badSecret = await t.request('POST', '/oauth/token', {
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:wrong`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=authorization_code&code=x&code_verifier=y',
    });
    expect(badSecret.status).toBe(401);
    expect(badSecret.json.error).toBe('invalid_client');
    expect(badSecret.headers.get('www-authenticate')).toMatch(/^Basic/);

    const noVerifier = await tokenRequest(t, client, {
      grant_type: 'authorization_code',
      code: (await codeFor()).code,
      redirect_uri: redirectUri,
    });
    expect(noVerifier.json.error).toBe('invalid_request');
  });

  it('a refresh token used twice, and then revokes the whole grant', async () => {
    const tokens = await authorizeAndRedeem(t, client, learner);
    const refresh = () =>
      tokenRequest(t, client, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    const first = await refresh();
    expect(first.status).toBe(200);
    const stolen = await refresh();
    expect(stolen.status).toBe(400);
    expect(stolen.json.error).toBe('invalid_grant');
    expect((await credentials(first.json.access_token)).status).toBe(401);
  });

  it('a grant type it does not support, and JSON instead of a form', async () => {
    expect((await tokenRequest(t, client, { grant_type: 'password' })).json.error).toBe(
      'unsupported_grant_type',
    );
    const json = await t.request('POST', '/oauth/token', {
      headers: { authorization: client.basic },
      json: { grant_type: 'authorization_code' },
    });
    expect(json.json.error).toBe('invalid_request');
  });
});

describe('housekeeping', () => {
  it('clears expired codes on the next approval and expired tokens on the next issuance', async () => {
    const housekeeper = await signUpPerson(t, 'Hanna Housekeeping');
    const pkce = pkcePair();
    const first = await consent(t, housekeeper, authorizeUrl(client, pkce.challenge));
    const tokens = await redeem(first.searchParams.get('code')!, pkce.verifier);
    const codesOf = async () =>
      (
        await t.ctx.db
          .select()
          .from(oauthAuthorizationCodes)
          .where(eq(oauthAuthorizationCodes.accountId, housekeeper.accountId))
      ).length;
    expect(await codesOf()).toBe(1);
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 2 * 3600 * 1000);
    try {
      await consent(t, housekeeper, authorizeUrl(client, pkcePair().challenge));
      expect(await codesOf()).toBe(1);
      const refreshed = await tokenRequest(t, client, {
        grant_type: 'refresh_token',
        refresh_token: tokens.json.refresh_token,
      });
      expect(refreshed.status).toBe(200);
      const kinds = (
        await t.ctx.db
          .select({ kind: oauthTokens.kind, usedAt: oauthTokens.usedAt })
          .from(oauthTokens)
          .innerJoin(
            oauthAuthorizationCodes,
            eq(oauthAuthorizationCodes.grantId, oauthTokens.grantId),
          )
          .where(eq(oauthAuthorizationCodes.accountId, housekeeper.accountId))
      ).map((row) => `${row.kind}${row.usedAt ? ' (used)' : ''}`);
      // The expired first access token is gone; the used refresh token stays for theft detection.
      expect(kinds.sort()).toEqual(['access', 'refresh', 'refresh (used)']);
    } finally {
      clock.now = saved;
    }
  });
});

describe('the OB 3.0 API refuses', () => {
  it('a request without a token: 401, a Bearer challenge, Imsx_StatusInfo', async () => {
    const response = await t.request('GET', '/ims/ob/v3p0/credentials');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="skillmark"');
    expectStatusInfo(response.json);
  });

  it('an expired access token', async () => {
    const tokens = await authorizeAndRedeem(t, client, learner);
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 3601 * 1000);
    try {
      const response = await credentials(tokens.access_token);
      expect(response.status).toBe(401);
      expect(response.json.imsx_description).toMatch(/expired/);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    } finally {
      clock.now = saved;
    }
  });

  it('a token without the operation’s scope: 403 insufficient_scope', async () => {
    const tokens = await authorizeAndRedeem(t, client, learner, ob3Scopes.profileRead);
    expect(tokens.scope).toBe(ob3Scopes.profileRead);
    const response = await credentials(tokens.access_token);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    expectStatusInfo(response.json);
    expect(
      (await t.request('GET', '/ims/ob/v3p0/profile', { token: tokens.access_token })).status,
    ).toBe(200);
    const put = await t.request('PUT', '/ims/ob/v3p0/profile', {
      token: tokens.access_token,
      json: { id: 'x', type: ['Profile'], name: 'y' },
    });
    expect(put.status).toBe(403);
  });

  it('an organization API token or a session cookie: only OAuth access tokens act for a learner', async () => {
    const owner = await signUpPerson(t, 'Org Owner');
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const apiToken = (await createToken(t, owner, slug, 'owner')).secret;
    expect((await credentials(apiToken)).status).toBe(401);
    const cookie = await t.request('GET', '/ims/ob/v3p0/credentials', { cookie: learner.cookie });
    expect(cookie.status).toBe(401);
  });

  it('a token the learner revoked on the authorized apps page', async () => {
    const app = await registerClient(t, { client_name: 'Revocable LMS' });
    const tokens = await authorizeAndRedeem(t, app, learner);
    const page = await t.request('GET', '/account/apps', { cookie: learner.cookie });
    expect(page.text).toContain('Revocable LMS');
    const grantId = /Revocable LMS[\s\S]*?action="\/account\/apps\/([^/]+)\/revoke"/.exec(
      page.text,
    )![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;

    // Another learner cannot revoke it, and a post without the CSRF token is refused.
    const stranger = await signUpPerson(t, 'Stranger');
    const strangerPage = await t.request('GET', '/account/apps', { cookie: stranger.cookie });
    const strangerCsrf = /name="_csrf" value="([^"]+)"/.exec(strangerPage.text)?.[1] ?? '';
    const foreign = await t.request('POST', `/account/apps/${grantId}/revoke`, {
      cookie: stranger.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: strangerCsrf }).toString(),
    });
    expect(foreign.status).toBe(404);
    const forged = await t.request('POST', `/account/apps/${grantId}/revoke`, {
      cookie: learner.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(forged.status).toBe(403);
    expect((await credentials(tokens.access_token)).status).toBe(200);

    const revoked = await t.request('POST', `/account/apps/${grantId}/revoke`, {
      cookie: learner.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.text).not.toContain('Revocable LMS');
    expect((await credentials(tokens.access_token)).status).toBe(401);
    const refreshed = await tokenRequest(t, app, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.json.error).toBe('invalid_grant');
  });
});

describe('the authorization endpoint', () => {
  it('shows an unregistered redirect_uri to the learner instead of redirecting to it', async () => {
    const url = authorizeUrl(client, pkcePair().challenge, {
      redirectUri: 'https://attacker.example/cb',
    });
    const response = await t.request('GET', url, { cookie: learner.cookie });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.text).toContain('is not one the app registered');
  });

  it('sends a missing PKCE challenge or an unregistered scope back to the app as an error', async () => {
    const noPkce = await t.request(
      'GET',
      authorizeUrl(client, pkcePair().challenge).replace(/&code_challenge=[^&]+/, ''),
      { cookie: learner.cookie },
    );
    expect(noPkce.status).toBe(302);
    const location = new URL(noPkce.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('state-123');

    const narrow = await registerClient(t, { scope: ob3Scopes.credentialRead });
    const badScope = await t.request(
      'GET',
      authorizeUrl(narrow, pkcePair().challenge, { scope: ob3Scopes.profileUpdate }),
      { cookie: learner.cookie },
    );
    expect(new URL(badScope.headers.get('location')!).searchParams.get('error')).toBe(
      'invalid_scope',
    );
  });

  it('refuses a consent post without the CSRF token', async () => {
    const page = await t.request('GET', authorizeUrl(client, pkcePair().challenge), {
      cookie: learner.cookie,
    });
    expect(page.status).toBe(200);
    const response = await t.request('POST', '/oauth/authorize', {
      cookie: learner.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: client.clientId, decision: 'approve' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('refresh')).toBeNull();
  });
});

describe('dynamic registration refuses', () => {
  it('an http redirect URI and scopes outside OB 3.0, in RFC 7591 error form', async () => {
    const http = await t.request('POST', '/oauth/register', {
      json: {
        client_name: 'X',
        client_uri: 'https://x.example',
        redirect_uris: ['http://x.example/cb'],
      },
    });
    expect(http.status).toBe(400);
    expect(http.json.error).toBe('invalid_redirect_uri');
    const scope = await t.request('POST', '/oauth/register', {
      json: {
        client_name: 'X',
        client_uri: 'https://x.example',
        redirect_uris: ['https://x.example/cb'],
        scope: 'openid email',
      },
    });
    expect(scope.json.error).toBe('invalid_client_metadata');
  });
});
