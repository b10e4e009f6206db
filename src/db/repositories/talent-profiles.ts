import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountEmails,
  accounts,
  achievementCriteria,
  achievements,
  competencies,
  competencyAssociations,
  issuedCredentials,
  organizations,
  talentProfiles,
  talentProfileViews,
  walletCredentials,
} from '../schema.ts';

export type TalentProfileRow = typeof talentProfiles.$inferSelect;
export type TalentProfileValues = Omit<typeof talentProfiles.$inferInsert, 'accountId' | 'id'>;

export async function findTalentProfile(
  db: Db,
  accountId: string,
): Promise<TalentProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(talentProfiles)
    .where(eq(talentProfiles.accountId, accountId));
  return row;
}

/** The opted-in profile behind a pseudonym; a withdrawn or unknown one is undefined. */
export async function findOptedInProfileById(
  db: Db,
  id: string,
): Promise<{ profile: TalentProfileRow; displayName: string } | undefined> {
  const [row] = await db
    .select({ profile: talentProfiles, displayName: accounts.displayName })
    .from(talentProfiles)
    .innerJoin(accounts, eq(accounts.id, talentProfiles.accountId))
    .where(and(eq(talentProfiles.id, id), eq(talentProfiles.optedIn, true)));
  return row;
}

/** Opted-in profiles of the accounts, with the name the learner may choose to show. */
export async function listOptedInProfiles(
  db: Db,
  accountIds: readonly string[],
): Promise<Array<{ profile: TalentProfileRow; displayName: string }>> {
  if (accountIds.length === 0) return [];
  return db
    .select({ profile: talentProfiles, displayName: accounts.displayName })
    .from(talentProfiles)
    .innerJoin(accounts, eq(accounts.id, talentProfiles.accountId))
    .where(
      and(inArray(talentProfiles.accountId, [...accountIds]), eq(talentProfiles.optedIn, true)),
    );
}

export async function upsertTalentProfile(
  db: Db,
  accountId: string,
  id: string,
  values: TalentProfileValues,
): Promise<TalentProfileRow> {
  const [row] = await db
    .insert(talentProfiles)
    .values({ ...values, accountId, id })
    .onConflictDoUpdate({ target: talentProfiles.accountId, set: values })
    .returning();
  return row!;
}

export type CandidateQuery = {
  /** Skill URIs, matched exactly against the credentials' alignment URLs. */
  skillUris: readonly string[];
  /** Case-insensitive parts of achievement names. */
  achievementNames: readonly string[];
  /** Issuer ids, or case-insensitive parts of issuer names; any of them. */
  issuers: readonly string[];
  issuedSince: Date | null;
  now: Date;
  limit: number;
};

/**
 * Stage one of talent search: ids of opted-in learners holding at least one credential that
 * matches the criteria and still counts (valid at its last check, not revoked, suspended or
 * expired when issued here, not hidden by the learner). Most matching credentials first, so the
 * cap keeps the strongest candidates; the full evidence is hydrated and ranked afterwards.
 */
export async function findTalentCandidates(
  db: Db,
  query: CandidateQuery,
): Promise<Array<{ accountId: string }>> {
  const anyOf = (values: readonly string[], each: (v: string) => SQL) =>
    sql.join(
      values.map((v) => sql`(${each(v)})`),
      sql` or `,
    );
  const wc = walletCredentials;
  const criteria: SQL[] = [];
  if (query.skillUris.length > 0)
    criteria.push(sql`exists (select 1 from jsonb_array_elements(${wc.skills}) as s(v)
      where s.v->>'url' in (${sql.join(
        query.skillUris.map((u) => sql`${u}`),
        sql`, `,
      )}))`);
  if (query.achievementNames.length > 0)
    criteria.push(
      anyOf(query.achievementNames, (n) => sql`${wc.achievementName} ilike ${likePattern(n)}`),
    );
  const conditions: SQL[] = [
    eq(talentProfiles.optedIn, true),
    eq(wc.status, 'valid'),
    sql`(${wc.validUntil} is null or ${wc.validUntil} > ${query.now})`,
    sql`${issuedCredentials.revokedAt} is null and ${issuedCredentials.suspendedAt} is null`,
    sql`not ${talentProfiles.hiddenCredentials} @> jsonb_build_array(${wc.id}::text)`,
    sql`(${wc.issuerId} is null or not ${talentProfiles.hiddenIssuers} @> jsonb_build_array(${wc.issuerId}))`,
  ];
  if (criteria.length > 0) conditions.push(sql`(${sql.join(criteria, sql` or `)})`);
  if (query.issuers.length > 0)
    conditions.push(
      anyOf(
        query.issuers,
        (i) => sql`${wc.issuerId} = ${i} or ${wc.issuerName} ilike ${likePattern(i)}`,
      ),
    );
  if (query.issuedSince) conditions.push(sql`${wc.issuedOn} >= ${query.issuedSince}`);
  return db
    .select({ accountId: talentProfiles.accountId })
    .from(talentProfiles)
    .innerJoin(wc, eq(wc.accountId, talentProfiles.accountId))
    .leftJoin(issuedCredentials, eq(issuedCredentials.id, wc.issuedCredentialId))
    .where(and(...conditions))
    .groupBy(talentProfiles.accountId)
    .orderBy(sql`count(*) desc`, sql`max(${wc.issuedOn}) desc nulls last`, talentProfiles.accountId)
    .limit(query.limit);
}

