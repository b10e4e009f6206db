import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, CONTEXT_URLS } from '../contexts/index.ts';
import { createDocumentLoader, defaultDocumentLoader } from '../document-loader.ts';
import { createDifferentialChecker } from '../testing/differential.ts';
import { buildOpenBadgeCredential, issuerKey } from '../testing/fixtures.ts';
import type { Credential, DocumentLoader, JsonObject } from '../types.ts';
import { canonicalize } from './canonize.ts';

const ISSUER = 'https://issuer.example/orgs/1';
const loader = defaultDocumentLoader();

async function both(document: JsonObject, documentLoader: DocumentLoader = loader) {
  const fast = await canonicalize(document, { documentLoader });
  const reference = await referenceSuite.canonize(document, {
    documentLoader,
    safe: true,
    base: null,
  });
  return { ...fast, reference };
}

describe('compiled eddsa-rdfc-2022 canonicalization', () => {
  it('reuses one compiled shape for credentials that differ only in values', async () => {
    const first = buildOpenBadgeCredential(ISSUER, {
      id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
    });
    const second = buildOpenBadgeCredential(ISSUER, {
      id: 'https://elsewhere.example/c/2',
      name: 'Ünïcödé "quoted" \\ name\n',
    });
    await both(first);
    const result = await both(second);
    expect(result.path).toBe('compiled');
    expect(result.nquads).toBe(result.reference);
    expect(result.nquads).toContain('<https://elsewhere.example/c/2>');
  });

  it('merges nodes and drops repeated values exactly as jsonld.js does', async () => {
    const credential = buildOpenBadgeCredential(ISSUER);
    const subject = credential.credentialSubject as JsonObject;
    const achievement = subject.achievement as JsonObject;
    const shared = {
      ...credential,
      credentialSubject: {
        ...subject,
        achievement: {
          ...achievement,
          tag: ['x', 'x'],
          criteria: { id: achievement.id, narrative: 'n' },
        },
      },
    };
    const unshared = {
      ...shared,
      credentialSubject: {
        ...subject,
        achievement: {
          ...achievement,
          tag: ['x', 'y'],
          criteria: { id: 'urn:c:1', narrative: 'n' },
        },
      },
    };
    await both(unshared);
    const result = await both(shared);
    expect(result.path).toBe('compiled');
    expect(result.nquads).toBe(result.reference);
  });

  it('keeps values that expand differently (relative or compact IRIs) out of the templates', async () => {
    const credential = buildOpenBadgeCredential(ISSUER, {
      evidence: [{ id: 'urn:e:1', type: ['Evidence'], genre: 'xsd:string' }],
    });
    const other = buildOpenBadgeCredential(ISSUER, {
      evidence: [{ id: 'urn:e:1', type: ['Evidence'], genre: 'plain' }],
    });
    for (const doc of [credential, other]) {
      const result = await both(doc);
      expect(result.nquads).toBe(result.reference);
    }
  });

  it('leaves an undefined property to the reference path, which refuses it in safe mode', async () => {
    const key = await issuerKey(4);
    const credential = buildOpenBadgeCredential(key.controller, { favouriteColour: 'blue' });
    await expect(
      referenceSuite.canonize(credential, { documentLoader: loader, safe: true, base: null }),
    ).rejects.toThrow(/Safe mode/);
    await expect(canonicalize(credential, { documentLoader: loader })).rejects.toThrow(/Safe mode/);
    const check = await createDifferentialChecker(key);
    // Both stacks refuse to sign it: the fast path never guesses a term.
    expect(await check(credential, new Date('2026-01-01T00:00:00Z'))).toEqual({});
  });

  it('leaves an undefined type to the reference path', async () => {
    const credential = buildOpenBadgeCredential(ISSUER, {
      type: ['VerifiableCredential', 'OpenBadgeCredential', 'MysteryCredential'],
    });
    await expect(canonicalize(credential, { documentLoader: loader })).rejects.toThrow(/Safe mode/);
  });

  it('takes the reference path for a context outside the compiled set', async () => {
    const examples = 'https://www.w3.org/ns/credentials/examples/v2';
    const documentLoader = createDocumentLoader({
      documents: {
        [examples]: { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } },
      },
    });
    const credential = buildOpenBadgeCredential(ISSUER, {
      '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.obV3p0, examples],
    });
    const result = await both(credential, documentLoader);
    expect(result.path).toBe('reference');
    expect(result.nquads).toBe(result.reference);
  });

  it('takes the reference path for an embedded @context', async () => {
    const credential = buildOpenBadgeCredential(ISSUER, {
      evidence: [
        { '@context': { genre: 'https://other.example/genre' }, type: ['Evidence'], genre: 'g' },
      ],
    });
    const result = await both(credential);
    expect(result.path).toBe('reference');
    expect(result.nquads).toBe(result.reference);
    // Signed through the fallback, the proof is still the reference stack's, and verifies.
    const key = await issuerKey(13);
    const check = await createDifferentialChecker(key);
    const own = buildOpenBadgeCredential(key.controller, { evidence: credential.evidence ?? null });
    expect(await check(own, new Date('2026-01-01T00:00:00Z'))).toEqual({ path: 'reference' });
  });

  it('takes the reference path when the loader serves its own document under a bundled URL', async () => {
    const ob = BUNDLED_CONTEXTS.get(CONTEXT_URLS.obV3p0) as JsonObject;
    const documentLoader = createDocumentLoader({
      documents: { [CONTEXT_URLS.obV3p0]: structuredClone(ob) },
    });
    const credential: Credential = buildOpenBadgeCredential(ISSUER);
    const result = await both(credential, documentLoader);
    expect(result.path).toBe('reference');
    expect(result.nquads).toBe(result.reference);
  });
});
