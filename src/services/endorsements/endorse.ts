/**
 * Endorsements (OB 3.0 §B.1.2): an organization vouches for one of our achievements or for an
 * issuer with an EndorsementCredential, issued through `issueCredential` like every credential
 * (so it is signed, logged and revocable) and recorded in `endorsements`.
 */
import { randomUUID } from 'node:crypto';
import { buildEndorsementCredential } from '../../credentials/index.ts';
import { findAchievement } from '../../db/repositories/achievements.ts';
import {
  type EndorsementTargetKind,
  insertEndorsement,
} from '../../db/repositories/endorsements.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  type OrganizationRow,
} from '../../db/repositories/organizations.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { achievementUrl } from '../achievements.ts';
import type { ServiceContext } from '../context.ts';
import {
  type IssuedCredential,
  issueCredential,
  issuerProfileOf,
} from '../credentials/issue-credential.ts';
import { getOrganization } from '../organizations.ts';

export type EndorseInput = {
  targetKind: EndorsementTargetKind;
  /** An achievement id, or the endorsed organization's slug or id. */
  targetId: string;
  comment?: string;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Target = { id: string; uri: string; label: string; organizationId: string };

async function resolveTarget(ctx: ServiceContext, input: EndorseInput): Promise<Target> {
  if (input.targetKind === 'achievement') {
    const row = uuidPattern.test(input.targetId)
      ? await findAchievement(ctx.db, input.targetId)
      : undefined;
    if (!row) throw new NotFoundError('There is no achievement with this id to endorse.');
    return {
      id: row.id,
      uri: achievementUrl(ctx.publicUrl, row.id),
      label: row.name,
      organizationId: row.organizationId,
    };
  }
  const organization: OrganizationRow | undefined = uuidPattern.test(input.targetId)
    ? await findOrganizationById(ctx.db, input.targetId)
    : await findOrganizationBySlug(ctx.db, input.targetId);
  if (!organization) throw new NotFoundError('There is no issuer with this slug or id to endorse.');
  const profile = await issuerProfileOf(ctx, organization);
  return {
    id: organization.id,
    uri: String(profile.id),
    label: organization.name,
    organizationId: organization.id,
  };
}

/**
 * Issues the endorsing organization's EndorsementCredential about the target and records it,
 * in one transaction. An organization cannot endorse itself or its own achievements: an
 * endorsement is a third party's word, which is what makes it quality-assurance evidence.
 */
export async function endorse(
  ctx: ServiceContext,
  actor: Actor,
  endorserSlug: string,
  input: EndorseInput,
): Promise<IssuedCredential & { endorsementId: string }> {
  const endorser = await getOrganization(ctx, endorserSlug);
  authorize(
    actor,
    { action: 'credential:issue', organizationId: endorser.id },
    `Only owners and issuers of ${endorser.name} endorse in its name.`,
  );
  const target = await resolveTarget(ctx, input);
  if (target.organizationId === endorser.id)
    throw new ValidationError('An organization cannot endorse itself or its own achievements.', [
      { field: 'targetId', message: 'must belong to another organization' },
    ]);
  const unsigned = buildEndorsementCredential({
    issuer: await issuerProfileOf(ctx, endorser),
    subjectId: target.uri,
    name: `${endorser.name} endorses ${target.label}`,
    comment: input.comment,
  });
  const endorsementId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const issued = await issueCredential({ ...ctx, db: tx }, actor, unsigned);
    await insertEndorsement(tx, {
      id: endorsementId,
      endorserOrganizationId: endorser.id,
      targetKind: input.targetKind,
      targetId: target.id,
      issuedCredentialId: issued.id,
      createdAt: ctx.now(),
    });
    return { ...issued, endorsementId };
  });
}
