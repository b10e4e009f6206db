import type { TalentProfileRow } from '../../db/repositories/talent-profiles.ts';

/** A candidate as an employer sees them: the pseudonym, and only the fields the learner shows. */
export type CandidateIdentity = {
  candidateId: string;
  name: string | null;
  headline: string | null;
  location: string | null;
  contactEmail: string | null;
};

/** The one place that decides which of a learner's fields leave the platform. */
export function presentIdentity(profile: TalentProfileRow, displayName: string): CandidateIdentity {
  return {
    candidateId: profile.id,
    name: profile.showName ? displayName : null,
    headline: profile.showHeadline ? profile.headline : null,
    location: profile.showHeadline ? profile.location : null,
    contactEmail: profile.showEmail ? profile.contactEmail : null,
  };
}

/** Evidence shown to employers: what the credential is, who issued it and when; never ids. */
export function presentEvidence(evidence: {
  achievementName: string | null;
  issuerId: string | null;
  issuerName: string | null;
  issuedOn: string | null;
}) {
  return {
    achievementName: evidence.achievementName,
    issuerId: evidence.issuerId,
    issuerName: evidence.issuerName,
    issuedOn: evidence.issuedOn,
  };
}
