/**
 * An eddsa-rdfc-2022 cryptosuite for Digital Bazaar's DataIntegrityProof: the reference
 * suite with canonicalization through compiled templates and Ed25519 verification on a
 * cached node:crypto KeyObject. Proof layout, hashing (VC-DI-EDDSA §3.3.4-3.3.6) and
 * checks stay in the DataIntegrityProof class, so proofs are the reference stack's.
 */
import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { ed25519Verifier } from '../ed25519-key-objects.ts';
import type { DocumentLoader, JsonObject } from '../types.ts';
import { canonicalize } from './canonize.ts';

export const fastRdfcCryptosuite = {
  name: referenceSuite.name,
  requiredAlgorithm: referenceSuite.requiredAlgorithm,
  async canonize(
    input: JsonObject,
    options: { documentLoader: DocumentLoader } & Record<string, unknown>,
  ): Promise<string> {
    return (await canonicalize(input, options)).nquads;
  },
  async createVerifier({ verificationMethod }: { verificationMethod: JsonObject }) {
    const { publicKeyMultibase, id } = verificationMethod;
    // Only Ed25519 Multikeys have a KeyObject form here; anything else keeps the reference
    // path, which also produces its error messages.
    if (
      verificationMethod.type === 'Multikey' &&
      typeof publicKeyMultibase === 'string' &&
      publicKeyMultibase.startsWith('z6Mk') &&
      typeof id === 'string'
    ) {
      return ed25519Verifier(publicKeyMultibase, id);
    }
    return referenceSuite.createVerifier({ verificationMethod });
  },
};
