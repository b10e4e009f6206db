import type { AchievementInput } from '../domain/achievement.ts';

/** Demo micro-credentials, realistic enough to show every EU standard element. */
export const demoAchievements: Array<{
  organization: string;
  definition: AchievementInput;
  awardTo: string[];
}> = [
  {
    organization: 'demo-university',
    awardTo: ['ada@example.org', 'hasan@example.org'],
    definition: {
      name: 'Data Wrangling with Python',
      description:
        'Cleans, reshapes and validates messy real-world data sets with pandas, and documents every step so others can reproduce it.',
      achievementType: 'MicroCredential',
      criteria: {
        narrative:
          'Pass the item-bank quiz (80% or more) and a data-cleaning project scored at rubric level 3 of 4 or higher by two assessors.',
      },
      tags: ['data engineering', 'python', 'pandas'],
      alignments: [
        {
          targetName: 'Python (computer programming)',
          targetUrl: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
        {
          targetName: 'perform data cleansing',
          targetUrl: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
      ],
      creditsAvailable: 3,
      fieldOfStudy: 'Information and Communication Technologies',
      inLanguage: 'en',
      validityDays: 1825,
      euElements: {
        learningOutcomes: [
          'Load tabular data from files and APIs and profile its quality',
          'Clean, join and reshape data sets with pandas',
          'Document a reproducible data-cleaning pipeline',
        ],
        notionalWorkloadHours: 75,
        eqfLevel: 6,
        assessmentType: 'Online quiz and a practical project assessed with a rubric',
        participationForm: 'online',
        qualityAssurance:
          'Internal quality assurance of Demo University, accredited by the national agency',
        awardingBodyCountry: 'IE',
        prerequisites: 'Basic Python programming',
        supervisionAndIdentityVerification: 'supervised-online-identity-verification',
        gradingScheme: 'Pass / Merit / Distinction',
        stackability: 'Counts toward the Certificate in Data Engineering (15 ECTS)',
      },
    },
  },
  {
    organization: 'northwind-academy',
    awardTo: ['mary@example.org'],
    definition: {
      name: 'Cloud Infrastructure Fundamentals',
      description:
        'Deploys and operates a small web service on a public cloud with infrastructure as code.',
      achievementType: 'Certificate',
      criteria: {
        narrative:
          'Deploy the reference service with infrastructure as code and pass a 60-minute practical exam.',
      },
      tags: ['cloud', 'devops'],
      alignments: [
        {
          targetName: 'cloud technologies',
          targetUrl: 'http://data.europa.eu/esco/skill/bd14968e-e409-45af-b362-3495ed7b10e0',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
      ],
      validityDays: 730,
      euElements: {
        learningOutcomes: [
          'Provision networks, compute and storage with infrastructure as code',
          'Monitor a service and respond to incidents',
        ],
        notionalWorkloadHours: 40,
        eqfLevel: 5,
        assessmentType: 'Practical exam',
        participationForm: 'blended',
        qualityAssurance: 'ISO 29993 certified learning services',
        awardingBodyCountry: 'NL',
      },
    },
  },
];
