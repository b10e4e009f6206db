/**
 * Who reviews whom in a peer-reviewed assessment. Only learners who submitted to the same
 * assessment review, never their own work; the least-loaded peers are chosen first so reviews
 * spread evenly, and ties fall to a caller-supplied key (a hash of ids in production: stable
 * for a given pair, not guessable by learners, no shared random state).
 */

export type PeerCandidate = { learnerId: string; load: number };

/** Reviewers to add to a submission so it reaches `count` peers. */
export function choosePeerReviewers(input: {
  authorId: string;
  candidates: readonly PeerCandidate[];
  alreadyAssigned: ReadonlySet<string>;
  count: number;
  tieBreak: (learnerId: string) => string;
}): string[] {
  const needed = input.count - input.alreadyAssigned.size;
  if (needed <= 0) return [];
  return input.candidates
    .filter((c) => c.learnerId !== input.authorId && !input.alreadyAssigned.has(c.learnerId))
    .map((c) => ({ ...c, key: input.tieBreak(c.learnerId) }))
    .sort((a, b) => a.load - b.load || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, needed)
    .map((c) => c.learnerId);
}

export type OpenSubmission = {
  submissionId: string;
  authorId: string;
  reviewerIds: readonly string[];
  submittedAt: Date;
};

/**
 * Earlier submissions a newly arrived peer should review: those still short of `count`
 * reviewers, fewest reviewers first, then oldest; at most `count` of them.
 */
export function submissionsForNewPeer(
  peerId: string,
  open: readonly OpenSubmission[],
  count: number,
): string[] {
  return open
    .filter(
      (s) =>
        s.authorId !== peerId && !s.reviewerIds.includes(peerId) && s.reviewerIds.length < count,
    )
    .sort(
      (a, b) =>
        a.reviewerIds.length - b.reviewerIds.length ||
        a.submittedAt.getTime() - b.submittedAt.getTime(),
    )
    .slice(0, count)
    .map((s) => s.submissionId);
}
