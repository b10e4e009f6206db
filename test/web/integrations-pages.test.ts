import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { csrfOf, postForm } from '../helpers/web-forms.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Integrations Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
});
afterAll(() => t.close());

const post = (person: TestPerson, path: string, body: URLSearchParams) =>
  postForm(t, person, path, body);

describe('webhooks page', () => {
  it('adds an endpoint with several events, shows the secret once, and logs deliveries', async () => {
    const page = await t.request('GET', `/organizations/${slug}/webhooks`, {
      cookie: owner.cookie,
    });
    expect(page.status).toBe(200);
    const body = new URLSearchParams({
      _csrf: csrfOf(page.text),
      url: 'https://hooks.example.com/in',
      description: 'HR',
    });
    body.append('eventTypes', 'credential.issued');
    body.append('eventTypes', 'credential.revoked');
    const added = await post(owner, `/organizations/${slug}/webhooks`, body);
    expect(added.status, added.text).toBe(201);
    const secret = /id="new-secret">([^<]+)</.exec(added.text)![1]!;
    expect(secret).toMatch(/^whsec_/);
    expect(added.text).toContain('credential.issued, credential.revoked');
    const again = await t.request('GET', `/organizations/${slug}/webhooks`, {
      cookie: owner.cookie,
    });
    expect(again.text).not.toContain(secret);

    const token = (await createToken(t, owner, slug, 'owner')).secret;
    const achievement = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token,
      json: fullAchievementDefinition(),
    });
    await t.request(
      'POST',
      `/api/v1/achievements/${achievement.json.id.split('/').at(-1)}/awards`,
      {
        token,
        json: { recipient: { email: 'someone@example.org' } },
      },
    );
    const endpointId = /webhooks\/([0-9a-f-]{36})"/.exec(again.text)![1]!;
    const log = await t.request('GET', `/organizations/${slug}/webhooks/${endpointId}`, {
      cookie: owner.cookie,
    });
    expect(log.status).toBe(200);
    expect(log.text).toContain('credential.issued');
    expect(log.text).toContain('pending');
  });

  it('refuses an endpoint without events or with a private address, with the reason', async () => {
    const page = await t.request('GET', `/organizations/${slug}/webhooks`, {
      cookie: owner.cookie,
    });
    const none = await post(
      owner,
      `/organizations/${slug}/webhooks`,
      new URLSearchParams({ _csrf: csrfOf(page.text), url: 'https://hooks.example.com/x' }),
    );
    expect(none.status).toBe(400);
    expect(none.text).toContain('choose at least one');
    const body = new URLSearchParams({ _csrf: csrfOf(page.text), url: 'https://10.1.1.1/x' });
    body.append('eventTypes', 'credential.issued');
    const internal = await post(owner, `/organizations/${slug}/webhooks`, body);
    expect(internal.status).toBe(400);
    expect(internal.text).toContain('must name a public host');
  });

  it('is for owners only', async () => {
    const issuer = await signUpPerson(t, 'Only Issuer');
    await addMember(t, owner, slug, issuer, 'issuer');
    const page = await t.request('GET', `/organizations/${slug}/webhooks`, {
      cookie: issuer.cookie,
    });
    expect(page.status).toBe(403);
    const lti = await t.request('GET', `/organizations/${slug}/lti`, { cookie: issuer.cookie });
    expect(lti.status).toBe(403);
  });
});

describe('LMS connections page', () => {
  it('shows the tool settings and connects a platform', async () => {
    const page = await t.request('GET', `/organizations/${slug}/lti`, { cookie: owner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('http://localhost:3000/lti/jwks');
    const form = {
      _csrf: csrfOf(page.text),
      name: 'Campus Canvas',
      issuer: 'https://canvas.instructure.com',
      clientId: '10000000000001',
      deploymentIds: '1:abc, 2:def',
      authLoginUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
      tokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
      jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
    };
    const added = await post(owner, `/organizations/${slug}/lti`, new URLSearchParams(form));
    expect(added.status, added.text).toBe(201);
    expect(added.text).toContain('Campus Canvas is connected');
    expect(added.text).toContain('1:abc, 2:def');
    const bad = await post(
      owner,
      `/organizations/${slug}/lti`,
      new URLSearchParams({ ...form, clientId: 'other', tokenUrl: 'http://sso.canvaslms.com/t' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must use https');
  });
});
