import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountDids,
  accountEmails,
  bulkAwardJobs,
  bulkAwardRows,
  issuedCredentials,
} from '../schema.ts';

export type BulkAwardJobRow = typeof bulkAwardJobs.$inferSelect;
export type BulkAwardRowRow = typeof bulkAwardRows.$inferSelect;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters. */
const insertChunk = 2000;

export async function insertBulkAwardJob(db: Db, job: typeof bulkAwardJobs.$inferInsert) {
  await db.insert(bulkAwardJobs).values(job);
}

export async function insertBulkAwardRows(db: Db, rows: Array<typeof bulkAwardRows.$inferInsert>) {
  for (let i = 0; i < rows.length; i += insertChunk)
    await db.insert(bulkAwardRows).values(rows.slice(i, i + insertChunk));
}

export async function findBulkAwardJob(db: Db, id: string): Promise<BulkAwardJobRow | undefined> {
  const [row] = await db.select().from(bulkAwardJobs).where(eq(bulkAwardJobs.id, id));
  return row;
}

export async function listBulkAwardJobs(db: Db, organizationId: string, limit = 50) {
  return db
    .select()
    .from(bulkAwardJobs)
    .where(eq(bulkAwardJobs.organizationId, organizationId))
    .orderBy(desc(bulkAwardJobs.createdAt))
    .limit(limit);
}

/** How many rows of the job are in each state. */
export async function countBulkAwardRows(db: Db, jobId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: bulkAwardRows.status, count: sql<number>`count(*)::int` })
    .from(bulkAwardRows)
    .where(eq(bulkAwardRows.jobId, jobId))
    .groupBy(bulkAwardRows.status);
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

export async function listBulkAwardRows(
  db: Db,
  jobId: string,
  status: string,
  page: { limit: number; offset?: number } = { limit: 1_000_000 },
): Promise<BulkAwardRowRow[]> {
  return db
    .select()
    .from(bulkAwardRows)
    .where(and(eq(bulkAwardRows.jobId, jobId), eq(bulkAwardRows.status, status)))
    .orderBy(asc(bulkAwardRows.rowNumber))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/** Starts a validated job: its accepted rows become pending. False when it was not 'validated'. */
export async function startBulkAwardJob(db: Db, jobId: string, now: Date): Promise<boolean> {
  const started = await db
    .update(bulkAwardJobs)
    .set({ status: 'running', startedAt: now })
    .where(and(eq(bulkAwardJobs.id, jobId), eq(bulkAwardJobs.status, 'validated')))
    .returning({ id: bulkAwardJobs.id });
  if (started.length === 0) return false;
  await db
    .update(bulkAwardRows)
    .set({ status: 'pending' })
    .where(and(eq(bulkAwardRows.jobId, jobId), eq(bulkAwardRows.status, 'valid')));
  return true;
}

/** Failed rows go back to pending (keeping their credential id and status slot). */
export async function requeueFailedRows(db: Db, jobId: string): Promise<number> {
  const rows = await db
    .update(bulkAwardRows)
    .set({ status: 'pending', lockedUntil: null, attempts: 0 })
    .where(and(eq(bulkAwardRows.jobId, jobId), eq(bulkAwardRows.status, 'failed')))
    .returning({ rowNumber: bulkAwardRows.rowNumber });
  if (rows.length > 0)
    await db
      .update(bulkAwardJobs)
      .set({ status: 'running', finishedAt: null })
      .where(eq(bulkAwardJobs.id, jobId));
  return rows.length;
}

/**
 * Claims pending rows whose lease is free or ran out (their worker died), oldest job first,
 * with `skip locked` so concurrent workers never claim the same rows. The lease is the claim.
 */
export async function claimPendingRows(
  db: Db,
  options: { now: Date; limit: number; leaseUntil: Date; jobId?: string },
): Promise<BulkAwardRowRow[]> {
  const free = and(
    eq(bulkAwardRows.status, 'pending'),
    or(isNull(bulkAwardRows.lockedUntil), lte(bulkAwardRows.lockedUntil, options.now)),
    options.jobId ? eq(bulkAwardRows.jobId, options.jobId) : undefined,
  );
  const due = db
    .select({ jobId: bulkAwardRows.jobId, rowNumber: bulkAwardRows.rowNumber })
    .from(bulkAwardRows)
    .where(free)
    .orderBy(asc(bulkAwardRows.jobId), asc(bulkAwardRows.rowNumber))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(bulkAwardRows)
    .set({ lockedUntil: options.leaseUntil, attempts: sql`${bulkAwardRows.attempts} + 1` })
    .where(sql`(${bulkAwardRows.jobId}, ${bulkAwardRows.rowNumber}) in (${due})`)
    .returning();
}

/**
 * Locks the given rows for the transaction that stores their credentials and returns those
 * still pending: a worker whose lease ran out and whose rows another worker already stored
 * finds them issued here and stores nothing.
 */
export async function lockPendingRows(
  db: Db,
  jobId: string,
  rowNumbers: number[],
): Promise<BulkAwardRowRow[]> {
  if (rowNumbers.length === 0) return [];
  return db
    .select()
    .from(bulkAwardRows)
    .where(
      and(
        eq(bulkAwardRows.jobId, jobId),
        inArray(bulkAwardRows.rowNumber, rowNumbers),
        eq(bulkAwardRows.status, 'pending'),
      ),
    )
    .orderBy(asc(bulkAwardRows.rowNumber))
    .for('update');
}

/** Records the status slots reserved for rows, in one statement. */
export async function setRowSlots(
  db: Db,
  jobId: string,
  slots: Array<{ rowNumber: number; listId: string; index: number }>,
) {
  if (slots.length === 0) return;
  const values = sql.join(
    slots.map((s) => sql`(${s.rowNumber}::integer, ${s.listId}::uuid, ${s.index}::integer)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${bulkAwardRows} set status_list_id = v.list_id, status_index = v.idx
    from (values ${values}) as v(row_number, list_id, idx)
    where ${bulkAwardRows.jobId} = ${jobId} and ${bulkAwardRows.rowNumber} = v.row_number`);
}

export async function markRowsIssued(db: Db, jobId: string, rowNumbers: number[], now: Date) {
  if (rowNumbers.length === 0) return;
  await db
    .update(bulkAwardRows)
    .set({ status: 'issued', issuedAt: now, lockedUntil: null, lastError: null })
    .where(and(eq(bulkAwardRows.jobId, jobId), inArray(bulkAwardRows.rowNumber, rowNumbers)));
}

export async function markRowFailed(db: Db, jobId: string, rowNumber: number, error: string) {
  await db
    .update(bulkAwardRows)
    .set({ status: 'failed', lockedUntil: null, lastError: error })
    .where(
      and(
        eq(bulkAwardRows.jobId, jobId),
        eq(bulkAwardRows.rowNumber, rowNumber),
        eq(bulkAwardRows.status, 'pending'),
      ),
    );
}

/** Marks a running job completed once no row is pending. */
export async function completeJobIfDone(db: Db, jobId: string, now: Date): Promise<boolean> {
  const done = await db
    .update(bulkAwardJobs)
    .set({ status: 'completed', finishedAt: now })
    .where(
      and(
        eq(bulkAwardJobs.id, jobId),
        eq(bulkAwardJobs.status, 'running'),
        sql`not exists (select 1 from ${bulkAwardRows} where ${bulkAwardRows.jobId} = ${jobId} and ${bulkAwardRows.status} = 'pending')`,
      ),
    )
    .returning({ id: bulkAwardJobs.id });
  return done.length > 0;
}

/** Jobs that still have pending rows (for the worker's job runner entry). */
export async function listRunningJobIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: bulkAwardJobs.id })
    .from(bulkAwardJobs)
    .where(eq(bulkAwardJobs.status, 'running'));
  return rows.map((row) => row.id);
}

