import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  transparencyCosignatures,
  transparencyEntries,
  transparencyHeads,
  transparencyLog,
  transparencyNodes,
  transparencyWitnesses,
} from '../schema.ts';

export type TransparencyEntryRow = typeof transparencyEntries.$inferSelect;
export type TransparencyHeadRow = typeof transparencyHeads.$inferSelect;
export type TransparencyWitnessRow = typeof transparencyWitnesses.$inferSelect;
export type NodeRow = { level: number; index: number; hash: string };

/**
 * Reserves the next leaf index: increments the log's size and keeps its row locked until the
 * caller's transaction ends, so appends are serialized in one order on every app server.
 */
export async function reserveLeafIndex(db: Db): Promise<number> {
  const [row] = await db
    .insert(transparencyLog)
    .values({ id: 1, size: 1 })
    .onConflictDoUpdate({
      target: transparencyLog.id,
      set: { size: sql`${transparencyLog.size} + 1` },
    })
    .returning({ size: transparencyLog.size });
  return row!.size - 1;
}

/** Reserves `count` consecutive leaf indexes in one statement; returns the first. */
export async function reserveLeafIndexes(db: Db, count: number): Promise<number> {
  const [row] = await db
    .insert(transparencyLog)
    .values({ id: 1, size: count })
    .onConflictDoUpdate({
      target: transparencyLog.id,
      set: { size: sql`${transparencyLog.size} + ${count}` },
    })
    .returning({ size: transparencyLog.size });
  return row!.size - count;
}

/** The number of committed leaves. */
export async function logSize(db: Db): Promise<number> {
  const [row] = await db.select({ size: transparencyLog.size }).from(transparencyLog);
  return row?.size ?? 0;
}

/** Stored nodes by (level, index), in one query. */
export async function findNodes(
  db: Db,
  keys: Array<{ level: number; index: number }>,
): Promise<NodeRow[]> {
  if (keys.length === 0) return [];
  const wanted = sql.join(
    keys.map((key) => sql`(${key.level}::integer, ${key.index}::bigint)`),
    sql`, `,
  );
  return db
    .select({
      level: transparencyNodes.level,
      index: transparencyNodes.index,
      hash: transparencyNodes.hash,
    })
    .from(transparencyNodes)
    .where(sql`(${transparencyNodes.level}, ${transparencyNodes.index}) in (${wanted})`);
}

export async function insertEntry(db: Db, entry: typeof transparencyEntries.$inferInsert) {
  await db.insert(transparencyEntries).values(entry);
}

export async function insertEntries(
  db: Db,
  entries: Array<typeof transparencyEntries.$inferInsert>,
) {
  for (let i = 0; i < entries.length; i += 2000)
    await db.insert(transparencyEntries).values(entries.slice(i, i + 2000));
}

export async function insertNodes(db: Db, nodes: NodeRow[]) {
  for (let i = 0; i < nodes.length; i += 5000)
    await db.insert(transparencyNodes).values(nodes.slice(i, i + 5000));
}

/** The first logged event of that type for a credential hash. */
export async function findEntryByCredentialHash(
  db: Db,
  credentialHash: string,
  eventType = 'credential.issued',
): Promise<TransparencyEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(transparencyEntries)
    .where(
      and(
        eq(transparencyEntries.credentialHash, credentialHash),
        eq(transparencyEntries.eventType, eventType),
      ),
    )
    .orderBy(asc(transparencyEntries.index))
    .limit(1);
  return row;
}

/** Every event logged for a credential hash, in log order. */
export async function listEntriesOfCredential(
  db: Db,
  credentialHash: string,
): Promise<TransparencyEntryRow[]> {
  return db
    .select()
    .from(transparencyEntries)
    .where(eq(transparencyEntries.credentialHash, credentialHash))
    .orderBy(asc(transparencyEntries.index));
}

export async function listEntries(
  db: Db,
  start: number,
  end: number,
): Promise<TransparencyEntryRow[]> {
  return db
    .select()
    .from(transparencyEntries)
    .where(and(gte(transparencyEntries.index, start), lt(transparencyEntries.index, end)))
    .orderBy(asc(transparencyEntries.index));
}

export async function insertHead(db: Db, head: TransparencyHeadRow): Promise<boolean> {
  const rows = await db
    .insert(transparencyHeads)
    .values(head)
    .onConflictDoNothing()
    .returning({ treeSize: transparencyHeads.treeSize });
  return rows.length > 0;
}

export async function findLatestHead(db: Db): Promise<TransparencyHeadRow | undefined> {
  const [row] = await db
    .select()
    .from(transparencyHeads)
    .orderBy(desc(transparencyHeads.treeSize))
    .limit(1);
  return row;
}

export async function findHead(db: Db, treeSize: number): Promise<TransparencyHeadRow | undefined> {
  const [row] = await db
    .select()
    .from(transparencyHeads)
    .where(eq(transparencyHeads.treeSize, treeSize));
  return row;
}

export async function listHeadSizes(db: Db, limit: number): Promise<number[]> {
  const rows = await db
    .select({ treeSize: transparencyHeads.treeSize })
    .from(transparencyHeads)
    .orderBy(desc(transparencyHeads.treeSize))
    .limit(limit);
  return rows.map((row) => row.treeSize);
}

export async function insertWitness(db: Db, witness: typeof transparencyWitnesses.$inferInsert) {
  const [row] = await db.insert(transparencyWitnesses).values(witness).returning();
  return row!;
}

export async function findWitnessByName(
  db: Db,
  name: string,
): Promise<TransparencyWitnessRow | undefined> {
  const [row] = await db
    .select()
    .from(transparencyWitnesses)
    .where(eq(transparencyWitnesses.name, name));
  return row;
}

export async function listWitnesses(db: Db): Promise<TransparencyWitnessRow[]> {
  return db.select().from(transparencyWitnesses).orderBy(asc(transparencyWitnesses.name));
}

export async function upsertCosignature(
  db: Db,
  cosignature: typeof transparencyCosignatures.$inferInsert,
) {
  await db
    .insert(transparencyCosignatures)
    .values(cosignature)
    .onConflictDoUpdate({
      target: [transparencyCosignatures.treeSize, transparencyCosignatures.witnessId],
      set: { signature: cosignature.signature, receivedAt: cosignature.receivedAt },
    });
}

export async function listCosignatures(db: Db, treeSize: number) {
  return db
    .select({
      witness: transparencyWitnesses.name,
      publicKeyMultibase: transparencyWitnesses.publicKeyMultibase,
      signature: transparencyCosignatures.signature,
      receivedAt: transparencyCosignatures.receivedAt,
    })
    .from(transparencyCosignatures)
    .innerJoin(
      transparencyWitnesses,
      eq(transparencyWitnesses.id, transparencyCosignatures.witnessId),
    )
    .where(eq(transparencyCosignatures.treeSize, treeSize))
    .orderBy(asc(transparencyWitnesses.name));
}
