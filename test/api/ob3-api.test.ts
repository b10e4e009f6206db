import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ob3Scopes } from '../../src/domain/oauth/scopes.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { authorizeAndRedeem, registerClient } from '../helpers/oauth-flow.ts';
import { ob3OpenApiAvailable, ob3Schema, schemaErrors } from '../helpers/ob3-openapi.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let learner: TestPerson;
let other: TestPerson;
let issuer: IssuerFixture;
let token: string;
const awarded: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  learner = await signUpPerson(t, 'Wanda Wallet');
  other = await signUpPerson(t, 'Otto Other');
  issuer = await createIssuer(t);
  for (const format of ['eddsa-rdfc-2022', 'vc-jwt', 'eddsa-rdfc-2022'] as const)
    awarded.push((await awardIntoWallet(t, issuer, learner, format)).content);
  const client = await registerClient(t);
  token = (await authorizeAndRedeem(t, client, learner)).access_token;
});
afterAll(() => t.close());

const get = (path: string, bearer = token) =>
  t.request('GET', `/ims/ob/v3p0${path}`, { token: bearer });

function expectValid(schema: string, body: unknown) {
  if (!ob3OpenApiAvailable) return;
  const validate = ob3Schema(schema);
  expect(validate(body), schemaErrors(validate)).toBe(true);
}

describe('GET /ims/ob/v3p0/discovery', () => {
  it('is public and is a ServiceDescriptionDocument with the privacy policy and OAuth URLs', async () => {
    const response = await t.request('GET', '/ims/ob/v3p0/discovery');
    expect(response.status).toBe(200);
    expectValid('ServiceDescriptionDocument', response.json);
    expect(response.json.info['x-imssf-privacyPolicyUrl']).toBe('http://localhost:3000/privacy');
    const flow = response.json.components.securitySchemes.OAuth2ACG.flows.authorizationCode;
    expect(flow.authorizationUrl).toBe('http://localhost:3000/oauth/authorize');
    expect(flow.refreshUrl).toBe('http://localhost:3000/oauth/token');
    expect(Object.keys(flow.scopes).sort()).toEqual(Object.values(ob3Scopes).sort());
  });
});

