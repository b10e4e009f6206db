import { describe, expect, it } from 'vitest';
import { buildClrCredential, checkClrStructure } from './clr.ts';
import { createDocumentLoader } from './document-loader.ts';
import { buildEndorsementCredential } from './endorsement.ts';
import { generateEd25519KeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import { exampleKeyResolver } from './testing/example-keys.ts';
import {
  readStandardJson,
  readStandardText,
  SHARED_DATA_EXISTS,
  SKIP_MESSAGE,
} from './testing/shared-data.ts';
import type { JsonObject } from './types.ts';
import { verifyCredential } from './verify.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const deps = {
  documentLoader: createDocumentLoader({}),
  resolveVerificationMethod: exampleKeyResolver(),
  now: () => NOW,
};

const achievement = (n: number) => ({
  id: `https://example.org/achievements/${n}`,
  type: ['Achievement'],
  name: `Achievement ${n}`,
});
const badge = (n: number): JsonObject => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  credentialSubject: { type: ['AchievementSubject'], achievement: achievement(n) },
});

describe('buildClrCredential', () => {
  it('lists each carried credential, its achievement once, and the associations', () => {
    const clr = buildClrCredential({
      issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer' },
      learner: { did: 'did:example:learner' },
      credentials: [badge(1), badge(2), badge(2)],
      associations: [
        {
          associationType: 'isParentOf',
          sourceId: achievement(1).id,
          targetId: achievement(2).id,
        },
      ],
      name: 'Record',
      validFrom: NOW,
    });
    const subject = clr.credentialSubject as JsonObject;
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(subject.id).toBe('did:example:learner');
    expect(subject.verifiableCredential).toHaveLength(3);
    expect((subject.achievement as JsonObject[]).map((a) => a.id)).toEqual([
      achievement(1).id,
      achievement(2).id,
    ]);
    expect(subject.association).toEqual([
      {
        type: 'Association',
        associationType: 'isParentOf',
        sourceId: achievement(1).id,
        targetId: achievement(2).id,
      },
    ]);
    expect(checkClrStructure(clr)).toEqual([]);
  });

  it('carries a VC-JWT as an EnvelopedVerifiableCredential and hashes an email learner', () => {
    const payload = Buffer.from(JSON.stringify({ vc: badge(3) })).toString('base64url');
    const clr = buildClrCredential({
      issuer: { id: 'did:example:issuer' },
      learner: { email: 'Ada@Example.org', salt: 'pepper' },
      credentials: [`eyJhbGciOiJFZERTQSJ9.${payload}.sig`],
      name: 'Record',
    });
    const subject = clr.credentialSubject as JsonObject;
    expect((subject.verifiableCredential as JsonObject[])[0]).toMatchObject({
      type: 'EnvelopedVerifiableCredential',
      id: expect.stringMatching(/^data:application\/vc\+jwt,eyJ/),
    });
    expect((subject.achievement as JsonObject[])[0]!.id).toBe(achievement(3).id);
    expect((subject.identifier as JsonObject[])[0]).toMatchObject({ hashed: true, salt: 'pepper' });
  });

  it('refuses an empty record and associations to achievements outside it', () => {
    const base = { issuer: { id: 'did:example:i' }, learner: { did: 'did:example:l' }, name: 'R' };
    expect(() => buildClrCredential({ ...base, credentials: [] })).toThrow(/at least one/);
    expect(() =>
      buildClrCredential({
        ...base,
        credentials: [badge(1)],
        associations: [
          { associationType: 'isChildOf', sourceId: achievement(1).id, targetId: 'urn:x' },
        ],
      }),
    ).toThrow(/urn:x/);
  });

  it('checkClrStructure names what is missing', () => {
    expect(checkClrStructure({ type: ['VerifiableCredential'] })).toEqual(
      expect.arrayContaining([
        'type must include VerifiableCredential and ClrCredential',
        'name is required',
        'credentialSubject must be a ClrSubject',
      ]),
    );
  });

  it('a self-signed CLR (eddsa-rdfc-2022, CLR context) verifies', async () => {
    const key = await generateEd25519KeyPair();
    const did = key.controller;
    const clr = buildClrCredential({
      id: 'urn:uuid:7d1c3a52-54e5-4bb1-9a52-1d9cd5d3f0a7',
      issuer: { id: did, type: ['Profile'], name: 'Lena' },
      learner: { did },
      credentials: [badge(1)],
      name: 'Record',
      validFrom: NOW,
    });
    const signed = await signCredential(clr, { key, now: NOW });
    const result = await verifyCredential(signed, deps);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
  });
});

describe('buildEndorsementCredential', () => {
  it('is an EndorsementCredential about the subject, with the comment', () => {
    const credential = buildEndorsementCredential({
      issuer: { id: 'did:example:body' },
      subjectId: 'https://example.org/achievements/1',
      name: 'Body endorses Achievement 1',
      comment: 'Good.',
    });
    expect(credential.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(credential.credentialSubject).toEqual({
      id: 'https://example.org/achievements/1',
      type: ['EndorsementSubject'],
      endorsementComment: 'Good.',
    });
    expect(() =>
      buildEndorsementCredential({ issuer: { id: 'did:x:y' }, subjectId: 'no uri', name: 'n' }),
    ).toThrow(/not a URI/);
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(`1EdTech CLR 2.0 examples (${SKIP_MESSAGE})`, () => {
  it('simple.json verifies and has the CLR 2.0 structure', async () => {
    const result = await verifyCredential(readStandardText('examples/clr2/simple.json'), deps);
    expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
    expect(checkClrStructure(readStandardJson('examples/clr2/simple.json'))).toEqual([]);
  });

  it('simple.jwt: the signature checks out with the key in its header, which the issuer does not publish', async () => {
    const result = await verifyCredential(readStandardText('examples/clr2/simple.jwt'), deps);
    const check = (name: string) => result.checks.find((c) => c.check === name);
    expect(check('proof')?.outcome).toBe('passed');
    // OB 3.0 §8.2.4.1 allows a `jwk` header, but anyone can embed a key: it is not the issuer's.
    expect(check('issuer-key')).toMatchObject({ outcome: 'failed' });
    expect(check('issuer-key')?.detail).toContain('embedded in the JWT header');
    expect(check('format')?.outcome).toBe('warning');
  });

  it('complex.json (VC 1.1, Ed25519Signature2020) is reported as unsupported, not silently passed', async () => {
    const result = await verifyCredential(readStandardText('examples/clr2/complex.json'), deps);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('does not support'),
    });
    expect(result.verified).toBe(false);
    expect(checkClrStructure(readStandardJson('examples/clr2/complex.json'))).toContain(
      '@context must start with the VC 2.0 context',
    );
  });
});
