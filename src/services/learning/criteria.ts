import {
  listCriteriaOf,
  replaceAchievementCriteria,
} from '../../db/repositories/achievement-criteria.ts';
import {
  type CompetencySummary,
  findAssessmentsByIds,
  findCompetencies,
} from '../../db/repositories/learning-assessments.ts';
import {
  type AchievementInput,
  type AlignmentInput,
  achievementInputSchema,
} from '../../domain/achievement.ts';
import { ValidationError } from '../../domain/errors.ts';
import {
  type CriteriaInput,
  type CriterionRule,
  criterionRuleSchema,
} from '../../domain/learning/criteria.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { replaceAchievement, requireAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

export type CriterionView = CriterionRule & {
  competencyId: string;
  competency: {
    uri: string;
    statement: string;
    code: string | null;
    framework: string;
    attribution: string | null;
  };
};

/** Reads a stored rule, tolerating rules stored by older versions (defaults filled in). */
export function ruleOf(stored: unknown): CriterionRule {
  return criterionRuleSchema.parse(stored);
}

/** An achievement's criteria with the competencies they name (public, like OB3 `criteria`). */
export async function getCriteria(ctx: ServiceContext, achievementId: string) {
  const achievement = await requireAchievement(ctx, achievementId);
  const rows = await listCriteriaOf(ctx.db, [achievement.id]);
  const competencies = new Map(
    (
      await findCompetencies(
        ctx.db,
        rows.map((r) => r.competencyId),
      )
    ).map((c) => [c.id, c]),
  );
  return rows
    .map((row): CriterionView => {
      const competency = competencies.get(row.competencyId)!;
      return {
        competencyId: row.competencyId,
        ...ruleOf(row.rule),
        competency: {
          uri: competency.uri,
          statement: competency.statement,
          code: competency.code,
          framework: competency.frameworkTitle,
          attribution: competency.attribution,
        },
      };
    })
    .sort((a, b) => a.competency.statement.localeCompare(b.competency.statement));
}

/** OB3 Alignment of a competency: CASE and local items are CFItems; ESCO skills have their own type. */
export function alignmentOf(competency: CompetencySummary): AlignmentInput | undefined {
  if (!/^https?:\/\//.test(competency.uri)) return undefined;
  return {
    targetName: competency.statement.slice(0, 500),
    targetUrl: competency.uri,
    targetFramework: competency.frameworkTitle.slice(0, 500),
    ...(competency.code ? { targetCode: competency.code.slice(0, 200) } : {}),
    targetType: competency.frameworkSource === 'esco' ? 'ext:EscoSkill' : 'CFItem',
  };
}

/**
 * The achievement's alignments with those of the old criteria replaced by those of the new:
 * alignments the issuer added by hand (to no criterion's competency) are kept as they are.
 */
export function syncAlignments(
  current: readonly AlignmentInput[],
  previousUris: ReadonlySet<string>,
  competencies: readonly CompetencySummary[],
): AlignmentInput[] {
  const fromCriteria = competencies.flatMap((c) => alignmentOf(c) ?? []);
  const criteriaUris = new Set(fromCriteria.map((a) => a.targetUrl));
  const kept = current.filter(
    (a) => !previousUris.has(a.targetUrl) && !criteriaUris.has(a.targetUrl),
  );
  return [...kept, ...fromCriteria];
}

/**
 * Replaces an achievement's criteria (owners and issuers of its organization). Competencies must
 * exist; assessments must exist and belong to the achievement's organization. The achievement's
 * OB3 `alignment` follows the criteria's competencies in the same transaction.
 */
export async function setCriteria(
  ctx: ServiceContext,
  actor: Actor,
  achievementId: string,
  input: CriteriaInput,
) {
  const achievement = await requireAchievement(ctx, achievementId);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: achievement.organizationId },
    'Only owners and issuers of its organization set the criteria of an achievement.',
  );
  const competencies = await findCompetencies(
    ctx.db,
    input.criteria.map((c) => c.competencyId),
  );
  const known = new Set(competencies.map((c) => c.id));
  const assessments = new Map(
    (
      await findAssessmentsByIds(
        ctx.db,
        input.criteria.flatMap((c) => c.assessmentIds),
      )
    ).map((a) => [a.id, a]),
  );
  const problems: Array<{ field: string; message: string }> = [];
  input.criteria.forEach((criterion, index) => {
    if (!known.has(criterion.competencyId))
      problems.push({
        field: `criteria.${index}.competencyId`,
        message: 'is not a competency of any framework here',
      });
    criterion.assessmentIds.forEach((id, j) => {
      const assessment = assessments.get(id);
      if (!assessment || assessment.archivedAt)
        problems.push({
          field: `criteria.${index}.assessmentIds.${j}`,
          message: 'is not an assessment here',
        });
      else if (assessment.organizationId !== achievement.organizationId)
        problems.push({
          field: `criteria.${index}.assessmentIds.${j}`,
          message:
            "is an assessment of another organization; criteria count only the achievement's own",
        });
    });
  });
  if (problems.length > 0)
    throw new ValidationError(
      'Some criteria name competencies or assessments that cannot be used.',
      problems,
    );

  await ctx.db.transaction(async (tx) => {
    const previous = await listCriteriaOf(tx, [achievement.id]);
    const previousUris = new Set(
      (
        await findCompetencies(
          tx,
          previous.map((p) => p.competencyId),
        )
      ).map((c) => c.uri),
    );
    await replaceAchievementCriteria(
      tx,
      achievement.id,
      input.criteria.map(({ competencyId, ...rule }) => ({ competencyId, rule })),
    );
    const definition = achievement.definition as AchievementInput;
    const ordered = input.criteria.map((c) => competencies.find((k) => k.id === c.competencyId)!);
    const updated = achievementInputSchema.safeParse({
      ...definition,
      alignments: syncAlignments(definition.alignments ?? [], previousUris, ordered),
    });
    if (!updated.success)
      throw new ValidationError('The achievement cannot align to these competencies.', [
        { field: 'criteria', message: updated.error.issues[0]?.message ?? 'invalid alignment' },
      ]);
    await replaceAchievement({ ...ctx, db: tx }, actor, achievement.id, updated.data);
    await recordAudit(tx, actor, 'achievement.criteria-set', {
      organizationId: achievement.organizationId,
      target: achievement.id,
      detail: { competencies: input.criteria.length },
    });
  });
  return getCriteria(ctx, achievement.id);
}
