/**
 * Signed tree heads: the log's size and root at a moment, signed with the platform's Ed25519
 * key (JWS, see credentials/tree-head.ts). One head per size is kept for good, so anyone can
 * ask for the head at any size they saw before and for a consistency proof from it.
 */
import type { Ed25519KeyPair } from '../../credentials/index.ts';
import { signTreeHead as signHead, treeHeadPayload } from '../../credentials/tree-head.ts';
import type { Db } from '../../db/client.ts';
import { listKeys } from '../../db/repositories/issuer-keys.ts';
import {
  findHead,
  findLatestHead,
  findNodes,
  insertHead,
  listCosignatures,
  logSize,
  type TransparencyHeadRow,
} from '../../db/repositories/transparency.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import {
  fromHex,
  type Hash,
  type NodeKey,
  rangeHash,
  rangeKeys,
  toHex,
} from '../../domain/transparency/merkle.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { ensureActiveKey, signingKeyOf, verificationMethodIdOf } from '../issuers/issuer-keys.ts';

/** The log's name in every head it signs, so a head cannot be replayed as another log's. */
export function logOrigin(ctx: Pick<ServiceContext, 'publicUrl'>): string {
  return `${ctx.publicUrl}/transparency`;
}

/** Reads the stored nodes a set of keys needs, in one query, as a lookup. */
export async function nodeLookup(db: Db, keys: NodeKey[]) {
  const rows = await findNodes(db, keys);
  const hashes = new Map(rows.map((row) => [`${row.level}:${row.index}`, fromHex(row.hash)]));
  return (key: NodeKey): Hash => {
    const hash = hashes.get(`${key.level}:${key.index}`);
    if (!hash) throw new Error(`Transparency log node ${key.level}:${key.index} is missing.`);
    return hash;
  };
}

/** The root of the log at a size it has reached. */
export async function rootAt(db: Db, size: number): Promise<Hash> {
  return rangeHash(0, size, await nodeLookup(db, rangeKeys(0, size)));
}

export type PublishedHead = {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: number;
  signedAt: string;
  /** Compact JWS by the platform key over the canonical head JSON. */
  signature: string;
  key: { id: string; publicKeyMultibase: string };
  cosignatures: Array<{
    witness: string;
    publicKeyMultibase: string;
    signature: string;
    receivedAt: string;
  }>;
};

/** The platform key a head names, current or retired, as publicKeyMultibase. */
async function publicKeyOfHead(ctx: ServiceContext, keyId: string): Promise<string> {
  for (const row of await listKeys(ctx.db, null)) {
    if (row.algorithm !== 'Ed25519') continue;
    if (
      verificationMethodIdOf(ctx, null, row).id === keyId ||
      keyId.endsWith(`#${row.publicKeyMultibase}`)
    )
      return row.publicKeyMultibase!;
  }
  throw new NotFoundError(`The key ${keyId} that signed this head is not a platform key.`);
}

/** A head as published, with its key and the witnesses' cosignatures. */
export async function presentHead(
  ctx: ServiceContext,
  row: TransparencyHeadRow,
): Promise<PublishedHead> {
  const cosignatures = await listCosignatures(ctx.db, row.treeSize);
  return {
    origin: logOrigin(ctx),
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    timestamp: row.signedAt.getTime(),
    signedAt: row.signedAt.toISOString(),
    signature: row.signature,
    key: { id: row.keyId, publicKeyMultibase: await publicKeyOfHead(ctx, row.keyId) },
    cosignatures: cosignatures.map((c) => ({ ...c, receivedAt: c.receivedAt.toISOString() })),
  };
}

/** The canonical JSON a head's signature (and every cosignature) covers. */
export function payloadOf(ctx: Pick<ServiceContext, 'publicUrl'>, row: TransparencyHeadRow) {
  return treeHeadPayload({
    origin: logOrigin(ctx),
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    timestamp: row.signedAt.getTime(),
  });
}

/**
 * Signs a head for the log's current size, unless one exists already for it (then that one is
 * returned). With `whenGrown`, an empty log is not signed either (the periodic signer).
 */
export async function produceTreeHead(
  ctx: ServiceContext,
  options: { whenGrown?: boolean } = {},
): Promise<{ head: TransparencyHeadRow; created: boolean } | undefined> {
  const size = await logSize(ctx.db);
  const latest = await findLatestHead(ctx.db);
  if (latest && latest.treeSize >= size) return { head: latest, created: false };
  if (!latest && size === 0 && options.whenGrown) return undefined;
  const rootHash = toHex(await rootAt(ctx.db, size));
  const keyRow = await ensureActiveKey(ctx, null, 'Ed25519');
  const key = signingKeyOf(ctx, null, keyRow) as Ed25519KeyPair;
  // Millisecond precision survives the round trip through timestamptz.
  const signedAt = new Date(ctx.now().getTime());
  const signature = await signHead(
    { origin: logOrigin(ctx), treeSize: size, rootHash, timestamp: signedAt.getTime() },
    key,
  );
  const row = { treeSize: size, rootHash, signedAt, signature, keyId: key.id };
  if (await insertHead(ctx.db, row)) return { head: row, created: true };
  // Another app server signed this size first: theirs is the head.
  return { head: (await findHead(ctx.db, size))!, created: false };
}

/** `POST /api/v1/transparency/sth`: platform admins sign a head now. */
export async function signTreeHeadNow(ctx: ServiceContext, actor: Actor) {
  authorize(actor, { action: 'platform:administer' }, 'Only platform admins can sign tree heads.');
  const result = (await produceTreeHead(ctx))!;
  if (result.created)
    await recordAudit(ctx.db, actor, 'transparency.head-signed', {
      target: String(result.head.treeSize),
    });
  return { head: await presentHead(ctx, result.head), created: result.created };
}

export async function latestTreeHead(ctx: ServiceContext): Promise<PublishedHead> {
  const row = await findLatestHead(ctx.db);
  if (!row)
    throw new NotFoundError(
      'The transparency log has no signed tree head yet; one is signed once the log has entries.',
    );
  return presentHead(ctx, row);
}

export async function treeHeadAt(ctx: ServiceContext, treeSize: number): Promise<PublishedHead> {
  const row = await findHead(ctx.db, treeSize);
  if (!row) throw new NotFoundError(`No tree head was signed at size ${treeSize}.`);
  return presentHead(ctx, row);
}
