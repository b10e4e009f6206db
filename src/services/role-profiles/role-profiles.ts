/**
 * Role profiles (issue 7 item 1; issue 8's job profiles): skill profiles owned by an organization
 * (edited by its owners and issuers, read by its members) or by a learner (their own custom goal).
 * Anyone else gets 404, so a profile's existence never leaks across organizations or learners.
 */
import { randomUUID } from 'node:crypto';
import {
  deleteRoleProfileRow,
  findCompetenciesByIdsOrUris,
  findOccupation,
  findRoleProfilesByIds,
  insertRoleProfile,
  listOccupationSkills,
  listRoleProfilesOfOwner,
  listSkillsOfProfiles,
  type RoleProfileListing,
  replaceRoleProfileSkills,
  updateRoleProfileRow,
} from '../../db/repositories/role-profiles.ts';
import { NotAuthenticatedError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { parseWith } from '../../domain/parse-input.ts';
import { type Actor, can } from '../../domain/policy.ts';
import {
  type Importance,
  importanceOfEscoRelation,
  mergeSkills,
  type ResolvedSkill,
  type RoleProfileSkillInput,
  roleProfileInputSchema,
  roleProfilePatchSchema,
} from '../../domain/role-profiles/role-profile.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export type RoleProfileSkill = {
  competencyId: string;
  uri: string;
  label: string;
  importance: Importance;
  minLevel: string | null;
};
export type RoleProfileOwner =
  | { kind: 'organization'; organizationId: string; slug: string }
  | { kind: 'account'; accountId: string };
export type RoleProfile = {
  id: string;
  title: string;
  description: string | null;
  owner: RoleProfileOwner;
  sourceOccupation: { id: string; uri: string; label: string } | null;
  skills: RoleProfileSkill[];
  createdAt: string;
  updatedAt: string;
};
export type OwnerRef = { organizationSlug: string } | 'me';

function mayUse(actor: Actor, owner: RoleProfileOwner, write: boolean): boolean {
  if (owner.kind === 'account')
    return can(actor, { action: 'account:update', accountId: owner.accountId });
  return can(actor, {
    action: write ? 'role-profile:manage' : 'role-profile:read',
    organizationId: owner.organizationId,
  });
}

async function resolveOwner(
  ctx: ServiceContext,
  actor: Actor,
  ref: OwnerRef,
): Promise<RoleProfileOwner> {
  if (ref === 'me') {
    if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in as the learner.');
    return { kind: 'account', accountId: actor.accountId };
  }
  const organization = await getOrganization(ctx, ref.organizationSlug);
  return { kind: 'organization', organizationId: organization.id, slug: organization.slug };
}

function ownerOf(listing: RoleProfileListing): RoleProfileOwner {
  const { profile } = listing;
  return profile.organizationId
    ? {
        kind: 'organization',
        organizationId: profile.organizationId,
        slug: listing.organizationSlug!,
      }
    : { kind: 'account', accountId: profile.accountId! };
}

async function present(
  ctx: ServiceContext,
  listings: RoleProfileListing[],
): Promise<RoleProfile[]> {
  const skills = await listSkillsOfProfiles(
    ctx.db,
    listings.map((l) => l.profile.id),
  );
  return listings.map((listing) => {
    const { profile } = listing;
    return {
      id: profile.id,
      title: profile.title,
      description: profile.description,
      owner: ownerOf(listing),
      sourceOccupation:
        profile.sourceOccupationId && listing.occupationUri
          ? {
              id: profile.sourceOccupationId,
              uri: listing.occupationUri,
              label: listing.occupationLabel!,
            }
          : null,
      skills: skills
        .filter((s) => s.roleProfileId === profile.id)
        .map((s) => ({
          competencyId: s.competencyId,
          uri: s.uri,
          label: s.label,
          importance: s.importance as Importance,
          minLevel: s.minLevel,
        })),
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    };
  });
}

/** Explicit skills, each resolved to a competency of this platform; unknown ones are named. */
async function resolveSkills(
  ctx: ServiceContext,
  inputs: readonly RoleProfileSkillInput[],
): Promise<ResolvedSkill[]> {
  const ids = inputs.flatMap((s) => (s.competencyId ? [s.competencyId] : []));
  const uris = inputs.flatMap((s) => (s.uri ? [s.uri] : []));
  const rows = await findCompetenciesByIdsOrUris(ctx.db, ids, uris);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byUri = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byUri.has(row.uri)) byUri.set(row.uri, row);
  const fields: Array<{ field: string; message: string }> = [];
  const resolved = inputs.flatMap((input, index) => {
    const row = input.competencyId ? byId.get(input.competencyId) : byUri.get(input.uri!);
    if (!row) {
      fields.push({
        field: `skills.${index}.${input.competencyId ? 'competencyId' : 'uri'}`,
        message: 'is not a competency known here (import its framework first, e.g. ESCO)',
      });
      return [];
    }
    return [
      { competencyId: row.id, importance: input.importance, minLevel: input.minLevel ?? null },
    ];
  });
  if (fields.length > 0)
    throw new ValidationError(
      `Unknown skills: ${fields.map((f) => f.field).join(', ')}. Use competency ids or URIs from GET /api/v1/competencies.`,
      fields,
    );
  return resolved;
}

