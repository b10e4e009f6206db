/**
 * Closed and extensible vocabularies an achievement definition uses: Open Badges 3.0
 * enumerations (OB 3.0 Appendix B.3) and the options of the EU micro-credential elements
 * (Council Recommendation 2022/C 243/02, Annex I).
 */

/** OB 3.0 Appendix B.3, enumeration AchievementType. Extensible with `ext:` + name. */
export const ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;

/** OB 3.0 Appendix B.3, enumeration AlignmentTargetType. Extensible with `ext:` (e.g. `ext:EscoSkill`). */
export const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency',
  'ceterms:Credential',
  'CFItem',
  'CFRubric',
  'CFRubricCriterion',
  'CFRubricCriterionLevel',
  'CTDL',
] as const;

/** OB 3.0 Appendix B.3, enumeration ResultType. Extensible with `ext:`. */
export const RESULT_TYPES = [
  'GradePointAverage',
  'LetterGrade',
  'Percent',
  'PerformanceLevel',
  'PredictedScore',
  'RawScore',
  'Result',
  'RubricCriterion',
  'RubricCriterionLevel',
  'RubricScore',
  'ScaledScore',
  'Status',
] as const;

/**
 * OB 3.0 names an extension of an enumeration `ext:` + term. The official schema's
 * pattern `(ext:)[a-z|A-Z|0-9|.|-|_]+` is unanchored; ours is anchored and without `|`.
 */
export const EXTENSION_TERM = /^ext:[A-Za-z0-9._-]+$/;

/** Annex I, optional element: form of participation in the learning activity. */
export const PARTICIPATION_FORMS = ['online', 'onsite', 'blended'] as const;

/**
 * Annex I, optional element: "supervision and identity verification during assessment
 * (unsupervised with no identity verification, supervised with no identity verification,
 * supervised online or onsite with identity verification)". The last is split in two, as the
 * European Learning Model's supervision-verification concept scheme does.
 */
export const SUPERVISION_OPTIONS = [
  'unsupervised-no-identity-verification',
  'supervised-no-identity-verification',
  'supervised-online-identity-verification',
  'supervised-onsite-identity-verification',
] as const;

/** An achievement type: one of OB 3.0's or an `ext:` extension. */
export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number] | `ext:${string}`;

/** An alignment target type: one of OB 3.0's or an `ext:` extension. */
export type AlignmentTargetType = (typeof ALIGNMENT_TARGET_TYPES)[number] | `ext:${string}`;

/** A result type: one of OB 3.0's or an `ext:` extension. */
export type ResultType = (typeof RESULT_TYPES)[number] | `ext:${string}`;

/** True when `value` is in `closed` or is an `ext:` extension term. */
export function isExtensibleTerm(closed: readonly string[], value: string): boolean {
  return closed.includes(value) || EXTENSION_TERM.test(value);
}
