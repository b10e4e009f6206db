import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountEmails,
  accounts,
  achievements,
  issuedCredentials,
  pathwayCompletions,
  pathways,
  recognitionRules,
  walletCredentials,
} from '../schema.ts';

export type PathwayRow = typeof pathways.$inferSelect;
export type PathwayCompletionRow = typeof pathwayCompletions.$inferSelect;
export type RecognitionRuleRow = typeof recognitionRules.$inferSelect;

export async function insertPathway(
  db: Db,
  row: typeof pathways.$inferInsert,
): Promise<PathwayRow> {
  const [inserted] = await db.insert(pathways).values(row).returning();
  return inserted!;
}

export async function updatePathway(
  db: Db,
  id: string,
  values: Partial<typeof pathways.$inferInsert>,
): Promise<PathwayRow> {
  const [updated] = await db.update(pathways).set(values).where(eq(pathways.id, id)).returning();
  return updated!;
}

export async function findPathway(db: Db, id: string): Promise<PathwayRow | undefined> {
  const [row] = await db.select().from(pathways).where(eq(pathways.id, id));
  return row;
}

export async function findPathwaysByIds(db: Db, ids: readonly string[]): Promise<PathwayRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(pathways)
    .where(inArray(pathways.id, [...ids]));
}

export async function listPathwaysOfOrganization(db: Db, organizationId: string) {
  return db
    .select()
    .from(pathways)
    .where(and(eq(pathways.organizationId, organizationId), isNull(pathways.archivedAt)))
    .orderBy(asc(pathways.title));
}

/** Every pathway not archived (evaluation for a learner considers them all). */
export async function listActivePathways(db: Db): Promise<PathwayRow[]> {
  return db.select().from(pathways).where(isNull(pathways.archivedAt));
}

export async function findAchievementsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(achievements)
    .where(inArray(achievements.id, [...ids]));
}

/**
 * Records a completion unless one exists; returns whether this call inserted it (the primary
 * key on pathway and account makes the pathway credential issue once).
 */
export async function insertCompletionOnce(
  db: Db,
  row: typeof pathwayCompletions.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(pathwayCompletions)
    .values(row)
    .onConflictDoNothing()
    .returning({ pathwayId: pathwayCompletions.pathwayId });
  return inserted.length > 0;
}

export async function setCompletionCredential(
  db: Db,
  pathwayId: string,
  accountId: string,
  issuedCredentialId: string,
) {
  await db
    .update(pathwayCompletions)
    .set({ issuedCredentialId })
    .where(
      and(eq(pathwayCompletions.pathwayId, pathwayId), eq(pathwayCompletions.accountId, accountId)),
    );
}

export async function listCompletionsOfAccount(db: Db, accountId: string) {
  return db.select().from(pathwayCompletions).where(eq(pathwayCompletions.accountId, accountId));
}

/** Completions of a pathway with the learner's name, newest first. */
export async function listCompletionsOfPathway(db: Db, pathwayId: string) {
  return db
    .select({
      accountId: pathwayCompletions.accountId,
      displayName: accounts.displayName,
      issuedCredentialId: pathwayCompletions.issuedCredentialId,
      countedExternal: pathwayCompletions.countedExternal,
      completedAt: pathwayCompletions.completedAt,
    })
    .from(pathwayCompletions)
    .innerJoin(accounts, eq(accounts.id, pathwayCompletions.accountId))
    .where(eq(pathwayCompletions.pathwayId, pathwayId))
    .orderBy(desc(pathwayCompletions.completedAt));
}

/** What both ways of holding a credential (by e-mail, by wallet) read of it: one union shape. */
const heldCredentialColumns = {
  id: issuedCredentials.id,
  achievementId: issuedCredentials.achievementId,
  issuedAt: issuedCredentials.issuedAt,
  revokedAt: issuedCredentials.revokedAt,
  suspendedAt: issuedCredentials.suspendedAt,
  validUntil: issuedCredentials.validUntil,
};

/**
 * Credentials issued here to the accounts (by a verified address, or claimed into their wallet),
 * with what decides whether they count now (`issuedHereCountsNow`, applied by the caller).
 */
export async function listIssuedToAccounts(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  const ids = [...accountIds];
  const byEmail = db
    .select({ accountId: accountEmails.accountId, ...heldCredentialColumns })
    .from(issuedCredentials)
    .innerJoin(accountEmails, eq(accountEmails.email, issuedCredentials.recipientEmail))
    .where(inArray(accountEmails.accountId, ids));
  const byWallet = db
    .select({ accountId: walletCredentials.accountId, ...heldCredentialColumns })
    .from(issuedCredentials)
    .innerJoin(walletCredentials, eq(walletCredentials.issuedCredentialId, issuedCredentials.id))
    .where(inArray(walletCredentials.accountId, ids));
  return byEmail.union(byWallet);
}

/** The account an address belongs to, if any. */
export async function accountOfEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ accountId: accountEmails.accountId })
    .from(accountEmails)
    .where(eq(sql`lower(${accountEmails.email})`, email.toLowerCase()));
  return row?.accountId;
}

export async function insertRecognitionRule(
  db: Db,
  row: typeof recognitionRules.$inferInsert,
): Promise<RecognitionRuleRow> {
  const [inserted] = await db.insert(recognitionRules).values(row).returning();
  return inserted!;
}

export async function findRecognitionRule(db: Db, id: string) {
  const [row] = await db.select().from(recognitionRules).where(eq(recognitionRules.id, id));
  return row;
}

export async function deleteRecognitionRule(db: Db, id: string) {
  await db.delete(recognitionRules).where(eq(recognitionRules.id, id));
}

export async function listRecognitionRules(
  db: Db,
  organizationIds: readonly string[],
): Promise<RecognitionRuleRow[]> {
  if (organizationIds.length === 0) return [];
  return db
    .select()
    .from(recognitionRules)
    .where(inArray(recognitionRules.organizationId, [...organizationIds]))
    .orderBy(asc(recognitionRules.createdAt));
}
