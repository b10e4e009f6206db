/**
 * A rubric: criteria × levels, each criterion mapped to the competency it gives evidence of.
 * A level's `value` is what a reviewer picks; the criterion's score is value / top value, so a
 * rubric with levels 0..3 and one with 1..4 both score their top level as 1.
 */
import { z } from 'zod';

const criterionIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const rubricLevelSchema = z.strictObject({
  value: z.number().int().min(0).max(20),
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).optional(),
});

export const rubricCriterionSchema = z
  .strictObject({
    id: z.string().regex(criterionIdPattern, {
      message: 'must be 1-63 lowercase letters, digits or hyphens',
    }),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    competencyId: z.uuid({ message: 'must be a competency id (UUID)' }),
    levels: z.array(rubricLevelSchema).min(2).max(10),
  })
  .superRefine((criterion, check) => {
    const values = criterion.levels.map((level) => level.value);
    if (new Set(values).size !== values.length)
      check.addIssue({ code: 'custom', path: ['levels'], message: 'must have distinct values' });
    if (Math.max(...values) === 0)
      check.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'must have a top value above 0',
      });
  });

export const rubricInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    criteria: z.array(rubricCriterionSchema).min(1).max(30),
  })
  .superRefine((rubric, check) => {
    const ids = rubric.criteria.map((criterion) => criterion.id);
    if (new Set(ids).size !== ids.length)
      check.addIssue({ code: 'custom', path: ['criteria'], message: 'must have distinct ids' });
  });

export type RubricLevel = z.infer<typeof rubricLevelSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type RubricInput = z.infer<typeof rubricInputSchema>;

/** criterion id → the level value a reviewer picked. */
export type RubricLevels = Record<string, number>;

export function topLevel(criterion: RubricCriterion): number {
  return Math.max(...criterion.levels.map((level) => level.value));
}

/** The normalized 0..1 score of a level, as competency evidence records it. */
export function criterionScore(criterion: RubricCriterion, level: number): number {
  return level / topLevel(criterion);
}

/**
 * Checks that `levels` scores every criterion with one of its levels and nothing else; returns
 * one message per refused field (empty when the scoring is complete).
 */
export function checkRubricLevels(
  criteria: readonly RubricCriterion[],
  levels: RubricLevels,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  for (const criterion of criteria) {
    const level = levels[criterion.id];
    if (level === undefined)
      problems.push({ field: `levels.${criterion.id}`, message: 'needs a level' });
    else if (!criterion.levels.some((l) => l.value === level))
      problems.push({
        field: `levels.${criterion.id}`,
        message: `must be one of ${criterion.levels.map((l) => l.value).join(', ')}`,
      });
  }
  for (const id of Object.keys(levels)) {
    if (!criteria.some((criterion) => criterion.id === id))
      problems.push({ field: `levels.${id}`, message: 'is not a criterion of this rubric' });
  }
  return problems;
}
