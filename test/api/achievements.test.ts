import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashedEmailIdentity } from '../../src/credentials/index.ts';
import {
  fullAchievementDefinition,
  minimalAchievementDefinition,
} from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';

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

const award = (json: unknown, token = issuerToken) =>
  t.request('POST', `/api/v1/achievements/${achievementId}/awards`, { token, json });
const verify = (verifiableCredential: unknown) =>
  t.request('POST', '/credentials/verify', { json: { verifiableCredential } });

describe('achievements', () => {
  it('are published as OB3 Achievements with the EU micro-credential elements', async () => {
    const response = await t.request('GET', `/api/v1/achievements/${achievementId}`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      creditsAvailable: 2,
      eqfLevel: 6,
      participationForm: 'blended',
    });
    expect(response.json.learningOutcome).toHaveLength(2);
    expect(response.json.alignment[0].targetType).toBe('ext:EscoSkill');
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/achievements`);
    expect(listed.json.achievements.map((a: { id: string }) => a.id)).toContain(response.json.id);
    const publicDocument = await t.request('GET', `/achievements/${achievementId}`);
    expect(publicDocument.json.id).toBe(response.json.id);
  });

  it('refuse invalid definitions, naming the field', async () => {
    const bad = {
      ...fullAchievementDefinition(),
      euElements: { ...(fullAchievementDefinition().euElements as object), eqfLevel: 12 },
    };
    const response = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token: issuerToken,
      json: bad,
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toContainEqual(
      expect.objectContaining({ field: 'euElements.eqfLevel' }),
    );
  });

  it('may only be defined by owners and issuers of the organization', async () => {
    const viewer = (await createToken(t, owner, slug, 'viewer')).secret;
    expect(
      (
        await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
          token: viewer,
          json: minimalAchievementDefinition(),
        })
      ).status,
    ).toBe(403);
    const otherOwner = await signUpPerson(t, 'Other');
    const other = await createOrganizationOwnedBy(t, otherOwner);
    const otherToken = (await createToken(t, otherOwner, other.slug, 'issuer')).secret;
    expect(
      (
        await t.request('PUT', `/api/v1/achievements/${achievementId}`, {
          token: otherToken,
          json: minimalAchievementDefinition(),
        })
      ).status,
    ).toBe(403);
    expect((await award({ recipient: { email: 'x@example.org' } }, otherToken)).status).toBe(403);
  });

  it('serve our JSON-LD context at its platform URL', async () => {
    const response = await t.request('GET', '/contexts/micro-credential/v1');
    expect(response.status).toBe(200);
    expect(response.json['@context'].eqfLevel).toBeDefined();
  });
});

describe('awarding', () => {
  it('issues to an email as a salted hash, with validUntil from the validity policy, verifiable', async () => {
    const response = await award({
      recipient: { email: 'Ada@Example.org' },
      narrative: 'Capstone passed.',
      evidence: [{ id: 'https://portfolio.example/ada/capstone', name: 'Capstone' }],
      results: [{ value: 'Merit' }],
    });
    expect(response.status, response.text).toBe(201);
    const vc = response.json.verifiableCredential;
    const identity = vc.credentialSubject.identifier[0];
    expect(identity).toEqual(hashedEmailIdentity('ada@example.org', identity.salt));
    expect(response.text).not.toContain('ada@example.org');
    expect(vc.validUntil).toBe('2029-04-30T12:00:00Z');
    expect(vc.credentialSubject.achievement.eqfLevel).toBe(6);
    expect(vc['@context']).toContain('https://w3id.org/skillmark/micro-credential/v1');
    expect((await verify(vc)).json.verified).toBe(true);
  });

  it.skipIf(!sharedDataPath('standards/schemas/ob_v3p0_achievementcredential_schema.json'))(
    'awarded credentials validate against the official OB3 schema',
    async () => {
      const ajv = new Ajv2019.default({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(
        JSON.parse(
          readFileSync(
            sharedDataPath('standards/schemas/ob_v3p0_achievementcredential_schema.json')!,
            'utf8',
          ),
        ),
      );
      const byEmail = (await award({ recipient: { email: 'mary@example.org' } })).json
        .verifiableCredential;
      const byDid = (
        await award({
          recipient: { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
          statusPurpose: 'suspension',
        })
      ).json.verifiableCredential;
      for (const vc of [byEmail, byDid])
        expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('reports expired and not-yet-valid credentials as such', async () => {
    const vc = (await award({ recipient: { email: 'later@example.org' } })).json
      .verifiableCredential;
    const saved = clock.now;
    try {
      clock.now = new Date('2030-01-01T00:00:00Z');
      const expired = await verify(vc);
      expect(expired.json.errors).toContainEqual(
        expect.objectContaining({ check: 'validity', message: expect.stringMatching(/expired/i) }),
      );
      clock.now = new Date('2026-04-01T00:00:00Z');
      const early = await verify(vc);
      expect(early.json.errors).toContainEqual(
        expect.objectContaining({
          check: 'validity',
          message: expect.stringMatching(/not (yet )?valid/i),
        }),
      );
    } finally {
      clock.now = saved;
    }
  });

  it('shows a public page with the achievement, EU elements and a live verification', async () => {
    const response = await award({ recipient: { email: 'page@example.org' } });
    const page = await t.request('GET', `/credentials/${response.json.id}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Digital micro-credential creation');
    expect(page.text).toContain('EQF level');
    expect(page.text).toContain('Verified.');
    expect(page.text).toContain('property="og:title"');
    expect(page.text).not.toContain('page@example.org');

    await t.request('POST', `/api/v1/credentials/${response.json.id}/status`, {
      token: issuerToken,
      json: { action: 'revoke', reason: 'awarded by mistake' },
    });
    const revoked = await t.request('GET', `/credentials/${response.json.id}`, {
      headers: { accept: 'text/html' },
    });
    expect(revoked.text).toContain('Revoked.');
    expect(revoked.text).toContain('has revoked this credential');
  });

  it('archived achievements are not listed or awarded; their credentials keep verifying', async () => {
    const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token: issuerToken,
      json: minimalAchievementDefinition(),
    });
    const id = created.json.id.split('/').at(-1);
    const vc = (
      await t.request('POST', `/api/v1/achievements/${id}/awards`, {
        token: issuerToken,
        json: { recipient: { email: 'a@example.org' } },
      })
    ).json.verifiableCredential;
    expect(
      (await t.request('DELETE', `/api/v1/achievements/${id}`, { token: issuerToken })).status,
    ).toBe(204);
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/achievements`);
    expect(listed.json.achievements.map((a: { id: string }) => a.id)).not.toContain(
      created.json.id,
    );
    expect(
      (
        await t.request('POST', `/api/v1/achievements/${id}/awards`, {
          token: issuerToken,
          json: { recipient: { email: 'b@example.org' } },
        })
      ).status,
    ).toBe(409);
    expect((await verify(vc)).json.verified).toBe(true);
  });
});
