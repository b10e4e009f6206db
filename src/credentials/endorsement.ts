/**
 * Builds unsigned OB 3.0 `EndorsementCredential`s (OB 3.0 §B.1.2 EndorsementCredential,
 * §B.1.3 EndorsementSubject): one organization's statement about an achievement or an issuer.
 * Pure: no I/O, no clock.
 */
import { CONTEXT_URLS } from './contexts/index.ts';
import { CredentialsError } from './errors.ts';
import type { Credential, JsonObject } from './types.ts';

/** The official JSON Schema an EndorsementCredential names in `credentialSchema`. */
export const OB3_ENDORSEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';

/** Arguments of {@link buildEndorsementCredential}. */
export interface EndorsementCredentialArgs {
  id?: string;
  /** The endorsing organization's Profile (with `id`). */
  issuer: JsonObject;
  /** The endorsed thing: an Achievement's id or an issuer Profile's id (a URI). */
  subjectId: string;
  /** Display name (the schema requires `name`). */
  name: string;
  comment?: string;
  validFrom?: Date;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An unsigned EndorsementCredential. `credentialSubject.type` is a list because the official
 * schema accepts only that form; the schema reference needs the extensions context for its type.
 */
export function buildEndorsementCredential(args: EndorsementCredentialArgs): Credential {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(args.subjectId))
    throw new CredentialsError('invalid_subject', `"${args.subjectId}" is not a URI.`);
  return {
    '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.obV3p0, CONTEXT_URLS.obV3p0Extensions],
    ...(args.id ? { id: args.id } : {}),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: args.name,
    issuer: args.issuer,
    ...(args.validFrom ? { validFrom: isoSeconds(args.validFrom) } : {}),
    credentialSubject: {
      id: args.subjectId,
      type: ['EndorsementSubject'],
      ...(args.comment ? { endorsementComment: args.comment } : {}),
    },
    credentialSchema: [
      { id: OB3_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' },
    ],
  } as Credential;
}
