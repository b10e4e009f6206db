/**
 * Test-only factories: an Open Badges 3.0 credential and a did:key issuer.
 */
import { CONTEXT_URLS } from '../contexts/index.ts';
import { type Ed25519KeyPair, generateEd25519KeyPair } from '../keys.ts';
import type { Credential, JsonObject } from '../types.ts';

/** A fixed seed so tests are deterministic. */
export function seed(byte: number): Uint8Array {
  return new Uint8Array(32).fill(byte);
}

/** A did:key issuer key (controller = the DID, id = DID#key). */
export function issuerKey(byte = 1): Promise<Ed25519KeyPair> {
  return generateEd25519KeyPair({ seed: seed(byte) });
}

/** An unsigned OB 3.0 OpenBadgeCredential that satisfies the official schema. */
export function buildOpenBadgeCredential(issuerId: string, overrides: JsonObject = {}): Credential {
  return {
    '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.obV3p0, CONTEXT_URLS.obV3p0Extensions],
    id: 'urn:uuid:2d7a2bc6-3d4e-4a34-9a7c-2f4f1c0c1b11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Skillmark Academy' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Teamwork',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://skillmark.example/achievements/teamwork',
        type: ['Achievement'],
        name: 'Teamwork',
        description: 'Collaborates effectively in a group.',
        criteria: { narrative: 'Peer-nominated and reviewed.' },
      },
    },
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
    ...overrides,
  };
}
