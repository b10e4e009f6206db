/**
 * Benchmark-only worker: signs with the unmodified reference stack (vc.issue, the
 * published eddsa-rdfc-2022 cryptosuite, the multikey signer), so the pooled reference
 * figure is measured the same way as the pooled fast path.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { CONTEXT_URLS, type Credential, defaultDocumentLoader } from '../src/credentials/index.ts';
import type { Ed25519KeyPair } from '../src/credentials/keys.ts';

export async function referenceSign(credential: Credential, key: Ed25519KeyPair, now: Date) {
  const pair = await Ed25519Multikey.from({ '@context': CONTEXT_URLS.multikeyV1, ...key });
  const signer = pair.signer();
  signer.id = key.id;
  return vc.issue({
    credential: structuredClone(credential),
    suite: new DataIntegrityProof({ signer, cryptosuite, date: now }),
    documentLoader: defaultDocumentLoader(),
  });
}

export default function task({
  credential,
  key,
  now,
}: {
  credential: Credential;
  key: Ed25519KeyPair;
  now: Date;
}) {
  return referenceSign(credential, key, now);
}
