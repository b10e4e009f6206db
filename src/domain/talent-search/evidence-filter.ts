/**
 * Which credential evidence a search may use: the learner's hiding choices first, then the
 * employer's filters (issuers, recency). Pure, applied after hydration and before ranking.
 */

export type EvidenceFacts = {
  /** Empty for a credential issued here that is not (yet) in the wallet. */
  walletCredentialId: string;
  issuedCredentialId: string | null;
  issuerId: string | null;
  issuerName: string | null;
  achievementName: string | null;
  issuedOn: string | null;
};

export type LearnerHiding = {
  hiddenIssuers: readonly string[];
  /** Wallet entry ids the learner hid. */
  hiddenCredentials: readonly string[];
  /** The issued-here credentials behind those entries, so they stay hidden before a claim too. */
  hiddenIssuedCredentials: readonly string[];
};

export type EvidenceFilters = {
  /** Issuer ids, or case-insensitive parts of issuer names; any of them. */
  issuers: readonly string[];
  /** ISO date-time; credentials issued earlier (or undated) do not count. */
  issuedSince: string | null;
};

export function hiddenByLearner(evidence: EvidenceFacts, hiding: LearnerHiding): boolean {
  return (
    (evidence.walletCredentialId !== '' &&
      hiding.hiddenCredentials.includes(evidence.walletCredentialId)) ||
    (evidence.issuedCredentialId !== null &&
      hiding.hiddenIssuedCredentials.includes(evidence.issuedCredentialId)) ||
    (evidence.issuerId !== null && hiding.hiddenIssuers.includes(evidence.issuerId))
  );
}

export function passesFilters(evidence: EvidenceFacts, filters: EvidenceFilters): boolean {
  if (filters.issuedSince && (!evidence.issuedOn || evidence.issuedOn < filters.issuedSince))
    return false;
  if (filters.issuers.length === 0) return true;
  return filters.issuers.some(
    (wanted) =>
      evidence.issuerId === wanted ||
      (evidence.issuerName ?? '').toLowerCase().includes(wanted.toLowerCase()),
  );
}

/** Whether a credential's name matches a searched one (case-insensitive part, like the SQL stage). */
export function achievementMatches(evidence: EvidenceFacts, wanted: string): boolean {
  return (evidence.achievementName ?? '').toLowerCase().includes(wanted.toLowerCase());
}

/** One key per credential, whichever way the learner holds it. */
export function credentialKey(evidence: EvidenceFacts): string {
  return evidence.issuedCredentialId ?? evidence.walletCredentialId;
}
