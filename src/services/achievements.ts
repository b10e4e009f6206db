import { randomBytes, randomUUID } from 'node:crypto';
import {
  buildAchievement,
  buildOpenBadgeCredential,
  type SignatureFormat,
  type StatusPurpose,
} from '../credentials/index.ts';
import type { JsonObject } from '../credentials/types.ts';
import {
  type AchievementRow,
  findAchievement,
  insertAchievement,
  listActiveAchievements,
  updateAchievement,
} from '../db/repositories/achievements.ts';
import { findOrganizationById } from '../db/repositories/organizations.ts';
import { normalizeEmail } from '../domain/accounts.ts';
import type { AchievementInput } from '../domain/achievement.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { type Actor, authorize } from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import {
  type IssuedCredential,
  issueCredential,
  issuerProfileOf,
} from './credentials/issue-credential.ts';
import { getOrganization } from './organizations.ts';
import { evaluatePathwaysOfRecipient } from './pathways/progress.ts';

export function achievementUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/achievements/${id}`;
}

/** The OB3 Achievement document (public: it is what credentials certify). */
export async function achievementDocument(
  ctx: ServiceContext,
  row: AchievementRow,
): Promise<JsonObject> {
  const organization = await findOrganizationById(ctx.db, row.organizationId);
  return buildAchievement(row.definition as AchievementInput, {
    id: achievementUrl(ctx.publicUrl, row.id),
    creator: await issuerProfileOf(ctx, organization!),
  });
}

export async function requireAchievement(ctx: ServiceContext, id: string): Promise<AchievementRow> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findAchievement(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no achievement with this id.');
  return row;
}

export async function createAchievement(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: AchievementInput,
): Promise<AchievementRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers define achievements.',
  );
  return ctx.db.transaction(async (tx) => {
    const row = await insertAchievement(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      name: input.name,
      achievementType: input.achievementType,
      definition: input,
    });
    await recordAudit(tx, actor, 'achievement.created', {
      organizationId: organization.id,
      target: row.id,
    });
    return row;
  });
}

/** Published achievements of an organization (archived ones are kept for old credentials, not listed). */
export async function listAchievements(
  ctx: ServiceContext,
  slug: string,
): Promise<AchievementRow[]> {
  const organization = await getOrganization(ctx, slug);
  return listActiveAchievements(ctx.db, organization.id);
}

export async function replaceAchievement(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: AchievementInput,
): Promise<AchievementRow> {
  const row = await requireAchievement(ctx, id);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization edit an achievement.',
  );
  return ctx.db.transaction(async (tx) => {
    const updated = await updateAchievement(tx, id, {
      name: input.name,
      achievementType: input.achievementType,
      definition: input,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'achievement.updated', {
      organizationId: row.organizationId,
      target: id,
    });
    return updated;
  });
}

export async function archiveAchievement(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await requireAchievement(ctx, id);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization archive an achievement.',
  );
  await ctx.db.transaction(async (tx) => {
    await updateAchievement(tx, id, { archivedAt: ctx.now() });
    await recordAudit(tx, actor, 'achievement.archived', {
      organizationId: row.organizationId,
      target: id,
    });
  });
}

export type AwardInput = {
  recipient: { email: string } | { did: string };
  narrative?: string;
  evidence?: Array<{ id?: string; name?: string; narrative?: string }>;
  results?: Array<{ resultDescription?: string; value: string }>;
  format?: SignatureFormat;
  jwtAlgorithm?: 'EdDSA' | 'RS256';
  statusPurpose?: StatusPurpose;
};

/** The credential's recipient: an email address (normalized, with a fresh salt) or a DID. */
function recipientOf(recipient: AwardInput['recipient']) {
  return 'email' in recipient
    ? { email: normalizeEmail(recipient.email), salt: randomBytes(16).toString('hex') }
    : { did: recipient.did };
}

/**
 * The unsigned OpenBadgeCredential of an award, with the achievement's validity policy applied
 * from `validFrom`; shared by single awards and bulk awards (issue 9).
 */
export function unsignedAward(
  ctx: { publicUrl: string },
  args: {
    credentialId: string;
    issuer: JsonObject;
    achievement: AchievementRow;
    achievementDocument: JsonObject;
    validFrom: Date;
    input: Pick<AwardInput, 'recipient' | 'narrative' | 'evidence' | 'results'>;
  },
) {
  const definition = args.achievement.definition as AchievementInput;
  return buildOpenBadgeCredential({
    id: `${ctx.publicUrl}/credentials/${args.credentialId}`,
    issuer: args.issuer,
    achievement: args.achievementDocument,
    recipient: recipientOf(args.input.recipient),
    validFrom: args.validFrom,
    validUntil: definition.validityDays
      ? new Date(args.validFrom.getTime() + definition.validityDays * 86_400_000)
      : undefined,
    narrative: args.input.narrative,
    evidence: args.input.evidence,
    results: args.input.results,
  });
}

/**
 * Awards an achievement: builds the OpenBadgeCredential (an email recipient as a salted SHA-256
 * IdentityObject, OB 3.0 §B.1.x; a DID as credentialSubject.id), applies the achievement's
 * validity policy, then signs and stores it through the one issuing path.
 */
export async function awardAchievement(
  ctx: ServiceContext,
  actor: Actor,
  achievementId: string,
  input: AwardInput,
): Promise<IssuedCredential> {
  const row = await requireAchievement(ctx, achievementId);
  authorize(
    actor,
    { action: 'credential:issue', organizationId: row.organizationId },
    'Only owners and issuers of its organization award this achievement.',
  );
  if (row.archivedAt)
    throw new ConflictError('This achievement is archived and can no longer be awarded.');
  const organization = await findOrganizationById(ctx.db, row.organizationId);
  const credentialId = randomUUID();
  const unsigned = unsignedAward(ctx, {
    credentialId,
    issuer: await issuerProfileOf(ctx, organization!),
    achievement: row,
    achievementDocument: await achievementDocument(ctx, row),
    validFrom: ctx.now(),
    input,
  });
  const recipient = recipientOf(input.recipient);
  const issued = await issueCredential(ctx, actor, unsigned, {
    format: input.format,
    jwtAlgorithm: input.jwtAlgorithm,
    statusPurpose: input.statusPurpose,
    credentialId,
    achievementId: row.id,
    recipient: 'email' in recipient ? { email: recipient.email } : { did: recipient.did },
  });
  // Pathways (issue 6): a new credential may complete one of the learner's pathways.
  if (recipient.email) await evaluatePathwaysOfRecipient(ctx, recipient.email);
  return issued;
}
