import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClrStructure } from '../../src/credentials/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrganizationOwnedBy, signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';
import { csrfOf, postForm } from '../helpers/web-forms.ts';

let t: TestApp;
let issuer: IssuerFixture;
let learner: TestPerson;
let bodyOwner: TestPerson;
let bodySlug: string;

beforeAll(async () => {
  t = await createTestApp();
  issuer = await createIssuer(t);
  learner = await signUpPerson(t, 'Lena Learner');
  bodyOwner = await signUpPerson(t, 'Body Owner');
  ({ slug: bodySlug } = await createOrganizationOwnedBy(t, bodyOwner, 'employer'));
});
afterAll(() => t.close());

const post = (person: TestPerson, path: string, body: URLSearchParams) =>
  postForm(t, person, path, body);

describe('CLR export page', () => {
  it('lists the wallet and downloads a signed CLR of the chosen credentials', async () => {
    const { walletId } = await awardIntoWallet(t, issuer, learner);
    const page = await t.request('GET', '/clr/new', { cookie: learner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Comprehensive Learner Record');
    expect(page.text).toContain(`value="${walletId}"`);
    const body = new URLSearchParams({ _csrf: csrfOf(page.text) });
    body.append('walletCredentialIds', walletId);
    const response = await post(learner, '/clr/new', body);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('clr.json');
    const clr = JSON.parse(response.text);
    expect(checkClrStructure(clr)).toEqual([]);
    expect((await t.ctx.verifyCredential(clr)).verified).toBe(true);
  });

  it('asks to choose at least one credential', async () => {
    const page = await t.request('GET', '/clr/new', { cookie: learner.cookie });
    const response = await post(
      learner,
      '/clr/new',
      new URLSearchParams({ _csrf: csrfOf(page.text) }),
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('choose at least one');
  });
});

describe('endorsement form', () => {
  it('signs an endorsement and shows it on the achievement page', async () => {
    const path = `/organizations/${bodySlug}/endorsements/new`;
    const page = await t.request('GET', path, { cookie: bodyOwner.cookie });
    expect(page.status).toBe(200);
    const response = await post(
      bodyOwner,
      path,
      new URLSearchParams({
        _csrf: csrfOf(page.text),
        targetKind: 'achievement',
        targetId: issuer.achievementId,
        comment: 'Hired three graduates; all excellent.',
      }),
    );
    expect(response.status, response.text).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/credentials\/[0-9a-f-]{36}$/);
    const achievementPage = await t.request(
      'GET',
      `/organizations/${issuer.slug}/achievements/${issuer.achievementId}`,
      { headers: { accept: 'text/html' } },
    );
    expect(achievementPage.text).toContain('Hired three graduates; all excellent.');
    expect(achievementPage.text).toContain(`Organization ${bodySlug}`);
  });

  it('refuses a person who may not issue for the organization', async () => {
    const response = await t.request('GET', `/organizations/${bodySlug}/endorsements/new`, {
      cookie: learner.cookie,
    });
    expect(response.status).toBe(403);
  });
});
