import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { CONTEXT_URLS } from './contexts/index.ts';
import { defaultDocumentLoader } from './document-loader.ts';
import { canAddEddsaProofDirectly } from './eddsa-proof.ts';
import { signCredential } from './sign.ts';
import { createDifferentialChecker } from './testing/differential.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import type { Credential } from './types.ts';

describe('direct eddsa proofs', () => {
  it('leaves a VC 1.1 credential to vc.issue, which adds issuanceDate, and it verifies', async () => {
    const key = await issuerKey(14);
    const credential: Credential = {
      '@context': [CONTEXT_URLS.credentialsV1],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      credentialSubject: { id: 'did:example:learner' },
    };
    expect(canAddEddsaProofDirectly(credential)).toBe(false);
    const signed = await signCredential(credential, { key });
    expect(signed.issuanceDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const result = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite: referenceSuite }),
      documentLoader: defaultDocumentLoader(),
    });
    expect(result.verified, JSON.stringify(result.error)).toBe(true);
  });

  it('refuses what vc.issue refuses, with its message', async () => {
    const key = await issuerKey(15);
    const { credentialSubject: _subject, ...withoutSubject } = buildOpenBadgeCredential(
      key.controller,
    );
    await expect(signCredential(withoutSubject as Credential, { key })).rejects.toThrow(
      /credentialSubject/,
    );
    const check = await createDifferentialChecker(key);
    expect(await check(withoutSubject as Credential, new Date('2026-01-01T00:00:00Z'))).toEqual({});
  });

  it('signs with the given time, without milliseconds, as DataIntegrityProof does', async () => {
    const key = await issuerKey(16);
    const signed = await signCredential(buildOpenBadgeCredential(key.controller), {
      key,
      now: new Date('2026-04-05T06:07:08.912Z'),
    });
    expect((signed.proof as Array<{ created: string }>)[0]?.created).toBe('2026-04-05T06:07:08Z');
  });
});
