/**
 * Differential check of one credential: the fast eddsa-rdfc-2022 path against Digital
 * Bazaar's reference stack (jsonld.js + rdf-canonize through the published cryptosuite,
 * multikey signer, `vc.issue` / `vc.verifyCredential`). Shared by the CI test and the
 * 10,000-case benchmark.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  createSignCryptosuite as createJcsSignSuite,
  createVerifyCryptosuite as createJcsVerifySuite,
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { CONTEXT_URLS } from '../contexts/index.ts';
import { defaultDocumentLoader } from '../document-loader.ts';
import { canonicalize } from '../fast-rdfc/canonize.ts';
import type { Ed25519KeyPair } from '../keys.ts';
import { signCredential } from '../sign.ts';
import type { Credential, JsonObject } from '../types.ts';

/** How one case went; `problem` is set when the fast path diverged. */
export interface DifferentialOutcome {
  path?: 'compiled' | 'reference';
  problem?: string;
}

/** Signs and verifies with the reference stack and compares the fast path with it. */
export async function createDifferentialChecker(key: Ed25519KeyPair) {
  const documentLoader = defaultDocumentLoader();
  const referencePair = await Ed25519Multikey.from({ '@context': CONTEXT_URLS.multikeyV1, ...key });
  return async function check(credential: Credential, now: Date): Promise<DifferentialOutcome> {
    // Record the reference canonical document as the reference suite computes it.
    let referenceNquads: string | undefined;
    const recording = {
      ...referenceSuite,
      async canonize(input: object, options: object) {
        const nquads = await referenceSuite.canonize(input, options);
        if (!('proofPurpose' in input)) referenceNquads = nquads;
        return nquads;
      },
    };
    const signer = referencePair.signer();
    signer.id = key.id;
    let reference: JsonObject;
    try {
      reference = (await vc.issue({
        credential: structuredClone(credential),
        suite: new DataIntegrityProof({ signer, cryptosuite: recording, date: now }),
        documentLoader,
      })) as JsonObject;
    } catch (error) {
      const fast = await signCredential(credential, { key, now }).then(
        () => undefined,
        (fastError: unknown) => fastError,
      );
      return fast
        ? {}
        : { problem: `reference refused (${String(error)}) but the fast path signed` };
    }
    // The proof hashes the document without its existing proofs (VC-DATA-INTEGRITY §4.2).
    const { proof: _existing, ...unsecured } = credential;
    const fastCanonical = await canonicalize(unsecured, { documentLoader });
    if (fastCanonical.nquads !== referenceNquads) {
      return { path: fastCanonical.path, problem: 'canonical N-Quads differ' };
    }
    const fast = await signCredential(credential, { key, now });
    const expected = asProofSet(reference);
    if (JSON.stringify(fast) !== JSON.stringify(expected)) {
      return { path: fastCanonical.path, problem: 'signed credential differs (proofValue)' };
    }
    const verification = await vc.verifyCredential({
      credential: fast,
      suite: new DataIntegrityProof({ cryptosuite: referenceSuite }),
      documentLoader,
      now: new Date(String(credential.validFrom)),
      checkStatus: async () => ({ verified: true }),
    });
    if (!verification.verified) {
      return {
        path: fastCanonical.path,
        problem: `reference verifier rejects: ${JSON.stringify(verification.error ?? verification)}`,
      };
    }
    return { path: fastCanonical.path };
  };
}

/** The same comparison for eddsa-jcs-2022 (no canonical N-Quads: JCS output is compared). */
export async function createJcsDifferentialChecker(key: Ed25519KeyPair) {
  const documentLoader = defaultDocumentLoader();
  const referencePair = await Ed25519Multikey.from({ '@context': CONTEXT_URLS.multikeyV1, ...key });
  return async function check(credential: Credential, now: Date): Promise<DifferentialOutcome> {
    const signer = referencePair.signer();
    signer.id = key.id;
    let reference: JsonObject;
    try {
      reference = (await vc.issue({
        credential: structuredClone(credential),
        suite: new DataIntegrityProof({ signer, cryptosuite: createJcsSignSuite(), date: now }),
        documentLoader,
      })) as JsonObject;
    } catch (error) {
      const fast = await signCredential(credential, { key, now, format: 'eddsa-jcs-2022' }).then(
        () => undefined,
        (fastError: unknown) => fastError,
      );
      return fast
        ? {}
        : { problem: `reference refused (${String(error)}) but the fast path signed` };
    }
    const fast = await signCredential(credential, { key, now, format: 'eddsa-jcs-2022' });
    if (JSON.stringify(fast) !== JSON.stringify(asProofSet(reference))) {
      return { problem: 'signed credential differs' };
    }
    const verification = await vc.verifyCredential({
      credential: fast,
      suite: new DataIntegrityProof({ cryptosuite: createJcsVerifySuite() }),
      documentLoader,
      now: new Date(String(credential.validFrom)),
      checkStatus: async () => ({ verified: true }),
    });
    return verification.verified
      ? {}
      : {
          problem: `reference verifier rejects: ${JSON.stringify(verification.error ?? verification)}`,
        };
  };
}

// signCredential always returns `proof` as an array (the OB 3.0 schema requires one).
function asProofSet(signed: JsonObject): JsonObject {
  return { ...signed, proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof ?? null] };
}
