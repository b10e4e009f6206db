import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../src/credentials/baking/index.ts';
import { FetchFailedError } from '../../src/credentials/errors.ts';
import { signCredential } from '../../src/credentials/sign.ts';
import { buildOpenBadgeCredential, issuerKey } from '../../src/credentials/testing/fixtures.ts';
import { credentialHistory } from '../../src/services/credential-events/record.ts';
import { renderBadgePng } from '../../src/services/sharing/badge-image.ts';
import { verifyAnything } from '../../src/services/verification/verify-anything.ts';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import { signUpPerson } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let credentialId: string;
let content: string;
let jwtContent: string;
let jwtCredentialId: string;

beforeAll(async () => {
  t = await createTestApp();
  const issuer = await createIssuer(t);
  // Vetted by the operator: a credential from a listed issuer reads plainly "Verified".
  const listed = await t.request('POST', '/api/v1/admin/trust-registry', {
    token: testAdminToken,
    json: { kind: 'organization', organization: issuer.slug, accreditingBody: 'Test QA Agency' },
  });
  expect(listed.status, listed.text).toBe(201);
  const learner = await signUpPerson(t, 'Vera Verify');
  ({ credentialId, content } = await awardIntoWallet(t, issuer, learner));
  ({ credentialId: jwtCredentialId, content: jwtContent } = await awardIntoWallet(
    t,
    issuer,
    learner,
    'vc-jwt',
  ));
});
afterAll(() => t.close());

const verify = (json: unknown, query = '') => t.request('POST', `/api/v1/verify${query}`, { json });
const outcomeOf = (report: { checks: Array<{ check: string; outcome: string }> }, check: string) =>
  report.checks.find((c) => c.check === check)?.outcome;
const verifiedEvents = async (id: string) =>
  (await credentialHistory(t.ctx.db, id)).filter((event) => event.type === 'verified');

