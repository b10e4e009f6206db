/**
 * Builds unsigned Open Badges 3.0 documents: the issuer Profile, the Achievement (with
 * the EU micro-credential elements) and the OpenBadgeCredential. Pure: no I/O, no clock.
 */
import { createHash } from 'node:crypto';
import { normalizeEmail } from '../domain/accounts.ts';
import type { AchievementInput } from '../domain/achievement.ts';
import { CONTEXT_URLS, MICRO_CREDENTIAL_TERMS } from './contexts/index.ts';
import { CredentialsError } from './errors.ts';
import type { Credential, JsonObject, JsonValue } from './types.ts';

/** The official JSON Schema an OpenBadgeCredential names in `credentialSchema` (OB 3.0 §B.1.1). */
export const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** An organization as the issuer Profile needs it. */
export interface IssuerOrganization {
  /** The issuer id credentials are signed under (a DID or https URL). */
  id: string;
  name: string;
  url?: string | null;
  email?: string | null;
  description?: string | null;
  /** URL of the logo. */
  image?: string | null;
  /** ISO 3166-1 alpha-2 code of the country of the awarding body (Annex I). */
  country?: string | null;
  /** OB 3.0 IdentifierEntry values: `identifierType` from IdentifierTypeEnum or `ext:…`. */
  officialIdentifiers?: Array<{ identifierType: string; identifier: string }>;
}

/** Who receives the credential: an email (hashed with a salt) or a DID. */
export type Recipient = { email: string; salt: string } | { did: string };

/** Arguments of {@link buildOpenBadgeCredential}. */
export interface OpenBadgeCredentialArgs {
  id: string;
  /** The issuer Profile (with `id`), e.g. from {@link buildIssuerProfile}. */
  issuer: JsonObject;
  /** The Achievement, e.g. from {@link buildAchievement}. */
  achievement: JsonObject;
  recipient: Recipient;
  validFrom: Date;
  validUntil?: Date;
  /** Display name; defaults to the achievement's name. */
  name?: string;
  /** Narrative connecting the evidence (AchievementSubject `narrative`). */
  narrative?: string;
  evidence?: Array<{ id?: string; narrative?: string; name?: string }>;
  /** `resultDescription` is the id of a ResultDescription of the achievement. */
  results?: Array<{ resultDescription?: string; value: string }>;
  credentialStatus?: JsonObject[];
  /** URL of the credential's image. */
  image?: string;
}

/** Copies `entries` without the keys whose value is undefined, null or an empty list. */
function present(entries: Record<string, JsonValue | undefined>): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

/** An ISO 8601 timestamp without milliseconds (OB 3.0 DateTimeZ). */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The OB 3.0 `Profile` of an issuing organization (OB 3.0 Appendix B, Profile). The
 * country goes into `address.addressCountryCode`; official identifiers (e.g. a VAT or
 * Erasmus code) become `otherIdentifier` IdentifierEntry objects.
 */
export function buildIssuerProfile(org: IssuerOrganization): JsonObject {
  return present({
    id: org.id,
    type: ['Profile'],
    name: org.name,
    url: org.url,
    email: org.email,
    description: org.description,
    image: org.image ? { id: org.image, type: 'Image' } : undefined,
    address: org.country
      ? { type: ['Address'], addressCountryCode: org.country.toUpperCase() }
      : undefined,
    otherIdentifier: (org.officialIdentifiers ?? []).map((entry) => ({
      type: 'IdentifierEntry',
      identifier: entry.identifier,
      identifierType: entry.identifierType,
    })),
  });
}

/** The id of the n-th (0-based) ResultDescription of an achievement; results point at it. */
export function resultDescriptionId(achievementId: string, index: number): string {
  return `${achievementId}#result-description-${index + 1}`;
}

/** OB 3.0 fields of the achievement (everything except the EU elements). */
function ob3Fields(input: AchievementInput, id: string): JsonObject {
  return present({
    achievementType: input.achievementType,
    criteria: present({ id: input.criteria.id, narrative: input.criteria.narrative }),
    image: input.image
      ? present({ id: input.image.id, type: 'Image', caption: input.image.caption })
      : undefined,
    tag: input.tags,
    alignment: input.alignments.map((a) => present({ type: ['Alignment'], ...a })),
    creditsAvailable: input.creditsAvailable,
    fieldOfStudy: input.fieldOfStudy,
    inLanguage: input.inLanguage,
    resultDescription: (input.resultDescriptions ?? []).map((rd, index) =>
      present({
        id: resultDescriptionId(id, index),
        type: ['ResultDescription'],
        name: rd.name,
        resultType: rd.resultType,
        allowedValue: rd.allowedValues,
        requiredValue: rd.requiredValue,
        valueMin: rd.valueMin,
        valueMax: rd.valueMax,
      }),
    ),
  });
}

