import { describe, expect, it } from 'vitest';
import { choosePeerReviewers, submissionsForNewPeer } from './peer-assignment.ts';

const tieBreak = (id: string) => id;

describe('peer assignment', () => {
  it('never assigns the author and prefers the least-loaded peers', () => {
    const chosen = choosePeerReviewers({
      authorId: 'ada',
      candidates: [
        { learnerId: 'ada', load: 0 },
        { learnerId: 'bob', load: 3 },
        { learnerId: 'cy', load: 1 },
        { learnerId: 'dee', load: 0 },
      ],
      alreadyAssigned: new Set(),
      count: 2,
      tieBreak,
    });
    expect(chosen).toEqual(['dee', 'cy']);
  });

  it('tops up to the count, skipping peers already assigned, and breaks ties by the key', () => {
    const chosen = choosePeerReviewers({
      authorId: 'ada',
      candidates: ['bob', 'cy', 'dee', 'eve'].map((learnerId) => ({ learnerId, load: 0 })),
      alreadyAssigned: new Set(['bob']),
      count: 3,
      tieBreak: (id) => (id === 'eve' ? '0' : id),
    });
    expect(chosen).toEqual(['eve', 'cy']);
  });

  it('gives fewer reviewers when fewer peers have submitted', () => {
    expect(
      choosePeerReviewers({
        authorId: 'ada',
        candidates: [{ learnerId: 'ada', load: 0 }],
        alreadyAssigned: new Set(),
        count: 3,
        tieBreak,
      }),
    ).toEqual([]);
  });

  it('hands a newly arrived peer the earlier submissions still short of reviewers', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const open = [
      { submissionId: 'own', authorId: 'eve', reviewerIds: [], submittedAt: at(0) },
      { submissionId: 'full', authorId: 'bob', reviewerIds: ['x', 'y'], submittedAt: at(1) },
      { submissionId: 'one', authorId: 'cy', reviewerIds: ['x'], submittedAt: at(2) },
      { submissionId: 'none', authorId: 'dee', reviewerIds: [], submittedAt: at(3) },
      { submissionId: 'mine', authorId: 'ada', reviewerIds: ['eve'], submittedAt: at(4) },
    ];
    expect(submissionsForNewPeer('eve', open, 2)).toEqual(['none', 'one']);
  });
});
