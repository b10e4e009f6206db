import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInputSchema } from '../domain/achievement.ts';
import {
  fullAchievementDefinition,
  minimalAchievementDefinition,
} from '../domain/testing/achievement-examples.ts';
import { CONTEXT_URLS, MICRO_CREDENTIAL_TERMS } from './contexts/index.ts';
import { defaultDocumentLoader } from './document-loader.ts';
import { type Ed25519KeyPair, generateEd25519KeyPair } from './keys.ts';
import {
  buildAchievement,
  buildIssuerProfile,
  buildOpenBadgeCredential,
  hashedEmailIdentity,
  resultDescriptionId,
} from './open-badge.ts';
import { validateOb3Credential } from './schema-validator.ts';
import { signCredential } from './sign.ts';
import { buildStatusListEntry } from './status-list.ts';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from './testing/shared-data.ts';
import type { Credential, JsonObject } from './types.ts';
import { verifyCredential } from './verify.ts';

const ACHIEVEMENT_ID = 'https://skillmark.example/achievements/dmc';
const STATUS_LIST = 'https://skillmark.example/status/1';
const NS = 'https://w3id.org/skillmark/micro-credential#';

function fullCredential(issuerId: string): Credential {
  const issuer = buildIssuerProfile({
    id: issuerId,
    name: 'University of Zed',
    url: 'https://uniz.example',
    email: 'credentials@uniz.example',
    description: 'A university in Dublin.',
    image: 'https://uniz.example/logo.png',
    country: 'ie',
    officialIdentifiers: [{ identifierType: 'ext:ErasmusCode', identifier: 'IRLZED01' }],
  });
  const input = achievementInputSchema.parse(fullAchievementDefinition());
  return buildOpenBadgeCredential({
    id: 'urn:uuid:8b8a3f5c-39b4-4b1c-9a52-2d0d4c1f6a10',
    issuer,
    achievement: buildAchievement(input, { id: ACHIEVEMENT_ID, creator: issuer }),
    recipient: { email: 'Ana.Andromeda@Example.com', salt: 'pepper-1' },
    validFrom: new Date('2025-01-15T10:20:30.456Z'),
    validUntil: new Date('2028-01-15T10:20:30.456Z'),
    name: 'Digital micro-credential creation (2025)',
    narrative: 'Completed the blended course and submitted the artefact.',
    evidence: [
      { id: 'https://uniz.example/evidence/1', name: 'Artefact', narrative: 'Sample credential' },
    ],
    results: [{ resultDescription: resultDescriptionId(ACHIEVEMENT_ID, 0), value: 'Merit' }],
    credentialStatus: [
      buildStatusListEntry({
        statusListCredential: STATUS_LIST,
        statusListIndex: 7,
        statusPurpose: 'revocation',
      }),
    ],
    image: 'https://uniz.example/badges/dmc.png',
  });
}

function minimalCredential(issuerId: string): Credential {
  const input = achievementInputSchema.parse(minimalAchievementDefinition());
  return buildOpenBadgeCredential({
    id: 'urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211',
    issuer: buildIssuerProfile({ id: issuerId, name: 'Skillmark Academy' }),
    achievement: buildAchievement(input, { id: 'https://skillmark.example/achievements/teamwork' }),
    recipient: { did: 'did:example:learner-1' },
    validFrom: new Date('2025-01-15T00:00:00Z'),
  });
}

function achievementOf(credential: Credential): JsonObject {
  return (credential.credentialSubject as JsonObject).achievement as JsonObject;
}

describe('hashedEmailIdentity (OB 3.0 IdentityObject)', () => {
  it("reproduces the spec's IdentityHash example (a@example.com salted with Kosher)", () => {
    expect(hashedEmailIdentity('a@example.com', 'Kosher')).toEqual({
      type: 'IdentityObject',
      identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
      identityType: 'emailAddress',
      hashed: true,
      salt: 'Kosher',
    });
  });

  it('ignores case and surrounding spaces of the email, but not the salt', () => {
    const hash = hashedEmailIdentity('a@example.com', 'Kosher').identityHash;
    expect(hashedEmailIdentity('  A@Example.COM ', 'Kosher').identityHash).toBe(hash);
    expect(hashedEmailIdentity('a@example.com', 'kosher').identityHash).not.toBe(hash);
  });
});

describe('buildIssuerProfile', () => {
  it('puts the country into the address and official identifiers into otherIdentifier', () => {
    const profile = buildIssuerProfile({
      id: 'did:web:uniz.example',
      name: 'University of Zed',
      country: 'ie',
      officialIdentifiers: [{ identifierType: 'identifier', identifier: 'VAT IE654321' }],
    });
    expect(profile).toEqual({
      id: 'did:web:uniz.example',
      type: ['Profile'],
      name: 'University of Zed',
      address: { type: ['Address'], addressCountryCode: 'IE' },
      otherIdentifier: [
        { type: 'IdentifierEntry', identifier: 'VAT IE654321', identifierType: 'identifier' },
      ],
    });
  });

  it('leaves out fields given as null', () => {
    const profile = buildIssuerProfile({ id: 'did:web:a.example', name: 'A', url: null });
    expect(profile).toEqual({ id: 'did:web:a.example', type: ['Profile'], name: 'A' });
  });
});

