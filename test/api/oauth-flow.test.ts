import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import {
  allScopes,
  authorizeUrl,
  consent,
  pkcePair,
  redirectUri,
  registerClient,
  tokenRequest,
} from '../helpers/oauth-flow.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let learner: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  learner = await signUpPerson(t, 'Olga Oauth');
  const issuer = await createIssuer(t);
  await awardIntoWallet(t, issuer, learner);
});
afterAll(() => t.close());

describe('the OB 3.0 OAuth flow end to end', () => {
  it('discovery → registration → sign in → consent → code → token (PKCE) → GET /credentials → refresh → revoke', async () => {
    // 1. A wallet finds the registration URL in the discovery document.
    const discovery = await t.request('GET', '/ims/ob/v3p0/discovery');
    expect(discovery.status).toBe(200);
    const scheme = discovery.json.components.securitySchemes.OAuth2ACG;
    expect(scheme['x-imssf-registrationUrl']).toBe('http://localhost:3000/oauth/register');
    expect(scheme.flows.authorizationCode.tokenUrl).toBe('http://localhost:3000/oauth/token');

    // 2. RFC 7591 registration returns credentials once.
    const client = await registerClient(t);
    expect(client.clientSecret).toMatch(/^smcs_/);

    // 3. Authorization: a signed-out learner is sent to sign in first and comes back.
    const pkce = pkcePair();
    const url = authorizeUrl(client, pkce.challenge, { state: 'xyz 42' });
    const signedOut = await t.request('GET', url);
    expect(signedOut.status).toBe(303);
    const signIn = new URL(signedOut.headers.get('location')!, 'http://localhost:3000');
    expect(signIn.pathname).toBe('/sign-in');
    const next = signIn.searchParams.get('next')!;
    const signedIn = await t.request('POST', '/sign-in', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: learner.email,
        password: learner.password,
        next,
      }).toString(),
    });
    expect(signedIn.status).toBe(303);
    const back = signedIn.headers.get('location')!;
    expect(back.startsWith('/oauth/authorize?')).toBe(true);
    const cookie = signedIn.setCookie!.split(';')[0]!;

    // 4. The consent page names the app and the scopes in plain words.
    const page = await t.request('GET', back, { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Allow Pocket Wallet to use your Skillmark account?');
    expect(page.text).toContain('See the badges and credentials in your wallet');
    expect(page.text).toContain('https://wallet.example/callback');
    const returned = await consent(t, { ...learner, cookie }, back);
    expect(`${returned.origin}${returned.pathname}`).toBe(redirectUri);
    expect(returned.searchParams.get('state')).toBe('xyz 42');
    expect(returned.searchParams.get('iss')).toBe('http://localhost:3000');
    const code = returned.searchParams.get('code')!;
    expect(code).toMatch(/^smac_/);

    // 5. The code and verifier buy tokens.
    const tokens = await tokenRequest(t, client, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status, tokens.text).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: allScopes });

    // 6. The access token reads the learner's wallet.
    const credentials = await t.request('GET', '/ims/ob/v3p0/credentials', {
      token: tokens.json.access_token,
    });
    expect(credentials.status, credentials.text).toBe(200);
    expect(credentials.headers.get('x-total-count')).toBe('1');
    expect(credentials.json.credential).toHaveLength(1);
    expect(credentials.json.credential[0].type).toContain('OpenBadgeCredential');

    // 7. Refresh rotates: a new pair, and the old refresh token stops working.
    const refreshed = await tokenRequest(t, client, {
      grant_type: 'refresh_token',
      refresh_token: tokens.json.refresh_token,
    });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.json.refresh_token).not.toBe(tokens.json.refresh_token);
    const again = await t.request('GET', '/ims/ob/v3p0/profile', {
      token: refreshed.json.access_token,
    });
    expect(again.status).toBe(200);

    // 8. RFC 7009 revocation of the refresh token ends the grant's access tokens too.
    const revoked = await t.request('POST', '/oauth/revoke', {
      headers: { authorization: client.basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshed.json.refresh_token }).toString(),
    });
    expect(revoked.status).toBe(200);
    const after = await t.request('GET', '/ims/ob/v3p0/credentials', {
      token: refreshed.json.access_token,
    });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(after.json.imsx_description).toMatch(/revoked/);
  });

  it('a denied consent sends access_denied back to the app, and no code', async () => {
    const client = await registerClient(t);
    const back = await consent(t, learner, authorizeUrl(client, pkcePair().challenge), 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('code')).toBeNull();
    expect(back.searchParams.get('state')).toBe('state-123');
  });

  it('a public client (token_endpoint_auth_method none) completes the flow with PKCE alone', async () => {
    const registered = await t.request('POST', '/oauth/register', {
      json: {
        client_name: 'Native Wallet',
        client_uri: 'https://native.example',
        redirect_uris: ['http://127.0.0.1:8123/cb'],
        token_endpoint_auth_method: 'none',
      },
    });
    expect(registered.status, registered.text).toBe(201);
    expect(registered.json.client_secret).toBeUndefined();
    const clientId = registered.json.client_id;
    const pkce = pkcePair();
    const back = await consent(
      t,
      learner,
      authorizeUrl({ clientId }, pkce.challenge, { redirectUri: 'http://127.0.0.1:8123/cb' }),
    );
    const tokens = await t.request('POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: back.searchParams.get('code')!,
        redirect_uri: 'http://127.0.0.1:8123/cb',
        code_verifier: pkce.verifier,
      }).toString(),
    });
    expect(tokens.status, tokens.text).toBe(200);
    // It registered only the code grant (the default), so it gets no refresh token.
    expect(tokens.json.refresh_token).toBeUndefined();
    const refresh = await t.request('POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: 'smrt_anything',
      }).toString(),
    });
    expect(refresh.json.error).toBe('unauthorized_client');
  });

  it('publishes RFC 8414 authorization server metadata that matches the discovery document', async () => {
    const metadata = await t.request('GET', '/.well-known/oauth-authorization-server');
    expect(metadata.status).toBe(200);
    const discovery = (await t.request('GET', '/ims/ob/v3p0/discovery')).json;
    const flow = discovery.components.securitySchemes.OAuth2ACG.flows.authorizationCode;
    expect(metadata.json).toMatchObject({
      issuer: 'http://localhost:3000',
      authorization_endpoint: flow.authorizationUrl,
      token_endpoint: flow.tokenUrl,
      registration_endpoint:
        discovery.components.securitySchemes.OAuth2ACG['x-imssf-registrationUrl'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(metadata.json.scopes_supported.sort()).toEqual(Object.keys(flow.scopes).sort());
  });

  it('never logs client secrets, codes or tokens', () => {
    const joined = t.logs.join('\n');
    expect(joined).not.toMatch(/smcs_|smac_|smat_|smrt_/);
  });
});
