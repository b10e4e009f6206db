import { describe, expect, it, vi } from 'vitest';
import { buildDidDocument } from './did-document.ts';
import { createDidWebResolver, didWebToUrl, resolveDidWeb } from './did-web.ts';
import { generateEd25519KeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import { createSafeFetch } from './ssrf-safe-fetch.ts';
import { buildOpenBadgeCredential, seed } from './testing/fixtures.ts';
import { createVerificationMethodResolver } from './verification-method-resolver.ts';
import { verifyCredential } from './verify.ts';

const lookup = async () => [{ address: '93.184.215.14', family: 4 }];

describe('didWebToUrl (DID-WEB §3.2)', () => {
  it.each([
    ['did:web:example.com', 'https://example.com/.well-known/did.json'],
    ['did:web:example.com:issuers:acme', 'https://example.com/issuers/acme/did.json'],
    ['did:web:example.com%3A8443', 'https://example.com:8443/.well-known/did.json'],
    ['did:web:example.com%3A8443:u:alice', 'https://example.com:8443/u/alice/did.json'],
  ])('%s → %s', (did, url) => expect(didWebToUrl(did)).toBe(url));

  it.each([
    'did:web:',
    'did:key:z6Mk',
    'did:web:example.com:..',
    'did:web:user%40evil.com',
    'did:web:example.com/path',
  ])('rejects %s', (did) => expect(() => didWebToUrl(did)).toThrow());
});

describe('did:web resolution', () => {
  const did = 'did:web:skillmark.example:issuers:acme';

  async function issuerWithRotatedKeys() {
    const old = await generateEd25519KeyPair({
      controller: did,
      id: `${did}#key-1`,
      seed: seed(7),
    });
    const current = await generateEd25519KeyPair({
      controller: did,
      id: `${did}#key-2`,
      seed: seed(8),
    });
    const document = buildDidDocument(did, [{ key: old, retired: true }, { key: current }]);
    return { old, current, document };
  }

  it('fetches https://host/path/did.json and checks the id', async () => {
    const { document } = await issuerWithRotatedKeys();
    const fetchImpl = vi.fn<typeof fetch>(async () => Response.json(document));
    const resolved = await resolveDidWeb(did, createSafeFetch({ lookup, fetchImpl }));
    expect(resolved.id).toBe(did);
    expect(fetchImpl).toHaveBeenCalledWith(
      'https://skillmark.example/issuers/acme/did.json',
      expect.anything(),
    );
  });

  it('rejects a document for another DID', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () =>
      Response.json({ id: 'did:web:evil.example' }),
    );
    await expect(resolveDidWeb(did, createSafeFetch({ lookup, fetchImpl }))).rejects.toThrow(
      /does not contain/,
    );
  });

  it('caches for the TTL, then fetches again', async () => {
    const { document } = await issuerWithRotatedKeys();
    const fetchImpl = vi.fn<typeof fetch>(async () => Response.json(document));
    let time = 0;
    const resolve = createDidWebResolver({
      safeFetch: createSafeFetch({ lookup, fetchImpl }),
      ttlMs: 1000,
      now: () => time,
    });
    await resolve(did);
    await resolve(did);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    time = 1001;
    await resolve(did);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('credentials signed with a rotated-out key still verify, as do new ones', async () => {
    const { old, current, document } = await issuerWithRotatedKeys();
    const fetchImpl = vi.fn<typeof fetch>(async () => Response.json(document));
    const resolveDid = createDidWebResolver({ safeFetch: createSafeFetch({ lookup, fetchImpl }) });
    const resolveVerificationMethod = createVerificationMethodResolver({ resolveDid });
    for (const key of [old, current]) {
      const credential = await signCredential(buildOpenBadgeCredential(did), {
        key,
        now: '2024-01-01T00:00:00Z',
      });
      const result = await verifyCredential(credential, { resolveVerificationMethod });
      expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    }
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
