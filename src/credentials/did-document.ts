/**
 * DID documents for issuers that publish their keys themselves (did:web). Rotation
 * keeps old keys listed so credentials signed with them still verify
 * (DID-CORE §5.2, §5.3.1 assertionMethod).
 */
import { CONTEXT_URLS } from './contexts/index.ts';
import type { SigningKey } from './keys.ts';
import type { ControllerDocument, JsonObject, VerificationMethod } from './types.ts';

/** A key to list in a DID document, and whether it may still sign new credentials. */
export interface ListedKey {
  key: SigningKey;
  /** Retired keys are listed (old credentials verify) but callers should no longer sign with them. */
  retired?: boolean;
}

/** The public verification method of a key, never including secret material. */
export function verificationMethodOf(key: SigningKey): VerificationMethod {
  if (key.type === 'Multikey') {
    return {
      id: key.id,
      type: 'Multikey',
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = key.publicKeyJwk;
  return {
    id: key.id,
    type: 'JsonWebKey',
    controller: key.controller,
    publicKeyJwk: publicJwk as JsonObject,
  };
}

/**
 * Builds the DID document of `did` listing every key (current and retired) as a
 * verification method and assertion method. Every key's controller must be `did`.
 */
export function buildDidDocument(did: string, keys: ListedKey[]): ControllerDocument {
  const methods = keys.map(({ key }) => {
    if (key.controller !== did) {
      throw new Error(`Key ${key.id} is controlled by ${key.controller}, not ${did}.`);
    }
    return verificationMethodOf(key);
  });
  const context: string[] = [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1];
  if (methods.some((method) => method.type === 'JsonWebKey')) {
    context.push('https://w3id.org/security/jwk/v1');
  }
  return {
    '@context': context,
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}
