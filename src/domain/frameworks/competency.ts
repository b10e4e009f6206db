import { z } from 'zod';

/**
 * Competency frameworks: an organization's own (editable), or imported (CASE packages, the ESCO
 * classification), which change only by re-import.
 */

export const frameworkSources = ['local', 'case', 'esco'] as const;
export type FrameworkSource = (typeof frameworkSources)[number];

/** ESCO's licence asks every service that shows its data to say so, in these words. */
export const ESCO_ATTRIBUTION =
  'This service uses the ESCO classification of the European Commission.';

/** CASE 1.1 CFAssociationTypeEnum, plus `ext:` extensions (CASE 1.1 §4.2.1). */
export const caseAssociationTypes = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const;

export const associationTypeSchema = z.union(
  [z.enum(caseAssociationTypes), z.string().regex(/^ext:[A-Za-z0-9.\-_]+$/)],
  { message: `must be one of ${caseAssociationTypes.join(', ')} or start with ext:` },
);

/** Types people may add by hand to a local framework. */
export const editableAssociationTypes = [
  'isChildOf',
  'precedes',
  'isRelatedTo',
  'exactMatchOf',
] as const;

const labelList = z.array(z.string().trim().min(1).max(300)).max(50);

export const frameworkInputSchema = z.strictObject({
  title: z.string().trim().min(2).max(300),
  description: z.string().max(5000).nullable().optional(),
  creator: z.string().trim().max(300).nullable().optional(),
  version: z.string().trim().max(50).nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag such as en' })
    .nullable()
    .optional(),
});
export type FrameworkInput = z.infer<typeof frameworkInputSchema>;

export const competencyFieldsSchema = z.strictObject({
  statement: z.string().trim().min(1).max(5000),
  abbreviatedStatement: z.string().trim().max(300).nullable().optional(),
  code: z.string().trim().max(100).nullable().optional(),
  type: z.string().trim().max(100).nullable().optional(),
  level: z.string().trim().max(100).nullable().optional(),
  educationLevel: labelList.optional(),
  conceptKeywords: labelList.optional(),
  altLabels: labelList.optional(),
  description: z.string().max(5000).nullable().optional(),
  sequenceNumber: z.number().int().nullable().optional(),
});

export const competencyInputSchema = competencyFieldsSchema.extend({
  /** The parent in this framework: adds an isChildOf link. */
  parentId: z.uuid({ message: 'must be a competency id (UUID)' }).optional(),
});
export type CompetencyInput = z.infer<typeof competencyInputSchema>;

export const competencyChangesSchema = competencyFieldsSchema.partial();
export type CompetencyChanges = z.infer<typeof competencyChangesSchema>;

export const associationInputSchema = z.strictObject({
  originId: z.uuid({ message: 'must be a competency id (UUID)' }),
  destinationId: z.uuid({ message: 'must be a competency id (UUID)' }),
  associationType: z.enum(editableAssociationTypes, {
    message: `must be one of ${editableAssociationTypes.join(', ')}`,
  }),
  sequenceNumber: z.number().int().optional(),
});
export type AssociationInput = z.infer<typeof associationInputSchema>;

/** The stable URI of a competency defined here (imported ones keep their source's URI). */
export function localCompetencyUri(publicUrl: string, id: string): string {
  return `${publicUrl}/competencies/${id}`;
}

export function localFrameworkUri(publicUrl: string, id: string): string {
  return `${publicUrl}/frameworks/${id}`;
}
