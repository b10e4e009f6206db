/**
 * Builds unsigned CLR 2.0 `ClrCredential`s (1EdTech Comprehensive Learner Record Standard v2.0,
 * §B.1.1 ClrCredential, §B.1.2 ClrSubject, §B.1.3 Association). Pure: no I/O, no clock.
 */
import { CONTEXT_URLS } from './contexts/index.ts';
import { CredentialsError } from './errors.ts';
import { asArray } from './json-helpers.ts';
import { hashedEmailIdentity, type Recipient } from './open-badge.ts';
import { envelopeVcJwt } from './sign-presentation.ts';
import type { Credential, JsonObject } from './types.ts';

/** The official JSON Schema a ClrCredential names in `credentialSchema` (CLR 2.0 §8.1). */
export const CLR2_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** CLR 2.0 AssociationTypeEnum (§B.2.1). */
export const CLR_ASSOCIATION_TYPES = [
  'exactMatchOf',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
] as const;
export type ClrAssociationType = (typeof CLR_ASSOCIATION_TYPES)[number];

/** A relation between two achievements of the record, by their ids (CLR 2.0 §B.1.3). */
export type ClrAssociation = {
  associationType: ClrAssociationType;
  sourceId: string;
  targetId: string;
};

/** Arguments of {@link buildClrCredential}. */
export interface ClrCredentialArgs {
  id?: string;
  /** The issuer Profile (with `id`): an organization, or the learner for a self-issued record. */
  issuer: JsonObject;
  /** Who the record is about: a DID (the ClrSubject `id`) or a hashed email identifier. */
  learner: Recipient;
  /** The AchievementCredentials it carries: signed JSON objects verbatim, or VC-JWT compact strings. */
  credentials: Array<JsonObject | string>;
  associations?: ClrAssociation[];
  /** Display name (CLR 2.0 requires `name`). */
  name: string;
  description?: string;
  validFrom?: Date;
  /** True when the record deliberately leaves some of the learner's credentials out (§B.1.1). */
  partial?: boolean;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The achievement an AchievementCredential (JSON or VC-JWT) is about, if it names one. */
export function achievementOfCredential(credential: JsonObject | string): JsonObject | undefined {
  let document: unknown = credential;
  if (typeof credential === 'string') {
    try {
      const payload = JSON.parse(
        Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as JsonObject;
      document = isObject(payload.vc) ? payload.vc : payload;
    } catch {
      return undefined;
    }
  }
  if (!isObject(document)) return undefined;
  const subject = asArray(document.credentialSubject)[0];
  return isObject(subject) && isObject(subject.achievement) ? subject.achievement : undefined;
}

/**
 * The CLR's contexts: VC 2.0, CLR 2.0, OB 3.0 and its extensions, then any further context a
 * carried JSON credential uses, because `ClrSubject.achievement` repeats those achievements with
 * their terms (e.g. our micro-credential elements) under the CLR's own context.
 */
function contextsFor(credentials: Array<JsonObject | string>): string[] {
  const contexts: string[] = [
    CONTEXT_URLS.credentialsV2,
    CONTEXT_URLS.clrV2p0,
    CONTEXT_URLS.obV3p0,
    CONTEXT_URLS.obV3p0Extensions,
  ];
  for (const credential of credentials) {
    if (typeof credential === 'string') continue;
    for (const context of asArray(credential['@context']))
      if (typeof context === 'string' && !contexts.includes(context)) contexts.push(context);
  }
  return contexts;
}

/**
 * An unsigned `ClrCredential` ready for signing. The carried credentials go into
 * `ClrSubject.verifiableCredential` unchanged (their own proofs stay verifiable); a VC-JWT is
 * carried as an `EnvelopedVerifiableCredential` (VC-DATA-MODEL-2.0 §4.13). Their achievements are
 * listed in `achievement` (each once, by id), and `association` relates them (§B.1.3).
 */
export function buildClrCredential(args: ClrCredentialArgs): Credential {
  if (args.credentials.length === 0) {
    // CLR 2.0 §B.1.2: verifiableCredential is [1..*].
    throw new CredentialsError('invalid_clr', 'A CLR needs at least one credential.');
  }
  const { learner } = args;
  if ('did' in learner && !learner.did.startsWith('did:')) {
    throw new CredentialsError('invalid_recipient', `"${learner.did}" is not a DID.`);
  }
  const achievements = new Map<string, JsonObject>();
  for (const credential of args.credentials) {
    const achievement = achievementOfCredential(credential);
    if (achievement && typeof achievement.id === 'string' && !achievements.has(achievement.id))
      achievements.set(achievement.id, achievement);
  }
  const known = new Set(achievements.keys());
  for (const association of args.associations ?? []) {
    for (const id of [association.sourceId, association.targetId]) {
      if (!known.has(id))
        throw new CredentialsError(
          'invalid_clr',
          `The association refers to ${id}, which is not an achievement of this record.`,
        );
    }
  }
  const subject: JsonObject = {
    ...('did' in learner ? { id: learner.did } : {}),
    type: ['ClrSubject'],
    ...('email' in learner
      ? { identifier: [hashedEmailIdentity(learner.email, learner.salt)] }
      : {}),
    verifiableCredential: args.credentials.map((c) =>
      typeof c === 'string' ? envelopeVcJwt(c) : c,
    ),
    ...(achievements.size > 0 ? { achievement: [...achievements.values()] } : {}),
    ...((args.associations ?? []).length > 0
      ? {
          association: (args.associations ?? []).map((a) => ({
            type: 'Association',
            associationType: a.associationType,
            sourceId: a.sourceId,
            targetId: a.targetId,
          })),
        }
      : {}),
  };
  return {
    '@context': contextsFor(args.credentials),
    ...(args.id ? { id: args.id } : {}),
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: args.issuer,
    name: args.name,
    ...(args.description ? { description: args.description } : {}),
    ...(args.partial !== undefined ? { partial: args.partial } : {}),
    ...(args.validFrom ? { validFrom: isoSeconds(args.validFrom) } : {}),
    credentialSubject: subject,
    credentialSchema: [{ id: CLR2_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
  } as Credential;
}

/**
 * The required CLR 2.0 data-model fields that can be checked offline (the official CLR JSON
 * schema is not bundled): the types, issuer, name, validFrom, the ClrSubject with a learner
 * identity and at least one credential, and well-formed associations. Returns the problems.
 */
export function checkClrStructure(credential: JsonObject): string[] {
  const problems: string[] = [];
  const contexts = asArray(credential['@context']);
  if (contexts[0] !== CONTEXT_URLS.credentialsV2)
    problems.push('@context must start with the VC 2.0 context');
  if (
    !contexts.some(
      (c) => typeof c === 'string' && c.startsWith('https://purl.imsglobal.org/spec/clr/v2p0/'),
    )
  )
    problems.push('@context must include the CLR 2.0 context');
  const types = asArray(credential.type);
  if (!types.includes('VerifiableCredential') || !types.includes('ClrCredential'))
    problems.push('type must include VerifiableCredential and ClrCredential');
  const issuer = credential.issuer;
  if (!(typeof issuer === 'string' || (isObject(issuer) && typeof issuer.id === 'string')))
    problems.push('issuer must be a Profile with an id');
  if (typeof credential.name !== 'string' || !credential.name) problems.push('name is required');
  if (typeof credential.validFrom !== 'string') problems.push('validFrom is required');
  const subject = credential.credentialSubject;
  if (!isObject(subject)) return [...problems, 'credentialSubject must be a ClrSubject'];
  if (!asArray(subject.type).includes('ClrSubject'))
    problems.push('credentialSubject.type must be ClrSubject');
  if (typeof subject.id !== 'string' && asArray(subject.identifier).length === 0)
    problems.push('credentialSubject needs an id or an identifier');
  if (asArray(subject.verifiableCredential).length === 0)
    problems.push('credentialSubject.verifiableCredential needs at least one credential');
  for (const association of asArray(subject.association)) {
    if (
      !isObject(association) ||
      association.type !== 'Association' ||
      !CLR_ASSOCIATION_TYPES.includes(association.associationType as ClrAssociationType) ||
      typeof association.sourceId !== 'string' ||
      typeof association.targetId !== 'string'
    )
      problems.push(
        'each association needs type Association, an associationType, sourceId and targetId',
      );
  }
  return problems;
}
