/**
 * Reading endorsements: for the pages ("Endorsed by …" with their status), the API, and the
 * achievement's public OB3 document, which carries only the valid, unrevoked ones (OB 3.0
 * Achievement `endorsement`).
 */
import type { JsonObject } from '../../credentials/types.ts';
import type { AchievementRow } from '../../db/repositories/achievements.ts';
import {
  type EndorsementTargetKind,
  type EndorsementWithCredential,
  listEndorsementsOf,
} from '../../db/repositories/endorsements.ts';
import { achievementDocument, requireAchievement } from '../achievements.ts';
import type { ServiceContext } from '../context.ts';

export type EndorsementStatus = 'valid' | 'revoked' | 'suspended' | 'expired';

/** One endorsement as pages and the API present it. */
export type EndorsementView = {
  id: string;
  endorser: { name: string; slug: string };
  comment: string | null;
  status: EndorsementStatus;
  issuedAt: string;
  credentialId: string;
  credentialUrl: string;
  /** The signed EndorsementCredential (JSON object, or a VC-JWT string). */
  credential: JsonObject | string;
};

function statusOf(row: EndorsementWithCredential, now: Date): EndorsementStatus {
  if (row.revokedAt) return 'revoked';
  if (row.suspendedAt) return 'suspended';
  if (row.validUntil && row.validUntil <= now) return 'expired';
  return 'valid';
}

function parsed(row: EndorsementWithCredential): JsonObject | string {
  return row.format === 'vc-jwt' ? row.signed : (JSON.parse(row.signed) as JsonObject);
}

function commentOf(credential: JsonObject | string): string | null {
  if (typeof credential === 'string') return null;
  const subject = credential.credentialSubject as JsonObject | undefined;
  return typeof subject?.endorsementComment === 'string' ? subject.endorsementComment : null;
}

function present(ctx: ServiceContext, row: EndorsementWithCredential): EndorsementView {
  const credential = parsed(row);
  return {
    id: row.id,
    endorser: { name: row.endorserName, slug: row.endorserSlug },
    comment: commentOf(credential),
    status: statusOf(row, ctx.now()),
    issuedAt: row.createdAt.toISOString(),
    credentialId: row.credentialId,
    credentialUrl: `${ctx.publicUrl}/credentials/${row.credentialId}`,
    credential,
  };
}

/** Every endorsement of an achievement or an issuer (organization id), with its status. */
export async function listEndorsements(
  ctx: ServiceContext,
  targetKind: EndorsementTargetKind,
  targetId: string,
): Promise<EndorsementView[]> {
  const rows = await listEndorsementsOf(ctx.db, targetKind, targetId);
  return rows.map((row) => present(ctx, row));
}

/** The endorsements of a public achievement (404 for an unknown id). */
export async function listAchievementEndorsements(
  ctx: ServiceContext,
  achievementId: string,
): Promise<EndorsementView[]> {
  const row = await requireAchievement(ctx, achievementId);
  return listEndorsements(ctx, 'achievement', row.id);
}

/**
 * The public OB3 Achievement with `endorsement`: the signed EndorsementCredentials that are
 * valid now (revoked, suspended or expired ones are left out).
 */
export async function endorsedAchievementDocument(
  ctx: ServiceContext,
  row: AchievementRow,
): Promise<JsonObject> {
  const document = await achievementDocument(ctx, row);
  const valid = (await listEndorsements(ctx, 'achievement', row.id)).filter(
    (e) => e.status === 'valid',
  );
  return valid.length > 0 ? { ...document, endorsement: valid.map((e) => e.credential) } : document;
}

/** What the public pages show: endorsements of the achievement, then of its issuer. */
export async function endorsementsOfAchievementAndIssuer(
  ctx: ServiceContext,
  achievementId: string | null,
  organizationId: string,
): Promise<Array<EndorsementView & { about: EndorsementTargetKind }>> {
  const [ofAchievement, ofIssuer] = await Promise.all([
    achievementId ? listEndorsements(ctx, 'achievement', achievementId) : [],
    listEndorsements(ctx, 'issuer', organizationId),
  ]);
  return [
    ...ofAchievement.map((e) => ({ ...e, about: 'achievement' as const })),
    ...ofIssuer.map((e) => ({ ...e, about: 'issuer' as const })),
  ];
}