describe('POST /api/v1/verify', () => {
  it('verifies a credential issued here given as JSON, in plain words, and records the verification', async () => {
    const response = await verify({ document: JSON.parse(content) });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({
      kind: 'credential',
      receivedAs: 'json',
      verified: true,
      verdict: 'verified',
      headline: 'Verified',
      verifier: 'http://localhost:3000',
    });
    const titles = response.json.checks.map((c: { title: string }) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Signature',
        'Issuer identity',
        'Dates',
        'Revocation and suspension',
        'Structure',
        'Issuer trust',
      ]),
    );
    expect(response.json.summary.issuer.id).toMatch(/^did:key:/);
    expect(outcomeOf(response.json, 'trust')).toBe('passed');
    const events = await verifiedEvents(credentialId);
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toEqual({ via: 'verify-api', verified: true });
  });

  it('verifies a VC-JWT, a baked PNG file and the credential’s own URL', async () => {
    const jwt = await verify({ document: jwtContent });
    expect(jwt.json).toMatchObject({ receivedAs: 'jwt', verified: true });

    const png = bakePng(renderBadgePng(), content);
    const file = await verify({ file: { contentBase64: Buffer.from(png).toString('base64') } });
    expect(file.status, file.text).toBe(200);
    expect(file.json).toMatchObject({ receivedAs: 'png', verified: true });

    const byUrl = await verify({ url: `http://localhost:3000/credentials/${jwtCredentialId}` });
    expect(byUrl.status, byUrl.text).toBe(200);
    expect(byUrl.json).toMatchObject({ receivedAs: 'jwt', verified: true });
    expect(await verifiedEvents(jwtCredentialId)).toHaveLength(2);
  });

  it('says exactly what failed for a tampered credential, and does not count it as the issuer’s', async () => {
    const before = (await verifiedEvents(credentialId)).length;
    const tampered = JSON.parse(content);
    tampered.credentialSubject.achievement.name = 'Brain surgery';
    const response = await verify({ document: tampered });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ verified: false, verdict: 'not-verified' });
    expect(response.json.explanation).toContain('signature');
    expect(outcomeOf(response.json, 'proof')).toBe('failed');
    expect(outcomeOf(response.json, 'validity')).toBe('passed');
    expect(await verifiedEvents(credentialId)).toHaveLength(before);
  });

  it('shows an unknown issuer as a point to check, not a failure', async () => {
    const key = await issuerKey(7);
    const signed = await signCredential(buildOpenBadgeCredential(key.controller), { key });
    const response = await verify({ document: signed });
    expect(response.json).toMatchObject({ verified: true, verdict: 'verified-with-warnings' });
    const trust = response.json.checks.find((c: { check: string }) => c.check === 'trust');
    expect(trust).toMatchObject({ outcome: 'warning', label: 'Check this', tone: 'warning' });
    expect(trust.message).toContain('not known to this platform');
  });

  it('exports the report as a PDF', async () => {
    const response = await t.app.request('/api/v1/verify?format=pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ document: content }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const expected of ['Verification report', 'Verified', 'Signature', 'Issuer trust'])
      expect(text).toContain(expected);
  });

  it('verifies a presentation and each credential in it', async () => {
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [JSON.parse(content)],
    };
    const response = await verify({ document: presentation });
    expect(response.status, response.text).toBe(200);
    expect(response.json.kind).toBe('presentation');
    expect(response.json.credentials).toHaveLength(1);
    expect(response.json.credentials[0]).toMatchObject({ verified: true });
  });

  it('refuses input that is no credential with a problem naming the field', async () => {
    const response = await verify({ document: 'hello there' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.errors[0].field).toBe('document');
    expect(response.json.detail).toContain('not a credential we can read');
  });

  it('records the W3C VC API verification too, but never internal re-verifications', async () => {
    const before = (await verifiedEvents(credentialId)).length;
    const vcApi = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: JSON.parse(content) },
    });
    expect(vcApi.status, vcApi.text).toBe(200);
    const page = await t.request('GET', `/credentials/${credentialId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const events = await verifiedEvents(credentialId);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.detail).toEqual({ via: 'vc-api', verified: true });
  });

  it('names the trust registry entry that vouches for the issuer', async () => {
    const key = await issuerKey(8);
    const added = await t.request('POST', '/api/v1/admin/trust-registry', {
      token: testAdminToken,
      json: {
        kind: 'did',
        did: key.controller,
        name: 'Example Academy',
        accreditingBody: 'NVAO',
        accreditationId: 'NVAO-118',
      },
    });
    expect(added.status, added.text).toBe(201);
    const signed = await signCredential(buildOpenBadgeCredential(key.controller), { key });
    const response = await verify({ document: signed });
    const trust = response.json.checks.find((c: { check: string }) => c.check === 'trust');
    expect(trust.outcome).toBe('passed');
    expect(trust.message).toContain('Example Academy');
    expect(trust.message).toContain('accredited by NVAO (ref. NVAO-118)');
    expect(trust.detail).toContain(added.json.id);
  });

  it('fetches a credential from another site through the SSRF-safe fetch it is given', async () => {
    const asked: string[] = [];
    const safeFetch = async (url: string) => {
      asked.push(url);
      if (url.endsWith('/missing')) throw new FetchFailedError(`${url} answered 404.`);
      const body = new TextEncoder().encode(content);
      return {
        url,
        status: 200,
        contentType: 'application/vc+ld+json',
        body,
        text: () => content,
        json: () => JSON.parse(content),
      };
    };
    const { report } = await verifyAnything(
      t.ctx,
      { url: 'https://badges.example.org/c/1' },
      'verify-api',
      { safeFetch },
    );
    expect(asked).toEqual(['https://badges.example.org/c/1']);
    expect(report).toMatchObject({ receivedAs: 'json', verified: true });
    await expect(
      verifyAnything(t.ctx, { url: 'https://badges.example.org/missing' }, 'verify-api', {
        safeFetch,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('404') });
  });

  it('refuses share links that do not exist and addresses of ours that are no credential', async () => {
    const link = await verify({ url: 'http://localhost:3000/s/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(link.status).toBe(400);
    expect(link.json.detail).toContain('share link does not exist');
    const other = await verify({ url: 'http://localhost:3000/organizations' });
    expect(other.status).toBe(400);
    expect(other.json.detail).toContain('not a credential');
  });
});
