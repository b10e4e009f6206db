/**
 * Appending to the transparency log, inside the caller's transaction (issuing, revoking,
 * rotating keys), so an event is logged if and only if it happened. The log's state row is
 * locked for the rest of that transaction: one order for all appends, on every app server.
 * An append reads the O(log n) frontier nodes and writes at most log₂ n + 1 new ones.
 */
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Db } from '../../db/client.ts';
import {
  findNodes,
  insertEntry,
  insertNodes,
  reserveLeafIndex,
} from '../../db/repositories/transparency.ts';
import { encodeLeaf, type LogEvent } from '../../domain/transparency/events.ts';
import {
  appendNodes,
  fromHex,
  frontierKeys,
  leafHash,
  toHex,
} from '../../domain/transparency/merkle.ts';

/** Hex SHA-256 of a credential exactly as signed and stored: what the log names it by. */
export function credentialHashOf(signed: string): string {
  return createHash('sha256').update(signed).digest('hex');
}

/** The issuer id written in a stored credential (JSON or VC-JWT). */
export function issuerIdOfSigned(format: string, signed: string): string {
  const document = (format === 'vc-jwt' ? decodeJwt(signed) : JSON.parse(signed)) as Record<
    string,
    unknown
  >;
  const vc = (document.vc ?? document) as Record<string, unknown>;
  const issuer = vc.issuer ?? document.iss;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string')
    return (issuer as { id: string }).id;
  return 'unknown';
}

/** Appends one event; returns its leaf index. Call inside the transaction that made the change. */
export async function appendLogEvent(db: Db, event: LogEvent, now: Date): Promise<number> {
  const index = await reserveLeafIndex(db);
  const keys = frontierKeys(index);
  const found = new Map(
    (await findNodes(db, keys)).map((node) => [`${node.level}:${node.index}`, node.hash]),
  );
  const frontier = keys.map((key) => {
    const hash = found.get(`${key.level}:${key.index}`);
    if (!hash) throw new Error(`Transparency log node ${key.level}:${key.index} is missing.`);
    return fromHex(hash);
  });
  const leaf = encodeLeaf(event);
  const added = appendNodes(index, frontier, leafHash(new TextEncoder().encode(leaf)));
  await insertEntry(db, {
    index,
    eventType: event.type,
    leaf,
    credentialHash: event.type === 'key.rotated' ? null : event.credential,
    loggedAt: now,
  });
  await insertNodes(
    db,
    added.map((node) => ({ level: node.level, index: node.index, hash: toHex(node.hash) })),
  );
  return index;
}
