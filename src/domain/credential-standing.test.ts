import { describe, expect, it } from 'vitest';
import { importedCountsNow, issuedHereCountsNow } from './credential-standing.ts';

const now = new Date('2026-06-01T00:00:00Z');
const later = new Date('2026-07-01T00:00:00Z');
const earlier = new Date('2026-05-01T00:00:00Z');

describe('credential standing', () => {
  it('counts a credential issued here unless revoked, suspended or expired', () => {
    const fine = { revokedAt: null, suspendedAt: null, validUntil: null };
    expect(issuedHereCountsNow(fine, now)).toBe(true);
    expect(issuedHereCountsNow({ ...fine, validUntil: later }, now)).toBe(true);
    expect(issuedHereCountsNow({ ...fine, validUntil: earlier }, now)).toBe(false);
    expect(issuedHereCountsNow({ ...fine, validUntil: now }, now)).toBe(false);
    expect(issuedHereCountsNow({ ...fine, revokedAt: earlier }, now)).toBe(false);
    expect(issuedHereCountsNow({ ...fine, suspendedAt: earlier }, now)).toBe(false);
  });

  it('counts an import only when last verified valid and not expired since', () => {
    expect(importedCountsNow({ status: 'valid', validUntil: null }, now)).toBe(true);
    expect(importedCountsNow({ status: 'valid', validUntil: earlier }, now)).toBe(false);
    for (const status of ['invalid', 'revoked', 'suspended', 'expired', 'not-yet-valid'])
      expect(importedCountsNow({ status, validUntil: null }, now)).toBe(false);
  });
});
