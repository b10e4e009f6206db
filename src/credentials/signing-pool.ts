/**
 * A pool of worker threads that sign credentials in parallel, one task per credential.
 * Key material reaches the workers only by structured clone of the task message: it is
 * never written to disk, put in the environment or logged.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { CredentialsError, SigningError } from './errors.ts';
import type { SigningKey } from './keys.ts';
import type { SignatureFormat } from './sign.ts';
import type { SigningOutcome, SigningTask } from './signing-worker.ts';
import type { Credential } from './types.ts';

/** Signs credentials on worker threads. */
export type SigningPool = {
  /** Signs like signCredential (same output, byte for byte), on a worker thread. */
  sign(
    credential: Credential,
    options: { format: SignatureFormat; key: SigningKey; now: Date },
  ): Promise<Credential | string>;
  close(): Promise<void>;
};

const WORKER_URL = new URL('./signing-worker.ts', import.meta.url).href;

function failure(outcome: Extract<SigningOutcome, { ok: false }>): Error {
  if (outcome.name === 'SigningError') return new SigningError(outcome.message);
  if (outcome.code) return new CredentialsError(outcome.code, outcome.message);
  return new Error(outcome.message);
}

/**
 * Starts a signing pool with `threads` workers (default: one per available core).
 * Call `close()` when done; pending tasks finish first.
 */
export function createSigningPool(options: { threads?: number } = {}): SigningPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError('threads must be a positive integer');
  }
  const piscina = new Piscina<SigningTask, SigningOutcome>({
    filename: WORKER_URL,
    minThreads: threads,
    maxThreads: threads,
    // Queue without limit: the caller (a bulk job) bounds its own batch size.
    maxQueue: Number.POSITIVE_INFINITY,
  });
  let closed = false;
  return {
    async sign(credential, { format, key, now }) {
      if (closed) throw new SigningError('The signing pool is closed.');
      const outcome = await piscina.run({ credential, format, key, now });
      if (!outcome.ok) throw failure(outcome);
      return outcome.value;
    },
    async close() {
      closed = true;
      await piscina.close();
    },
  };
}
