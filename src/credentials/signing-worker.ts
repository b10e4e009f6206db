/**
 * Worker-thread side of the signing pool: signs one credential per task with the same
 * `signCredential` the main thread uses, so pooled output is byte for byte the same.
 * Failures come back as data because class identity does not survive structured clone.
 */
import type { SigningKey } from './keys.ts';
import { type SignatureFormat, signCredential } from './sign.ts';
import type { Credential } from './types.ts';

/** One signing task as posted to a worker. */
export interface SigningTask {
  credential: Credential;
  format: SignatureFormat;
  key: SigningKey;
  now: Date;
}

/** The outcome of a task: the signed credential (or JWS), or the error's name and message. */
export type SigningOutcome =
  | { ok: true; value: Credential | string }
  | { ok: false; name: string; code?: string; message: string };

export default async function signTask(task: SigningTask): Promise<SigningOutcome> {
  try {
    const value = await signCredential(task.credential, {
      format: task.format,
      key: task.key,
      now: task.now,
    });
    return { ok: true, value };
  } catch (error) {
    const { name, message, code } = error as Error & { code?: string };
    return { ok: false, name: name ?? 'Error', code, message: message ?? String(error) };
  }
}
