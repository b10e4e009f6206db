import { describe, expect, it } from 'vitest';
import { type Candidate, rankCandidates, type WantedSkill } from './rank.ts';

const wanted: WantedSkill[] = [
  { uri: 'u:sql', label: 'SQL', importance: 'required' },
  { uri: 'u:py', label: 'Python', importance: 'required' },
  { uri: 'u:viz', label: 'Visualisation', importance: 'nice-to-have' },
];

const cred = (achievementName: string, issuedOn: string, issuerName = 'Acme') => ({
  achievementName,
  issuerName,
  issuerId: `did:web:${issuerName.toLowerCase()}`,
  issuedOn,
});

describe('rankCandidates', () => {
  it('orders by required coverage, then nice-to-have, then recency, then id', () => {
    const candidates: Candidate[] = [
      {
        candidateId: 'a',
        skills: [{ uri: 'u:sql', label: 'SQL', evidence: [cred('DB', '2026-01-05')] }],
      },
      {
        candidateId: 'b',
        skills: [
          { uri: 'u:sql', label: 'SQL', evidence: [cred('DB', '2025-01-05')] },
          { uri: 'u:py', label: 'Python', evidence: [cred('Py', '2025-02-05')] },
        ],
      },
      {
        candidateId: 'c',
        skills: [
          { uri: 'u:sql', label: 'SQL', evidence: [cred('DB', '2024-01-05')] },
          { uri: 'u:viz', label: 'Visualisation', evidence: [cred('Viz', '2024-01-05')] },
        ],
      },
      {
        candidateId: 'd',
        skills: [{ uri: 'u:sql', label: 'SQL', evidence: [cred('DB', '2026-03-01')] }],
      },
      {
        candidateId: 'e',
        skills: [{ uri: 'u:other', label: 'Other', evidence: [cred('X', '2026-03-01')] }],
      },
      {
        candidateId: 'f',
        skills: [{ uri: 'u:sql', label: 'SQL', evidence: [cred('DB', '2026-01-05')] }],
      },
    ];
    expect(rankCandidates(wanted, candidates).map((c) => c.candidateId)).toEqual([
      'b',
      'c',
      'd',
      'a',
      'f',
    ]);
  });

  it('explains which credential covers each skill and what is missing', () => {
    const [ranked] = rankCandidates(wanted, [
      {
        candidateId: 'x',
        skills: [
          {
            uri: 'u:sql',
            label: 'SQL',
            evidence: [
              cred('DB Basics', '2025-11-02'),
              cred('DB Advanced', '2026-03-09', 'Contoso'),
            ],
          },
          { uri: 'u:viz', label: 'Visualisation', evidence: [cred('Charts', '2026-01-20')] },
        ],
      },
    ]);
    expect(ranked!.explanation).toBe(
      '1 of 2 required skills proven: SQL by credential DB Advanced from issuer Contoso, 2026-03 (+1 more). ' +
        '1 of 1 nice-to-have skill proven: Visualisation by credential Charts from issuer Acme, 2026-01. ' +
        'Not proven: Python.',
    );
    expect(ranked!.required).toEqual({ covered: 1, total: 2 });
    expect(ranked!.latestEvidenceOn).toBe('2026-03-09');
  });

  it('ignores skills without evidence', () => {
    expect(
      rankCandidates(wanted, [
        { candidateId: 'z', skills: [{ uri: 'u:sql', label: 'SQL', evidence: [] }] },
      ]),
    ).toEqual([]);
  });
});
