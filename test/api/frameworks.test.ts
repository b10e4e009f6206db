import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let otherIssuerToken: string;
let frameworkId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const otherOwner = await signUpPerson(t, 'Other owner');
  const other = await createOrganizationOwnedBy(t, otherOwner);
  otherIssuerToken = (await createToken(t, otherOwner, other.slug, 'owner')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/frameworks`, {
    token: issuerToken,
    json: { title: 'Data literacy', description: 'Our own framework', language: 'en' },
  });
  expect(created.status, created.text).toBe(201);
  frameworkId = created.json.id;
});
afterAll(() => t.close());

const addCompetency = (json: unknown, token = issuerToken, id = frameworkId) =>
  t.request('POST', `/api/v1/frameworks/${id}/competencies`, { token, json });

describe('local frameworks', () => {
  it('are created by issuers and listed publicly', async () => {
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/frameworks`);
    expect(listed.status).toBe(200);
    expect(listed.json.frameworks).toContainEqual(
      expect.objectContaining({
        id: frameworkId,
        source: 'local',
        readOnly: false,
        title: 'Data literacy',
        uri: `http://localhost:3000/frameworks/${frameworkId}`,
        organization: expect.objectContaining({ slug }),
      }),
    );
    const all = await t.request('GET', '/api/v1/frameworks');
    expect(all.json.frameworks.map((f: { id: string }) => f.id)).toContain(frameworkId);
  });

  it('hold a tree of competencies with stable URIs, edited by issuers', async () => {
    const root = await addCompetency({ statement: 'Work with data', code: 'DL', type: 'Domain' });
    expect(root.status, root.text).toBe(201);
    expect(root.json.uri).toBe(`http://localhost:3000/competencies/${root.json.id}`);
    const second = await addCompetency({
      statement: 'Clean a data set',
      code: 'DL.2',
      parentId: root.json.id,
      sequenceNumber: 2,
      conceptKeywords: ['cleaning'],
    });
    const first = await addCompetency({
      statement: 'Read a CSV file',
      code: 'DL.1',
      parentId: root.json.id,
      sequenceNumber: 1,
      altLabels: ['import comma-separated values'],
      educationLevel: ['EQF 4'],
    });
    expect(second.status).toBe(201);
    const edited = await t.request('PATCH', `/api/v1/competencies/${first.json.id}`, {
      token: issuerToken,
      json: { statement: 'Read and parse a CSV file', level: 'basic' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ statement: 'Read and parse a CSV file', level: 'basic' });

    const tree = await t.request('GET', `/api/v1/frameworks/${frameworkId}`);
    expect(tree.status).toBe(200);
    expect(tree.json.truncated).toBe(false);
    const domain = tree.json.tree.find((n: { id: string }) => n.id === root.json.id);
    expect(domain.children.map((n: { code: string }) => n.code)).toEqual(['DL.1', 'DL.2']);

    const detail = await t.request('GET', `/api/v1/competencies/${first.json.id}`);
    expect(detail.json.competency.altLabels).toEqual(['import comma-separated values']);
    expect(detail.json.relations).toContainEqual(
      expect.objectContaining({
        associationType: 'isChildOf',
        direction: 'outgoing',
        other: expect.objectContaining({ id: root.json.id }),
      }),
    );
    const found = await t.request('GET', '/api/v1/competencies?q=comma-separated');
    expect(found.json.competencies.map((c: { id: string }) => c.id)).toContain(first.json.id);
  });

  it('refuse a link that would make a competency its own ancestor', async () => {
    const a = await addCompetency({ statement: 'A' });
    const b = await addCompetency({ statement: 'B', parentId: a.json.id });
    const loop = await t.request('POST', `/api/v1/frameworks/${frameworkId}/associations`, {
      token: issuerToken,
      json: { originId: a.json.id, destinationId: b.json.id, associationType: 'isChildOf' },
    });
    expect(loop.status).toBe(409);
    const related = await t.request('POST', `/api/v1/frameworks/${frameworkId}/associations`, {
      token: issuerToken,
      json: { originId: a.json.id, destinationId: b.json.id, associationType: 'precedes' },
    });
    expect(related.status, related.text).toBe(201);
    const removed = await t.request(
      'DELETE',
      `/api/v1/frameworks/${frameworkId}/associations/${related.json.id}`,
      { token: issuerToken },
    );
    expect(removed.status).toBe(204);
  });

  it('cannot be edited by another organization, a viewer or anonymously', async () => {
    const outsider = await addCompetency({ statement: 'Sneaky' }, otherIssuerToken);
    expect(outsider.status).toBe(403);
    expect(outsider.json.detail).toMatch(/owners and issuers of its organization/);
    const viewer = (await createToken(t, owner, slug, 'viewer')).secret;
    expect((await addCompetency({ statement: 'Viewer' }, viewer)).status).toBe(403);
    const anonymous = await t.request('POST', `/api/v1/frameworks/${frameworkId}/competencies`, {
      json: { statement: 'Anonymous' },
    });
    expect(anonymous.status).toBe(401);
    const createElsewhere = await t.request('POST', `/api/v1/organizations/${slug}/frameworks`, {
      token: otherIssuerToken,
      json: { title: 'Not mine' },
    });
    expect(createElsewhere.status).toBe(403);
  });

  it('refuse invalid input, naming the field', async () => {
    const response = await addCompetency({ statement: '', colour: 'red' });
    expect(response.status).toBe(400);
    const fields = response.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['statement', 'colour']));
    expect((await t.request('GET', '/api/v1/frameworks/not-a-uuid')).status).toBe(400);
    expect(
      (await t.request('GET', '/api/v1/frameworks/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });

  it('export as a CASE package that lists top-level items under the document', async () => {
    const exported = await t.request('GET', `/api/v1/frameworks/${frameworkId}/case`);
    expect(exported.status).toBe(200);
    expect(exported.json.CFDocument).toMatchObject({
      identifier: frameworkId,
      title: 'Data literacy',
    });
    const toDocument = exported.json.CFAssociations.filter(
      (a: { destinationNodeURI: { identifier: string } }) =>
        a.destinationNodeURI.identifier === frameworkId,
    );
    expect(toDocument.length).toBeGreaterThan(0);
  });

  it('may be edited by the platform operator (admin token)', async () => {
    const admin = await addCompetency({ statement: 'Added by the operator' }, testAdminToken);
    expect(admin.status, admin.text).toBe(201);
  });
});
