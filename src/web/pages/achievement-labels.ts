import type { AchievementInput } from '../../domain/achievement.ts';

/** Annex I's wording for each supervision option (Council Recommendation 2022/C 243/02). */
export const supervisionLabels: Record<string, string> = {
  'unsupervised-no-identity-verification': 'Unsupervised, no identity verification',
  'supervised-no-identity-verification': 'Supervised, no identity verification',
  'supervised-online-identity-verification': 'Supervised online, with identity verification',
  'supervised-onsite-identity-verification': 'Supervised onsite, with identity verification',
};

export const participationLabels: Record<string, string> = {
  online: 'Online',
  onsite: 'Onsite',
  blended: 'Blended (online and onsite)',
};

type Eu = AchievementInput['euElements'];

/** The EU elements in the order Annex I lists them, as label and readable value. */
export function euElementRows(definition: AchievementInput): Array<[string, string | string[]]> {
  const eu: Eu = definition.euElements;
  const rows: Array<[string, string | string[] | undefined]> = [
    ['Learning outcomes', eu.learningOutcomes],
    [
      'Notional workload',
      [
        definition.creditsAvailable !== undefined
          ? `${definition.creditsAvailable} ECTS credits`
          : '',
        eu.notionalWorkloadHours !== undefined ? `${eu.notionalWorkloadHours} hours` : '',
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['EQF level', eu.eqfLevel !== undefined ? `Level ${eu.eqfLevel}` : undefined],
    ['Type of assessment', eu.assessmentType],
    ['Form of participation', participationLabels[eu.participationForm] ?? eu.participationForm],
    ['Quality assurance', eu.qualityAssurance],
    ['Country of the awarding body', eu.awardingBodyCountry],
    ['Prerequisites', eu.prerequisites],
    [
      'Supervision and identity verification',
      eu.supervisionAndIdentityVerification
        ? supervisionLabels[eu.supervisionAndIdentityVerification]
        : undefined,
    ],
    ['Grading scheme', eu.gradingScheme],
    ['Integration and stackability', eu.stackability],
    ['Field of study', definition.fieldOfStudy],
    ['Language', definition.inLanguage],
    [
      'Validity',
      definition.validityDays !== undefined
        ? `${definition.validityDays} days from issue`
        : 'Does not expire',
    ],
  ];
  return rows.filter((row): row is [string, string | string[]] => Boolean(row[1]?.length));
}
