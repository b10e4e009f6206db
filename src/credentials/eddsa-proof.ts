/**
 * Adds an eddsa-rdfc-2022 or eddsa-jcs-2022 proof (VC-DI-EDDSA §3.3, §3.4) directly:
 * the steps Digital Bazaar's vc.issue → jsonld-signatures → DataIntegrityProof chain takes,
 * in the same order and with the same property order, without its per-call objects and
 * promise hops. Only for VC 2.0 documents, where that chain adds no context and no
 * issuanceDate; anything else goes through vc.issue. The differential tests compare both.
 */
import { createHash, sign } from 'node:crypto';
import { _checkCredential } from '@digitalbazaar/vc';
import canonicalizeJcs from 'canonicalize';
import { CONTEXT_URLS } from './contexts/index.ts';
import { ed25519PrivateKeyObject } from './ed25519-key-objects.ts';
import { canonicalize } from './fast-rdfc/canonize.ts';
import type { Ed25519KeyPair } from './keys.ts';
import { encodeBase58Btc } from './multibase.ts';
import type { Credential, DocumentLoader, JsonObject, JsonValue } from './types.ts';

/** Options of {@link addEddsaProof}. */
export interface EddsaProofOptions {
  cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
  key: Ed25519KeyPair;
  verificationMethod: string;
  documentLoader: DocumentLoader;
  now?: Date | string;
}

/** Whether {@link addEddsaProof} produces what vc.issue would for this credential. */
export function canAddEddsaProofDirectly(credential: Credential): boolean {
  const context = credential['@context'];
  return Array.isArray(context) && context[0] === CONTEXT_URLS.credentialsV2;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

// DataIntegrityProof writes `created` as an XML dateTime without milliseconds.
const w3cDate = (date: Date) => `${date.toISOString().slice(0, -5)}Z`;

/** Returns a copy of `credential` with the proof added (to a proof set if one exists). */
export async function addEddsaProof(
  credential: Credential,
  options: EddsaProofOptions,
): Promise<Credential> {
  // vc.issue checks the credential before signing and throws on the same problems.
  _checkCredential({ credential, now: options.now, mode: 'issue', maxClockSkew: 300 });
  const created = new Date(options.now ?? new Date());
  if (Number.isNaN(created.getTime()))
    throw new TypeError(`"date" "${options.now}" is not a valid date.`);
  const proof: JsonObject = {
    type: 'DataIntegrityProof',
    created: w3cDate(created),
    verificationMethod: options.verificationMethod,
    cryptosuite: options.cryptosuite,
    proofPurpose: 'assertionMethod',
  };
  const { proof: existing, ...unsecured } = credential;
  let proofHash: Buffer;
  let documentHash: Buffer;
  if (options.cryptosuite === 'eddsa-rdfc-2022') {
    const config = { '@context': unsecured['@context'], ...proof };
    const loader = { documentLoader: options.documentLoader };
    const [c14nConfig, c14nDocument] = await Promise.all([
      canonicalize(config, loader),
      canonicalize(unsecured, loader),
    ]);
    proofHash = sha256(c14nConfig.nquads);
    documentHash = sha256(c14nDocument.nquads);
  } else {
    // VC-DI-EDDSA §3.4.6: the proof options carry the document's @context, and keep it.
    proof['@context'] = unsecured['@context'];
    proofHash = sha256(canonicalizeJcs(proof) as string);
    documentHash = sha256(canonicalizeJcs(unsecured) as string);
  }
  const signature = sign(
    null,
    Buffer.concat([proofHash, documentHash]),
    ed25519PrivateKeyObject(options.key),
  );
  proof.proofValue = `z${encodeBase58Btc(signature)}`;
  return { ...credential, proof: withProof(existing, proof) };
}

// jsonld.addValue semantics, as jsonld-signatures' ProofSet.add uses them.
function withProof(existing: JsonValue | undefined, proof: JsonObject): JsonValue {
  if (existing === undefined) return proof;
  return Array.isArray(existing) ? [...existing, proof] : [existing, proof];
}
