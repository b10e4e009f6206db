import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
});
afterAll(() => t.close());

describe('organizations', () => {
  it('the founder becomes owner and the profile is public', async () => {
    const me = await t.request('GET', '/api/v1/me', { cookie: owner.cookie });
    expect(me.json.organizations).toContainEqual(expect.objectContaining({ slug, role: 'owner' }));
    const profile = await t.request('GET', `/api/v1/organizations/${slug}`);
    expect(profile.status).toBe(200);
    expect(profile.json).toMatchObject({ slug, kind: 'university' });
  });

  it('refuses a taken slug with 409 and a bad slug with the field named', async () => {
    const taken = await t.request('POST', '/api/v1/organizations', {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { slug, name: 'Again', kind: 'employer' },
    });
    expect(taken.status).toBe(409);
    const bad = await t.request('POST', '/api/v1/organizations', {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { slug: 'Bad Slug!', name: 'X Y', kind: 'employer' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('slug');
  });

  it('anonymous people cannot create organizations (401)', async () => {
    const response = await t.request('POST', '/api/v1/organizations', {
      json: { slug: unique('o'), name: 'Nope', kind: 'employer' },
    });
    expect(response.status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another site (CSRF)', async () => {
    const response = await t.request('PATCH', `/api/v1/organizations/${slug}`, {
      cookie: owner.cookie,
      headers: { origin: 'https://evil.example' },
      json: { name: 'Hijacked' },
    });
    expect(response.status).toBe(403);
    expect((await t.request('GET', `/api/v1/organizations/${slug}`)).json.name).not.toBe(
      'Hijacked',
    );
  });

  it('a member of organization A cannot act on organization B', async () => {
    const otherOwner = await signUpPerson(t, 'Other owner');
    const other = await createOrganizationOwnedBy(t, otherOwner);
    const update = await t.request('PATCH', `/api/v1/organizations/${other.slug}`, {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { name: 'Taken over' },
    });
    expect(update.status).toBe(403);
    const members = await t.request('GET', `/api/v1/organizations/${other.slug}/members`, {
      cookie: owner.cookie,
    });
    expect(members.status).toBe(403);
    expect(members.text).not.toContain(otherOwner.email);
    const join = await t.request('PUT', `/api/v1/organizations/${other.slug}/members`, {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { email: owner.email, role: 'owner' },
    });
    expect(join.status).toBe(403);
  });

  it('a viewer can read members but not manage them or change the organization', async () => {
    const viewer = await signUpPerson(t, 'Viewer');
    await addMember(t, owner, slug, viewer, 'viewer');
    expect(
      (await t.request('GET', `/api/v1/organizations/${slug}/members`, { cookie: viewer.cookie }))
        .status,
    ).toBe(200);
    const promote = await t.request('PUT', `/api/v1/organizations/${slug}/members`, {
      cookie: viewer.cookie,
      headers: sameOrigin,
      json: { email: viewer.email, role: 'owner' },
    });
    expect(promote.status).toBe(403);
    const edit = await t.request('PATCH', `/api/v1/organizations/${slug}`, {
      cookie: viewer.cookie,
      headers: sameOrigin,
      json: { name: 'Viewer was here' },
    });
    expect(edit.status).toBe(403);
  });

  it('the last owner cannot be removed or demoted, and nothing changes', async () => {
    const solo = await signUpPerson(t, 'Solo');
    const org = await createOrganizationOwnedBy(t, solo);
    const demote = await t.request('PUT', `/api/v1/organizations/${org.slug}/members`, {
      cookie: solo.cookie,
      headers: sameOrigin,
      json: { email: solo.email, role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    const remove = await t.request(
      'DELETE',
      `/api/v1/organizations/${org.slug}/members/${solo.accountId}`,
      { cookie: solo.cookie, headers: sameOrigin },
    );
    expect(remove.status).toBe(409);
    const members = await t.request('GET', `/api/v1/organizations/${org.slug}/members`, {
      cookie: solo.cookie,
    });
    expect(members.json.members).toEqual([
      expect.objectContaining({ accountId: solo.accountId, role: 'owner' }),
    ]);
  });

  it('owners add, change and remove members, and each change is audited', async () => {
    const person = await signUpPerson(t, 'Assessor');
    await addMember(t, owner, slug, person, 'assessor');
    await addMember(t, owner, slug, person, 'issuer');
    const removed = await t.request(
      'DELETE',
      `/api/v1/organizations/${slug}/members/${person.accountId}`,
      { cookie: owner.cookie, headers: sameOrigin },
    );
    expect(removed.status).toBe(204);
    const audit = await t.request('GET', `/api/v1/organizations/${slug}/audit-events`, {
      cookie: owner.cookie,
    });
    const actions = audit.json.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.set', 'member.removed', 'organization.created']),
    );
  });

  it('adding an unknown email says what to do', async () => {
    const response = await t.request('PUT', `/api/v1/organizations/${slug}/members`, {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { email: 'nobody-here@example.org', role: 'viewer' },
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toMatch(/sign up/);
    expect(response.json.errors[0].field).toBe('email');
  });

  it('the operator admin token may act on any organization', async () => {
    const response = await t.request('PATCH', `/api/v1/organizations/${slug}`, {
      token: testAdminToken,
      json: { description: 'Set by the operator' },
    });
    expect(response.status).toBe(200);
    expect(response.json.description).toBe('Set by the operator');
  });
});
