/**
 * An issuer's definition of an achievement (a micro-credential): what OB 3.0 calls an
 * `Achievement` plus the standard elements of Council Recommendation 2022/C 243/02,
 * Annex I. Validated at the edges; messages name the field and are meant for people.
 */
import { z } from 'zod';
import {
  ACHIEVEMENT_TYPES,
  type AchievementType,
  ALIGNMENT_TARGET_TYPES,
  type AlignmentTargetType,
  isExtensibleTerm,
  PARTICIPATION_FORMS,
  RESULT_TYPES,
  type ResultType,
  SUPERVISION_OPTIONS,
} from './achievement-vocabulary.ts';

/** "x is required" when absent, "x must be text" when of another type. */
function requiredText(field: string) {
  return z.string({
    error: (i) => (i.input === undefined ? `${field} is required` : `${field} must be text`),
  });
}

/** Required, trimmed, non-empty text of at most `max` characters. */
function text(field: string, max: number) {
  return requiredText(field)
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
}

/** An absolute http(s) URL (no javascript:, data: or relative links in credentials). */
function httpUrl(field: string) {
  return z.url({ protocol: /^https?$/, error: `${field} must be a full http(s) URL` });
}

/** A number within bounds, with one message for the whole range. */
function numberBetween(field: string, min: number, max: number, unit: string) {
  const message = `${field} must be a number of ${unit} between ${min} and ${max}`;
  return z.number({ error: message }).min(min, message).max(max, message);
}

/** A value of an OB 3.0 extensible enumeration (Appendix B.3). */
function extensible<T extends string>(field: string, closed: readonly string[], example: string) {
  return requiredText(field)
    .refine((value) => isExtensibleTerm(closed, value), {
      error: `${field} must be one of the Open Badges values (e.g. ${example}) or start with ext:`,
    })
    .transform((value) => value as T);
}

/** BCP 47 language tag as the OB 3.0 schema restricts it (`inLanguage`). */
const LANGUAGE_TAG = /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

const alignmentSchema = z.strictObject({
  targetName: text('targetName', 500),
  targetUrl: httpUrl('targetUrl'),
  targetDescription: text('targetDescription', 2000).optional(),
  targetCode: text('targetCode', 200).optional(),
  targetFramework: text('targetFramework', 500).optional(),
  targetType: extensible<AlignmentTargetType>(
    'targetType',
    ALIGNMENT_TARGET_TYPES,
    'CFItem',
  ).optional(),
});

/** OB 3.0 ResultDescription; its `id` is derived from the achievement (see the builder). */
const resultDescriptionSchema = z.strictObject({
  name: text('name', 200),
  resultType: extensible<ResultType>('resultType', RESULT_TYPES, 'LetterGrade'),
  allowedValues: z.array(text('allowedValues', 100)).max(100).optional(),
  requiredValue: text('requiredValue', 100).optional(),
  valueMin: text('valueMin', 100).optional(),
  valueMax: text('valueMax', 100).optional(),
});

/** Annex I elements OB 3.0 has no term for (credential terms: contexts/SOURCES.md). */
const euElementsSchema = z.strictObject({
  learningOutcomes: z
    .array(text('learningOutcomes', 2000), {
      error: 'learningOutcomes must be a list of statements',
    })
    .min(1, 'learningOutcomes must list at least one learning outcome')
    .max(50, 'learningOutcomes may list at most 50 learning outcomes'),
  notionalWorkloadHours: numberBetween('notionalWorkloadHours', 0.5, 10_000, 'hours').optional(),
  eqfLevel: z
    .number({ error: 'eqfLevel must be a whole number between 1 and 8' })
    .int('eqfLevel must be a whole number between 1 and 8')
    .min(1, 'eqfLevel must be between 1 and 8')
    .max(8, 'eqfLevel must be between 1 and 8')
    .optional(),
  assessmentType: text('assessmentType', 500),
  participationForm: z.enum(PARTICIPATION_FORMS, {
    error: `participationForm must be one of: ${PARTICIPATION_FORMS.join(', ')}`,
  }),
  qualityAssurance: text('qualityAssurance', 2000),
  awardingBodyCountry: requiredText('awardingBodyCountry')
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'awardingBodyCountry must be a two-letter ISO 3166-1 code such as DE'),
  prerequisites: text('prerequisites', 2000).optional(),
  supervisionAndIdentityVerification: z
    .enum(SUPERVISION_OPTIONS, {
      error: `supervisionAndIdentityVerification must be one of: ${SUPERVISION_OPTIONS.join(', ')}`,
    })
    .optional(),
  gradingScheme: text('gradingScheme', 2000).optional(),
  stackability: text('stackability', 2000).optional(),
  furtherInformation: httpUrl('furtherInformation').optional(),
});

