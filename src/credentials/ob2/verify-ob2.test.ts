import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.ts';
import type { CheckName, VerificationResult } from '../verification-types.ts';
import { isOb2Assertion } from './read-assertion.ts';
import { type Ob2VerifyDeps, verifyOb2Assertion } from './verify-ob2.ts';

const NOW = () => new Date('2025-06-01T00:00:00Z');
const ISSUER = 'https://badges.example.org/issuer';
const KEY_URL = 'https://badges.example.org/keys/1';
const BADGE = 'https://badges.example.org/badges/teamwork';
const ASSERTION_URL = 'https://badges.example.org/assertions/42';

function check(result: VerificationResult, name: CheckName) {
  const found = result.checks.find((c) => c.check === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

function issuerProfile(extra: JsonObject = {}): JsonObject {
  return {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Issuer',
    id: ISSUER,
    name: 'Example Badges',
    url: 'https://badges.example.org',
    publicKey: KEY_URL,
    ...extra,
  };
}

const badgeClass: JsonObject = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'BadgeClass',
  id: BADGE,
  name: 'Teamwork',
  description: 'Works well in a team.',
  criteria: { narrative: 'Peer nominated.' },
  issuer: ISSUER,
  alignment: [{ targetName: 'Collaborate', targetUrl: 'https://esco.example/skill/1' }],
};

function assertion(verification: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: ASSERTION_URL,
    recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
    badge: BADGE,
    verification,
    issuedOn: '2024-01-15T10:00:00Z',
    ...extra,
  };
}

/** A fetch over a fixed map of URLs: no network, and it records what was asked. */
function fakeFetch(documents: Record<string, unknown>): Ob2VerifyDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    now: NOW,
    fetchJson: async (url) => {
      asked.push(url);
      if (!(url in documents)) throw new Error(`${url} answered HTTP 404.`);
      const value = documents[url];
      if (value instanceof Error) throw value;
      return structuredClone(value);
    },
  };
}

describe('hosted Open Badges 2.0 assertions', () => {
  const hosted = assertion({ type: 'hosted' });
  const documents = { [ASSERTION_URL]: hosted, [BADGE]: badgeClass, [ISSUER]: issuerProfile() };

  it('verify when the issuer hosts the same assertion on its own host', async () => {
    const deps = fakeFetch(documents);
    const result = await verifyOb2Assertion(JSON.stringify(hosted), deps);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
    expect(check(result, 'format')).toMatchObject({
      outcome: 'warning',
      message: expect.stringContaining('Open Badges 2.0'),
    });
    expect(check(result, 'proof').message).toBe(
      'The issuer hosts this exact badge at its address.',
    );
    expect(deps.asked).toEqual([ASSERTION_URL, BADGE, ISSUER]);
    expect(result.credential).toMatchObject({
      issuer: { id: ISSUER, name: 'Example Badges' },
      name: 'Teamwork',
      validFrom: '2024-01-15T10:00:00.000Z',
      credentialSubject: { achievement: { name: 'Teamwork', alignment: badgeClass.alignment } },
    });
  });

  it('fail when the copy given differs from the hosted one', async () => {
    const tampered = { ...hosted, issuedOn: '2020-01-01T00:00:00Z' };
    const result = await verifyOb2Assertion(tampered, fakeFetch(documents));
    expect(check(result, 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('differs from the copy its issuer hosts'),
    });
    expect(result.verified).toBe(false);
  });

  it('fail when hosted on another host than the issuer’s', async () => {
    const elsewhere = 'https://evil.example/assertions/42';
    const moved = { ...hosted, id: elsewhere };
    const result = await verifyOb2Assertion(moved, fakeFetch({ ...documents, [elsewhere]: moved }));
    expect(check(result, 'proof').outcome).toBe('passed');
    expect(check(result, 'issuer-key')).toMatchObject({
      outcome: 'failed',
      detail: expect.stringContaining("not hosted on the issuer's host"),
    });
  });

  it('honour the issuer’s allowedOrigins policy', async () => {
    const elsewhere = 'https://cdn.example.net/assertions/42';
    const moved = { ...hosted, id: elsewhere };
    const issuer = issuerProfile({ verification: { allowedOrigins: 'cdn.example.net' } });
    const result = await verifyOb2Assertion(
      moved,
      fakeFetch({ ...documents, [elsewhere]: moved, [ISSUER]: issuer }),
    );
    expect(check(result, 'issuer-key').outcome).toBe('passed');
  });

  it('report revoked when the hosted copy says so, or answers 410 Gone', async () => {
    const revoked = { ...hosted, revoked: true, revocationReason: 'Issued in error' };
    const result = await verifyOb2Assertion(
      hosted,
      fakeFetch({ ...documents, [ASSERTION_URL]: revoked }),
    );
    expect(check(result, 'status')).toMatchObject({
      outcome: 'failed',
      message: 'This credential has been revoked by its issuer.',
      detail: 'reason: Issued in error',
    });
    const gone = await verifyOb2Assertion(
      hosted,
      fakeFetch({
        ...documents,
        [ASSERTION_URL]: new Error(`${ASSERTION_URL} answered HTTP 410.`),
      }),
    );
    expect(check(gone, 'status').outcome).toBe('failed');
    expect(gone.verified).toBe(false);
  });

  it('report expiry', async () => {
    const expiring = assertion({ type: 'hosted' }, { expires: '2025-01-01T00:00:00Z' });
    const result = await verifyOb2Assertion(
      expiring,
      fakeFetch({ ...documents, [ASSERTION_URL]: expiring }),
    );
    expect(check(result, 'validity')).toMatchObject({
      outcome: 'failed',
      message: 'This credential expired on 2025-01-01.',
    });
  });

  it('cannot be confirmed when the issuer’s copy is unreachable', async () => {
    const result = await verifyOb2Assertion(
      hosted,
      fakeFetch({ [BADGE]: badgeClass, [ISSUER]: issuerProfile() }),
    );
    expect(check(result, 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('could not be fetched'),
    });
  });
});

