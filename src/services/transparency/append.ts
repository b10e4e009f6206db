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
  insertEntries,
  insertEntry,
  insertNodes,
  reserveLeafIndex,
  reserveLeafIndexes,
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

/**
 * Appends many events in order (issue 9: a bulk award's batch), reading the frontier once and
 * writing every entry and node in multi-row inserts. The same leaves and nodes as appending
 * them one by one; call inside the transaction that made the changes.
 */
export async function appendLogEvents(
  db: Db,
  events: readonly LogEvent[],
  now: Date,
): Promise<number[]> {
  if (events.length === 0) return [];
  const first = await reserveLeafIndexes(db, events.length);
  const known = new Map(
    (await findNodes(db, frontierKeys(first))).map((node) => [
      `${node.level}:${node.index}`,
      fromHex(node.hash),
    ]),
  );
  const entries: Parameters<typeof insertEntries>[1] = [];
  const nodes: Parameters<typeof insertNodes>[1] = [];
  events.forEach((event, i) => {
    const index = first + i;
    // The frontier of the next size is made of nodes already known or just added.
    const frontier = frontierKeys(index).map((key) => {
      const hash = known.get(`${key.level}:${key.index}`);
      if (!hash) throw new Error(`Transparency log node ${key.level}:${key.index} is missing.`);
      return hash;
    });
    const leaf = encodeLeaf(event);
    for (const node of appendNodes(index, frontier, leafHash(new TextEncoder().encode(leaf)))) {
      known.set(`${node.level}:${node.index}`, node.hash);
      nodes.push({ level: node.level, index: node.index, hash: toHex(node.hash) });
    }
    entries.push({
      index,
      eventType: event.type,
      leaf,
      credentialHash: event.type === 'key.rotated' ? null : event.credential,
      loggedAt: now,
    });
  });
  await insertEntries(db, entries);
  await insertNodes(db, nodes);
  return entries.map((entry) => entry.index);
}