/** Annex I elements in the terms of our micro-credential context (contexts/SOURCES.md). */
function euFields(eu: AchievementInput['euElements']): JsonObject {
  return present({
    learningOutcome: eu.learningOutcomes,
    notionalWorkload: eu.notionalWorkloadHours,
    eqfLevel: eu.eqfLevel,
    assessmentType: eu.assessmentType,
    participationForm: eu.participationForm,
    qualityAssurance: eu.qualityAssurance,
    awardingBodyCountry: eu.awardingBodyCountry,
    prerequisite: eu.prerequisites,
    supervisionAndIdentityVerification: eu.supervisionAndIdentityVerification,
    gradingScheme: eu.gradingScheme,
    stackability: eu.stackability,
    furtherInformation: eu.furtherInformation,
  });
}

/**
 * The OB 3.0 `Achievement` (Appendix B, Achievement) of a micro-credential definition.
 * What OB 3.0 has a term for uses it (ECTS → `creditsAvailable`, field → `fieldOfStudy`,
 * grades → `resultDescription`, tags → `tag`, language → `inLanguage`); the remaining
 * Annex I elements use our micro-credential context.
 */
export function buildAchievement(
  input: AchievementInput,
  opts: { id: string; creator?: JsonObject },
): JsonObject {
  return {
    id: opts.id,
    type: ['Achievement'],
    name: input.name,
    description: input.description,
    ...ob3Fields(input, opts.id),
    ...(opts.creator ? { creator: opts.creator } : {}),
    ...euFields(input.euElements),
  };
}

/**
 * An OB 3.0 IdentityObject for an email recipient (Appendix B, IdentityObject and
 * IdentityHash): `sha256$` + hex SHA-256 of the UTF-8 email followed by the salt. The
 * email is trimmed and lowercased first, so the learner's spelling does not matter.
 */
export function hashedEmailIdentity(email: string, salt: string): JsonObject {
  const normalized = normalizeEmail(email);
  if (!normalized) throw new CredentialsError('invalid_recipient', 'The recipient email is empty.');
  const digest = createHash('sha256')
    .update(normalized + salt, 'utf8')
    .digest('hex');
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${digest}`,
    identityType: 'emailAddress',
    hashed: true,
    salt,
  };
}

function subjectOf(args: OpenBadgeCredentialArgs): JsonObject {
  const { recipient } = args;
  if ('did' in recipient && !recipient.did.startsWith('did:')) {
    throw new CredentialsError('invalid_recipient', `"${recipient.did}" is not a DID.`);
  }
  return present({
    // OB 3.0 AchievementSubject: either `id` or at least one `identifier` MUST be supplied.
    id: 'did' in recipient ? recipient.did : undefined,
    type: ['AchievementSubject'],
    identifier:
      'email' in recipient ? [hashedEmailIdentity(recipient.email, recipient.salt)] : undefined,
    achievement: args.achievement,
    narrative: args.narrative,
    result: (args.results ?? []).map((r) =>
      present({ type: ['Result'], resultDescription: r.resultDescription, value: r.value }),
    ),
  });
}

/** True when the achievement uses a term of our micro-credential context. */
function usesMicroCredentialTerms(achievement: JsonObject): boolean {
  return Object.keys(achievement).some((key) => MICRO_CREDENTIAL_TERMS.has(key));
}

/**
 * An unsigned `OpenBadgeCredential` (OB 3.0 §B.1.1, AchievementCredential) ready for
 * {@link signCredential}. Our micro-credential context is listed exactly when the
 * achievement carries EU elements, so plain badges stay verifiable by anyone who has the
 * VC and OB contexts. A single `credentialStatus` entry is written as an object because
 * the official OB 3.0 schema accepts only that form.
 */
export function buildOpenBadgeCredential(args: OpenBadgeCredentialArgs): Credential {
  const context: string[] = [
    CONTEXT_URLS.credentialsV2,
    CONTEXT_URLS.obV3p0,
    CONTEXT_URLS.obV3p0Extensions,
  ];
  if (usesMicroCredentialTerms(args.achievement)) context.push(CONTEXT_URLS.microCredentialV1);
  const status = args.credentialStatus ?? [];
  const name = args.name ?? args.achievement.name;
  return {
    '@context': context,
    ...present({
      id: args.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: typeof name === 'string' ? name : undefined,
      image: args.image ? { id: args.image, type: 'Image' } : undefined,
      issuer: args.issuer,
      validFrom: isoSeconds(args.validFrom),
      validUntil: args.validUntil ? isoSeconds(args.validUntil) : undefined,
      credentialSubject: subjectOf(args),
      evidence: (args.evidence ?? []).map((e) => present({ type: ['Evidence'], ...e })),
      credentialStatus: status.length === 1 ? status[0] : status,
      credentialSchema: [
        { id: OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' },
      ],
    }),
  } as Credential;
}
