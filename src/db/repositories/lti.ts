import { and, desc, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountEmails,
  ltiAwards,
  ltiLaunches,
  ltiLoginStates,
  ltiPlatforms,
  ltiResourceLinks,
  ltiToolKeys,
  ltiUserLinks,
} from '../schema.ts';

export type LtiPlatformRow = typeof ltiPlatforms.$inferSelect;
export type LtiToolKeyRow = typeof ltiToolKeys.$inferSelect;
export type LtiLaunchRow = typeof ltiLaunches.$inferSelect;
export type LtiResourceLinkRow = typeof ltiResourceLinks.$inferSelect;
export type LtiLoginStateRow = typeof ltiLoginStates.$inferSelect;

export async function insertLtiPlatform(db: Db, row: typeof ltiPlatforms.$inferInsert) {
  const [inserted] = await db.insert(ltiPlatforms).values(row).returning();
  return inserted!;
}

export async function listLtiPlatforms(db: Db, organizationId: string) {
  return db
    .select()
    .from(ltiPlatforms)
    .where(eq(ltiPlatforms.organizationId, organizationId))
    .orderBy(ltiPlatforms.createdAt);
}

export async function findLtiPlatform(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.id, id), eq(ltiPlatforms.organizationId, organizationId)));
  return row;
}

export async function findLtiPlatformById(db: Db, id: string) {
  const [row] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, id));
  return row;
}

/** Platforms with this issuer, narrowed to one client when the login names it. */
export async function findLtiPlatformsByIssuer(db: Db, issuer: string, clientId?: string) {
  return db
    .select()
    .from(ltiPlatforms)
    .where(
      and(
        eq(ltiPlatforms.issuer, issuer),
        clientId ? eq(ltiPlatforms.clientId, clientId) : undefined,
      ),
    );
}

export async function deleteLtiPlatform(db: Db, id: string) {
  await db.delete(ltiPlatforms).where(eq(ltiPlatforms.id, id));
}

export async function listLtiToolKeys(db: Db): Promise<LtiToolKeyRow[]> {
  return db.select().from(ltiToolKeys).orderBy(desc(ltiToolKeys.createdAt));
}

export async function insertLtiToolKey(db: Db, row: typeof ltiToolKeys.$inferInsert) {
  await db.insert(ltiToolKeys).values(row);
}

export async function insertLtiLoginState(db: Db, row: typeof ltiLoginStates.$inferInsert) {
  await db.insert(ltiLoginStates).values(row);
}

export async function findLtiLoginState(db: Db, state: string) {
  const [row] = await db.select().from(ltiLoginStates).where(eq(ltiLoginStates.state, state));
  return row;
}

/** Marks the state (and with it its nonce) used; false if it was already used: a replay. */
export async function consumeLtiLoginState(db: Db, state: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(ltiLoginStates)
    .set({ usedAt: at })
    .where(and(eq(ltiLoginStates.state, state), isNull(ltiLoginStates.usedAt)))
    .returning({ state: ltiLoginStates.state });
  return rows.length === 1;
}

export async function insertLtiLaunch(db: Db, row: typeof ltiLaunches.$inferInsert) {
  await db.insert(ltiLaunches).values(row);
}

export async function findLiveLtiLaunch(db: Db, id: string, now: Date) {
  const [row] = await db
    .select()
    .from(ltiLaunches)
    .where(and(eq(ltiLaunches.id, id), gt(ltiLaunches.expiresAt, now)));
  return row;
}

export async function findLtiUserLink(db: Db, platformId: string, subject: string) {
  const [row] = await db
    .select()
    .from(ltiUserLinks)
    .where(and(eq(ltiUserLinks.platformId, platformId), eq(ltiUserLinks.subject, subject)));
  return row;
}

/** Links the LMS user unless already linked; returns the account it is linked to. */
export async function insertLtiUserLink(db: Db, row: typeof ltiUserLinks.$inferInsert) {
  await db.insert(ltiUserLinks).values(row).onConflictDoNothing();
  return (await findLtiUserLink(db, row.platformId, row.subject))!;
}

/** Creates the resource link on first launch; later launches refresh its line item. */
export async function upsertLtiResourceLink(db: Db, row: typeof ltiResourceLinks.$inferInsert) {
  const [saved] = await db
    .insert(ltiResourceLinks)
    .values(row)
    .onConflictDoUpdate({
      target: [ltiResourceLinks.platformId, ltiResourceLinks.resourceLinkId],
      set: {
        achievementId: row.achievementId,
        scoreThreshold: row.scoreThreshold,
        lineItemUrl: row.lineItemUrl,
      },
    })
    .returning();
  return saved!;
}

export async function findLtiResourceLink(db: Db, id: string) {
  const [row] = await db.select().from(ltiResourceLinks).where(eq(ltiResourceLinks.id, id));
  return row;
}

export async function listLtiResourceLinks(db: Db, platformId: string) {
  return db.select().from(ltiResourceLinks).where(eq(ltiResourceLinks.platformId, platformId));
}

export async function findLtiAward(db: Db, resourceLinkId: string, subject: string) {
  const [row] = await db
    .select()
    .from(ltiAwards)
    .where(and(eq(ltiAwards.resourceLinkId, resourceLinkId), eq(ltiAwards.subject, subject)));
  return row;
}

export async function insertLtiAward(db: Db, row: typeof ltiAwards.$inferInsert) {
  await db.insert(ltiAwards).values(row);
}

/** The account holding this address, if the address was verified (both sides vouch for it). */
export async function findAccountIdByVerifiedEmail(db: Db, email: string) {
  const [row] = await db
    .select({ accountId: accountEmails.accountId })
    .from(accountEmails)
    .where(and(eq(accountEmails.email, email), isNotNull(accountEmails.verifiedAt)));
  return row?.accountId;
}

/** Placements with a gradebook column, created since `since` (the ones worth polling). */
export async function listGradedLtiResourceLinks(db: Db, since: Date) {
  return db
    .select()
    .from(ltiResourceLinks)
    .where(and(isNotNull(ltiResourceLinks.lineItemUrl), gt(ltiResourceLinks.createdAt, since)));
}

/** Logins and launches are short-lived; their rows are removed once long expired. */
export async function deleteExpiredLtiSessions(db: Db, before: Date) {
  await db.delete(ltiLoginStates).where(lt(ltiLoginStates.expiresAt, before));
  await db.delete(ltiLaunches).where(lt(ltiLaunches.expiresAt, before));
}
