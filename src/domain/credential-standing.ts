/**
 * Whether a credential counts *now*: the one rule pathways, proven skills and recommendations
 * share, so a learner never completes a pathway with a credential their skill gap ignores (or the
 * other way round).
 *
 * - Issued here: the issuer's own record decides; neither revoked, nor suspended, nor past its
 *   `validUntil`.
 * - Imported: the last verification found it valid (a tampered, unsigned, revoked or suspended
 *   credential never counts) and it has not expired since (the cached status may predate expiry).
 */

export type IssuedStanding = {
  revokedAt: Date | null;
  suspendedAt: Date | null;
  validUntil: Date | null;
};

export type ImportedStanding = { status: string; validUntil: Date | null };

export function issuedHereCountsNow(credential: IssuedStanding, now: Date): boolean {
  if (credential.revokedAt !== null || credential.suspendedAt !== null) return false;
  return credential.validUntil === null || credential.validUntil.getTime() > now.getTime();
}

export function importedCountsNow(entry: ImportedStanding, now: Date): boolean {
  if (entry.status !== 'valid') return false;
  return entry.validUntil === null || entry.validUntil.getTime() > now.getTime();
}
