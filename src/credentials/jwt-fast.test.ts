import { CompactSign, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { ed25519KeyToJwk, generateRsaKeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import type { ResolvedVerificationMethod } from './types.ts';
import { verifyJwtSignature } from './verify-jwt.ts';

const NOW = '2026-02-03T04:05:06Z';
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const decode = (part: string) => Buffer.from(part, 'base64url').toString('utf8');

describe('VC-JWT on cached KeyObjects', () => {
  it.each(['vc-claim', 'vc-jose-cose'] as const)(
    'signs %s Ed25519 tokens byte for byte as jose does',
    async (style) => {
      const key = await issuerKey(5);
      const jwt = await signCredential(buildOpenBadgeCredential(key.controller), {
        format: 'vc-jwt',
        key,
        now: NOW,
        jwtPayloadStyle: style,
      });
      const [header, payload] = jwt.split('.') as [string, string];
      const expected = await new CompactSign(Buffer.from(decode(payload)))
        .setProtectedHeader(JSON.parse(decode(header)))
        .sign(await importJWK(await ed25519KeyToJwk(key, { secret: true }), 'EdDSA'));
      expect(jwt).toBe(expected);
    },
  );

  it('signs RS256 tokens byte for byte as jose does', async () => {
    const key = generateRsaKeyPair({
      id: 'https://i.example/k#rsa',
      controller: 'https://i.example/k',
    });
    const jwt = await signCredential(buildOpenBadgeCredential(key.controller), {
      format: 'vc-jwt',
      key,
      now: NOW,
    });
    const [header, payload] = jwt.split('.') as [string, string];
    const expected = await new CompactSign(Buffer.from(decode(payload)))
      .setProtectedHeader(JSON.parse(decode(header)))
      .sign(await importJWK(key.privateKeyJwk as object, 'RS256'));
    expect(jwt).toBe(expected);
  });

  it('verifies EdDSA directly and rejects a changed payload, a foreign key and a lying header', async () => {
    const key = await issuerKey(6);
    const other = await issuerKey(7);
    const method = (k: typeof key): ResolvedVerificationMethod => ({
      verificationMethod: {
        id: k.id,
        type: 'Multikey',
        controller: k.controller,
        publicKeyMultibase: k.publicKeyMultibase,
      },
    });
    const jwt = await signCredential(buildOpenBadgeCredential(key.controller), {
      format: 'vc-jwt',
      key,
      now: NOW,
    });
    expect(await verifyJwtSignature(jwt, 'EdDSA', method(key))).toBeUndefined();
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const changed = JSON.parse(decode(payload));
    changed.vc.name = 'Forged';
    expect(
      await verifyJwtSignature(
        `${header}.${b64(JSON.stringify(changed))}.${signature}`,
        'EdDSA',
        method(key),
      ),
    ).toMatch(/signature verification failed/);
    expect(await verifyJwtSignature(jwt, 'EdDSA', method(other))).toMatch(
      /signature verification failed/,
    );
    // The caller's algorithm must be the header's; otherwise jose's full rules apply.
    expect(await verifyJwtSignature(jwt, 'RS256', method(key))).toBeDefined();
  });

  it('leaves tokens with critical header parameters to jose, which refuses unknown ones', async () => {
    const key = await issuerKey(8);
    const header = b64(
      JSON.stringify({ alg: 'EdDSA', kid: key.id, crit: ['x-unknown'], 'x-unknown': true }),
    );
    const payload = b64('{}');
    const { sign } = await import('node:crypto');
    const { ed25519PrivateKeyObject } = await import('./ed25519-key-objects.ts');
    const signature = sign(
      null,
      Buffer.from(`${header}.${payload}`),
      ed25519PrivateKeyObject(key),
    ).toString('base64url');
    const method: ResolvedVerificationMethod = {
      verificationMethod: {
        id: key.id,
        type: 'Multikey',
        controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    };
    expect(await verifyJwtSignature(`${header}.${payload}.${signature}`, 'EdDSA', method)).toMatch(
      /crit|x-unknown/i,
    );
  });
});
