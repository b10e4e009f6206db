/**
 * did:key for Ed25519 keys (DID-KEY v0.7 §3.1): the DID is the key's multibase value,
 * resolved locally without any network.
 */
import { CONTEXT_URLS } from './contexts/index.ts';
import { ResolutionError } from './errors.ts';
import { ed25519PublicKeyFromMultibase } from './multibase.ts';
import type { ControllerDocument, VerificationMethod } from './types.ts';

/** The did:key DID of an Ed25519 public key (`did:key:z6Mk…`). */
export function didKeyFromPublicKeyMultibase(publicKeyMultibase: string): string {
  ed25519PublicKeyFromMultibase(publicKeyMultibase);
  return `did:key:${publicKeyMultibase}`;
}

/** The verification method id of a did:key (`did:key:z6Mk…#z6Mk…`, DID-KEY §3.1.1). */
export function didKeyVerificationMethodId(publicKeyMultibase: string): string {
  return `${didKeyFromPublicKeyMultibase(publicKeyMultibase)}#${publicKeyMultibase}`;
}

/**
 * Builds the DID document of a did:key (DID-KEY §3.1.1 "Document Creation Algorithm",
 * Multikey representation). Accepts a DID or a DID URL; the fragment is ignored.
 */
export function resolveDidKey(didOrDidUrl: string): ControllerDocument {
  const did = didOrDidUrl.split('#')[0] ?? '';
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!match?.[1]) throw new ResolutionError(`"${didOrDidUrl}" is not a valid did:key.`);
  const publicKeyMultibase = match[1];
  // Throws unless this is an Ed25519 key, the only did:key type we accept.
  ed25519PublicKeyFromMultibase(publicKeyMultibase);
  const id = `${did}#${publicKeyMultibase}`;
  const verificationMethod: VerificationMethod = {
    id,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase,
  };
  return {
    '@context': [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1],
    id: did,
    verificationMethod: [verificationMethod],
    authentication: [id],
    assertionMethod: [id],
    capabilityDelegation: [id],
    capabilityInvocation: [id],
  };
}