describe('GET /ims/ob/v3p0/credentials', () => {
  it('returns the wallet as GetOpenBadgeCredentialsResponse: JSON in credential, VC-JWT in compactJwsString', async () => {
    const response = await get('/credentials');
    expect(response.status, response.text).toBe(200);
    expectValid('GetOpenBadgeCredentialsResponse', response.json);
    expect(response.headers.get('x-total-count')).toBe('3');
    expect(response.json.credential).toHaveLength(2);
    expect(response.json.compactJwsString).toEqual([awarded[1]]);
    // Stored form, so the proof still verifies at the receiving end.
    expect(response.json.credential).toContainEqual(JSON.parse(awarded[0]!));
    if (ob3OpenApiAvailable)
      for (const credential of response.json.credential)
        expectValid('AchievementCredential', credential);
  });

  it('pages with limit and offset, announcing the total and the other pages in Link', async () => {
    const first = await get('/credentials?limit=2');
    expect(first.headers.get('x-total-count')).toBe('3');
    const firstCount = first.json.credential.length + first.json.compactJwsString.length;
    expect(firstCount).toBe(2);
    const link = first.headers.get('link')!;
    expect(link).toContain('offset=2>; rel="next"');
    expect(link).toContain('offset=2>; rel="last"');
    expect(link).toContain('offset=0>; rel="first"');
    expect(link).not.toContain('rel="prev"');
    const second = await get('/credentials?limit=2&offset=2');
    expect(second.json.credential.length + second.json.compactJwsString.length).toBe(1);
    expect(second.headers.get('link')).toContain('offset=0>; rel="prev"');
    expect(second.headers.get('link')).not.toContain('rel="next"');
  });

  it('filters by since', async () => {
    const response = await get('/credentials?since=2999-01-01T00:00:00Z');
    expect(response.headers.get('x-total-count')).toBe('0');
    expect(response.json).toEqual({ credential: [], compactJwsString: [] });
  });

  it('refuses a bad limit with an Imsx_StatusInfo invalid_query_parameter', async () => {
    const response = await get('/credentials?limit=0');
    expect(response.status).toBe(400);
    expectValid('Imsx_StatusInfo', response.json);
    expect(response.json.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe(
      'invalid_query_parameter',
    );
  });

  it('shows another learner nothing of this wallet: their token reads their own (empty) wallet', async () => {
    const otherToken = (await authorizeAndRedeem(t, await registerClient(t), other)).access_token;
    const response = await get('/credentials', otherToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total-count')).toBe('0');
  });

  it('answers 405 in the spec shape to a method the API does not have', async () => {
    const response = await t.request('DELETE', '/ims/ob/v3p0/credentials', { token });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expectValid('Imsx_StatusInfo', response.json);
  });
});

describe('POST /ims/ob/v3p0/credentials', () => {
  it('adds a new JSON credential (201) and answers 200 for the same credential again', async () => {
    const fresh = await awardIntoWallet(t, issuer, other);
    const post = () =>
      t.request('POST', '/ims/ob/v3p0/credentials', {
        token,
        headers: { 'content-type': 'application/json' },
        body: fresh.content,
      });
    const created = await post();
    expect(created.status, created.text).toBe(201);
    expectValid('AchievementCredential', created.json);
    expect(created.json).toEqual(JSON.parse(fresh.content));
    const again = await post();
    expect(again.status).toBe(200);
    const list = await get('/credentials');
    expect(list.headers.get('x-total-count')).toBe('4');
  });

  it('accepts a VC-JWT as text/plain and echoes it', async () => {
    const jwt = (await awardIntoWallet(t, issuer, other, 'vc-jwt')).content;
    const created = await t.request('POST', '/ims/ob/v3p0/credentials', {
      token,
      headers: { 'content-type': 'text/plain' },
      body: jwt,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.text).toBe(jwt);
  });

  it('refuses what is not an AchievementCredential, storing nothing', async () => {
    const before = (await get('/credentials')).headers.get('x-total-count');
    const response = await t.request('POST', '/ims/ob/v3p0/credentials', {
      token,
      json: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential', 'ClrCredential'],
      },
    });
    expect(response.status).toBe(400);
    expectValid('Imsx_StatusInfo', response.json);
    expect(response.json.imsx_description).toMatch(/AchievementCredential/);
    expect((await get('/credentials')).headers.get('x-total-count')).toBe(before);
  });
});

describe('GET and PUT /ims/ob/v3p0/profile', () => {
  it('returns the learner as an OB 3.0 Profile', async () => {
    const response = await get('/profile');
    expect(response.status).toBe(200);
    expectValid('Profile', response.json);
    expect(response.json).toMatchObject({
      id: `urn:uuid:${learner.accountId}`,
      type: ['Profile'],
      name: 'Wanda Wallet',
    });
  });

  it('changes the name and refuses fields Skillmark does not keep', async () => {
    const current = (await get('/profile')).json;
    const renamed = await t.request('PUT', '/ims/ob/v3p0/profile', {
      token,
      json: { ...current, name: 'Wanda W. Wallet' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expectValid('Profile', renamed.json);
    expect((await get('/profile')).json.name).toBe('Wanda W. Wallet');

    const refused = await t.request('PUT', '/ims/ob/v3p0/profile', {
      token,
      json: { ...current, phone: '+1 555 0100', id: 'urn:uuid:someone-else' },
    });
    expect(refused.status).toBe(400);
    expectValid('Imsx_StatusInfo', refused.json);
    expect(refused.json.imsx_description).toMatch(/phone/);
    expect(refused.json.imsx_description).toMatch(/id must be/);
  });
});
