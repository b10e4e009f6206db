import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPresentation,
  type Ed25519KeyPair,
  signCredential,
  signPresentation,
} from '../../src/credentials/index.ts';
import { buildOpenBadgeCredential, issuerKey } from '../../src/credentials/testing/fixtures.ts';
import { listNotifications } from '../../src/db/repositories/notifications.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
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
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let achievementId: string;
const clock = { now: new Date('2026-05-01T12:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

function award(recipient: { email: string } | { did: string }, format?: string) {
  return t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
    token: issuerToken,
    json: { recipient, ...(format ? { format } : {}) },
  });
}

const me = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

/** The token of the newest verification link mailed to `email`. */
async function verificationTokenFor(person: TestPerson, email: string): Promise<string> {
  const mails = await listNotifications(t.ctx.db, { accountId: person.accountId });
  const mail = mails.find((m) => m.kind === 'email.verify' && m.email === email);
  if (!mail?.link) throw new Error(`no verification mail to ${email}`);
  return new URL(mail.link).searchParams.get('token')!;
}

async function verifyAddress(person: TestPerson, email: string) {
  const token = await verificationTokenFor(person, email);
  return t.request('POST', '/api/v1/me/emails/verify', { ...me(person), json: { token } });
}

async function wallet(person: TestPerson, query = '') {
  const response = await t.request('GET', `/api/v1/me/credentials${query}`, me(person));
  expect(response.status, response.text).toBe(200);
  return response.json.credentials as Array<Record<string, unknown>>;
}

describe('wallet and deposit', () => {
  it('claims a credential issued before the address was verified, once it is verified', async () => {
    const learner = await signUpPerson(t, 'Ada');
    const issued = await award({ email: learner.email });
    expect(issued.status, issued.text).toBe(201);
    // The sign-up address is unverified: nothing lands yet.
    expect(await wallet(learner)).toHaveLength(0);

    const resend = await t.request(
      'POST',
      `/api/v1/me/emails/${encodeURIComponent(learner.email)}/verification`,
      me(learner),
    );
    expect(resend.status, resend.text).toBe(202);
    const verified = await verifyAddress(learner, learner.email);
    expect(verified.status, verified.text).toBe(200);
    expect(verified.json).toMatchObject({ email: learner.email, claimed: 1 });

    const entries = await wallet(learner);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: 'issued',
      receivedAs: 'json',
      status: 'valid',
      achievementName: expect.any(String),
    });
    expect((entries[0]!.skills as unknown[]).length).toBeGreaterThan(0);

    // Issued after verification: lands at once.
    const second = await award({ email: learner.email }, 'vc-jwt');
    expect(second.status, second.text).toBe(201);
    const after = await wallet(learner);
    expect(after).toHaveLength(2);
    expect(after.map((e) => e.receivedAs).sort()).toEqual(['json', 'jwt']);
  });

  it('a verification token works once, only for its account, and not after 24 hours', async () => {
    const learner = await signUpPerson(t, 'Once');
    const other = await signUpPerson(t, 'Other');
    const extra = `${unique('extra')}@example.org`;
    const added = await t.request('POST', '/api/v1/me/emails', {
      ...me(learner),
      json: { email: extra },
    });
    expect(added.status, added.text).toBe(202);
    const token = await verificationTokenFor(learner, extra);

    const stolen = await t.request('POST', '/api/v1/me/emails/verify', {
      ...me(other),
      json: { token },
    });
    expect(stolen.status).toBe(404);
    const first = await t.request('POST', '/api/v1/me/emails/verify', {
      ...me(learner),
      json: { token },
    });
    expect(first.status, first.text).toBe(200);
    const again = await t.request('POST', '/api/v1/me/emails/verify', {
      ...me(learner),
      json: { token },
    });
    expect(again.status).toBe(404);

    const late = `${unique('late')}@example.org`;
    await t.request('POST', '/api/v1/me/emails', { ...me(learner), json: { email: late } });
    const lateToken = await verificationTokenFor(learner, late);
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 25 * 3600_000);
    try {
      const expired = await t.request('POST', '/api/v1/me/emails/verify', {
        ...me(learner),
        json: { token: lateToken },
      });
      expect(expired.status).toBe(404);
    } finally {
      clock.now = saved;
    }
    // Stored hashed: the table holds the token's SHA-256, never the token.
    const hash = createHash('sha256').update(token).digest('hex');
    const stored = (
      (await t.ctx.db.execute(
        sql`select token_hash from email_verifications where token_hash in (${token}, ${hash})`,
      )) as unknown as { rows: Array<{ token_hash: string }> }
    ).rows;
    expect(stored.map((r) => r.token_hash)).toEqual([hash]);
  });

  it('removing or changing an address never loses a credential', async () => {
    const learner = await signUpPerson(t, 'Mover');
    const work = `${unique('work')}@example.org`;
    await t.request('POST', '/api/v1/me/emails', { ...me(learner), json: { email: work } });
    expect((await verifyAddress(learner, work)).status).toBe(200);
    expect((await award({ email: work })).status).toBe(201);
    expect(await wallet(learner)).toHaveLength(1);

    // The primary address cannot be removed; an unverified one cannot become primary.
    const removePrimary = await t.request(
      'DELETE',
      `/api/v1/me/emails/${encodeURIComponent(learner.email)}`,
      me(learner),
    );
    expect(removePrimary.status).toBe(409);
    const unverifiedPrimary = await t.request(
      'POST',
      `/api/v1/me/emails/${encodeURIComponent(learner.email)}/primary`,
      me(learner),
    );
    expect(unverifiedPrimary.status).toBe(400);

    const primary = await t.request(
      'POST',
      `/api/v1/me/emails/${encodeURIComponent(work)}/primary`,
      me(learner),
    );
    expect(primary.status, primary.text).toBe(200);
    const removed = await t.request(
      'DELETE',
      `/api/v1/me/emails/${encodeURIComponent(learner.email)}`,
      me(learner),
    );
    expect(removed.status, removed.text).toBe(204);
    expect(await wallet(learner)).toHaveLength(1);
  });

  it('filters by issuer, skill, date and status', async () => {
    const learner = await signUpPerson(t, 'Filter');
    await t.request(
      'POST',
      `/api/v1/me/emails/${encodeURIComponent(learner.email)}/verification`,
      me(learner),
    );
    await verifyAddress(learner, learner.email);
    await award({ email: learner.email });
    const [entry] = await wallet(learner);
    const skill = (entry!.skills as Array<{ name: string }>)[0]!.name;
    expect(await wallet(learner, `?skill=${encodeURIComponent(skill.slice(0, 5))}`)).toHaveLength(
      1,
    );
    expect(await wallet(learner, '?skill=no-such-skill')).toHaveLength(0);
    expect(
      await wallet(learner, `?issuer=${encodeURIComponent(String(entry!.issuerId))}`),
    ).toHaveLength(1);
    expect(await wallet(learner, '?issuer=nobody')).toHaveLength(0);
    expect(await wallet(learner, '?from=2026-05-01&to=2026-05-01')).toHaveLength(1);
    expect(await wallet(learner, '?to=2026-04-30')).toHaveLength(0);
    expect(await wallet(learner, '?status=revoked')).toHaveLength(0);
    const bad = await t.request('GET', '/api/v1/me/credentials?from=yesterday', me(learner));
    expect(bad.status).toBe(400);
  });
});

