import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Ed25519KeyPair, generateRsaKeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import {
  buildStatusListCredential,
  buildStatusListEntry,
  createStatusList,
  setStatus,
} from './status-list.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from './testing/shared-data.ts';
import type { Credential, JsonObject } from './types.ts';
import { createVerificationMethodResolver } from './verification-method-resolver.ts';
import type { CheckName, VerificationResult } from './verification-types.ts';
import { verifyCredential } from './verify.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

/** The parts of a signed OB 3.0 credential the tampering tests change. */
interface Tamperable {
  credentialSubject: { id: string; achievement: { name: string } };
  validFrom: string;
  issuer: { name: string };
  proof: Array<{ proofValue: string }>;
}
const deps = { now: () => NOW };

function outcome(result: VerificationResult, name: CheckName) {
  return result.checks.find((c) => c.check === name)?.outcome;
}

let key: Ed25519KeyPair;
let signed: Credential;

beforeAll(async () => {
  key = await issuerKey(1);
  signed = await signCredential(buildOpenBadgeCredential(key.controller), {
    key,
    now: '2024-01-01T00:00:00Z',
  });
});

describe('verifying credentials Skillmark signed', () => {
  it('a fresh credential passes every check (trust not configured)', async () => {
    const result = await verifyCredential(signed, deps);
    expect(result.checks.map((c) => [c.check, c.outcome])).toEqual([
      ['format', 'passed'],
      ['proof', 'passed'],
      ['issuer-key', 'passed'],
      ['validity', 'passed'],
      ['status', 'skipped'],
      ['schema', 'passed'],
      ['trust', 'skipped'],
      ['transparency', 'skipped'],
    ]);
    expect(result.verified).toBe(true);
  });

  it('signing is reproducible given the clock', async () => {
    const again = await signCredential(buildOpenBadgeCredential(key.controller), {
      key,
      now: '2024-01-01T00:00:00Z',
    });
    expect(again).toEqual(signed);
  });

  it('accepts JSON text as input', async () => {
    expect((await verifyCredential(JSON.stringify(signed), deps)).verified).toBe(true);
  });

  it('verifies a proof set where each proof is checked', async () => {
    const second = await signCredential(signed, {
      key,
      format: 'eddsa-jcs-2022',
      now: '2024-02-01T00:00:00Z',
    });
    expect(second.proof).toHaveLength(2);
    const result = await verifyCredential(second, deps);
    expect(outcome(result, 'proof')).toBe('passed');
    const broken = structuredClone(second) as unknown as Tamperable;
    const original = structuredClone(signed) as unknown as Tamperable;
    (broken.proof[1] as { proofValue: string }).proofValue = original.proof[0]?.proofValue ?? '';
    expect(outcome(await verifyCredential(broken, deps), 'proof')).toBe('failed');
  });

  const tamperings: Array<[string, (c: Tamperable) => void]> = [
    [
      'subject',
      (c) => {
        c.credentialSubject.id = 'did:example:someone-else';
      },
    ],
    [
      'achievement name',
      (c) => {
        c.credentialSubject.achievement.name = 'Leadership';
      },
    ],
    [
      'validFrom',
      (c) => {
        c.validFrom = '2023-01-01T00:00:00Z';
      },
    ],
    [
      'issuer',
      (c) => {
        c.issuer.name = 'Prestigious University';
      },
    ],
    [
      'proofValue',
      (c) => {
        const proof = c.proof[0] as { proofValue: string };
        proof.proofValue = `${proof.proofValue.slice(0, -2)}${proof.proofValue.endsWith('a') ? 'bb' : 'aa'}`;
      },
    ],
  ];
  it.each(tamperings)('tampering with the %s fails the proof check', async (_, tamper) => {
    const copy = structuredClone(signed) as unknown as Tamperable;
    tamper(copy);
    const result = await verifyCredential(copy, deps);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('does not match'),
    });
  });

  it('reports an expired credential', async () => {
    const credential = await signCredential(
      buildOpenBadgeCredential(key.controller, { validUntil: '2025-01-01T00:00:00Z' }),
      { key, now: '2024-01-01T00:00:00Z' },
    );
    const result = await verifyCredential(credential, deps);
    expect(result.checks.find((c) => c.check === 'validity')).toMatchObject({
      outcome: 'failed',
      message: 'This credential expired on 2025-01-01.',
    });
    expect(result.verified).toBe(false);
  });

  it('reports a credential that is not valid yet', async () => {
    const result = await verifyCredential(signed, { now: () => new Date('2023-06-01T00:00:00Z') });
    expect(result.checks.find((c) => c.check === 'validity')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('not valid yet'),
    });
  });

  it('an unknown issuer is a warning, not a failure; a trusted one passes', async () => {
    const unknown = await verifyCredential(signed, { ...deps, issuerTrust: async () => 'unknown' });
    expect(outcome(unknown, 'trust')).toBe('warning');
    expect(unknown.verified).toBe(true);
    const trusted = await verifyCredential(signed, { ...deps, issuerTrust: async () => 'trusted' });
    expect(outcome(trusted, 'trust')).toBe('passed');
  });

  it('a key controlled by someone else than the issuer fails issuer-key', async () => {
    const other = await issuerKey(2);
    const credential = await signCredential(buildOpenBadgeCredential(key.controller), {
      key: other,
      now: '2024-01-01T00:00:00Z',
    });
    const result = await verifyCredential(credential, deps);
    expect(outcome(result, 'proof')).toBe('passed');
    expect(outcome(result, 'issuer-key')).toBe('failed');
  });

  it.each([
    [''],
    ['not json'],
    ['{"a":1}'],
    ['a.b.c'],
    [null],
    [42],
    [{ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiableCredential' }],
  ])('never throws on bad input (%j)', async (input) => {
    const result = await verifyCredential(input, deps);
    expect(result.verified).toBe(false);
    expect(result.checks[0]).toMatchObject({ check: 'format', outcome: 'failed' });
  });

  it('an unknown JSON-LD context fails the proof check without any network call', async () => {
    const credential = structuredClone(signed);
    (credential['@context'] as string[]).push('https://attacker.example/context.json');
    const result = await verifyCredential(credential, deps);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('vocabulary'),
    });
    expect(result.checks.find((c) => c.check === 'proof')?.detail).toContain(
      'https://attacker.example/context.json',
    );
  });
});

