/**
 * Verifies each Data Integrity proof of a proof set independently
 * (VC-DATA-INTEGRITY §4.4 "Verify Proof", §2.1.1 proof sets) with Digital Bazaar's
 * eddsa-rdfc-2022 and eddsa-jcs-2022 suites (rdfc canonicalizing through fast-rdfc/, both
 * verifying Ed25519 on cached KeyObjects).
 */
import { DataIntegrityProof as DataIntegrityProofSuite } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as createJcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { CONTEXT_URLS } from './contexts/index.ts';
import { UnknownDocumentError } from './errors.ts';
import { fastRdfcCryptosuite } from './fast-rdfc/cryptosuite.ts';
import { describeError, hasCause } from './json-helpers.ts';
import type {
  Credential,
  DataIntegrityProof,
  DocumentLoader,
  ResolvedVerificationMethod,
} from './types.ts';

/** Cryptosuites this verifier accepts (VC-DI-EDDSA §3). */
export const SUPPORTED_CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;

/** The verdict on one proof of a proof set. */
export interface ProofVerification {
  proof: DataIntegrityProof;
  verified: boolean;
  /** Why not, in technical terms. */
  error?: string;
  /** Set when the cause is an unsupported suite or a missing key rather than a bad signature. */
  reason?: 'unsupported' | 'unknown-context' | 'key-unavailable' | 'signature';
}

function suiteFor(cryptosuite: string | undefined): DataIntegrityProofSuite | undefined {
  if (cryptosuite === 'eddsa-rdfc-2022')
    return new DataIntegrityProofSuite({ cryptosuite: fastRdfcCryptosuite });
  if (cryptosuite === 'eddsa-jcs-2022') {
    const jcs = {
      ...createJcsVerifyCryptosuite(),
      createVerifier: fastRdfcCryptosuite.createVerifier,
    };
    return new DataIntegrityProofSuite({ cryptosuite: jcs });
  }
  return undefined;
}

/** Verifies one proof against the credential without its `proof` property. */
export async function verifyDataIntegrityProof(
  credential: Credential,
  proof: DataIntegrityProof,
  key: ResolvedVerificationMethod | Error | undefined,
  documentLoader: DocumentLoader,
): Promise<ProofVerification> {
  const suite = proof.type === 'DataIntegrityProof' ? suiteFor(proof.cryptosuite) : undefined;
  if (!suite) {
    const name =
      proof.type === 'DataIntegrityProof'
        ? `cryptosuite ${proof.cryptosuite}`
        : `proof type ${proof.type}`;
    return { proof, verified: false, reason: 'unsupported', error: `${name} is not supported` };
  }
  if (!key || key instanceof Error) {
    return {
      proof,
      verified: false,
      reason: 'key-unavailable',
      error: describeError(key ?? 'no key'),
    };
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    // VC-DATA-MODEL-2.0 §4.12: an issuer's proof asserts; other purposes are not issuance.
    return {
      proof,
      verified: false,
      reason: 'signature',
      error: `proofPurpose is ${proof.proofPurpose}`,
    };
  }
  const { proof: _proofs, ...document } = credential;
  const method = {
    '@context': CONTEXT_URLS.multikeyV1,
    ...key.verificationMethod,
    id: proof.verificationMethod,
  };
  // The suite dereferences the verification method through the loader: serve the resolved key.
  const loader = async (url: string) =>
    url === proof.verificationMethod
      ? { contextUrl: null, documentUrl: url, document: method }
      : documentLoader(url);
  const result = await suite.verifyProof({
    proof: structuredClone(proof),
    document,
    documentLoader: loader,
  });
  if (result.verified) return { proof, verified: true };
  const unknownContext = hasCause(result.error, (cause) => cause instanceof UnknownDocumentError);
  return {
    proof,
    verified: false,
    reason: unknownContext ? 'unknown-context' : 'signature',
    error: describeError(result.error),
  };
}
