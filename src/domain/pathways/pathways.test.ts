import { describe, expect, it } from 'vitest';
import { type Catalog, evaluateRequirement, type Holdings } from './evaluate.ts';
import {
  type Requirement,
  type RequirementContext,
  requirementSchema,
  validateRequirement,
} from './requirement.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const leaf = (n: number): Requirement => ({ kind: 'achievement', achievementId: id(n) });
const credits: Record<string, number> = { [id(1)]: 5, [id(2)]: 5, [id(3)]: 10, [id(4)]: 2 };

const context = (
  pathways: Record<string, Requirement> = {},
  selfId?: string,
): RequirementContext => ({
  selfId,
  achievementCredits: (a) => credits[a],
  competencyExists: () => true,
  pathway: (p) => (pathways[p] ? { requirement: pathways[p], ects: null } : undefined),
});
const catalog: Catalog = {
  achievement: (a) => (credits[a] ? { name: `A${a.slice(-1)}`, ects: credits[a] } : undefined),
  competency: () => undefined,
  pathway: () => undefined,
};
const holding = (...ns: number[]): Holdings => ({
  achievements: new Map(ns.map((n) => [id(n), { credentialUrl: `https://x/credentials/${n}` }])),
  external: [],
  competencies: new Map(),
  pathways: new Map(),
});

const tree: Requirement = {
  kind: 'all-of',
  of: [
    leaf(1),
    { kind: 'n-of', n: 1, of: [leaf(2), { kind: 'min-ects', ects: 12, of: [leaf(3), leaf(4)] }] },
  ],
};

describe('pathway requirement validation', () => {
  it('accepts a sound 3-level tree', () => {
    expect(validateRequirement(requirementSchema.parse(tree), context())).toEqual([]);
  });

  it('rejects n above the number of children, naming the node path', () => {
    const issues = validateRequirement(
      { kind: 'all-of', of: [{ kind: 'n-of', n: 3, of: [leaf(1), leaf(2)] }] },
      context(),
    );
    expect(issues).toEqual([
      { path: 'requirement.of[0]', message: 'n-of asks for 3 but lists only 2 requirements' },
    ]);
  });

  it('rejects an ECTS target above the children’s credits and empty groups', () => {
    const issues = validateRequirement(
      {
        kind: 'all-of',
        of: [
          { kind: 'min-ects', ects: 30, of: [leaf(1), leaf(3)] },
          { kind: 'any-of', of: [] },
        ],
      },
      context(),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'min-ects asks for 30 ECTS but its requirements carry only 15 ECTS',
      'an empty any-of group can never be met',
    ]);
    expect(issues[1]!.path).toBe('requirement.of[1]');
  });

  it('rejects a cycle through nested pathways', () => {
    const a = id(101);
    const b = id(102);
    const issues = validateRequirement(
      { kind: 'pathway', pathwayId: b },
      context({ [b]: { kind: 'all-of', of: [{ kind: 'pathway', pathwayId: a }] } }, a),
    );
    expect(issues).toEqual([
      { path: 'requirement', message: `cycle through nested pathways: ${a} → ${b} → ${a}` },
    ]);
  });
});

describe('pathway evaluation', () => {
  it('reports progress, remaining steps and what counted', () => {
    const partial = evaluateRequirement(tree, holding(1, 3), catalog);
    expect(partial.met).toBe(false);
    expect(partial.percentage).toBe(91); // (1 + 10/12) / 2
    expect(partial.remaining.map((r) => r.label)).toEqual(['A2', 'A4']);
    const done = evaluateRequirement(tree, holding(1, 3, 4), catalog);
    expect(done.met).toBe(true);
    expect(done.percentage).toBe(100);
    expect(done.counted.map((c) => c.credentialUrl)).toEqual([
      'https://x/credentials/1',
      'https://x/credentials/3',
      'https://x/credentials/4',
    ]);
    // A2 is no longer needed once the n-of is met.
    expect(done.root.children![1]!.children![0]!.status).toBe('optional');
  });
});
