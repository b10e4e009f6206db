/**
 * A realistic, unsigned Open Badges 3.0 OpenBadgeCredential for the benchmarks:
 * issuer profile, an achievement with criteria, image and an alignment, a hashed
 * e-mail recipient (IdentityObject, OB 3.0 §B.1.3) and the official credentialSchema.
 * Written by hand so the benchmark does not depend on the credential builder.
 */
import { createHash } from 'node:crypto';
import { CONTEXT_URLS, type Credential } from '../src/credentials/index.ts';

const ISSUER = 'https://skillmark.example/issuers/northbridge-college';

/** OB 3.0 §B.1.3: identityHash is `sha256$` + hex SHA-256 of the identity plus salt. */
function hashedEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(`${email}${salt}`).digest('hex')}`;
}

/** Builds the sample credential issued by `issuerId` (the issuer must own the signing key). */
export function sampleOpenBadgeCredential(issuerId: string = ISSUER): Credential {
  const salt = 'b6c1a9f03e';
  return {
    '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.obV3p0, CONTEXT_URLS.obV3p0Extensions],
    id: 'urn:uuid:5f1c2a64-8e0b-4a77-9d3e-0c6a1f2b7d90',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Analysis with Python',
    issuer: {
      id: issuerId,
      type: ['Profile'],
      name: 'Northbridge College',
      url: 'https://northbridge.example',
      email: 'badges@northbridge.example',
      description: 'A community college offering stackable micro-credentials.',
    },
    validFrom: '2025-03-14T09:30:00Z',
    validUntil: '2030-03-14T09:30:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: hashedEmail('ada.learner@example.org', salt),
          salt,
        },
      ],
      achievement: {
        id: 'https://skillmark.example/achievements/data-analysis-python',
        type: ['Achievement'],
        achievementType: 'Competency',
        name: 'Data Analysis with Python',
        description:
          'Cleans, explores and summarises tabular data with pandas, and communicates findings with charts.',
        criteria: {
          id: 'https://skillmark.example/achievements/data-analysis-python/criteria',
          narrative:
            'The learner completed three graded notebooks (score 80% or more) and a capstone analysis of an open data set, reviewed by an assessor against the published rubric.',
        },
        image: {
          id: 'https://skillmark.example/achievements/data-analysis-python/image.png',
          type: 'Image',
          caption: 'Data Analysis with Python badge',
        },
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Data analysis and visualisation',
            targetDescription: 'Analyses data and presents the results visually.',
            targetUrl: 'https://esco.example/skill/data-analysis',
            targetFramework: 'ESCO',
            targetCode: 'S2.7.1',
            targetType: 'ext:ESCOSkill',
          },
        ],
        tag: ['python', 'pandas', 'data analysis'],
        inLanguage: 'en',
      },
    },
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
  };
}
