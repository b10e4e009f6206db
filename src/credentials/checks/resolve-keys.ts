/**
 * Hydration stage: resolve every verification method the credential references
 * once, so the proof and issuer-key checks share the result.
 */
import { isObject } from '../json-helpers.ts';
import type { ResolvedVerificationMethod, VerificationMethodResolver } from '../types.ts';
import { EMBEDDED_JWK, type Securing } from '../verification-types.ts';

/** The verification method ids a credential's proofs (or JWT header) name. */
export function referencedKeyIds(securing: Securing, issuerId: string): string[] {
  if (securing.kind === 'data-integrity') {
    return [
      ...new Set(
        securing.proofs
          .map((proof) => proof.verificationMethod)
          .filter((id) => typeof id === 'string'),
      ),
    ];
  }
  const { kid, jwk } = securing.header;
  if (typeof kid === 'string') return [kid];
  // OB 3.0 §8.2.4.1: without `kid`, a `jwk` header carries the key; else look up the issuer.
  return [isObject(jwk) ? EMBEDDED_JWK : issuerId];
}

/** Resolves each referenced key; failures are kept as errors, never thrown. */
export async function resolveKeys(
  securing: Securing,
  issuerId: string,
  resolver: VerificationMethodResolver,
): Promise<Map<string, ResolvedVerificationMethod | Error>> {
  const ids = referencedKeyIds(securing, issuerId);
  const entries = await Promise.all(
    ids.map(async (id): Promise<[string, ResolvedVerificationMethod | Error]> => {
      if (id === EMBEDDED_JWK && securing.kind === 'vc-jwt' && isObject(securing.header.jwk)) {
        const verificationMethod = {
          id,
          type: 'JsonWebKey',
          controller: '',
          publicKeyJwk: securing.header.jwk,
        };
        return [id, { verificationMethod }];
      }
      try {
        return [id, await resolver(id)];
      } catch (error) {
        return [id, error instanceof Error ? error : new Error(String(error))];
      }
    }),
  );
  return new Map(entries);
}
