import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCredential } from '../../src/credentials/index.ts';
import { buildOpenBadgeCredential, issuerKey } from '../../src/credentials/testing/fixtures.ts';
import { listNotifications } from '../../src/db/repositories/notifications.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
let issuerToken: string;
let achievementId: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await signUpPerson(t, 'Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: fullAchievementDefinition(),
  });
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
});
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const get = (person: TestPerson, path: string) => t.request('GET', path, { cookie: person.cookie });
const post = async (person: TestPerson, path: string, fields: Record<string, string>) =>
  t.request('POST', path, {
    cookie: person.cookie,
    ...form({ _csrf: csrfOf((await get(person, '/account')).text), ...fields }),
  });

async function latestLink(person: TestPerson, email: string) {
  const mails = await listNotifications(t.ctx.db, { accountId: person.accountId });
  return new URL(mails.find((m) => m.kind === 'email.verify' && m.email === email)!.link!);
}

describe('addresses and verification pages', () => {
  it('adds an address, mails a link whose GET only asks, and whose POST verifies and claims', async () => {
    const learner = await signUpPerson(t, 'Page learner');
    const work = `${unique('work')}@example.org`;
    const issued = await t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
      token: issuerToken,
      json: { recipient: { email: work } },
    });
    expect(issued.status).toBe(201);

    const account = await get(learner, '/account');
    expect(account.text).toContain('Send verification link');
    expect(account.text).toContain('Download all my data');
    const added = await post(learner, '/account/emails', { email: work });
    expect(added.status, added.text).toBe(200);
    expect(added.text).toContain(`sent a verification link to ${work}`);

    const link = await latestLink(learner, work);
    expect(link.pathname).toBe('/verify-email');
    const shown = await get(learner, `${link.pathname}${link.search}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(`Verify ${work}`);
    // GET changed nothing.
    expect((await get(learner, '/account')).text).toMatch(
      new RegExp(`${work}[^<]*<span class="hint">not yet verified`),
    );
    expect(
      (await t.request('GET', '/api/v1/me/credentials', { cookie: learner.cookie })).json
        .credentials,
    ).toHaveLength(0);

    const done = await t.request('POST', '/verify-email', {
      cookie: learner.cookie,
      ...form({ _csrf: csrfOf(shown.text), token: link.searchParams.get('token')! }),
    });
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain('1 credential issued to it is now in your wallet');
    // Used once: the link is now refused.
    expect((await get(learner, `${link.pathname}${link.search}`)).status).toBe(404);

    const walletPage = await get(learner, '/wallet');
    expect(walletPage.text).toContain('Valid');
    const id = /href="\/wallet\/([0-9a-f-]{36})"/.exec(walletPage.text)![1]!;
    const detail = await get(learner, `/wallet/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('<details>');
    expect(detail.text).toContain('Signature: OK.');
  });

  it('refuses a form post without the CSRF token', async () => {
    const learner = await signUpPerson(t, 'Csrf');
    const response = await t.request('POST', '/account/emails', {
      cookie: learner.cookie,
      ...form({ email: `${unique('x')}@example.org` }),
    });
    expect(response.status).toBe(403);
  });
});

describe('wallet pages', () => {
  it('show statuses in words, warn about an unknown issuer, and filter with a GET form', async () => {
    const learner = await signUpPerson(t, 'Wallet page');
    const outsider = await issuerKey(5);
    const good = await signCredential(buildOpenBadgeCredential(outsider.controller), {
      key: outsider,
      now: '2024-01-01T00:00:00Z',
    });
    await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify(good),
      receivedAs: 'json',
      source: 'imported',
    });
    await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify({ ...good, name: 'Forged' }),
      receivedAs: 'json',
      source: 'imported',
    });
    const page = await get(learner, '/wallet');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Not valid: failed verification');
    expect(page.text).toContain('Warning: issuer not known to Skillmark');
    expect(page.text).toContain('<form class="stack" method="get" action="/wallet"');
    const filtered = await get(learner, '/wallet?status=invalid');
    expect(filtered.text).toContain('Not valid: failed verification');
    expect(filtered.text).not.toContain('status-active');

    // Someone else's entry is not found; signed out, the wallet asks to sign in.
    const id = /href="\/wallet\/([0-9a-f-]{36})"/.exec(page.text)![1]!;
    const other = await signUpPerson(t, 'Snoop');
    expect((await get(other, `/wallet/${id}`)).status).toBe(404);
    const signedOut = await t.request('GET', '/wallet');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/sign-in/);

    // An imported entry can be removed from its page.
    const detail = await get(learner, `/wallet/${id}`);
    const removed = await t.request('POST', `/wallet/${id}/remove`, {
      cookie: learner.cookie,
      ...form({ _csrf: csrfOf(detail.text) }),
    });
    expect(removed.status).toBe(303);
    expect((await get(learner, `/wallet/${id}`)).status).toBe(404);
  });
});

describe('account deletion page', () => {
  it('asks for the password and confirmation, then deletes and signs out', async () => {
    const learner = await signUpPerson(t, 'Leaver');
    const page = await get(learner, '/account/delete');
    expect(page.text).toContain('What issuers keep');
    const unconfirmed = await post(learner, '/account/delete', { password: learner.password });
    expect(unconfirmed.status).toBe(400);
    const wrong = await post(learner, '/account/delete', { password: 'nope', confirm: 'yes' });
    expect(wrong.status).toBe(400);
    const done = await post(learner, '/account/delete', {
      password: learner.password,
      confirm: 'yes',
    });
    expect(done.status).toBe(303);
    expect((await get(learner, '/account')).status).toBe(303);
  });
});
