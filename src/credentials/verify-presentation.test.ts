import { beforeAll, describe, expect, it } from 'vitest';
import type { Ed25519KeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import { buildPresentation, envelopeVcJwt, signPresentation } from './sign-presentation.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import type { Credential, JsonObject } from './types.ts';
import {
  type PresentationCheckName,
  type PresentationVerificationResult,
  verifyPresentation,
} from './verify-presentation.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const deps = { now: () => NOW };
const CHALLENGE = 'b4c1f6e2-9d1c-4c55-8f0e-3a6b7f1d2e90';
const DOMAIN = 'https://recruiter.example';

let issuer: Ed25519KeyPair;
let holder: Ed25519KeyPair;
let credential: Credential;

function outcome(result: PresentationVerificationResult, name: PresentationCheckName) {
  return result.presentation.checks.find((c) => c.check === name)?.outcome;
}

function credentialOutcome(result: PresentationVerificationResult, index: number, check: string) {
  return result.credentials[index]?.checks.find((c) => c.check === check)?.outcome;
}

/** A presentation of `credentials` by the holder, signed for CHALLENGE and DOMAIN. */
function presented(credentials: JsonObject[] | string[], overrides: JsonObject = {}) {
  return signPresentation(
    {
      ...buildPresentation({ holder: holder.controller, verifiableCredential: credentials }),
      ...overrides,
    },
    { key: holder, challenge: CHALLENGE, domain: DOMAIN, now: '2025-05-31T23:59:00Z' },
  );
}

beforeAll(async () => {
  issuer = await issuerKey(1);
  holder = await issuerKey(7);
  credential = await signCredential(
    buildOpenBadgeCredential(issuer.controller, {
      credentialSubject: subjectOf(holder.controller),
    }),
    { key: issuer, now: '2024-01-01T00:00:00Z' },
  );
});

function subjectOf(id: string): JsonObject {
  const { credentialSubject } = buildOpenBadgeCredential('did:example:x');
  return { ...(credentialSubject as JsonObject), id };
}

describe('verifying presentations', () => {
  it('a did:key holder’s signed presentation with the requested challenge verifies', async () => {
    const presentation = await presented([credential]);
    expect(presentation.proof).toMatchObject({
      proofPurpose: 'authentication',
      challenge: CHALLENGE,
      domain: DOMAIN,
      verificationMethod: holder.id,
    });
    const result = await verifyPresentation(presentation, deps, {
      challenge: CHALLENGE,
      domain: DOMAIN,
    });
    expect(result.presentation.checks.map((c) => [c.check, c.outcome])).toEqual([
      ['format', 'passed'],
      ['holder-proof', 'passed'],
    ]);
    expect(result.presentation.holder).toBe(holder.controller);
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials[0]?.verified).toBe(true);
    expect(result.verified).toBe(true);
  });

  it('verifies a holder proof made with eddsa-jcs-2022', async () => {
    const presentation = await signPresentation(
      buildPresentation({ holder: holder.controller, verifiableCredential: [credential] }),
      { key: holder, challenge: CHALLENGE, cryptosuite: 'eddsa-jcs-2022' },
    );
    const result = await verifyPresentation(presentation, deps, { challenge: CHALLENGE });
    expect(outcome(result, 'holder-proof')).toBe('passed');
    expect(result.verified).toBe(true);
  });

  it('a wrong challenge fails the holder-proof check', async () => {
    const presentation = await presented([credential]);
    const result = await verifyPresentation(presentation, deps, { challenge: 'another-request' });
    expect(outcome(result, 'holder-proof')).toBe('failed');
    expect(result.presentation.checks[1]?.message).toMatch(/challenge does not match/);
    expect(result.verified).toBe(false);
  });

  it('a challenge edited in the proof breaks the holder’s signature', async () => {
    const presentation = await presented([credential]);
    const forged = {
      ...presentation,
      proof: { ...(presentation.proof as JsonObject), challenge: 'new' },
    };
    const result = await verifyPresentation(forged, deps, { challenge: 'new' });
    expect(outcome(result, 'holder-proof')).toBe('failed');
    expect(result.presentation.checks[1]?.detail).toMatch(/signature/);
  });

  it('a wrong domain fails the holder-proof check', async () => {
    const presentation = await presented([credential]);
    const result = await verifyPresentation(presentation, deps, {
      challenge: CHALLENGE,
      domain: 'https://elsewhere.example',
    });
    expect(outcome(result, 'holder-proof')).toBe('failed');
    expect(result.verified).toBe(false);
  });

  it('a presentation signed by someone other than its holder fails', async () => {
    const presentation = await presented([credential], { holder: 'did:example:someone-else' });
    const result = await verifyPresentation(presentation, deps, { challenge: CHALLENGE });
    expect(outcome(result, 'holder-proof')).toBe('failed');
    expect(result.presentation.checks[1]?.detail).toMatch(/not by the holder/);
  });

  it('a tampered embedded credential fails that credential’s proof check and the result', async () => {
    const tampered = structuredClone(credential);
    (tampered.credentialSubject as { achievement: { name: string } }).achievement.name =
      'Leadership';
    const presentation = await presented([credential, tampered]);
    const result = await verifyPresentation(presentation, deps, { challenge: CHALLENGE });
    expect(outcome(result, 'holder-proof')).toBe('passed');
    expect(result.credentials[0]?.verified).toBe(true);
    expect(credentialOutcome(result, 1, 'proof')).toBe('failed');
    expect(result.credentials[1]?.verified).toBe(false);
    expect(result.verified).toBe(false);
  });

  it('an unsigned presentation is a warning and still verifies when its credentials do', async () => {
    const presentation = buildPresentation({ verifiableCredential: [credential] });
    const result = await verifyPresentation(presentation, deps, {});
    expect(outcome(result, 'holder-proof')).toBe('warning');
    expect(result.presentation.checks[1]?.message).toMatch(/not signed by the holder/);
    expect(result.verified).toBe(true);
  });

  it('an unsigned presentation fails when a challenge was requested', async () => {
    const presentation = buildPresentation({ verifiableCredential: [credential] });
    const result = await verifyPresentation(presentation, deps, { challenge: CHALLENGE });
    expect(outcome(result, 'holder-proof')).toBe('failed');
    expect(result.verified).toBe(false);
  });

  it('verifies an enveloped VC-JWT and a bare VC-JWT inside the presentation', async () => {
    const unsigned = buildOpenBadgeCredential(issuer.controller);
    const vcJoseCose = await signCredential(unsigned, {
      key: issuer,
      format: 'vc-jwt',
      jwtPayloadStyle: 'vc-jose-cose',
      now: '2024-01-01T00:00:00Z',
    });
    const vcClaim = await signCredential(unsigned, {
      key: issuer,
      format: 'vc-jwt',
      now: '2024-01-01T00:00:00Z',
    });
    const presentation = await presented([envelopeVcJwt(vcJoseCose), envelopeVcJwt(vcClaim)]);
    const result = await verifyPresentation(presentation, deps, { challenge: CHALLENGE });
    expect(outcome(result, 'holder-proof')).toBe('passed');
    expect(result.credentials.map((c) => c.verified)).toEqual([true, true]);
    expect(credentialOutcome(result, 0, 'proof')).toBe('passed');
    expect(result.verified).toBe(true);

    const bare = await verifyPresentation(
      buildPresentation({ verifiableCredential: [vcClaim] }),
      deps,
    );
    expect(bare.credentials[0]?.verified).toBe(true);
    expect(bare.verified).toBe(true);
  });

  it('an envelope it cannot open fails that credential’s format check', async () => {
    const envelope = {
      id: 'data:application/vc+sd-jwt,abc',
      type: 'EnvelopedVerifiableCredential',
    };
    const result = await verifyPresentation(
      buildPresentation({ verifiableCredential: [envelope] }),
      deps,
    );
    expect(credentialOutcome(result, 0, 'format')).toBe('failed');
    expect(result.verified).toBe(false);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a number', 42],
    ['text that is not JSON', 'not a presentation'],
    [
      'a credential instead of a presentation',
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] },
    ],
    ['a presentation without a context', { type: 'VerifiablePresentation' }],
  ])('garbage input (%s) fails the format check without throwing', async (_, input) => {
    const result = await verifyPresentation(input, deps, { challenge: CHALLENGE });
    expect(result.verified).toBe(false);
    expect(outcome(result, 'format')).toBe('failed');
    expect(outcome(result, 'holder-proof')).toBe('skipped');
    expect(result.credentials).toEqual([]);
  });

  it('accepts the presentation as JSON text', async () => {
    const presentation = await presented([credential]);
    const result = await verifyPresentation(JSON.stringify(presentation), deps, {
      challenge: CHALLENGE,
    });
    expect(result.verified).toBe(true);
  });
});
