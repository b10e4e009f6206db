/**
 * JSON Schema validation against the official 1EdTech OB 3.0 AchievementCredential
 * schema (draft 2019-09), bundled so validation needs no network. Compiled once.
 */

import type { ValidateFunction } from 'ajv/dist/2019.js';
import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { asArray } from './json-helpers.ts';
import achievementCredentialSchema from './schemas/ob-v3p0-achievementcredential-schema.json' with {
  type: 'json',
};
import type { Credential } from './types.ts';
import type { SchemaValidation, SchemaValidator } from './verification-types.ts';

/** The official schema document (read-only). */
export const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA = achievementCredentialSchema;

/** Credential types the OB 3.0 AchievementCredential schema applies to (OB 3.0 §B.1.1). */
export const OB3_CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

// ajv-formats is CommonJS with `exports.default`; TypeScript and Node disagree on which
// object the default import is, so take whichever is the plugin function.
const addFormats = ((ajvFormats as { default?: unknown }).default ?? ajvFormats) as (
  ajv: Ajv2019,
) => Ajv2019;

let compiled: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (!compiled) {
    // strict: false because the 1EdTech schemas use annotation keywords Ajv does not know.
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(achievementCredentialSchema);
  }
  return compiled;
}

/**
 * Validates a credential against the OB 3.0 schema. A single `proof` object is read
 * as a one-element proof set first: JSON-LD treats both alike (VC-DATA-INTEGRITY
 * §2.1), while the schema only accepts the array form.
 */
export function validateOb3Credential(credential: Credential): SchemaValidation {
  const validate = compile();
  const candidate =
    credential.proof === undefined
      ? credential
      : { ...credential, proof: asArray(credential.proof) };
  const valid = validate(candidate) === true;
  return {
    valid,
    schema: achievementCredentialSchema.$id,
    errors: (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
    ),
  };
}

/** The default schema validator: OB 3.0 credentials only; undefined for anything else. */
export const defaultSchemaValidator: SchemaValidator = (credential) =>
  asArray(credential.type).some((type) => OB3_CREDENTIAL_TYPES.includes(type))
    ? validateOb3Credential(credential)
    : undefined;
