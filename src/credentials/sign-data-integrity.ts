/**
 * Data Integrity signing with eddsa-rdfc-2022 and eddsa-jcs-2022 (VC-DI-EDDSA §3.3, §3.4),
 * through Digital Bazaar's DataIntegrityProof so the output matches the W3C test vectors;
 * eddsa-rdfc-2022 canonicalizes through compiled templates (fast-rdfc/).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite as createJcsSignCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { ed25519Signer } from './ed25519-key-objects.ts';
import { addEddsaProof, canAddEddsaProofDirectly } from './eddsa-proof.ts';
import { SigningError } from './errors.ts';
import { fastRdfcCryptosuite } from './fast-rdfc/cryptosuite.ts';
import type { Ed25519KeyPair, SigningKey } from './keys.ts';
import type { Credential, DocumentLoader } from './types.ts';

/** The Data Integrity cryptosuites Skillmark signs with. */
export type DataIntegrityCryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';

/** Options of {@link signDataIntegrity}. */
export interface DataIntegritySignOptions {
  cryptosuite: DataIntegrityCryptosuite;
  key: Ed25519KeyPair;
  verificationMethod?: string;
  documentLoader: DocumentLoader;
  /** Becomes `proof.created`; fixing it makes the output reproducible (Ed25519 is deterministic). */
  now?: Date | string;
}

/**
 * Adds a Data Integrity proof to a credential (a copy; the input is untouched). An
 * existing proof is kept and the result is a proof set (VC-DATA-INTEGRITY §2.1.1).
 * `proof` is always an array: the OB 3.0 JSON Schema requires one.
 */
export async function signDataIntegrity(
  credential: Credential,
  options: DataIntegritySignOptions,
): Promise<Credential> {
  if (!options.key.secretKeyMultibase) {
    throw new SigningError(
      'Data Integrity EdDSA signing needs an Ed25519 key with its secret key.',
    );
  }
  if (canAddEddsaProofDirectly(credential)) {
    const signed = await addEddsaProof(credential, {
      ...options,
      verificationMethod: options.verificationMethod ?? options.key.id,
    });
    return asProofSet(signed);
  }
  const suite = await eddsaProofSuite(options, 'Data Integrity EdDSA signing');
  const signed = await vc.issue({
    // vc.issue sets top-level properties only (issuanceDate on VC 1.1) and appends to an
    // existing proof array: copying those keeps the input untouched without a deep clone.
    credential: Array.isArray(credential.proof)
      ? { ...credential, proof: [...credential.proof] }
      : { ...credential },
    suite,
    documentLoader: options.documentLoader,
    now: options.now,
  });
  return asProofSet(signed as Credential);
}

function asProofSet(signed: Credential): Credential {
  const proof = signed.proof;
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof as Credential] };
}

/**
 * A DataIntegrityProof suite signing with an Ed25519 key, for credentials and presentations
 * alike; `what` names the operation in the error when the key cannot sign.
 */
export async function eddsaProofSuite(
  options: {
    key: SigningKey;
    cryptosuite?: DataIntegrityCryptosuite;
    verificationMethod?: string;
    now?: Date | string;
  },
  what: string,
) {
  if (options.key.type !== 'Multikey' || !options.key.secretKeyMultibase) {
    throw new SigningError(`${what} needs an Ed25519 key with its secret key.`);
  }
  // A cached KeyObject gives the same deterministic Ed25519 signature as the multikey signer.
  const signer = ed25519Signer(options.key, options.verificationMethod ?? options.key.id);
  const cryptosuite =
    options.cryptosuite === 'eddsa-jcs-2022' ? createJcsSignCryptosuite() : fastRdfcCryptosuite;
  return new DataIntegrityProof({ signer, cryptosuite, date: options.now ?? new Date() });
}