describe('revocation and suspension with a status list Skillmark signed', () => {
  const listUrl = (purpose: string) => `https://skillmark.example/status/${purpose}`;

  async function withStatus(purpose: 'revocation' | 'suspension', index: number, bitSet: boolean) {
    const list = bitSet ? setStatus(createStatusList(), index, true) : createStatusList();
    const listCredential = await signCredential(
      buildStatusListCredential({
        id: listUrl(purpose),
        issuer: key.controller,
        statusPurpose: purpose,
        list,
        validFrom: '2024-01-01T00:00:00Z',
      }),
      { key, now: '2024-01-01T00:00:00Z' },
    );
    const credential = await signCredential(
      buildOpenBadgeCredential(key.controller, {
        credentialStatus: buildStatusListEntry({
          statusListCredential: listUrl(purpose),
          statusListIndex: index,
          statusPurpose: purpose,
        }),
      }),
      { key, now: '2024-01-01T00:00:00Z' },
    );
    return {
      credential,
      fetchStatusList: async (url: string) =>
        url === listUrl(purpose) ? listCredential : Promise.reject(new Error('404')),
    };
  }

  it('reports a revoked credential', async () => {
    const { credential, fetchStatusList } = await withStatus('revocation', 1234, true);
    const result = await verifyCredential(credential, { ...deps, fetchStatusList });
    expect(result.checks.find((c) => c.check === 'status')).toMatchObject({
      outcome: 'failed',
      message: 'This credential has been revoked by its issuer.',
    });
    expect(result.verified).toBe(false);
  });

  it('reports a suspended credential', async () => {
    const { credential, fetchStatusList } = await withStatus('suspension', 99, true);
    const result = await verifyCredential(credential, { ...deps, fetchStatusList });
    expect(result.checks.find((c) => c.check === 'status')).toMatchObject({
      outcome: 'failed',
      message: 'This credential is currently suspended by its issuer.',
    });
  });

  it('passes when the bit is clear', async () => {
    const { credential, fetchStatusList } = await withStatus('revocation', 1234, false);
    const result = await verifyCredential(credential, { ...deps, fetchStatusList });
    expect(outcome(result, 'status')).toBe('passed');
    expect(result.verified).toBe(true);
  });

  it('a tampered status list is not trusted', async () => {
    const { credential, fetchStatusList } = await withStatus('revocation', 1234, true);
    const tampered = async (url: string) => {
      const list = structuredClone((await fetchStatusList(url)) as Credential);
      const clean = buildStatusListCredential({
        id: url,
        issuer: key.controller,
        statusPurpose: 'revocation',
        list: createStatusList(),
      });
      (list.credentialSubject as JsonObject).encodedList = (
        clean.credentialSubject as JsonObject
      ).encodedList;
      return list;
    };
    const result = await verifyCredential(credential, { ...deps, fetchStatusList: tampered });
    expect(result.checks.find((c) => c.check === 'status')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('could not be trusted'),
    });
  });

  it('without a fetcher the status is a warning that says it was not checked', async () => {
    const { credential } = await withStatus('revocation', 1, true);
    const result = await verifyCredential(credential, deps);
    expect(result.checks.find((c) => c.check === 'status')).toMatchObject({
      outcome: 'warning',
      message: expect.stringContaining('could not be checked'),
    });
  });
});