describe('signed Open Badges 2.0 assertions', () => {
  let publicKeyPem: string;
  let sign: (payload: JsonObject) => Promise<string>;
  let otherKeyPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { modulusLength: 2048 });
    const other = await generateKeyPair('RS256', { modulusLength: 2048 });
    publicKeyPem = await exportSPKI(pair.publicKey);
    otherKeyPem = await exportSPKI(other.publicKey);
    sign = (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(pair.privateKey);
  });

  const signed = () =>
    assertion(
      { type: 'SignedBadge', creator: KEY_URL },
      { id: 'urn:uuid:6f3c0d6e-1b1a-4c39-9a43-2f2b8c9f1e00' },
    );
  const key = (pem: string, owner = ISSUER) => ({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'CryptographicKey',
    id: KEY_URL,
    owner,
    publicKeyPem: pem,
  });

  it('verify with the issuer’s published RS256 key', async () => {
    const jws = await sign(signed());
    expect(isOb2Assertion(jws)).toBe(true);
    const deps = fakeFetch({
      [KEY_URL]: key(publicKeyPem),
      [BADGE]: badgeClass,
      [ISSUER]: issuerProfile(),
    });
    const result = await verifyOb2Assertion(jws, deps);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(check(result, 'proof').message).toBe('The signature is valid.');
    expect(check(result, 'issuer-key').outcome).toBe('passed');
    expect(check(result, 'status').outcome).toBe('skipped');
  });

  it('fail when the payload was changed', async () => {
    const jws = await sign(signed());
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...signed(), issuedOn: '2010-01-01T00:00:00Z' }),
    ).toString('base64url');
    const result = await verifyOb2Assertion(
      `${header}.${forged}.${signature}`,
      fakeFetch({ [KEY_URL]: key(publicKeyPem), [BADGE]: badgeClass, [ISSUER]: issuerProfile() }),
    );
    expect(check(result, 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('the badge was changed'),
    });
    expect(result.verified).toBe(false);
  });

  it('fail when the key at creator is another key', async () => {
    const jws = await sign(signed());
    const result = await verifyOb2Assertion(
      jws,
      fakeFetch({ [KEY_URL]: key(otherKeyPem), [BADGE]: badgeClass, [ISSUER]: issuerProfile() }),
    );
    expect(check(result, 'proof').outcome).toBe('failed');
  });

  it('fail the issuer check when the key is owned by someone else', async () => {
    const jws = await sign(signed());
    const result = await verifyOb2Assertion(
      jws,
      fakeFetch({
        [KEY_URL]: key(publicKeyPem, 'https://evil.example/issuer'),
        [BADGE]: badgeClass,
        [ISSUER]: issuerProfile(),
      }),
    );
    expect(check(result, 'proof').outcome).toBe('passed');
    expect(check(result, 'issuer-key')).toMatchObject({
      outcome: 'failed',
      message: 'This badge was not published by the issuer it names.',
    });
  });

  it('report revoked from the issuer’s revocation list', async () => {
    const listUrl = 'https://badges.example.org/revocations';
    const jws = await sign(signed());
    const documents = {
      [KEY_URL]: key(publicKeyPem),
      [BADGE]: badgeClass,
      [ISSUER]: issuerProfile({ revocationList: listUrl }),
      [listUrl]: {
        type: 'RevocationList',
        id: listUrl,
        issuer: ISSUER,
        revokedAssertions: [{ id: signed().id, revocationReason: 'Cheating' }],
      },
    };
    const result = await verifyOb2Assertion(jws, fakeFetch(documents));
    expect(check(result, 'status')).toMatchObject({
      outcome: 'failed',
      message: 'This credential has been revoked by its issuer.',
      detail: 'reason: Cheating',
    });
  });

  it('a signed assertion given as plain JSON cannot be checked', async () => {
    const result = await verifyOb2Assertion(
      signed(),
      fakeFetch({ [BADGE]: badgeClass, [ISSUER]: issuerProfile() }),
    );
    expect(check(result, 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('must be given as its signature'),
    });
  });
});

describe('input that is not an OB 2.0 assertion', () => {
  it.each([['garbage'], [{ type: 'VerifiableCredential' }], [42]])(
    '%j fails the format check without fetching',
    async (input) => {
      const deps = fakeFetch({});
      const result = await verifyOb2Assertion(input, deps);
      expect(check(result, 'format')).toMatchObject({
        outcome: 'failed',
        message: 'This is not an Open Badges 2.0 assertion.',
      });
      expect(result.verified).toBe(false);
      expect(deps.asked).toEqual([]);
    },
  );

  it('an incomplete assertion is named as such', async () => {
    const result = await verifyOb2Assertion({ type: 'Assertion', badge: BADGE }, fakeFetch({}));
    expect(check(result, 'format')).toMatchObject({
      outcome: 'failed',
      detail: 'missing or unknown: recipient, issuedOn, verification',
    });
  });
});
