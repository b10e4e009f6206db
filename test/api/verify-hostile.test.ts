import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../src/credentials/baking/index.ts';
import { generateEd25519KeyPair } from '../../src/credentials/keys.ts';
import { VERIFICATION_LIMITS } from '../../src/credentials/limits.ts';
import { signCredential } from '../../src/credentials/sign.ts';
import { buildOpenBadgeCredential, issuerKey } from '../../src/credentials/testing/fixtures.ts';
import { renderBadgePng } from '../../src/services/sharing/badge-image.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

// Every case below must be refused quickly and clearly; none may reach JSON-LD processing or
// the network. (No timing assertions: the limits make the work bounded by construction.)
let t: TestApp;
let signed: Record<string, unknown>;

beforeAll(async () => {
  // The real SSRF-safe fetch: private addresses are refused before any connection is tried.
  t = await createTestApp();
  const key = await issuerKey(3);
  signed = (await signCredential(buildOpenBadgeCredential(key.controller), { key })) as Record<
    string,
    unknown
  >;
});
afterAll(() => t.close());

const verify = (json: unknown) => t.request('POST', '/api/v1/verify', { json });
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
type Check = { check: string; outcome: string; message: string };
const formatCheck = (report: { checks: Check[] }) =>
  report.checks.find((c) => c.check === 'format') as Check;

describe('hostile input to the verifier', () => {
  it('refuses a body past the verify limit with a 413 problem', async () => {
    const body = JSON.stringify({ document: 'x'.repeat(VERIFICATION_LIMITS.maxRequestBytes) });
    const response = await t.request('POST', '/api/v1/verify', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.detail).toContain(`${VERIFICATION_LIMITS.maxRequestBytes} bytes`);
  });

  it('refuses a credential text past the credential limit with a 413 problem', async () => {
    const huge = JSON.stringify({ ...signed, padding: 'x'.repeat(1_100_000) });
    const response = await verify({ document: huge });
    expect(response.status).toBe(413);
    expect(response.json.detail).toContain('larger than 1024 KiB');
  });

  it('refuses deep nesting before reading it, as text and as JSON', async () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const asText = await verify({ document: text });
    expect(asText.status).toBe(400);
    expect(asText.json.detail).toContain('nests deeper than 64 levels');

    // Sent as raw text: JSON.stringify in this test would itself run out of stack.
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const asJson = await t.request('POST', '/api/v1/verify', {
      body: `{"document":${JSON.stringify(signed).slice(0, -1)},"deep":${deep}}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(asJson.status).toBe(400);
    expect(asJson.json.detail).toContain('nests deeper than 64 levels');
  });

  it('refuses thousands of proofs without checking any of them', async () => {
    const proof = (signed.proof as Record<string, unknown>[] | Record<string, unknown>) ?? {};
    const one = Array.isArray(proof) ? proof[0] : proof;
    const response = await verify({ document: { ...signed, proof: Array(1000).fill(one) } });
    expect(response.status).toBe(200);
    expect(response.json.verified).toBe(false);
    expect(formatCheck(response.json)).toMatchObject({ outcome: 'failed' });
    expect(formatCheck(response.json).message).toContain('carries 1000 signatures');
    expect(response.json.checks.find((c: { check: string }) => c.check === 'proof').outcome).toBe(
      'skipped',
    );
  });

  it('refuses a JWT with alg "none" as unsigned', async () => {
    const jwt = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ vc: signed, iss: (signed.issuer as { id: string }).id })}.`;
    const response = await verify({ document: jwt });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ verified: false, verdict: 'not-verified' });
    expect(formatCheck(response.json).message).toContain('not signed');
    expect(formatCheck(response.json).message).toContain('"none"');
  });

  it('refuses URLs on private, loopback and link-local addresses, and plain http', async () => {
    for (const [url, reason] of [
      ['https://10.0.0.7/credential.json', 'non-public address 10.0.0.7'],
      ['https://127.0.0.1:8443/c', 'non-public address 127.0.0.1'],
      ['https://169.254.169.254/latest/meta-data', 'non-public address 169.254.169.254'],
      ['https://[::1]/c', 'non-public address ::1'],
      ['http://badges.example.org/c', 'https only'],
    ]) {
      const response = await verify({ url });
      expect(response.status, url).toBe(400);
      expect(response.json.errors[0].field).toBe('url');
      expect(response.json.detail, url).toContain(reason!);
    }
  });

  it('does not fetch a key from a private network address', async () => {
    const key = await generateEd25519KeyPair({
      id: 'did:web:192.168.1.10#key-1',
      controller: 'did:web:192.168.1.10',
    });
    const credential = await signCredential(buildOpenBadgeCredential('did:web:192.168.1.10'), {
      key,
    });
    const response = await verify({ document: credential });
    expect(response.status).toBe(200);
    expect(response.json.verified).toBe(false);
    const proof = response.json.checks.find((c: { check: string }) => c.check === 'proof');
    expect(proof.outcome).toBe('failed');
    expect(proof.message).toContain('public key could not be found');
    expect(proof.detail).toContain('non-public address 192.168.1.10');
  });

  it('refuses huge baked images: a file past the limit, and a credential too big inside one', async () => {
    const bigFile = bakePng(
      renderBadgePng(),
      JSON.stringify({ padding: 'x'.repeat(VERIFICATION_LIMITS.maxFileBytes) }),
    );
    const tooBig = await verify({
      file: { contentBase64: Buffer.from(bigFile).toString('base64') },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.detail).toContain('file is larger than');

    const inner = JSON.stringify({ ...signed, padding: 'x'.repeat(1_200_000) });
    const bigInside = bakePng(renderBadgePng(), inner);
    const refused = await verify({
      file: { contentBase64: Buffer.from(bigInside).toString('base64') },
    });
    expect(refused.status).toBe(413);
    expect(refused.json.detail).toContain('credential is larger than');
  });

  it('refuses a presentation holding more credentials than one verification checks', async () => {
    const count = VERIFICATION_LIMITS.maxPresentationCredentials + 1;
    const response = await verify({
      document: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        verifiableCredential: Array(count).fill(signed),
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toContain(`holds ${count} credentials`);
  });

  it('limits public verifications per client address, so the verifier is nobody’s fetching proxy', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    for (let i = 0; i < 60; i++) {
      const response = await t.request('POST', '/api/v1/verify', {
        json: { document: 'not a credential' },
        headers: from,
      });
      expect(response.status).toBe(400);
    }
    const limited = await t.request('POST', '/api/v1/verify', {
      json: { document: 'not a credential' },
      headers: from,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const byQrLink = await t.request('GET', '/verify?url=https%3A%2F%2F10.0.0.1%2Fc', {
      headers: from,
    });
    expect(byQrLink.status).toBe(429);
    // The form itself stays open.
    expect((await t.request('GET', '/verify', { headers: from })).status).toBe(200);
  });
});
