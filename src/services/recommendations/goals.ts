/**
 * A learner's career goals (issue 7 item 6): an ESCO occupation or a role profile, chosen
 * directly or from free text (`understandGoal` proposes; the learner picks). Only the learner
 * sees and changes their own goals; anyone else gets 404.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  deleteGoalRow,
  findGoal,
  findOccupationsByIds,
  insertGoal,
  type LearnerGoalRow,
  listGoalsOfAccount,
} from '../../db/repositories/recommendations.ts';
import { listOccupationSkills } from '../../db/repositories/role-profiles.ts';
import { NotAuthenticatedError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { parseWith } from '../../domain/parse-input.ts';
import type { Actor } from '../../domain/policy.ts';
import type { GoalSkill } from '../../domain/recommendations/gap.ts';
import { importanceOfEscoRelation } from '../../domain/role-profiles/role-profile.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { findRoleProfiles, getRoleProfile } from '../role-profiles/index.ts';

export type GoalTarget =
  | { kind: 'occupation'; id: string; uri: string; label: string }
  | { kind: 'role-profile'; id: string; label: string };
export type GoalView = {
  id: string;
  target: GoalTarget;
  statedText: string | null;
  createdAt: string;
};

export const goalInputSchema = z
  .strictObject({
    occupationId: z.uuid({ error: 'occupationId must be an occupation UUID' }).optional(),
    roleProfileId: z.uuid({ error: 'roleProfileId must be a role profile UUID' }).optional(),
    statedText: z.string().trim().max(2000).optional(),
  })
  .refine((g) => (g.occupationId === undefined) !== (g.roleProfileId === undefined), {
    error: 'give exactly one of occupationId or roleProfileId',
    path: ['occupationId'],
  });

export function learnerIdOf(actor: Actor): string {
  if (actor.kind !== 'account')
    throw new NotAuthenticatedError('Sign in as the learner to see your goals.');
  return actor.accountId;
}

async function present(ctx: ServiceContext, rows: LearnerGoalRow[]): Promise<GoalView[]> {
  const occupationIds = rows.flatMap((r) => (r.occupationId ? [r.occupationId] : []));
  const profileIds = rows.flatMap((r) => (r.roleProfileId ? [r.roleProfileId] : []));
  const [occupations, profiles] = await Promise.all([
    findOccupationsByIds(ctx.db, occupationIds),
    findRoleProfiles(ctx, profileIds),
  ]);
  const occupationById = new Map(occupations.map((o) => [o.id, o]));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  return rows.flatMap((row): GoalView[] => {
    const occupation = row.occupationId ? occupationById.get(row.occupationId) : undefined;
    const profile = row.roleProfileId ? profileById.get(row.roleProfileId) : undefined;
    const target: GoalTarget | undefined = occupation
      ? { kind: 'occupation', id: occupation.id, uri: occupation.uri, label: occupation.label }
      : profile
        ? { kind: 'role-profile', id: profile.id, label: profile.title }
        : undefined;
    if (!target) return [];
    return [
      {
        id: row.id,
        target,
        statedText: row.statedText,
        createdAt: row.createdAt.toISOString(),
      },
    ];
  });
}

export async function listGoals(ctx: ServiceContext, actor: Actor): Promise<GoalView[]> {
  return present(ctx, await listGoalsOfAccount(ctx.db, learnerIdOf(actor)));
}

export async function createGoal(ctx: ServiceContext, actor: Actor, input: unknown) {
  const accountId = learnerIdOf(actor);
  const parsed = parseWith(goalInputSchema, input);
  if (parsed.occupationId) {
    const [occupation] = await findOccupationsByIds(ctx.db, [parsed.occupationId]);
    if (!occupation)
      throw new ValidationError('There is no such occupation (is ESCO imported?).', [
        { field: 'occupationId', message: 'is not an occupation known here' },
      ]);
  } else {
    // Visible to the learner: their own, or a job profile of an organization they belong to.
    await getRoleProfile(ctx, actor, parsed.roleProfileId!).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ValidationError('There is no such role profile you can use.', [
          { field: 'roleProfileId', message: 'is not a role profile of yours' },
        ]);
      throw error;
    });
  }
  const id = randomUUID();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertGoal(tx, {
      id,
      accountId,
      occupationId: parsed.occupationId ?? null,
      roleProfileId: parsed.roleProfileId ?? null,
      statedText: parsed.statedText || null,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'goal.created', { target: id });
    return inserted;
  });
  const [view] = await present(ctx, [row]);
  return view!;
}

/** The learner's own goal, or 404 (another learner's goal is indistinguishable from none). */
export async function requireOwnGoal(ctx: ServiceContext, actor: Actor, id: string) {
  const accountId = learnerIdOf(actor);
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findGoal(ctx.db, id) : undefined;
  if (!row || row.accountId !== accountId) throw new NotFoundError('There is no such goal.');
  const [view] = await present(ctx, [row]);
  if (!view) throw new NotFoundError('The goal no longer points at an occupation or profile.');
  return { row, view };
}

export async function deleteGoal(ctx: ServiceContext, actor: Actor, id: string) {
  const { row } = await requireOwnGoal(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await deleteGoalRow(tx, row.id);
    await recordAudit(tx, actor, 'goal.deleted', { target: row.id });
  });
}

/** The goal's skill profile: ESCO essential/optional skills, or the role profile's skills. */
export async function goalSkillsOf(ctx: ServiceContext, row: LearnerGoalRow): Promise<GoalSkill[]> {
  if (row.occupationId) {
    const skills = await listOccupationSkills(ctx.db, row.occupationId);
    return skills.map((s) => ({
      competencyId: s.competencyId,
      uri: s.uri,
      label: s.label,
      importance: importanceOfEscoRelation(s.relation),
    }));
  }
  const [profile] = await findRoleProfiles(ctx, [row.roleProfileId!]);
  return (profile?.skills ?? []).map((s) => ({
    competencyId: s.competencyId,
    uri: s.uri,
    label: s.label,
    importance: s.importance,
  }));
}
