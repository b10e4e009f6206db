import { describe, expect, it } from 'vitest';
import { credentialKey, hiddenByLearner, passesFilters } from './evidence-filter.ts';

const issuedHere = {
  walletCredentialId: '',
  issuedCredentialId: 'ic-1',
  issuerId: 'did:web:example.org:organizations:acme',
  issuerName: 'Acme Academy',
  achievementName: 'Databases',
  issuedOn: '2026-03-01T00:00:00.000Z',
};
const imported = { ...issuedHere, walletCredentialId: 'w-1', issuedCredentialId: null };
const noHiding = { hiddenIssuers: [], hiddenCredentials: [], hiddenIssuedCredentials: [] };

describe('hiddenByLearner', () => {
  it('hides by wallet entry, by the issued credential behind it, and by issuer', () => {
    expect(hiddenByLearner(imported, noHiding)).toBe(false);
    expect(hiddenByLearner(imported, { ...noHiding, hiddenCredentials: ['w-1'] })).toBe(true);
    expect(hiddenByLearner(issuedHere, { ...noHiding, hiddenIssuedCredentials: ['ic-1'] })).toBe(
      true,
    );
    // An empty wallet id (issued here, not claimed) never matches a hidden entry by accident.
    expect(hiddenByLearner(issuedHere, { ...noHiding, hiddenCredentials: [''] })).toBe(false);
    expect(hiddenByLearner(issuedHere, { ...noHiding, hiddenIssuers: [issuedHere.issuerId] })).toBe(
      true,
    );
    expect(credentialKey(issuedHere)).toBe('ic-1');
    expect(credentialKey(imported)).toBe('w-1');
  });
});

describe('passesFilters', () => {
  it('keeps evidence from the named issuers (id or part of the name) issued since the date', () => {
    const none = { issuers: [], issuedSince: null };
    expect(passesFilters(imported, none)).toBe(true);
    expect(passesFilters(imported, { ...none, issuers: ['acme'] })).toBe(true);
    expect(passesFilters(imported, { ...none, issuers: [imported.issuerId] })).toBe(true);
    expect(passesFilters(imported, { ...none, issuers: ['Contoso'] })).toBe(false);
    expect(passesFilters(imported, { ...none, issuedSince: '2026-03-01T00:00:00.000Z' })).toBe(
      true,
    );
    expect(passesFilters(imported, { ...none, issuedSince: '2026-03-02T00:00:00.000Z' })).toBe(
      false,
    );
    expect(
      passesFilters(
        { ...imported, issuedOn: null },
        { ...none, issuedSince: '2020-01-01T00:00:00.000Z' },
      ),
    ).toBe(false);
  });
});
