/**
 * Talent search ranking and explanation (issue 8 item 4), pure so the order is tested on fixed data.
 *
 * A search asks for skills, each required or nice-to-have. A candidate's evidence is verified
 * credentials only (the service filters before this stage). Candidates rank by how many required
 * skills they prove, then how many nice-to-have skills, then by the date of their newest covering
 * credential (recent evidence first), then by their pseudonymous id so equal candidates keep a
 * stable order between requests.
 */

export type Importance = 'required' | 'nice-to-have';

export type WantedSkill = { uri: string; label: string; importance: Importance };

export type CredentialEvidence = {
  achievementName: string | null;
  issuerName: string | null;
  issuerId: string | null;
  /** ISO date-time the credential was issued, when it says so. */
  issuedOn: string | null;
};

export type CandidateSkill = { uri: string; label: string; evidence: CredentialEvidence[] };

export type Candidate = { candidateId: string; skills: CandidateSkill[] };

export type SkillMatch = {
  uri: string;
  label: string;
  importance: Importance;
  /** The covering credentials, newest first. */
  evidence: CredentialEvidence[];
};

export type RankedCandidate = {
  candidateId: string;
  required: { covered: number; total: number };
  niceToHave: { covered: number; total: number };
  matches: SkillMatch[];
  missing: WantedSkill[];
  latestEvidenceOn: string | null;
  explanation: string;
};

/** Ranks candidates against wanted skills; candidates proving none of them are left out. */
export function rankCandidates(wanted: WantedSkill[], candidates: Candidate[]): RankedCandidate[] {
  const ranked = candidates
    .map((candidate) => matchCandidate(wanted, candidate))
    .filter((c) => c.matches.length > 0);
  return ranked.sort(compareRanked);
}

function matchCandidate(wanted: WantedSkill[], candidate: Candidate): RankedCandidate {
  const byUri = new Map<string, CredentialEvidence[]>();
  for (const skill of candidate.skills) {
    if (skill.evidence.length === 0) continue;
    byUri.set(skill.uri, [...(byUri.get(skill.uri) ?? []), ...skill.evidence]);
  }
  const matches: SkillMatch[] = [];
  const missing: WantedSkill[] = [];
  for (const skill of wanted) {
    const evidence = byUri.get(skill.uri);
    if (evidence) matches.push({ ...skill, evidence: [...evidence].sort(newestFirst) });
    else missing.push(skill);
  }
  const count = (importance: Importance, list: Array<{ importance: Importance }>) =>
    list.filter((s) => s.importance === importance).length;
  const required = { covered: count('required', matches), total: count('required', wanted) };
  const niceToHave = {
    covered: count('nice-to-have', matches),
    total: count('nice-to-have', wanted),
  };
  const latestEvidenceOn =
    matches
      .flatMap((m) => m.evidence.map((e) => e.issuedOn))
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const ranked = {
    candidateId: candidate.candidateId,
    required,
    niceToHave,
    matches,
    missing,
    latestEvidenceOn,
  };
  return { ...ranked, explanation: explainMatch(ranked) };
}

function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.required.covered - a.required.covered ||
    b.niceToHave.covered - a.niceToHave.covered ||
    (b.latestEvidenceOn ?? '').localeCompare(a.latestEvidenceOn ?? '') ||
    a.candidateId.localeCompare(b.candidateId)
  );
}

function newestFirst(a: CredentialEvidence, b: CredentialEvidence): number {
  return (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '');
}

/**
 * One sentence per importance, naming the newest credential behind each proven skill, e.g.
 * "3 of 4 required skills proven: SQL by credential Data Basics from issuer Acme, 2026-03; …
 * Not proven: Python."
 */
export function explainMatch(match: Omit<RankedCandidate, 'explanation'>): string {
  const parts: string[] = [];
  for (const importance of ['required', 'nice-to-have'] as const) {
    const tally = importance === 'required' ? match.required : match.niceToHave;
    if (tally.total === 0) continue;
    const proven = match.matches.filter((m) => m.importance === importance).map(describeMatch);
    const noun = tally.total === 1 ? 'skill' : 'skills';
    parts.push(
      `${tally.covered} of ${tally.total} ${importance} ${noun} proven${proven.length ? `: ${proven.join('; ')}` : ''}.`,
    );
  }
  if (match.missing.length > 0)
    parts.push(`Not proven: ${match.missing.map((s) => s.label).join(', ')}.`);
  return parts.join(' ');
}

function describeMatch(match: SkillMatch): string {
  const newest = match.evidence[0]!;
  const credential = newest.achievementName ?? 'an unnamed credential';
  const issuer = newest.issuerName ?? newest.issuerId ?? 'an unnamed issuer';
  const month = newest.issuedOn ? `, ${newest.issuedOn.slice(0, 7)}` : '';
  const more = match.evidence.length > 1 ? ` (+${match.evidence.length - 1} more)` : '';
  return `${match.label} by credential ${credential} from issuer ${issuer}${month}${more}`;
}