/** The wanted URIs plus those linked to them by CASE exact-match associations, both ways. */
export async function withExactMatches(db: Db, uris: readonly string[]): Promise<string[]> {
  if (uris.length === 0) return [];
  const ca = competencyAssociations;
  const rows = await db
    .select({ origin: ca.originUri, destination: ca.destinationUri })
    .from(ca)
    .where(
      and(
        inArray(ca.associationType, ['exactMatchOf', 'exactMatch']),
        or(inArray(ca.originUri, [...uris]), inArray(ca.destinationUri, [...uris])),
      ),
    );
  return [...new Set([...uris, ...rows.flatMap((r) => [r.origin, r.destination])])];
}

/**
 * The same stage for credentials issued here to one of the learner's addresses (they count even
 * before the learner claims them): the achievement's alignments or criteria name a wanted skill.
 */
export async function findTalentCandidatesIssuedHere(
  db: Db,
  query: CandidateQuery,
): Promise<Array<{ accountId: string }>> {
  const ic = issuedCredentials;
  const criteria: SQL[] = [];
  if (query.skillUris.length > 0) {
    const list = sql.join(
      query.skillUris.map((u) => sql`${u}`),
      sql`, `,
    );
    criteria.push(sql`exists (select 1 from jsonb_array_elements(coalesce(${achievements.definition}->'alignments', '[]'::jsonb)) as al(v)
      where al.v->>'targetUrl' in (${list}))`);
    criteria.push(sql`exists (select 1 from ${achievementCriteria} ac join ${competencies} c on c.id = ac.competency_id
      where ac.achievement_id = ${achievements.id} and c.uri in (${list}))`);
  }
  for (const name of query.achievementNames)
    criteria.push(sql`${achievements.name} ilike ${likePattern(name)}`);
  const conditions: SQL[] = [
    eq(talentProfiles.optedIn, true),
    sql`${ic.revokedAt} is null and ${ic.suspendedAt} is null`,
    sql`(${ic.validUntil} is null or ${ic.validUntil} > ${query.now})`,
  ];
  if (criteria.length > 0) conditions.push(sql`(${sql.join(criteria, sql` or `)})`);
  if (query.issuers.length > 0)
    conditions.push(
      sql`(${sql.join(
        query.issuers.map(
          (i) =>
            sql`(${organizations.name} ilike ${likePattern(i)} or ${i} like '%' || ${organizations.slug})`,
        ),
        sql` or `,
      )})`,
    );
  if (query.issuedSince) conditions.push(sql`${ic.issuedAt} >= ${query.issuedSince}`);
  return db
    .select({ accountId: talentProfiles.accountId })
    .from(talentProfiles)
    .innerJoin(accountEmails, eq(accountEmails.accountId, talentProfiles.accountId))
    .innerJoin(ic, eq(ic.recipientEmail, accountEmails.email))
    .innerJoin(achievements, eq(achievements.id, ic.achievementId))
    .innerJoin(organizations, eq(organizations.id, ic.organizationId))
    .where(and(...conditions))
    .groupBy(talentProfiles.accountId)
    .orderBy(sql`count(*) desc`, sql`max(${ic.issuedAt}) desc`, talentProfiles.accountId)
    .limit(query.limit);
}

function likePattern(part: string): string {
  return `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function insertProfileViews(
  db: Db,
  views: Array<{
    accountId: string;
    organizationId: string;
    kind: 'search' | 'profile';
    viewedAt: Date;
  }>,
): Promise<void> {
  if (views.length === 0) return;
  await db.insert(talentProfileViews).values(views);
}

/** Who saw the learner, newest first, with the organization's public name. */
export async function listProfileViews(db: Db, accountId: string, limit = 200) {
  return db
    .select({
      kind: talentProfileViews.kind,
      viewedAt: talentProfileViews.viewedAt,
      organizationSlug: organizations.slug,
      organizationName: organizations.name,
    })
    .from(talentProfileViews)
    .innerJoin(organizations, eq(organizations.id, talentProfileViews.organizationId))
    .where(eq(talentProfileViews.accountId, accountId))
    .orderBy(desc(talentProfileViews.viewedAt), desc(talentProfileViews.id))
    .limit(limit);
}

/** The issued-here credentials behind wallet entries (to hide them however they are held). */
export async function issuedIdsOfWalletEntries(
  db: Db,
  walletIds: readonly string[],
): Promise<Map<string, string>> {
  if (walletIds.length === 0) return new Map();
  const rows = await db
    .select({ id: walletCredentials.id, issuedId: walletCredentials.issuedCredentialId })
    .from(walletCredentials)
    .where(inArray(walletCredentials.id, [...walletIds]));
  return new Map(rows.flatMap((r) => (r.issuedId ? [[r.id, r.issuedId] as const] : [])));
}