/**
 * Which of these indexes of a status list are taken: by a stored credential, or reserved by a
 * bulk row not stored yet. Two indexed lookups, whatever the list's size. Call with the list
 * row locked.
 */
export async function takenStatusIndexes(
  db: Db,
  listId: string,
  purpose: 'revocation' | 'suspension',
  indexes: number[],
): Promise<Set<number>> {
  if (indexes.length === 0) return new Set();
  const [listColumn, indexColumn] =
    purpose === 'revocation'
      ? [issuedCredentials.revocationListId, issuedCredentials.revocationIndex]
      : [issuedCredentials.suspensionListId, issuedCredentials.suspensionIndex];
  const issued = await db
    .select({ index: indexColumn })
    .from(issuedCredentials)
    .where(and(eq(listColumn, listId), inArray(indexColumn, indexes)));
  const reserved = await db
    .select({ index: bulkAwardRows.statusIndex })
    .from(bulkAwardRows)
    .where(
      and(eq(bulkAwardRows.statusListId, listId), inArray(bulkAwardRows.statusIndex, indexes)),
    );
  return new Set(
    [...issued, ...reserved].flatMap((row) => (row.index === null ? [] : [row.index])),
  );
}

/**
 * Which of these recipients belong to an account, in two queries for a whole batch: emails an
 * account verified and DIDs it proved (wallet deposit), and emails of any account (pathways).
 */
export async function findRecipientAccounts(
  db: Db,
  recipients: { emails: string[]; dids: string[] },
): Promise<{ verifiedEmails: Set<string>; accountEmails: Set<string>; provenDids: Set<string> }> {
  const emails = [...new Set(recipients.emails.map((e) => e.toLowerCase()))];
  const dids = [...new Set(recipients.dids)];
  const emailRows =
    emails.length === 0
      ? []
      : await db
          .select({
            email: sql<string>`lower(${accountEmails.email})`,
            verifiedAt: accountEmails.verifiedAt,
          })
          .from(accountEmails)
          .where(inArray(sql`lower(${accountEmails.email})`, emails));
  const didRows =
    dids.length === 0
      ? []
      : await db
          .select({ did: accountDids.did })
          .from(accountDids)
          .where(and(inArray(accountDids.did, dids), isNotNull(accountDids.accountId)));
  return {
    verifiedEmails: new Set(emailRows.filter((r) => r.verifiedAt !== null).map((r) => r.email)),
    accountEmails: new Set(emailRows.map((r) => r.email)),
    provenDids: new Set(didRows.map((r) => r.did)),
  };
}
