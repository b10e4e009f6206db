import { type SignatureFormat, type SigningKey, signCredential } from '../../credentials/index.ts';
import { createSigningPool } from '../../credentials/signing-pool.ts';
import type { Credential } from '../../credentials/types.ts';

/** Signs one credential; the signing pool's `sign` or the reference `signCredential`. */
export type Signer = (
  credential: Credential,
  options: { format: SignatureFormat; key: SigningKey; now: Date },
) => Promise<Credential | string>;

export type BulkSigner = { sign: Signer; close(): Promise<void> };

/**
 * The signer bulk awards use: worker threads (one per core, or `threads`) so a batch signs on
 * every core while the main thread talks to the database; `threads: 0` signs on this thread
 * (tests, where a pool per test file would only cost start-up time).
 */
export function createBulkSigner(options: { threads?: number } = {}): BulkSigner {
  if (options.threads === 0)
    return {
      sign: (credential, signOptions) => signCredential(credential, signOptions),
      close: async () => {},
    };
  const pool = createSigningPool(options.threads ? { threads: options.threads } : {});
  return {
    sign: (credential, signOptions) => pool.sign(credential, signOptions),
    close: () => pool.close(),
  };
}
