import { type SignatureFormat, type SigningKey, signCredential } from '../../credentials/index.ts';
import type { Credential } from '../../credentials/types.ts';

/** Signs one credential; the signing pool's `sign` or the reference `signCredential`. */
export type Signer = (
  credential: Credential,
  options: { format: SignatureFormat; key: SigningKey; now: Date },
) => Promise<Credential | string>;

export type BulkSigner = { sign: Signer; close(): Promise<void> };

/** Signs on this thread with the reference stack. */
export function createBulkSigner(): BulkSigner {
  return {
    sign: (credential, options) => signCredential(credential, options),
    close: async () => {},
  };
}
