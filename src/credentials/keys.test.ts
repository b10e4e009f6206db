import { describe, expect, it } from 'vitest';
import { buildDidDocument, verificationMethodOf } from './did-document.ts';
import { didKeyVerificationMethodId, resolveDidKey } from './did-key.ts';
import {
  ed25519KeyToJwk,
  generateEd25519KeyPair,
  generateRsaKeyPair,
  publicJwkOf,
  publicKeyOf,
} from './keys.ts';
import { seed } from './testing/fixtures.ts';

describe('Ed25519 keys and did:key', () => {
  it('generates a Multikey identified by its did:key', async () => {
    const key = await generateEd25519KeyPair({ seed: seed(9) });
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.secretKeyMultibase).toMatch(/^z/);
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(key.id).toBe(didKeyVerificationMethodId(key.publicKeyMultibase));
    expect(await generateEd25519KeyPair({ seed: seed(9) })).toEqual(key);
  });

  it('builds the did:key document (DID-KEY §3.1.1)', async () => {
    const key = await generateEd25519KeyPair({ seed: seed(9) });
    const document = resolveDidKey(key.id);
    expect(document.id).toBe(key.controller);
    expect(document.verificationMethod).toEqual([
      {
        id: key.id,
        type: 'Multikey',
        controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    ]);
    expect(document.assertionMethod).toEqual([key.id]);
    expect(() =>
      resolveDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'),
    ).toThrow(/not an Ed25519/);
  });

  it('exports OKP JWKs: public without d, secret with a 32-byte d', async () => {
    const key = await generateEd25519KeyPair({ seed: seed(9) });
    const pub = await ed25519KeyToJwk(key);
    expect(pub).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(pub.d).toBeUndefined();
    const secret = await ed25519KeyToJwk(key, { secret: true });
    expect(Buffer.from(String(secret.d), 'base64url')).toHaveLength(32);
    expect(await publicJwkOf(key)).toEqual(pub);
    expect(publicKeyOf(key)).not.toHaveProperty('secretKeyMultibase');
  });
});

describe('did:web documents', () => {
  it('lists current and retired keys, never secrets', async () => {
    const did = 'did:web:skillmark.example';
    const old = await generateEd25519KeyPair({ controller: did, id: `${did}#2024`, seed: seed(1) });
    const current = await generateEd25519KeyPair({
      controller: did,
      id: `${did}#2025`,
      seed: seed(2),
    });
    const rsa = generateRsaKeyPair({ controller: did, id: `${did}#rsa` });
    const document = buildDidDocument(did, [
      { key: old, retired: true },
      { key: current },
      { key: rsa },
    ]);
    expect(document.assertionMethod).toEqual([`${did}#2024`, `${did}#2025`, `${did}#rsa`]);
    const text = JSON.stringify(document);
    expect(text).not.toContain(String(old.secretKeyMultibase));
    expect(text).not.toContain('"d"');
    expect(verificationMethodOf(rsa).publicKeyJwk).toMatchObject({ kty: 'RSA', e: 'AQAB' });
    expect(() => buildDidDocument('did:web:other.example', [{ key: current }])).toThrow(
      /controlled by/,
    );
  });
});
