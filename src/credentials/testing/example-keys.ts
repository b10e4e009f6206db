/**
 * Test-only key resolution for the 1EdTech examples. Their issuers are https URLs
 * that cannot be fetched offline, but each verification method id ends with the
 * key itself (`…#z6Mk…`), so the example carries the data to rebuild the key.
 */

import type { ResolvedVerificationMethod, VerificationMethodResolver } from '../types.ts';
import { createVerificationMethodResolver } from '../verification-method-resolver.ts';

/** Resolves `https://issuer#z6Mk…` to a Multikey controlled by `https://issuer`; others as usual. */
export function exampleKeyResolver(): VerificationMethodResolver {
  const fallback = createVerificationMethodResolver();
  return async (id: string): Promise<ResolvedVerificationMethod> => {
    const [controller, fragment] = id.split('#');
    if (id.startsWith('https://') && controller && fragment?.startsWith('z6Mk')) {
      return {
        verificationMethod: { id, type: 'Multikey', controller, publicKeyMultibase: fragment },
      };
    }
    return fallback(id);
  };
}
