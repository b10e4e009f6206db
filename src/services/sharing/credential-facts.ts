/**
 * What sharing and export need to know about a stored credential, read from its signed text
 * (JSON with a Data Integrity proof, or a VC-JWT) without trusting it: verification is separate.
 */
import type { JsonObject, JsonValue } from '../../credentials/types.ts';

export type CredentialEncoding = 'json' | 'jwt';

/** The EU micro-credential elements a certificate prints, in the Council Recommendation's order. */
export type EuElement = { key: string; label: string; value: string | string[] };

export type CredentialFacts = {
  encoding: CredentialEncoding;
  /** The credential as JSON (for a VC-JWT, the credential inside it). */
  credential: JsonObject;
  /** The credential's own `id` (a URL or urn:uuid), when it has one. */
  id: string | undefined;
  achievementName: string;
  achievementDescription: string | undefined;
  achievementType: string | undefined;
  criteria: string | undefined;
  issuerName: string;
  issuerUrl: string | undefined;
  /** validFrom (VC 2.0) or issuanceDate (VC 1.1). */
  issuedOn: Date | undefined;
  validUntil: Date | undefined;
  /** The achievement's image URL, when it is an https URL (never fetched). */
  imageUrl: string | undefined;
  euElements: EuElement[];
};

const euElementLabels: Array<[key: string, label: string]> = [
  ['eqfLevel', 'EQF level'],
  ['notionalWorkload', 'Notional workload (hours)'],
  ['creditsAvailable', 'Credits (ECTS)'],
  ['learningOutcome', 'Learning outcomes'],
  ['assessmentType', 'Type of assessment'],
  ['participationForm', 'Form of participation'],
  ['qualityAssurance', 'Quality assurance'],
  ['awardingBodyCountry', 'Country of the awarding body'],
  ['supervisionAndIdentityVerification', 'Supervision and identity verification'],
  ['gradingScheme', 'Grading scheme'],
  ['prerequisite', 'Prerequisites'],
  ['stackability', 'Integration and stackability'],
];

function object(value: JsonValue | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function text(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (typeof value === 'object') return text(value.name ?? value.id ?? '');
  return String(value);
}

function dateOf(value: JsonValue | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The JSON of a compact JWS payload; a VC-JWT carries the credential in `vc` or as the payload. */
function jwtCredential(jwt: string): JsonObject | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    const credential = object(payload?.vc ?? payload);
    return Object.keys(credential).length > 0 ? credential : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the stored signed text; undefined when it is neither a JSON credential nor a VC-JWT. */
export function readCredential(
  content: string,
): { encoding: CredentialEncoding; credential: JsonObject } | undefined {
  const trimmed = content.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = object(JSON.parse(trimmed));
      return Object.keys(parsed).length > 0 ? { encoding: 'json', credential: parsed } : undefined;
    } catch {
      return undefined;
    }
  }
  const credential = jwtCredential(trimmed);
  return credential ? { encoding: 'jwt', credential } : undefined;
}

function euElementsOf(achievement: JsonObject): EuElement[] {
  return euElementLabels.flatMap(([key, label]): EuElement[] => {
    const value = achievement[key];
    if (value === undefined || value === null || value === '') return [];
    if (Array.isArray(value)) {
      const items = value.map(text).filter(Boolean);
      return items.length > 0 ? [{ key, label, value: items }] : [];
    }
    return [{ key, label, value: text(value) }];
  });
}

/**
 * The facts of a credential for certificates, badges and LinkedIn, with `fallback` for what
 * the wallet row recorded when the credential itself is silent.
 */
export function credentialFacts(
  content: string,
  fallback: {
    achievementName?: string | null;
    issuerName?: string | null;
    issuedOn?: Date | null;
    validUntil?: Date | null;
  } = {},
): CredentialFacts | undefined {
  const read = readCredential(content);
  if (!read) return undefined;
  const { credential } = read;
  const subject = object(
    Array.isArray(credential.credentialSubject)
      ? credential.credentialSubject[0]
      : credential.credentialSubject,
  );
  const achievement = object(subject.achievement);
  const issuer = object(credential.issuer);
  const image = text(object(achievement.image).id) || text(achievement.image);
  return {
    encoding: read.encoding,
    credential,
    id: typeof credential.id === 'string' ? credential.id : undefined,
    achievementName:
      text(achievement.name) ||
      text(credential.name) ||
      fallback.achievementName ||
      'Verifiable credential',
    achievementDescription: text(achievement.description) || undefined,
    achievementType: text(achievement.achievementType) || undefined,
    criteria: text(object(achievement.criteria).narrative) || undefined,
    issuerName:
      text(issuer.name) || fallback.issuerName || text(credential.issuer) || 'Unknown issuer',
    issuerUrl: text(issuer.url) || undefined,
    issuedOn:
      dateOf(credential.validFrom) ??
      dateOf(credential.issuanceDate) ??
      fallback.issuedOn ??
      undefined,
    validUntil:
      dateOf(credential.validUntil) ??
      dateOf(credential.expirationDate) ??
      fallback.validUntil ??
      undefined,
    imageUrl: image.startsWith('https://') ? image : undefined,
    euElements: euElementsOf(achievement),
  };
}

/** A file name made of the achievement's name: letters, digits and hyphens only. */
export function fileNameOf(facts: Pick<CredentialFacts, 'achievementName'>): string {
  const base = facts.achievementName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'credential';
}
