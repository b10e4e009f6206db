/**
 * Holder signing of a Verifiable Presentation (VC-DATA-MODEL-2.0 §4.13) with a Data
 * Integrity proof whose purpose is `authentication`, carrying the verifier's `challenge`
 * and `domain` (VC-DATA-INTEGRITY §2.1). Used by holders' wallets and by tests.
 */
import * as vc from '@digitalbazaar/vc';
import { CONTEXT_URLS } from './contexts/index.ts';
import { defaultDocumentLoader } from './document-loader.ts';
import type { Ed25519KeyPair } from './keys.ts';
import { type DataIntegrityCryptosuite, eddsaProofSuite } from './sign-data-integrity.ts';
import type { DocumentLoader, JsonObject, JsonValue } from './types.ts';
import type { Presentation } from './verify-presentation.ts';

// `signPresentation` of @digitalbazaar/vc builds the AuthenticationProofPurpose itself, so
// jsonld-signatures (not a direct dependency) need not be imported here.
declare module '@digitalbazaar/vc' {
  export function signPresentation(options: {
    presentation: Record<string, unknown>;
    suite: object;
    challenge: string;
    domain?: string;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
}

/** Options of {@link signPresentation}. */
export interface PresentationSignOptions {
  /** The holder's Ed25519 key (with its secret part); its controller should be the holder. */
  key: Ed25519KeyPair;
  /**
   * The verifier's nonce, echoed in the proof so the presentation cannot be replayed.
   * Required: jsonld-signatures' AuthenticationProofPurpose refuses to sign without one.
   */
  challenge: string;
  /** The verifier the presentation is meant for (e.g. its origin). */
  domain?: string;
  /** Defaults to 'eddsa-rdfc-2022'. */
  cryptosuite?: DataIntegrityCryptosuite;
  /** The verification method id to reference; defaults to `key.id`. */
  verificationMethod?: string;
  /** Becomes `proof.created`; fixing it makes the output reproducible. */
  now?: Date | string;
  /** Defaults to the offline loader with the bundled contexts. */
  documentLoader?: DocumentLoader;
}

/**
 * Builds an unsigned VC 2.0 presentation of `verifiableCredential` (embedded credentials,
 * enveloped credentials or bare VC-JWT strings) by `holder`.
 */
export function buildPresentation(args: {
  holder?: string;
  verifiableCredential: JsonValue[];
  id?: string;
}): Presentation {
  return {
    '@context': [CONTEXT_URLS.credentialsV2],
    type: ['VerifiablePresentation'],
    ...(args.id ? { id: args.id } : {}),
    ...(args.holder ? { holder: args.holder } : {}),
    verifiableCredential: args.verifiableCredential,
  };
}

/** Wraps a VC-JWT as an EnvelopedVerifiableCredential (VC-JOSE-COSE §3.1.2, a data: URL). */
export function envelopeVcJwt(jwt: string): JsonObject {
  return {
    '@context': CONTEXT_URLS.credentialsV2,
    id: `data:application/vc+jwt,${jwt}`,
    type: 'EnvelopedVerifiableCredential',
  };
}

/**
 * Signs a presentation as its holder (a copy; the input is untouched). The proof has
 * `proofPurpose: authentication` and carries `challenge` and `domain` when given.
 */
export async function signPresentation(
  presentation: Presentation,
  options: PresentationSignOptions,
): Promise<Presentation> {
  const suite = await eddsaProofSuite(options, 'Signing a presentation');
  const signed = await vc.signPresentation({
    presentation: structuredClone(presentation),
    suite,
    challenge: options.challenge,
    domain: options.domain,
    documentLoader: options.documentLoader ?? defaultDocumentLoader(),
  });
  return signed as Presentation;
}
