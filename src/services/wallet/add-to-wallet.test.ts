import { beforeAll, describe, expect, it } from 'vitest';
import { type Ed25519KeyPair, signCredential, verifyCredential } from '../../credentials/index.ts';
import { buildOpenBadgeCredential, issuerKey } from '../../credentials/testing/fixtures.ts';
import type { VerificationResult } from '../../credentials/verification-types.ts';
import { extractFacts, walletStatusOf } from './add-to-wallet.ts';

let issuer: Ed25519KeyPair;
beforeAll(async () => {
  issuer = await issuerKey(2);
});

const at = (iso: string) => ({ now: () => new Date(iso) });

function withChecks(checks: VerificationResult['checks']): VerificationResult {
  return { verified: checks.every((c) => c.outcome !== 'failed'), checks };
}

describe('wallet status of a verification result', () => {
  it('is expired after validUntil and not-yet-valid before validFrom, never valid', async () => {
    const credential = await signCredential(
      buildOpenBadgeCredential(issuer.controller, { validUntil: '2024-06-01T00:00:00Z' }),
      { key: issuer, now: '2024-01-01T00:00:00Z' },
    );
    expect(walletStatusOf(await verifyCredential(credential, at('2025-01-01T00:00:00Z')))).toBe(
      'expired',
    );
    expect(walletStatusOf(await verifyCredential(credential, at('2023-01-01T00:00:00Z')))).toBe(
      'not-yet-valid',
    );
    expect(walletStatusOf(await verifyCredential(credential, at('2024-03-01T00:00:00Z')))).toBe(
      'valid',
    );
  });

  it('is invalid for a broken signature even when the status list says revoked', () => {
    expect(
      walletStatusOf(
        withChecks([
          { check: 'format', outcome: 'passed', message: '' },
          { check: 'proof', outcome: 'failed', message: 'The signature does not match.' },
          {
            check: 'status',
            outcome: 'failed',
            message: 'This credential has been revoked by its issuer.',
          },
        ]),
      ),
    ).toBe('invalid');
  });

  it('tells revoked from suspended, and an unknown issuer warning stays valid', () => {
    const base = [
      { check: 'format' as const, outcome: 'passed' as const, message: '' },
      { check: 'proof' as const, outcome: 'passed' as const, message: '' },
    ];
    const status = (message: string) =>
      walletStatusOf(withChecks([...base, { check: 'status', outcome: 'failed', message }]));
    expect(status('This credential has been revoked by its issuer.')).toBe('revoked');
    expect(status('This credential is currently suspended by its issuer.')).toBe('suspended');
    expect(status('The issuer’s revocation list could not be trusted.')).toBe('invalid');
    expect(
      walletStatusOf(
        withChecks([...base, { check: 'trust', outcome: 'warning', message: 'Unknown issuer' }]),
      ),
    ).toBe('valid');
    expect(walletStatusOf({ verified: false, checks: [] })).toBe('invalid');
  });
});

describe('facts for the wallet list', () => {
  it('reads issuer, achievement, alignments and dates; nothing from a non-credential', () => {
    const credential = buildOpenBadgeCredential('did:example:issuer');
    const subject = credential.credentialSubject as Record<string, unknown>;
    (subject.achievement as Record<string, unknown>).alignment = [
      { type: ['Alignment'], targetName: 'teamwork', targetUrl: 'http://data.europa.eu/esco/x' },
      { type: ['Alignment'], targetUrl: 'https://no-name.example' },
    ];
    expect(extractFacts(credential)).toMatchObject({
      issuerId: 'did:example:issuer',
      issuerName: 'Skillmark Academy',
      achievementName: 'Teamwork',
      skills: [{ name: 'teamwork', url: 'http://data.europa.eu/esco/x' }],
      issuedOn: new Date('2024-01-01T00:00:00Z'),
      validUntil: null,
    });
    expect(extractFacts(undefined)).toMatchObject({ issuerId: null, skills: [] });
  });
});
