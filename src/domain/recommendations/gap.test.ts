import { describe, expect, it } from 'vitest';
import {
  computeGap,
  type GoalSkill,
  NARROWER_COVERAGE,
  NICE_TO_HAVE_WEIGHT,
  type ProvenRef,
} from './gap.ts';

const goal: GoalSkill[] = [
  { competencyId: 'opt', uri: 'u:opt', label: 'Optional', importance: 'nice-to-have' },
  { competencyId: 'sql', uri: 'u:sql', label: 'SQL', importance: 'required' },
  { competencyId: 'db', uri: 'u:db', label: 'Databases', importance: 'required' },
  { competencyId: 'py', uri: 'u:py', label: 'Python', importance: 'required' },
];

const proven = (...refs: Array<[string, ProvenRef['source']]>) =>
  new Map(refs.map(([id, source]) => [id, { competencyId: id, label: id.toUpperCase(), source }]));

describe('computeGap', () => {
  it('marks proven skills covered, broader skills of proven narrower ones partly covered, the rest missing', () => {
    const gap = computeGap(
      goal,
      proven(['sql', 'credential'], ['postgres', 'credential']),
      new Map([['postgres', ['db']]]),
    );
    const byId = new Map(gap.skills.map((s) => [s.competencyId, s]));
    expect(byId.get('sql')).toMatchObject({ status: 'covered', need: 0 });
    expect(byId.get('db')).toMatchObject({ status: 'partly-covered', need: 1 - NARROWER_COVERAGE });
    expect(byId.get('db')!.reason).toContain('"POSTGRES"');
    expect(byId.get('py')).toMatchObject({ status: 'missing', need: 1 });
    expect(byId.get('opt')).toMatchObject({ status: 'missing', need: NICE_TO_HAVE_WEIGHT });
    expect(gap.skills.at(-1)!.competencyId).toBe('opt');
    expect(gap.totals.weight).toBeCloseTo(3 + NICE_TO_HAVE_WEIGHT, 9);
    expect(gap.totals.need).toBeCloseTo(1 - NARROWER_COVERAGE + 1 + NICE_TO_HAVE_WEIGHT, 9);
  });

  it('says when a skill counts from in-progress mastery', () => {
    const gap = computeGap(goal, proven(['py', 'in-progress']), new Map());
    expect(gap.skills.find((s) => s.competencyId === 'py')!.reason).toMatch(
      /Mastered in your learning/,
    );
  });

  it('does not let a proven broader skill cover its narrower one', () => {
    const gap = computeGap(
      [{ competencyId: 'postgres', uri: 'u', label: 'PostgreSQL', importance: 'required' }],
      proven(['db', 'credential']),
      new Map([['postgres', ['db']]]),
    );
    expect(gap.skills[0]!.status).toBe('missing');
  });
});