describe('imported credentials are verified, never trusted', () => {
  let learner: TestPerson;
  let outsider: Ed25519KeyPair;
  beforeAll(async () => {
    learner = await signUpPerson(t, 'Importer');
    outsider = await issuerKey(3);
  });

  async function signedElsewhere() {
    return signCredential(buildOpenBadgeCredential(outsider.controller), {
      key: outsider,
      now: '2024-01-01T00:00:00Z',
    });
  }

  it('an unknown issuer is only a warning: the credential is valid', async () => {
    const view = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify(await signedElsewhere()),
      receivedAs: 'json',
      source: 'imported',
    });
    expect(view.status).toBe('valid');
    expect(view.verification.find((c) => c.check === 'trust')?.outcome).toBe('warning');
  });

  it('a tampered credential is kept as invalid, and importing it twice keeps one entry', async () => {
    const signed = await signedElsewhere();
    const tampered = JSON.stringify({ ...signed, name: 'Brain surgery' });
    const first = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: tampered,
      receivedAs: 'json',
      source: 'imported',
    });
    expect(first.status).toBe('invalid');
    const second = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: tampered,
      receivedAs: 'json',
      source: 'imported',
    });
    expect(second.id).toBe(first.id);
    const detail = await t.request('GET', `/api/v1/me/credentials/${first.id}`, me(learner));
    expect(detail.status).toBe(200);
    expect(detail.json.status).toBe('invalid');
  });

  it('a revoked credential is stored as revoked, and the detail re-verifies live', async () => {
    const issued = await award({ email: `${unique('someone')}@example.org` });
    const view = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify(issued.json.verifiableCredential),
      receivedAs: 'json',
      source: 'imported',
    });
    expect(view.status).toBe('valid');
    // The published status list is cached per update time; let the clock move as it would.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const revoked = await t.request('POST', `/api/v1/credentials/${issued.json.id}/status`, {
      token: issuerToken,
      json: { action: 'revoke', reason: 'Issued by mistake' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    // The list shows the cached status until the entry is looked at again.
    const detail = await t.request('GET', `/api/v1/me/credentials/${view.id}`, me(learner));
    expect(detail.json.status).toBe('revoked');
    const listed = await wallet(learner, '?status=revoked');
    expect(listed.map((e) => e.id)).toContain(view.id);

    const again = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify({ ...issued.json.verifiableCredential, id: 'urn:uuid:changed' }),
      receivedAs: 'json',
      source: 'imported',
    });
    expect(again.status).not.toBe('valid');
  });

  it('an imported credential can be removed; an issued one stays', async () => {
    const view = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify(await signedElsewhere()).replace('Teamwork', 'Teamwork '),
      receivedAs: 'json',
      source: 'imported',
    });
    const removed = await t.request('DELETE', `/api/v1/me/credentials/${view.id}`, me(learner));
    expect(removed.status).toBe(204);
    const gone = await t.request('GET', `/api/v1/me/credentials/${view.id}`, me(learner));
    expect(gone.status).toBe(404);
  });
});

