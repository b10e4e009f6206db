/**
 * Test-only achievement definitions as an issuer would send them (before validation):
 * one with every optional field, one with only what is required.
 */

/** A definition with every field set, EU elements included. */
export function fullAchievementDefinition(): Record<string, unknown> {
  return {
    name: 'Digital micro-credential creation',
    description: 'Designing and issuing digital micro-credentials that follow EU standards.',
    achievementType: 'MicroCredential',
    criteria: {
      id: 'https://skillmark.example/achievements/dmc/criteria',
      narrative: 'Submit an unsigned sample credential that validates against the standard.',
    },
    image: { id: 'https://skillmark.example/images/dmc.png', caption: 'DMC badge' },
    tags: ['digital credentials', 'Europass'],
    alignments: [
      {
        targetName: 'develop digital content',
        targetUrl: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
        targetDescription: 'ESCO skill',
        targetCode: '5fd5c985-eaaa-47aa-8314-62359c54505a',
        targetFramework: 'ESCO',
        targetType: 'ext:EscoSkill',
      },
      { targetName: 'Teamwork', targetUrl: 'https://case.example/items/1', targetType: 'CFItem' },
    ],
    creditsAvailable: 2,
    fieldOfStudy: 'Information and Communication Technologies',
    inLanguage: 'en',
    resultDescriptions: [
      {
        name: 'Final grade',
        resultType: 'LetterGrade',
        allowedValues: ['Fail', 'Pass', 'Merit'],
        requiredValue: 'Pass',
      },
    ],
    validityDays: 1095,
    euElements: {
      learningOutcomes: [
        'Communication, collaboration and creativity',
        'Developing digital content',
      ],
      notionalWorkloadHours: 60,
      eqfLevel: 6,
      assessmentType: 'Digital artefact assessment',
      participationForm: 'blended',
      qualityAssurance: 'Internal quality assurance of the University of Zed, accredited by QQI',
      awardingBodyCountry: 'ie',
      prerequisites: 'An EU Login account.',
      supervisionAndIdentityVerification: 'unsupervised-no-identity-verification',
      gradingScheme: 'Pass upon submission of a standard-compliant sample credential.',
      stackability: 'Stackable towards the Certificate in Digital Credentials.',
      furtherInformation: 'https://skillmark.example/achievements/dmc',
    },
  };
}

/** A definition with only the required fields. */
export function minimalAchievementDefinition(): Record<string, unknown> {
  return {
    name: 'Teamwork',
    description: 'Collaborates effectively in a group.',
    criteria: { narrative: 'Peer-nominated and reviewed.' },
    creditsAvailable: 1,
    euElements: {
      learningOutcomes: ['Works with others towards a shared goal'],
      assessmentType: 'Peer review',
      participationForm: 'onsite',
      qualityAssurance: 'Internal review board',
      awardingBodyCountry: 'DE',
    },
  };
}