/**
 * Renewal of an expiring credential: a (possibly shorter) recertification assessment scored at
 * least `cutScore` (0..1), or reviewed evidence of `continuingEducationHours` of further study.
 */
const recertificationSchema = z.strictObject({
  assessmentIds: z
    .array(z.uuid({ error: 'recertification.assessmentIds must list assessment ids (UUIDs)' }))
    .max(20, 'recertification.assessmentIds may list at most 20 assessments')
    .default([]),
  cutScore: z
    .number({ error: 'recertification.cutScore must be a number between 0 and 1' })
    .min(0, 'recertification.cutScore must be between 0 and 1')
    .max(1, 'recertification.cutScore must be between 0 and 1')
    .optional(),
  continuingEducationHours: numberBetween(
    'continuingEducationHours',
    0.5,
    10_000,
    'hours',
  ).optional(),
});

/** The definition of a micro-credential as an issuer writes it. */
export const achievementInputSchema = z
  .strictObject({
    name: text('name', 200),
    description: text('description', 5000),
    achievementType: extensible<AchievementType>(
      'achievementType',
      ACHIEVEMENT_TYPES,
      'MicroCredential',
    ).default('MicroCredential'),
    criteria: z.strictObject(
      { narrative: text('narrative', 10_000), id: httpUrl('criteria.id').optional() },
      { error: 'criteria is required (at least a narrative of what earns it)' },
    ),
    image: z
      .strictObject({ id: httpUrl('image.id'), caption: text('caption', 500).optional() })
      .optional(),
    tags: z.array(text('tags', 60)).max(30, 'tags may list at most 30 tags').default([]),
    alignments: z.array(alignmentSchema).max(100, 'alignments may list at most 100').default([]),
    /** ECTS credits (Annex I: "notional workload … in ECTS credits, wherever possible"). */
    creditsAvailable: numberBetween('creditsAvailable', 0.1, 999, 'ECTS credits').optional(),
    fieldOfStudy: text('fieldOfStudy', 200).optional(),
    inLanguage: z
      .string({ error: 'inLanguage must be text' })
      .regex(LANGUAGE_TAG, 'inLanguage must be a language code such as en or de-AT')
      .optional(),
    resultDescriptions: z.array(resultDescriptionSchema).max(20).optional(),
    /** How long credentials of this achievement stay valid (sets `validUntil`). */
    validityDays: z
      .number({ error: 'validityDays must be a whole number of days' })
      .int('validityDays must be a whole number of days')
      .min(1, 'validityDays must be at least 1')
      .max(36_500, 'validityDays must be at most 36500 (100 years)')
      .optional(),
    euElements: euElementsSchema,
    /** Issue 6: how a credential of this achievement is renewed when it nears expiry. */
    recertification: recertificationSchema.optional(),
  })
  // Annex I makes the notional workload mandatory; either unit satisfies it.
  .refine(
    (a) => a.creditsAvailable !== undefined || a.euElements.notionalWorkloadHours !== undefined,
    {
      path: ['euElements', 'notionalWorkloadHours'],
      error: 'notional workload is required: give creditsAvailable (ECTS) or notionalWorkloadHours',
    },
  );

/** A validated achievement definition. */
export type AchievementInput = z.infer<typeof achievementInputSchema>;

/** One alignment of an achievement (OB 3.0 Alignment). */
export type AlignmentInput = z.infer<typeof alignmentSchema>;

/** The EU micro-credential elements of an achievement. */
export type EuElementsInput = z.infer<typeof euElementsSchema>;
