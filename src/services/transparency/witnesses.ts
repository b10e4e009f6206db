/**
 * Witnesses: other parties (another Skillmark instance, an auditor) who check that each head
 * extends the last one they saw and then cosign it. The platform keeps a list of witness keys
 * (platform admins add them) and shows every verified cosignature with its head.
 */
import { randomUUID } from 'node:crypto';
import { ed25519PublicKeyFromMultibase } from '../../credentials/multibase.ts';
import {
  COSIGNATURE_TYPE,
  treeHeadPayload,
  verifyTreeHeadSignature,
} from '../../credentials/tree-head.ts';
import {
  findHead,
  findWitnessByName,
  insertWitness,
  listWitnesses,
  upsertCosignature,
} from '../../db/repositories/transparency.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { payloadOf, presentHead } from './tree-heads.ts';

export async function addWitness(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; publicKeyMultibase: string },
) {
  authorize(actor, { action: 'platform:administer' }, 'Only platform admins can add witnesses.');
  try {
    ed25519PublicKeyFromMultibase(input.publicKeyMultibase);
  } catch {
    throw new ValidationError('The witness key must be an Ed25519 publicKeyMultibase (z6Mk…).', [
      { field: 'publicKeyMultibase', message: 'is not an Ed25519 Multikey' },
    ]);
  }
  if (await findWitnessByName(ctx.db, input.name))
    throw new ConflictError(`A witness named ${input.name} is already configured.`);
  const row = await ctx.db.transaction(async (tx) => {
    const witness = await insertWitness(tx, { id: randomUUID(), ...input });
    await recordAudit(tx, actor, 'transparency.witness-added', { target: input.name });
    return witness;
  });
  return {
    name: row.name,
    publicKeyMultibase: row.publicKeyMultibase,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listConfiguredWitnesses(ctx: ServiceContext) {
  return (await listWitnesses(ctx.db)).map((row) => ({
    name: row.name,
    publicKeyMultibase: row.publicKeyMultibase,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * Accepts a witness's cosignature of a head: a compact JWS by a configured witness key over
 * exactly the head's signed payload. Anything else is refused.
 */
export async function acceptCosignature(
  ctx: ServiceContext,
  input: { treeSize: number; witness: string; signature: string },
) {
  const witness = await findWitnessByName(ctx.db, input.witness);
  if (!witness) throw new NotFoundError(`No witness named ${input.witness} is configured here.`);
  const head = await findHead(ctx.db, input.treeSize);
  if (!head) throw new NotFoundError(`No tree head was signed at size ${input.treeSize}.`);
  const check = await verifyTreeHeadSignature(
    input.signature,
    witness.publicKeyMultibase,
    COSIGNATURE_TYPE,
  );
  if (!check.valid || treeHeadPayload(check.head) !== payloadOf(ctx, head))
    throw new ValidationError(
      `The cosignature does not verify against ${input.witness}'s key over the head at size ${input.treeSize}${check.valid ? ' (it signs a different head)' : `: ${check.reason}`}.`,
      [{ field: 'signature', message: 'does not verify' }],
    );
  await upsertCosignature(ctx.db, {
    treeSize: head.treeSize,
    witnessId: witness.id,
    signature: input.signature,
    receivedAt: ctx.now(),
  });
  return presentHead(ctx, head);
}