describe('buildAchievement', () => {
  it('maps to OB 3.0 terms where OB has them and the rest to micro-credential terms', () => {
    const achievement = achievementOf(fullCredential('did:web:uniz.example'));
    expect(achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      creditsAvailable: 2,
      fieldOfStudy: 'Information and Communication Technologies',
      inLanguage: 'en',
      tag: ['digital credentials', 'Europass'],
      resultDescription: [
        { id: `${ACHIEVEMENT_ID}#result-description-1`, resultType: 'LetterGrade' },
      ],
      learningOutcome: [
        'Communication, collaboration and creativity',
        'Developing digital content',
      ],
      notionalWorkload: 60,
      eqfLevel: 6,
      awardingBodyCountry: 'IE',
      prerequisite: 'An EU Login account.',
    });
    expect(
      Object.keys(achievement)
        .filter((k) => MICRO_CREDENTIAL_TERMS.has(k))
        .sort(),
    ).toEqual([...MICRO_CREDENTIAL_TERMS].sort());
  });
});

describe('buildOpenBadgeCredential', () => {
  it('writes timestamps without milliseconds, a single status entry as an object', () => {
    const credential = fullCredential('did:web:uniz.example');
    expect(credential.validFrom).toBe('2025-01-15T10:20:30Z');
    expect(credential.validUntil).toBe('2028-01-15T10:20:30Z');
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry' });
    expect(credential['@context']).toEqual([
      CONTEXT_URLS.credentialsV2,
      CONTEXT_URLS.obV3p0,
      CONTEXT_URLS.obV3p0Extensions,
      CONTEXT_URLS.microCredentialV1,
    ]);
  });

  it('identifies an email recipient by hash only and a DID recipient by id', () => {
    const email = fullCredential('did:web:uniz.example').credentialSubject as JsonObject;
    expect(email.id).toBeUndefined();
    expect(email.identifier).toEqual([
      hashedEmailIdentity('ana.andromeda@example.com', 'pepper-1'),
    ]);
    expect(JSON.stringify(email)).not.toMatch(/andromeda/i);
    const did = minimalCredential('did:web:a.example').credentialSubject as JsonObject;
    expect(did.id).toBe('did:example:learner-1');
    expect(did.identifier).toBeUndefined();
  });

  it('adds the micro-credential context only when the achievement uses its terms', () => {
    const credential = buildOpenBadgeCredential({
      id: 'urn:uuid:1',
      issuer: buildIssuerProfile({ id: 'did:web:a.example', name: 'A' }),
      achievement: {
        id: 'https://a.example/badge',
        type: ['Achievement'],
        name: 'Badge',
        description: 'A plain badge.',
        criteria: { narrative: 'Attend.' },
      },
      recipient: { did: 'did:example:learner-1' },
      validFrom: new Date('2025-01-01T00:00:00Z'),
    });
    expect(credential['@context']).not.toContain(CONTEXT_URLS.microCredentialV1);
    expect(credential.name).toBe('Badge');
  });

  it.each([
    ['every optional field', fullCredential],
    ['only required fields', minimalCredential],
  ])('with %s passes the bundled official OB 3.0 schema', (_, build) => {
    expect(validateOb3Credential(build('did:web:uniz.example')).errors).toEqual([]);
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(`the shared OB 3.0 schema (${SKIP_MESSAGE})`, () => {
  it.each([
    ['every optional field', fullCredential],
    ['only required fields', minimalCredential],
  ])('accepts a credential with %s', (_, build) => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    (((ajvFormats as { default?: unknown }).default ?? ajvFormats) as (a: Ajv2019) => void)(ajv);
    const validate = ajv.compile(
      readStandardJson('schemas/ob_v3p0_achievementcredential_schema.json'),
    );
    const valid = validate(build('did:web:uniz.example'));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe('signing a micro-credential with eddsa-rdfc-2022', () => {
  let key: Ed25519KeyPair;
  let signed: Credential;
  const deps = { now: () => new Date('2025-06-01T00:00:00Z') };

  beforeAll(async () => {
    key = await generateEd25519KeyPair();
    signed = await signCredential(fullCredential(key.controller), {
      key,
      now: '2025-01-15T10:20:30Z',
    });
  });

  it('signs every EU element under strict JSON-LD processing and verifies', async () => {
    const result = await verifyCredential(signed, deps);
    const outcomes = Object.fromEntries(result.checks.map((c) => [c.check, c.outcome]));
    expect(outcomes).toMatchObject({ proof: 'passed', schema: 'passed', validity: 'passed' });
    expect(result.verified).toBe(true);
  });

  it('a changed EU element breaks the proof (the terms are signed, not dropped)', async () => {
    const tampered = structuredClone(signed);
    achievementOf(tampered).eqfLevel = 7;
    const result = await verifyCredential(tampered, deps);
    expect(result.checks.find((c) => c.check === 'proof')?.outcome).toBe('failed');
  });

  it('verifies a minimal credential issued to a DID', async () => {
    const minimal = await signCredential(minimalCredential(key.controller), { key });
    expect((await verifyCredential(minimal, deps)).verified).toBe(true);
  });
});

describe('JSON-LD meaning of the micro-credential terms', () => {
  const documentLoader = defaultDocumentLoader();

  it('every term expands into the Skillmark micro-credential vocabulary', async () => {
    const credential = fullCredential('did:web:uniz.example');
    const expanded = JSON.stringify(
      await jsonld.expand(credential, { documentLoader, safe: true }),
    );
    for (const term of MICRO_CREDENTIAL_TERMS) expect(expanded).toContain(`"${NS}${term}"`);
  });

  it('a later context cannot redefine a protected micro-credential term', async () => {
    const credential = minimalCredential('did:web:a.example');
    const redefining = {
      ...credential,
      '@context': [
        ...credential['@context'],
        { learningOutcome: 'https://attacker.example/learningOutcome' },
      ],
    };
    await expect(jsonld.expand(redefining, { documentLoader })).rejects.toThrow(/protected/i);
  });
});
