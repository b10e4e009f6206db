/**
 * Each learner's holder key: an Ed25519 did:key made on first use, its private half sealed
 * like issuer keys (AES-256-GCM under SKILLMARK_SECRET_KEY, bound to the row id).
 */
import { randomUUID } from 'node:crypto';
import { type Ed25519KeyPair, generateEd25519KeyPair } from '../../credentials/index.ts';
import { findHolderKey, insertHolderKeyOnce } from '../../db/repositories/holder-keys.ts';
import type { ServiceContext } from '../context.ts';
import { openPrivateKey, sealPrivateKey } from '../issuers/key-sealing.ts';

function holderDid(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

/** The learner's key with its secret part (for signing only; never returned to anyone). */
export async function ensureHolderKey(
  ctx: Pick<ServiceContext, 'db' | 'secretKey' | 'now'>,
  accountId: string,
): Promise<Ed25519KeyPair> {
  let row = await findHolderKey(ctx.db, accountId);
  if (!row) {
    const id = randomUUID();
    const generated = await generateEd25519KeyPair();
    row = await insertHolderKeyOnce(ctx.db, {
      accountId,
      id,
      publicKeyMultibase: generated.publicKeyMultibase,
      sealedPrivateKey: sealPrivateKey(ctx.secretKey, id, generated.secretKeyMultibase!),
      createdAt: ctx.now(),
    });
  }
  const did = holderDid(row.publicKeyMultibase);
  return {
    type: 'Multikey',
    id: `${did}#${row.publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase: row.publicKeyMultibase,
    secretKeyMultibase: openPrivateKey(ctx.secretKey, row.id, row.sealedPrivateKey),
  };
}

/** The learner's holder DID, when they have used presentations before. */
export async function holderDidOf(
  ctx: Pick<ServiceContext, 'db'>,
  accountId: string,
): Promise<string | undefined> {
  const row = await findHolderKey(ctx.db, accountId);
  return row ? holderDid(row.publicKeyMultibase) : undefined;
}
