/**
 * What an achievement requires per competency (issue 4 item 2): which assessments count, the
 * bar a piece of evidence must clear (a cut score on the normalized 0..1 score, or a minimum
 * rubric level), and how many independent pieces of evidence are needed.
 */
import { z } from 'zod';

const uuid = (field: string) => z.uuid({ error: `${field} must be an id (UUID)` });

/** The rule of one competency of an achievement; stored in `achievement_criteria.rule`. */
export const criterionRuleSchema = z.strictObject({
  /** The assessments whose evidence counts for this competency. */
  assessmentIds: z
    .array(uuid('assessmentIds'))
    .min(1, 'assessmentIds must list at least one assessment')
    .max(20, 'assessmentIds may list at most 20 assessments'),
  /** Normalized score (0..1) a quiz sub-score or rubric score must reach. */
  cutScore: z
    .number({ error: 'cutScore must be a number between 0 and 1' })
    .min(0, 'cutScore must be between 0 and 1')
    .max(1, 'cutScore must be between 0 and 1')
    .optional(),
  /** Rubric level a reviewed submission must reach (rubric-scored evidence only). */
  minimumLevel: z
    .number({ error: 'minimumLevel must be a whole number' })
    .int('minimumLevel must be a whole number')
    .min(0, 'minimumLevel must be at least 0')
    .max(20, 'minimumLevel must be at most 20')
    .optional(),
  /** Independent pieces of evidence: each from a different counted assessment. */
  evidenceCount: z
    .number({ error: 'evidenceCount must be a whole number' })
    .int('evidenceCount must be a whole number')
    .min(1, 'evidenceCount must be at least 1')
    .max(20, 'evidenceCount must be at most 20')
    .default(1),
});

export type CriterionRule = z.infer<typeof criterionRuleSchema>;

const criterionSchema = criterionRuleSchema
  .extend({ competencyId: uuid('competencyId') })
  .superRefine((criterion, issue) => {
    if (criterion.cutScore === undefined && criterion.minimumLevel === undefined)
      issue.addIssue({
        code: 'custom',
        path: ['cutScore'],
        message: 'give a cutScore (0..1), a minimumLevel (rubric), or both',
      });
    if (new Set(criterion.assessmentIds).size < criterion.evidenceCount)
      issue.addIssue({
        code: 'custom',
        path: ['evidenceCount'],
        message:
          'evidenceCount must not exceed the number of different assessmentIds (independent evidence comes from different assessments)',
      });
  });

export type CompetencyCriterion = z.infer<typeof criterionSchema>;

/** The body of `PUT /api/v1/achievements/{id}/criteria`: replaces all criteria at once. */
export const criteriaInputSchema = z
  .strictObject({
    criteria: z.array(criterionSchema).max(100, 'criteria may list at most 100 competencies'),
  })
  .superRefine((input, issue) => {
    const seen = new Set<string>();
    input.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.competencyId))
        issue.addIssue({
          code: 'custom',
          path: ['criteria', index, 'competencyId'],
          message: 'each competency may appear once',
        });
      seen.add(criterion.competencyId);
    });
  });

export type CriteriaInput = z.infer<typeof criteriaInputSchema>;
