import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema.ts';
import { trustRegistryLookup } from '../../src/services/trust-registry/lookup.ts';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  unique,
} from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
const clock = { now: new Date('2026-06-01T08:00:00Z') };
let issuer: IssuerFixture;
let content: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  issuer = await createIssuer(t);
  const learner = await signUpPerson(t, 'Tess Trust');
  ({ content } = await awardIntoWallet(t, issuer, learner));
});
afterAll(() => t.close());

const path = '/api/v1/admin/trust-registry';
const asAdmin = (method: string, url: string, json?: unknown) =>
  t.request(method, url, { token: testAdminToken, json });
const trustOf = async () => {
  const result = await t.ctx.verifyCredential(JSON.parse(content));
  return result.checks.find((check) => check.check === 'trust')!;
};

describe('trust registry API', () => {
  it('is for platform administrators only: anonymous 401, members and tokens 403', async () => {
    expect((await t.request('GET', path)).status).toBe(401);
    expect((await t.request('GET', path, { token: issuer.token })).status).toBe(403);
    const owner = await signUpPerson(t, 'Owner Olga');
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const ownerToken = (await createToken(t, owner, slug, 'owner')).secret;
    const added = await t.request('POST', path, {
      token: ownerToken,
      json: { kind: 'organization', organization: slug },
    });
    expect(added.status).toBe(403);
    expect(added.json.detail).toContain('Only platform administrators');
    const byCookie = await t.request('GET', path, { cookie: owner.cookie, headers: sameOrigin });
    expect(byCookie.status).toBe(403);
  });

  it('vouches for one of our organizations with its accreditation, then says when it lapsed', async () => {
    // Hosted here is not vetted: without an entry, our own organization is a point to check.
    expect(await trustOf()).toMatchObject({ outcome: 'warning' });
    expect((await trustOf()).message).toContain(
      'an organization on this platform but not on its list',
    );
    const added = await asAdmin('POST', path, {
      kind: 'organization',
      organization: issuer.slug,
      accreditingBody: 'Quality Agency',
      accreditationId: 'QA-7',
      accreditationUrl: 'https://qa.example.org/register/QA-7',
      validUntil: '2026-12-31',
    });
    expect(added.status, added.text).toBe(201);
    expect(added.headers.get('location')).toBe(`${path}/${added.json.id}`);
    expect(added.json).toMatchObject({ kind: 'organization', issuer: issuer.slug, current: true });

    const vouched = await trustOf();
    expect(vouched.outcome).toBe('passed');
    expect(vouched.message).toContain(added.json.name);
    expect(vouched.message).toContain('accredited by Quality Agency (ref. QA-7)');
    expect(vouched.detail).toContain(`trust registry entry ${added.json.id}`);

    clock.now = new Date('2027-01-01T08:00:00Z');
    try {
      const lapsed = await trustOf();
      expect(lapsed.outcome).toBe('warning');
      expect(lapsed.message).toContain('no longer trusted');
      expect(lapsed.message).toContain('2026-12-31');
      const listed = await asAdmin('GET', `${path}/${added.json.id}`);
      expect(listed.json.current).toBe(false);

      const renewed = await asAdmin('PATCH', `${path}/${added.json.id}`, {
        validUntil: '2029-12-31',
        notes: 'Re-accredited after the 2026 review.',
      });
      expect(renewed.status, renewed.text).toBe(200);
      expect(renewed.json).toMatchObject({ validUntil: '2029-12-31', current: true });
      expect((await trustOf()).outcome).toBe('passed');
    } finally {
      clock.now = new Date('2026-06-01T08:00:00Z');
    }

    expect((await asAdmin('DELETE', `${path}/${added.json.id}`)).status).toBe(204);
    expect((await trustOf()).message).toContain(
      'an organization on this platform but not on its list',
    );
    expect((await asAdmin('GET', `${path}/${added.json.id}`)).status).toBe(404);

    const audit = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, added.json.id));
    expect(audit.map((event) => event.action)).toEqual([
      'trust-registry.entry-added',
      'trust-registry.entry-changed',
      'trust-registry.entry-removed',
    ]);
  });

  it('matches external issuers by domain (did:web host or https URL) and by exact DID', async () => {
    const domain = `${unique('uni')}.example.edu`;
    const byDomain = await asAdmin('POST', path, {
      kind: 'domain',
      domain: domain.toUpperCase(),
      name: 'Example University',
    });
    expect(byDomain.status, byDomain.text).toBe(201);
    expect(byDomain.json.issuer).toBe(domain);
    const lookup = trustRegistryLookup(t.ctx);
    expect(await lookup(`did:web:${domain}:issuers:7`)).toMatchObject({
      trust: 'trusted',
      entry: { id: byDomain.json.id, name: 'Example University' },
    });
    expect(await lookup(`https://${domain}/issuer`)).toMatchObject({ trust: 'trusted' });
    expect(await lookup(`did:web:other.${domain}`)).toBe('unknown');

    const did = `did:web:${domain}:faculty:law`;
    const byDid = await asAdmin('POST', path, {
      kind: 'did',
      did,
      name: 'Faculty of Law',
      validUntil: '2025-01-31',
    });
    expect(byDid.status, byDid.text).toBe(201);
    // The DID's own entry lapsed; the university's domain entry still vouches.
    expect(await lookup(did)).toMatchObject({ trust: 'trusted', entry: { id: byDomain.json.id } });

    const list = await asAdmin('GET', path);
    expect(list.json.entries.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([byDomain.json.id, byDid.json.id]),
    );
  });

  it('refuses duplicates and bad entries with problems naming the field', async () => {
    const domain = `${unique('dup')}.example.org`;
    expect((await asAdmin('POST', path, { kind: 'domain', domain, name: 'A' })).status).toBe(201);
    const again = await asAdmin('POST', path, { kind: 'domain', domain, name: 'B' });
    expect(again.status).toBe(409);

    const bad = await asAdmin('POST', path, {
      kind: 'domain',
      domain: 'https://x.example.org/path',
      name: 'X',
      accreditationUrl: 'http://insecure.example.org',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'accreditationUrl',
      'domain',
    ]);
    const unknownOrg = await asAdmin('POST', path, {
      kind: 'organization',
      organization: 'no-such-org',
    });
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.json.errors[0].field).toBe('organization');
    const unknownField = await asAdmin('PATCH', `${path}/${crypto.randomUUID()}`, { did: 'x' });
    expect(unknownField.status).toBe(400);
    const missing = await asAdmin('PATCH', `${path}/${crypto.randomUUID()}`, { notes: 'x' });
    expect(missing.status).toBe(404);
  });
});
