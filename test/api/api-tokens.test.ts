import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let clock = new Date('2026-03-01T09:00:00Z');
let t: TestApp;
let owner: TestPerson;
let slug: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('are shown once, stored hashed, and listed without their secret', async () => {
    const { secret } = await createToken(t, owner, slug, 'issuer');
    expect(secret).toMatch(/^skm_[\w-]{43}$/);
    const list = await t.request('GET', `/api/v1/organizations/${slug}/tokens`, {
      cookie: owner.cookie,
    });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(secret);
    expect(list.json.tokens[0].prefix).toBe(secret.slice(0, 10));
    const stored = JSON.stringify(await t.ctx.db.query.apiTokens.findMany());
    expect(stored).not.toContain(secret);
  });

  it('act for their organization with their role', async () => {
    const { secret } = await createToken(t, owner, slug, 'viewer');
    const members = await t.request('GET', `/api/v1/organizations/${slug}/members`, {
      token: secret,
    });
    expect(members.status).toBe(200);
    const edit = await t.request('PATCH', `/api/v1/organizations/${slug}`, {
      token: secret,
      json: { name: 'Viewer token edit' },
    });
    expect(edit.status).toBe(403);
    const mint = await t.request('POST', `/api/v1/organizations/${slug}/tokens`, {
      token: secret,
      json: { name: 'escalate', role: 'owner' },
    });
    expect(mint.status).toBe(403);
  });

  it("never act on another organization's data", async () => {
    const { secret } = await createToken(t, owner, slug, 'owner');
    const otherOwner = await signUpPerson(t, 'Other');
    const other = await createOrganizationOwnedBy(t, otherOwner);
    for (const [method, path, json] of [
      ['GET', `/api/v1/organizations/${other.slug}/members`, undefined],
      ['GET', `/api/v1/organizations/${other.slug}/tokens`, undefined],
      ['POST', `/api/v1/organizations/${other.slug}/tokens`, { name: 'x', role: 'issuer' }],
      ['PATCH', `/api/v1/organizations/${other.slug}`, { name: 'Stolen' }],
    ] as const) {
      const response = await t.request(method, path, { token: secret, json });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('stop working when revoked (401), and revoking twice is 404', async () => {
    const { secret, id } = await createToken(t, owner, slug, 'issuer');
    expect(
      (await t.request('GET', `/api/v1/organizations/${slug}/members`, { token: secret })).status,
    ).toBe(200);
    const revoke = await t.request('DELETE', `/api/v1/organizations/${slug}/tokens/${id}`, {
      cookie: owner.cookie,
      headers: sameOrigin,
    });
    expect(revoke.status).toBe(204);
    const after = await t.request('GET', `/api/v1/organizations/${slug}/members`, {
      token: secret,
    });
    expect(after.status).toBe(401);
    expect(after.json.detail).toMatch(/revoked/);
    const again = await t.request('DELETE', `/api/v1/organizations/${slug}/tokens/${id}`, {
      cookie: owner.cookie,
      headers: sameOrigin,
    });
    expect(again.status).toBe(404);
  });

  it('stop working once expired (401)', async () => {
    const { secret } = await createToken(t, owner, slug, 'issuer', 1);
    expect(
      (await t.request('GET', `/api/v1/organizations/${slug}/members`, { token: secret })).status,
    ).toBe(200);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    const response = await t.request('GET', `/api/v1/organizations/${slug}/members`, {
      token: secret,
    });
    expect(response.status).toBe(401);
    expect(response.json.detail).toMatch(/expired/);
  });

  it('an unknown or malformed bearer is refused, never treated as anonymous', async () => {
    expect(
      (await t.request('GET', `/api/v1/organizations/${slug}`, { token: 'skm_made_up' })).status,
    ).toBe(401);
    const malformed = await t.request('GET', `/api/v1/organizations/${slug}`, {
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(403);
  });

  it('only owners manage tokens: an issuer member gets 403', async () => {
    const issuer = await signUpPerson(t, 'Issuer');
    await addMember(t, owner, slug, issuer, 'issuer');
    const response = await t.request('POST', `/api/v1/organizations/${slug}/tokens`, {
      cookie: issuer.cookie,
      headers: sameOrigin,
      json: { name: 'mine', role: 'issuer' },
    });
    expect(response.status).toBe(403);
  });

  it('token secrets never reach the logs', async () => {
    const { secret } = await createToken(t, owner, slug, 'issuer');
    await t.request('GET', `/api/v1/organizations/${slug}/members`, { token: secret });
    expect(t.logs.join('\n')).not.toContain(secret);
    expect(t.logs.join('\n')).not.toMatch(/skm_[\w-]{43}/);
  });
});