describe('privacy', () => {
  it('another learner never sees a wallet entry; signed-out and token callers get 401', async () => {
    const alice = await signUpPerson(t, 'Alice');
    const mallory = await signUpPerson(t, 'Mallory');
    const view = await addToWallet(t.ctx, t.ctx.verifyCredential, alice.accountId, {
      content: JSON.stringify({ not: 'a credential' }),
      receivedAs: 'json',
      source: 'imported',
    });
    expect(view.status).toBe('invalid');
    for (const method of ['GET', 'DELETE']) {
      const response = await t.request(method, `/api/v1/me/credentials/${view.id}`, me(mallory));
      expect(response.status).toBe(404);
    }
    expect((await wallet(mallory)).map((e) => e.id)).not.toContain(view.id);
    for (const path of [
      '/api/v1/me/credentials',
      `/api/v1/me/credentials/${view.id}`,
      '/api/v1/me/export',
      '/api/v1/me/emails',
      '/api/v1/me/dids',
    ]) {
      expect((await t.request('GET', path)).status).toBe(401);
      expect((await t.request('GET', path, { token: issuerToken })).status).toBe(401);
    }
    const removeOthers = await t.request(
      'DELETE',
      `/api/v1/me/emails/${encodeURIComponent(alice.email)}`,
      me(mallory),
    );
    expect(removeOthers.status).toBe(404);
  });
});

describe('DIDs', () => {
  let holder: Ed25519KeyPair;
  beforeAll(async () => {
    holder = await issuerKey(11);
  });

  async function prove(person: TestPerson, challenge: string, domain: string) {
    const presentation = await signPresentation(
      buildPresentation({ holder: holder.controller, verifiableCredential: [] }),
      { key: holder, challenge, domain, now: clock.now },
    );
    return t.request('POST', '/api/v1/me/dids', {
      ...me(person),
      json: { challenge, presentation },
    });
  }

  it('refuses a proof over another challenge or domain, then links the DID and claims', async () => {
    const learner = await signUpPerson(t, 'Did holder');
    const issued = await award({ did: holder.controller });
    expect(issued.status, issued.text).toBe(201);
    const { challenge, domain } = (
      await t.request('POST', '/api/v1/me/dids/challenge', me(learner))
    ).json;
    expect(domain).toBe('localhost:3000');

    // Signed over a different challenge than the one presented.
    const presentation = await signPresentation(
      buildPresentation({ holder: holder.controller, verifiableCredential: [] }),
      { key: holder, challenge: 'not-the-challenge', domain, now: clock.now },
    );
    const wrong = await t.request('POST', '/api/v1/me/dids', {
      ...me(learner),
      json: { challenge, presentation },
    });
    expect(wrong.status).toBe(400);
    expect((await prove(learner, challenge, 'evil.example')).status).toBe(400);
    // A made-up challenge, or another account's, is refused before any signature check.
    expect((await prove(learner, 'abc.9999999999999.xyz', domain)).status).toBe(400);
    const other = await signUpPerson(t, 'Other holder');
    expect((await prove(other, challenge, domain)).status).toBe(400);

    const linked = await prove(learner, challenge, domain);
    expect(linked.status, linked.text).toBe(201);
    expect(linked.json).toMatchObject({ did: holder.controller, claimed: 1 });
    expect(await wallet(learner)).toHaveLength(1);

    // Issued to the DID from now on: lands at once.
    expect((await award({ did: holder.controller })).status).toBe(201);
    expect(await wallet(learner)).toHaveLength(2);
    // The same DID cannot be linked to a second account.
    const taken = await prove(
      other,
      (await t.request('POST', '/api/v1/me/dids/challenge', me(other))).json.challenge,
      domain,
    );
    expect(taken.status).toBe(409);
  });
});
