import { describe, expect, it } from 'vitest';
import {
  defaultSchemaValidator,
  OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA,
  validateOb3Credential,
} from './schema-validator.ts';
import { buildOpenBadgeCredential } from './testing/fixtures.ts';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from './testing/shared-data.ts';

describe('OB 3.0 schema validation', () => {
  it('accepts a well-formed unsigned-but-proofed OpenBadgeCredential shape', () => {
    const credential = buildOpenBadgeCredential('did:example:issuer');
    const result = validateOb3Credential({ ...credential, proof: [] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('reports a missing achievement name with its path', () => {
    const credential = buildOpenBadgeCredential('did:example:issuer');
    const subject = structuredClone(credential.credentialSubject) as {
      achievement: { name?: string };
    };
    delete subject.achievement.name;
    const result = validateOb3Credential({ ...credential, credentialSubject: subject });
    expect(result.valid).toBe(false);
    expect(result.errors.join()).toContain('/credentialSubject/achievement');
  });

  it('does not apply to credentials of other types', () => {
    const credential = {
      ...buildOpenBadgeCredential('did:example:issuer'),
      type: ['VerifiableCredential'],
    };
    expect(defaultSchemaValidator(credential)).toBeUndefined();
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(
  `bundled schema matches ../shared/data (${SKIP_MESSAGE})`,
  () => {
    it('is deep-equal to the official AchievementCredential schema', () => {
      expect(OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA).toEqual(
        readStandardJson('schemas/ob_v3p0_achievementcredential_schema.json'),
      );
    });
  },
);
