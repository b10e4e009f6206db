import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClrStructure } from '../../src/credentials/index.ts';
import { pathways } from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sameOrigin, signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let issuer: IssuerFixture;
let learner: TestPerson;
let other: TestPerson;
const clock = { now: new Date('2026-05-14T09:30:00Z') };
const as = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  issuer = await createIssuer(t);
  learner = await signUpPerson(t, 'Lena Learner');
  other = await signUpPerson(t, 'Otto Other');
});
afterAll(() => t.close());

describe('learner CLR export', () => {
  it('signs a self-issued ClrCredential of chosen valid entries that verifies and has the CLR 2.0 structure', async () => {
    const first = await awardIntoWallet(t, issuer, learner);
    const second = await awardIntoWallet(t, issuer, learner, 'vc-jwt');
    const achievementUrl = `http://localhost:3000/achievements/${issuer.achievementId}`;
    const response = await t.request('POST', '/api/v1/me/clr', {
      ...as(learner),
      json: {
        walletCredentialIds: [first.walletId, second.walletId],
        associations: [
          { associationType: 'isPeerOf', sourceId: achievementUrl, targetId: achievementUrl },
        ],
      },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vc+ld+json');
    const clr = response.json;
    expect(checkClrStructure(clr)).toEqual([]);
    expect(clr.issuer.id).toMatch(/^did:key:z6Mk/);
    expect(clr.credentialSubject.id).toBe(clr.issuer.id);
    expect([clr.proof].flat()[0]).toMatchObject({
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: expect.stringContaining(clr.issuer.id),
    });
    expect(clr['@context']).toContain(
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    );
    const carried = clr.credentialSubject.verifiableCredential;
    expect(carried[0]).toEqual(JSON.parse(first.content));
    expect(carried[1]).toEqual({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: `data:application/vc+jwt,${second.content}`,
      type: 'EnvelopedVerifiableCredential',
    });
    expect(clr.credentialSubject.achievement.map((a: { id: string }) => a.id)).toEqual([
      achievementUrl,
    ]);
    expect(clr.credentialSubject.association).toEqual([
      expect.objectContaining({ type: 'Association', associationType: 'isPeerOf' }),
    ]);

    const result = await t.ctx.verifyCredential(response.text);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
    // The carried credential keeps its issuer's proof.
    expect((await t.ctx.verifyCredential(carried[0])).verified).toBe(true);
  });

  it("refuses another learner's wallet entry without revealing it", async () => {
    const theirs = await awardIntoWallet(t, issuer, other);
    const response = await t.request('POST', '/api/v1/me/clr', {
      ...as(learner),
      json: { walletCredentialIds: [theirs.walletId] },
    });
    expect(response.status).toBe(404);
    expect(response.json.detail).toContain('in your wallet');
  });

  it('refuses an entry that is no longer valid, saying why', async () => {
    const entry = await awardIntoWallet(t, issuer, learner);
    const revoked = await t.request('POST', `/api/v1/credentials/${entry.credentialId}/status`, {
      token: issuer.token,
      json: { action: 'revoke', reason: 'Issued in error' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    // Opening the entry verifies it again and records it as revoked.
    await t.request('GET', `/api/v1/me/credentials/${entry.walletId}`, as(learner));
    const response = await t.request('POST', '/api/v1/me/clr', {
      ...as(learner),
      json: { walletCredentialIds: [entry.walletId] },
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toContain('Only valid Open Badges 3.0 credentials');
    expect(response.json.detail).toContain('revoked');
  });

  it('needs a signed-in learner', async () => {
    const response = await t.request('POST', '/api/v1/me/clr', {
      token: issuer.token,
      json: { walletCredentialIds: ['7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7'] },
    });
    expect(response.status).toBe(401);
  });
});

describe('associations from pathways', () => {
  it('a certificate pathway makes its achievement the parent of the micro-credentials in the record', async () => {
    const certificate = await t.request(
      'POST',
      `/api/v1/organizations/${issuer.slug}/achievements`,
      {
        token: issuer.token,
        json: { ...fullAchievementDefinition(), name: 'Certificate in credential design' },
      },
    );
    expect(certificate.status, certificate.text).toBe(201);
    const certificateId = certificate.json.id.split('/').at(-1);
    const organization = await t.ctx.db.query.organizations.findFirst({
      where: (o, { eq }) => eq(o.slug, issuer.slug),
    });
    await t.ctx.db.insert(pathways).values({
      id: randomUUID(),
      organizationId: organization!.id,
      title: 'Certificate',
      description: 'Two parts',
      achievementId: certificateId,
      requirement: {
        kind: 'all-of',
        of: [{ kind: 'achievement', achievementId: issuer.achievementId }],
      },
    });
    const micro = await awardIntoWallet(t, issuer, learner);
    const whole = await awardIntoWallet(t, { ...issuer, achievementId: certificateId }, learner);
    const response = await t.request('POST', '/api/v1/me/clr', {
      ...as(learner),
      json: { walletCredentialIds: [micro.walletId, whole.walletId] },
    });
    expect(response.status, response.text).toBe(200);
    const parent = `http://localhost:3000/achievements/${certificateId}`;
    const child = `http://localhost:3000/achievements/${issuer.achievementId}`;
    expect(response.json.credentialSubject.association).toEqual([
      { type: 'Association', associationType: 'isParentOf', sourceId: parent, targetId: child },
      { type: 'Association', associationType: 'isChildOf', sourceId: child, targetId: parent },
    ]);
    expect((await t.ctx.verifyCredential(response.json)).verified).toBe(true);
  });

  it('refuses an explicit association to an achievement outside the record', async () => {
    const entry = await awardIntoWallet(t, issuer, learner);
    const response = await t.request('POST', '/api/v1/me/clr', {
      ...as(learner),
      json: {
        walletCredentialIds: [entry.walletId],
        associations: [
          { associationType: 'isChildOf', sourceId: 'urn:uuid:elsewhere', targetId: 'urn:x' },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toContain('not an achievement of the chosen credentials');
  });
});

describe('issuer CLR transcript', () => {
  it('issues an official CLR of its credentials for a learner that verifies, with status', async () => {
    const first = await awardIntoWallet(t, issuer, learner);
    const second = await awardIntoWallet(t, issuer, learner);
    const response = await t.request('POST', `/api/v1/organizations/${issuer.slug}/clr`, {
      token: issuer.token,
      json: {
        learnerAccountId: learner.accountId,
        credentialIds: [first.credentialId, second.credentialId],
      },
    });
    expect(response.status, response.text).toBe(201);
    const clr = response.json.verifiableCredential;
    expect(checkClrStructure(clr)).toEqual([]);
    expect(clr.issuer.name).toBe(`Organization ${issuer.slug}`);
    expect(clr.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry' });
    expect(clr.credentialSubject.identifier[0]).toMatchObject({ identityType: 'emailAddress' });
    expect(clr.credentialSubject.verifiableCredential).toHaveLength(2);
    const result = await t.ctx.verifyCredential(clr);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
  });

  it('refuses credentials not issued to that learner or by that organization', async () => {
    const theirs = await awardIntoWallet(t, issuer, other);
    const response = await t.request('POST', `/api/v1/organizations/${issuer.slug}/clr`, {
      token: issuer.token,
      json: { email: learner.email, credentialIds: [theirs.credentialId] },
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toContain('was not issued to this learner');
    const elsewhere = await createIssuer(t);
    const foreign = await t.request('POST', `/api/v1/organizations/${elsewhere.slug}/clr`, {
      token: elsewhere.token,
      json: { email: other.email, credentialIds: [theirs.credentialId] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.detail).toContain('was not issued by this organization');
  });

  it('is only for issuers of the organization', async () => {
    const response = await t.request('POST', `/api/v1/organizations/${issuer.slug}/clr`, {
      ...as(learner),
      json: { email: learner.email, credentialIds: ['7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7'] },
    });
    expect(response.status).toBe(403);
  });
});