async function occupationSkillsOf(ctx: ServiceContext, occupationId: string) {
  const occupation = await findOccupation(ctx.db, occupationId);
  if (!occupation)
    throw new ValidationError('There is no such occupation; import ESCO or pick another.', [
      { field: 'fromOccupationId', message: 'is not an occupation known here' },
    ]);
  const rows = await listOccupationSkills(ctx.db, occupationId);
  return rows.map((r) => ({
    competencyId: r.competencyId,
    importance: importanceOfEscoRelation(r.relation),
    minLevel: null,
  }));
}

/** Creates a role profile for an organization (owners, issuers) or for the signed-in learner. */
export async function createRoleProfile(
  ctx: ServiceContext,
  actor: Actor,
  input: { owner: OwnerRef } & Record<string, unknown>,
): Promise<RoleProfile> {
  const { owner: ref, ...body } = input;
  const owner = await resolveOwner(ctx, actor, ref);
  if (!mayUse(actor, owner, true)) throw new NotFoundError('There is no such organization.');
  const parsed = parseWith(roleProfileInputSchema, body);
  const fromOccupation = parsed.fromOccupationId
    ? await occupationSkillsOf(ctx, parsed.fromOccupationId)
    : [];
  const skills = mergeSkills(fromOccupation, await resolveSkills(ctx, parsed.skills ?? []));
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await insertRoleProfile(tx, {
      id,
      organizationId: owner.kind === 'organization' ? owner.organizationId : null,
      accountId: owner.kind === 'account' ? owner.accountId : null,
      title: parsed.title,
      description: parsed.description ?? null,
      sourceOccupationId: parsed.fromOccupationId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await replaceRoleProfileSkills(tx, id, skills);
    await recordAudit(tx, actor, 'role-profile.created', {
      ...(owner.kind === 'organization' ? { organizationId: owner.organizationId } : {}),
      target: id,
      detail: { title: parsed.title, skills: skills.length },
    });
  });
  return getRoleProfile(ctx, actor, id);
}

async function loadVisible(ctx: ServiceContext, actor: Actor, id: string, write: boolean) {
  const [listing] = await findRoleProfilesByIds(ctx.db, [id]);
  if (!listing || !mayUse(actor, ownerOf(listing), write))
    throw new NotFoundError('There is no such role profile.');
  return listing;
}

export async function getRoleProfile(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<RoleProfile> {
  const [profile] = await present(ctx, [await loadVisible(ctx, actor, id, false)]);
  return profile!;
}

/** Profiles the platform's own services may read without an actor (goals pointing at one). */
export async function findRoleProfiles(ctx: ServiceContext, ids: readonly string[]) {
  return present(ctx, await findRoleProfilesByIds(ctx.db, ids));
}

export async function listRoleProfiles(
  ctx: ServiceContext,
  actor: Actor,
  ref: OwnerRef,
): Promise<RoleProfile[]> {
  const owner = await resolveOwner(ctx, actor, ref);
  if (!mayUse(actor, owner, false)) throw new NotFoundError('There is no such organization.');
  const listings = await listRoleProfilesOfOwner(
    ctx.db,
    owner.kind === 'organization'
      ? { organizationId: owner.organizationId }
      : { accountId: owner.accountId },
  );
  return present(ctx, listings);
}

export async function updateRoleProfile(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  patch: unknown,
): Promise<RoleProfile> {
  const listing = await loadVisible(ctx, actor, id, true);
  const parsed = parseWith(roleProfilePatchSchema, patch);
  const skills = parsed.skills ? await resolveSkills(ctx, parsed.skills) : undefined;
  await ctx.db.transaction(async (tx) => {
    await updateRoleProfileRow(tx, id, {
      ...(parsed.title !== undefined ? { title: parsed.title } : {}),
      ...(parsed.description !== undefined ? { description: parsed.description } : {}),
      updatedAt: ctx.now(),
    });
    if (skills) await replaceRoleProfileSkills(tx, id, mergeSkills([], skills));
    await recordAudit(tx, actor, 'role-profile.updated', {
      ...(listing.profile.organizationId ? { organizationId: listing.profile.organizationId } : {}),
      target: id,
    });
  });
  return getRoleProfile(ctx, actor, id);
}

export async function deleteRoleProfile(ctx: ServiceContext, actor: Actor, id: string) {
  const listing = await loadVisible(ctx, actor, id, true);
  await ctx.db.transaction(async (tx) => {
    await deleteRoleProfileRow(tx, id);
    await recordAudit(tx, actor, 'role-profile.deleted', {
      ...(listing.profile.organizationId ? { organizationId: listing.profile.organizationId } : {}),
      target: id,
      detail: { title: listing.profile.title },
    });
  });
}
