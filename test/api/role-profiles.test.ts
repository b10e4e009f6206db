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
import { type EscoSlice, seedEscoSlice } from '../helpers/goal-factories.ts';

let t: TestApp;
let esco: EscoSlice;
let owner: TestPerson;
let viewer: TestPerson;
let learner: TestPerson;
let slug: string;
let rivalToken: string;
let rivalSlug: string;
let profileId: string;

const me = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

beforeAll(async () => {
  t = await createTestApp();
  esco = await seedEscoSlice(t);
  owner = await signUpPerson(t, 'Employer');
  ({ slug } = await createOrganizationOwnedBy(t, owner, 'employer'));
  viewer = await signUpPerson(t, 'Recruiter');
  await addMember(t, owner, slug, viewer, 'viewer');
  learner = await signUpPerson(t, 'Learner');
  const rival = await signUpPerson(t, 'Rival');
  ({ slug: rivalSlug } = await createOrganizationOwnedBy(t, rival, 'employer'));
  rivalToken = (await createToken(t, rival, rivalSlug, 'owner')).secret;
});
afterAll(() => t.close());

describe('role profiles', () => {
  it('creates a job profile from an ESCO occupation, then overrides one skill', async () => {
    const created = await t.request('POST', `/api/v1/organizations/${slug}/role-profiles`, {
      ...me(owner),
      json: {
        title: 'Junior data engineer',
        fromOccupationId: esco.occupationId,
        skills: [{ uri: esco.skill.cloud.uri, importance: 'required', minLevel: 'B2' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    profileId = created.json.id;
    expect(created.json.owner).toMatchObject({ kind: 'organization', slug });
    expect(created.json.sourceOccupation.id).toBe(esco.occupationId);
    const importance = Object.fromEntries(
      created.json.skills.map((s: { label: string; importance: string }) => [
        s.label,
        s.importance,
      ]),
    );
    expect(importance).toEqual({
      Python: 'required',
      SQL: 'required',
      databases: 'required',
      'cloud technologies': 'required',
    });
    expect(created.json.skills.find((s: { minLevel: string | null }) => s.minLevel)).toMatchObject({
      minLevel: 'B2',
    });
  });

  it('lets members read, owners edit, and hides the profile from everyone else', async () => {
    const read = await t.request('GET', `/api/v1/role-profiles/${profileId}`, me(viewer));
    expect(read.status).toBe(200);
    const viewerEdit = await t.request('PATCH', `/api/v1/role-profiles/${profileId}`, {
      ...me(viewer),
      json: { title: 'Hijacked' },
    });
    expect(viewerEdit.status).toBe(404);
    for (const options of [me(learner), { token: rivalToken }]) {
      expect((await t.request('GET', `/api/v1/role-profiles/${profileId}`, options)).status).toBe(
        404,
      );
      expect(
        (await t.request('DELETE', `/api/v1/role-profiles/${profileId}`, options)).status,
      ).toBe(404);
    }
    const list = await t.request('GET', `/api/v1/organizations/${slug}/role-profiles`, {
      token: rivalToken,
    });
    expect(list.status).toBe(404);
    const edited = await t.request('PATCH', `/api/v1/role-profiles/${profileId}`, {
      ...me(owner),
      json: {
        title: 'Data engineer',
        skills: [{ competencyId: esco.skill.sql.id, importance: 'nice-to-have' }],
      },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.title).toBe('Data engineer');
    expect(edited.json.skills).toHaveLength(1);
    expect(edited.json.skills[0]).toMatchObject({ label: 'SQL', importance: 'nice-to-have' });
  });

  it('refuses unknown skills and fields with problems naming them', async () => {
    const unknown = await t.request('POST', `/api/v1/organizations/${slug}/role-profiles`, {
      ...me(owner),
      json: {
        title: 'X',
        skills: [{ uri: 'https://nowhere.example/skill', importance: 'required' }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toContain('skills.0.uri');
    const bad = await t.request('POST', '/api/v1/learners/me/role-profiles', {
      ...me(learner),
      json: {
        title: '',
        skills: [{ competencyId: esco.skill.sql.id, importance: 'vital' }],
        colour: 'red',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it("keeps a learner's own profile private and usable as a goal", async () => {
    const created = await t.request('POST', '/api/v1/learners/me/role-profiles', {
      ...me(learner),
      json: {
        title: 'My dream job',
        skills: [{ competencyId: esco.skill.python.id, importance: 'required' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.owner).toEqual({ kind: 'account', accountId: learner.accountId });
    const mine = await t.request('GET', '/api/v1/learners/me/role-profiles', me(learner));
    expect(mine.json.roleProfiles.map((p: { id: string }) => p.id)).toEqual([created.json.id]);
    expect(
      (await t.request('GET', `/api/v1/role-profiles/${created.json.id}`, me(owner))).status,
    ).toBe(404);
    const goal = await t.request('POST', '/api/v1/learners/me/goals', {
      ...me(learner),
      json: { roleProfileId: created.json.id },
    });
    expect(goal.status, goal.text).toBe(201);
    const foreign = await t.request('POST', '/api/v1/learners/me/goals', {
      ...me(learner),
      json: { roleProfileId: profileId },
    });
    expect(foreign.status).toBe(400);
    const gap = await t.request(
      'GET',
      `/api/v1/learners/me/goals/${goal.json.id}/gap`,
      me(learner),
    );
    expect(gap.json.gap.skills.map((s: { label: string }) => s.label)).toEqual(['Python']);
  });

  it('deletes a profile', async () => {
    const deleted = await t.request('DELETE', `/api/v1/role-profiles/${profileId}`, me(owner));
    expect(deleted.status).toBe(204);
    expect((await t.request('GET', `/api/v1/role-profiles/${profileId}`, me(owner))).status).toBe(
      404,
    );
  });
});
