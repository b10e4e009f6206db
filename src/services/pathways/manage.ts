/**
 * Pathways and recognition rules as issuers manage them: define (validated against the world:
 * achievements, competencies, nested pathways, cycles), list, replace, archive; and the
 * equivalences under which other issuers' credentials count (recognition of prior learning).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findCompetencies } from '../../db/repositories/learning-assessments.ts';
import {
  deleteRecognitionRule,
  findAchievementsByIds,
  findPathway,
  findPathwaysByIds,
  findRecognitionRule,
  insertPathway,
  insertRecognitionRule,
  listCompletionsOfPathway,
  listPathwaysOfOrganization,
  listRecognitionRules,
  type PathwayRow,
  type RecognitionRuleRow,
  updatePathway,
} from '../../db/repositories/pathways.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { parseWith } from '../../domain/parse-input.ts';
import {
  type Requirement,
  referencedPathways,
  requirementSchema,
  validateRequirement,
} from '../../domain/pathways/requirement.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export const pathwayInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  description: z.string().trim().max(5000).default(''),
  achievementId: z.uuid({ error: 'achievementId must be the UUID of one of your achievements' }),
  requirement: requirementSchema,
});
export type PathwayInput = z.infer<typeof pathwayInputSchema>;

export const recognitionRuleInputSchema = z
  .strictObject({
    externalIssuerId: z.string().trim().min(1, 'externalIssuerId must not be empty').max(2000),
    externalAchievementId: z.string().trim().min(1).max(2000).optional(),
    countsAsAchievementId: z
      .uuid({ error: 'countsAsAchievementId must be an achievement UUID' })
      .optional(),
    matchAlignments: z.boolean().default(false),
  })
  .refine((r) => r.countsAsAchievementId !== undefined || r.matchAlignments, {
    path: ['countsAsAchievementId'],
    error: 'give countsAsAchievementId (an explicit equivalence) or matchAlignments: true',
  });
export type RecognitionRuleInput = z.infer<typeof recognitionRuleInputSchema>;

/** Validates a pathway definition from outside; messages name the field (`requirement.of.1.n`). */
export function parsePathwayInput(input: unknown): PathwayInput {
  return parseWith(pathwayInputSchema, input);
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

function treeIds(node: Requirement, kind: 'achievement' | 'competency'): string[] {
  if (node.kind === 'achievement' && kind === 'achievement') return [node.achievementId];
  if (node.kind === 'competency' && kind === 'competency') return [node.competencyId];
  return 'of' in node ? node.of.flatMap((child) => treeIds(child, kind)) : [];
}

export function achievementIdsOf(node: Requirement): string[] {
  return treeIds(node, 'achievement');
}
export function competencyIdsOf(node: Requirement): string[] {
  return treeIds(node, 'competency');
}

/** Loads every pathway reachable through nested pathway leaves (breadth first, batched). */
export async function loadNestedPathways(
  ctx: ServiceContext,
  root: Requirement,
): Promise<Map<string, PathwayRow>> {
  const found = new Map<string, PathwayRow>();
  let frontier = referencedPathways(root).filter(isUuid);
  while (frontier.length > 0) {
    const rows = await findPathwaysByIds(ctx.db, frontier);
    for (const row of rows) found.set(row.id, row);
    frontier = [
      ...new Set(rows.flatMap((r) => referencedPathways(r.requirement as Requirement))),
    ].filter((id) => isUuid(id) && !found.has(id));
  }
  return found;
}

export function creditsOf(definition: unknown): number | null {
  return (definition as AchievementInput).creditsAvailable ?? null;
}

async function checkPathway(
  ctx: ServiceContext,
  organizationId: string,
  input: PathwayInput,
  selfId?: string,
) {
  const nested = await loadNestedPathways(ctx, input.requirement);
  const achievementIds = [
    input.achievementId,
    ...achievementIdsOf(input.requirement),
    ...[...nested.values()].map((p) => p.achievementId),
  ];
  const [achievementRows, competencyRows] = await Promise.all([
    findAchievementsByIds(ctx.db, [...new Set(achievementIds)]),
    findCompetencies(ctx.db, competencyIdsOf(input.requirement)),
  ]);
  const achievements = new Map(achievementRows.map((a) => [a.id, a]));
  const own = achievements.get(input.achievementId);
  if (!own || own.organizationId !== organizationId)
    throw new ValidationError('The pathway credential must be one of your achievements.', [
      { field: 'achievementId', message: 'must be an achievement of this organization' },
    ]);
  const competencyIds = new Set(competencyRows.map((c) => c.id));
  const issues = validateRequirement(input.requirement, {
    selfId,
    achievementCredits: (id) => {
      const row = achievements.get(id);
      return row ? creditsOf(row.definition) : undefined;
    },
    competencyExists: (id) => competencyIds.has(id),
    pathway: (id) => {
      const row = nested.get(id);
      if (!row) return undefined;
      const credential = achievements.get(row.achievementId);
      return {
        requirement: row.requirement as Requirement,
        ects: credential ? creditsOf(credential.definition) : null,
      };
    },
  });
  if (issues.length > 0)
    throw new ValidationError(
      `The requirements cannot be used: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
      issues.map((i) => ({ field: i.path, message: i.message })),
    );
}

export async function createPathway(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: PathwayInput,
): Promise<PathwayRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers define pathways.',
  );
  await checkPathway(ctx, organization.id, input);
  return ctx.db.transaction(async (tx) => {
    const row = await insertPathway(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      title: input.title,
      description: input.description,
      achievementId: input.achievementId,
      requirement: input.requirement,
    });
    await recordAudit(tx, actor, 'pathway.created', {
      organizationId: organization.id,
      target: row.id,
    });
    return row;
  });
}

export async function requirePathway(ctx: ServiceContext, id: string): Promise<PathwayRow> {
  const row = isUuid(id) ? await findPathway(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no pathway with this id.');
  return row;
}

export async function listPathways(ctx: ServiceContext, slug: string): Promise<PathwayRow[]> {
  const organization = await getOrganization(ctx, slug);
  return listPathwaysOfOrganization(ctx.db, organization.id);
}

export async function replacePathway(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PathwayInput,
): Promise<PathwayRow> {
  const row = await requirePathway(ctx, id);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization edit a pathway.',
  );
  await checkPathway(ctx, row.organizationId, input, id);
  return ctx.db.transaction(async (tx) => {
    const updated = await updatePathway(tx, id, {
      title: input.title,
      description: input.description,
      achievementId: input.achievementId,
      requirement: input.requirement,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'pathway.updated', {
      organizationId: row.organizationId,
      target: id,
    });
    return updated;
  });
}

export async function archivePathway(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await requirePathway(ctx, id);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization archive a pathway.',
  );
  await ctx.db.transaction(async (tx) => {
    await updatePathway(tx, id, { archivedAt: ctx.now() });
    await recordAudit(tx, actor, 'pathway.archived', {
      organizationId: row.organizationId,
      target: id,
    });
  });
}

/** Who completed the pathway and which external credentials counted (issuers only). */
export async function listPathwayCompletions(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await requirePathway(ctx, id);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization see who completed a pathway.',
  );
  const completions = await listCompletionsOfPathway(ctx.db, id);
  return completions.map((c) => ({
    ...c,
    credentialUrl: c.issuedCredentialId
      ? `${ctx.publicUrl}/credentials/${c.issuedCredentialId}`
      : null,
    countedExternal: c.countedExternal as ExternalCounted[],
  }));
}

/** An external credential that counted toward a completion, as stored with it. */
export type ExternalCounted = {
  walletCredentialId?: string;
  credentialUrl?: string;
  issuerId: string;
  achievementId?: string;
  achievementName?: string;
  rule?: string;
};

export async function createRecognitionRule(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: RecognitionRuleInput,
): Promise<RecognitionRuleRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers decide which other credentials they recognize.',
  );
  if (input.countsAsAchievementId) {
    const [achievement] = await findAchievementsByIds(ctx.db, [input.countsAsAchievementId]);
    if (!achievement || achievement.organizationId !== organization.id)
      throw new ValidationError('A recognized credential counts as one of your achievements.', [
        { field: 'countsAsAchievementId', message: 'must be an achievement of this organization' },
      ]);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await insertRecognitionRule(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      externalIssuerId: input.externalIssuerId,
      externalAchievementId: input.externalAchievementId ?? null,
      countsAsAchievementId: input.countsAsAchievementId ?? null,
      matchAlignments: input.matchAlignments,
    });
    await recordAudit(tx, actor, 'recognition-rule.created', {
      organizationId: organization.id,
      target: row.id,
    });
    return row;
  });
}

export async function listOrganizationRecognitionRules(ctx: ServiceContext, slug: string) {
  const organization = await getOrganization(ctx, slug);
  return listRecognitionRules(ctx.db, [organization.id]);
}

export async function removeRecognitionRule(ctx: ServiceContext, actor: Actor, id: string) {
  const row = isUuid(id) ? await findRecognitionRule(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no recognition rule with this id.');
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: row.organizationId },
    'Only owners and issuers of its organization remove a recognition rule.',
  );
  await ctx.db.transaction(async (tx) => {
    await deleteRecognitionRule(tx, id);
    await recordAudit(tx, actor, 'recognition-rule.deleted', {
      organizationId: row.organizationId,
      target: id,
    });
  });
}