describe('VC-JWT', () => {
  it.each(['EdDSA', 'RS256'] as const)('%s round-trips and a tampered JWT fails', async (alg) => {
    const signingKey =
      alg === 'EdDSA'
        ? key
        : generateRsaKeyPair({
            id: 'https://skillmark.example/issuers/1#rsa-1',
            controller: 'https://skillmark.example/issuers/1',
          });
    const resolveVerificationMethod = createVerificationMethodResolver({
      knownVerificationMethods: [
        signingKey.type === 'Multikey'
          ? {
              id: signingKey.id,
              type: 'Multikey',
              controller: signingKey.controller,
              publicKeyMultibase: signingKey.publicKeyMultibase,
            }
          : {
              id: signingKey.id,
              type: 'JsonWebKey',
              controller: signingKey.controller,
              publicKeyJwk: signingKey.publicKeyJwk,
            },
      ],
    });
    const jwt = await signCredential(buildOpenBadgeCredential(signingKey.controller), {
      format: 'vc-jwt',
      key: signingKey,
      now: '2024-01-01T00:00:00Z',
    });
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg,
      kid: signingKey.id,
      typ: 'JWT',
    });
    const result = await verifyCredential(jwt, { ...deps, resolveVerificationMethod });
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.vc.credentialSubject.achievement.name = 'Leadership';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const tampered = await verifyCredential(forged, { ...deps, resolveVerificationMethod });
    expect(tampered.verified).toBe(false);
    expect(outcome(tampered, 'proof')).toBe('failed');
  });

  it('supports the VC-JOSE-COSE payload layout', async () => {
    const jwt = await signCredential(buildOpenBadgeCredential(key.controller), {
      format: 'vc-jwt',
      key,
      now: '2024-01-01T00:00:00Z',
      jwtPayloadStyle: 'vc-jose-cose',
    });
    expect((await verifyCredential(jwt, deps)).verified).toBe(true);
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(`official OB 3.0 schema (${SKIP_MESSAGE})`, () => {
  it('a credential signed by our signer validates against ob_v3p0_achievementcredential_schema.json', () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    (((ajvFormats as { default?: unknown }).default as (a: Ajv2019) => void) ?? ajvFormats)(ajv);
    const validate = ajv.compile(
      readStandardJson('schemas/ob_v3p0_achievementcredential_schema.json'),
    );
    expect(Array.isArray(signed.proof)).toBe(true);
    expect(signed['@context']).toContain('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json');
    const valid = validate(signed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
