import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let issuer: IssuerFixture;
let body: { slug: string; token: string };
const clock = { now: new Date('2026-05-14T09:30:00Z') };
const html = { headers: { accept: 'text/html' } };
const schemaPath = sharedDataPath('standards/schemas/ob_v3p0_endorsementcredential_schema.json');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  issuer = await createIssuer(t);
  const owner = await signUpPerson(t, 'Body Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner, 'other');
  body = { slug, token: (await createToken(t, owner, slug, 'issuer')).secret };
});
afterAll(() => t.close());

async function endorse(json: unknown, token = body.token, slug = body.slug) {
  return t.request('POST', `/api/v1/organizations/${slug}/endorsements`, { token, json });
}

describe('endorsements', () => {
  it('issue a signed EndorsementCredential about the achievement that validates against the official schema and verifies', async () => {
    const response = await endorse({
      targetKind: 'achievement',
      targetId: issuer.achievementId,
      comment: 'Meets our professional standard.',
    });
    expect(response.status, response.text).toBe(201);
    const credential = response.json.verifiableCredential;
    expect(credential.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(credential.credentialSubject).toEqual({
      id: `http://localhost:3000/achievements/${issuer.achievementId}`,
      type: ['EndorsementSubject'],
      endorsementComment: 'Meets our professional standard.',
    });
    expect(credential.credentialStatus).toBeDefined();
    const result = await t.ctx.verifyCredential(credential);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);

    if (schemaPath) {
      const ajv = new Ajv2019({ allErrors: true, strict: false });
      ((ajvFormats as { default?: unknown }).default as (a: Ajv2019) => void)(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
      // The schema accepts only the proof-set (array) form; JSON-LD reads both alike.
      const candidate = { ...credential, proof: [credential.proof].flat() };
      expect(validate(candidate), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('show on the achievement page, the public credential page and in the achievement document; a revoked one leaves the document', async () => {
    const response = await endorse({
      targetKind: 'achievement',
      targetId: issuer.achievementId,
      comment: 'Quality agency review passed.',
    });
    expect(response.status, response.text).toBe(201);
    const { credentialId } = response.json;

    const listed = await t.request(
      'GET',
      `/api/v1/achievements/${issuer.achievementId}/endorsements`,
    );
    expect(listed.status).toBe(200);
    const mine = listed.json.endorsements.find(
      (e: { credentialId: string }) => e.credentialId === credentialId,
    );
    expect(mine).toMatchObject({ status: 'valid', comment: 'Quality agency review passed.' });
    expect(mine.endorser.slug).toBe(body.slug);

    const document = await t.request('GET', `/achievements/${issuer.achievementId}`);
    const ids = () =>
      (document.json.endorsement ?? []).map((e: { id: string }) => e.id.split('/').at(-1));
    expect(ids()).toContain(credentialId);

    const page = await t.request(
      'GET',
      `/organizations/${issuer.slug}/achievements/${issuer.achievementId}`,
      html,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('Endorsed by');
    expect(page.text).toContain(`Organization ${body.slug}`);
    expect(page.text).toContain('Quality assurance:');

    const { credentialId: awarded } = await awardIntoWallet(
      t,
      issuer,
      await signUpPerson(t, 'Lena Learner'),
    );
    const credentialPage = await t.request('GET', `/credentials/${awarded}`, html);
    expect(credentialPage.text).toContain('Endorsed by');
    expect(credentialPage.text).toContain('Quality agency review passed.');

    const revoked = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: body.token,
      json: { action: 'revoke', reason: 'Review withdrawn' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    const after = await t.request('GET', `/achievements/${issuer.achievementId}`);
    expect(
      (after.json.endorsement ?? []).map((e: { id: string }) => e.id.split('/').at(-1)),
    ).not.toContain(credentialId);
    const relisted = await t.request(
      'GET',
      `/api/v1/achievements/${issuer.achievementId}/endorsements`,
    );
    expect(
      relisted.json.endorsements.find(
        (e: { credentialId: string }) => e.credentialId === credentialId,
      ).status,
    ).toBe('revoked');
    const pageAfter = await t.request('GET', `/credentials/${awarded}`, html);
    expect(pageAfter.text).toContain('Revoked by the endorser');
  });

  it('can endorse an issuer by slug', async () => {
    const response = await endorse({ targetKind: 'issuer', targetId: issuer.slug });
    expect(response.status, response.text).toBe(201);
    expect(response.json.verifiableCredential.credentialSubject.id).toMatch(/^did:/);
  });

  it('are refused for one’s own achievements, unknown targets and people without the issue right', async () => {
    const own = await endorse(
      { targetKind: 'achievement', targetId: issuer.achievementId },
      issuer.token,
      issuer.slug,
    );
    expect(own.status).toBe(400);
    expect(own.json.detail).toContain('cannot endorse itself');
    const unknown = await endorse({
      targetKind: 'achievement',
      targetId: '7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7',
    });
    expect(unknown.status).toBe(404);
    const foreign = await endorse(
      { targetKind: 'achievement', targetId: issuer.achievementId },
      issuer.token,
    );
    expect(foreign.status).toBe(403);
  });
});
