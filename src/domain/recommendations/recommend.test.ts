import highs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogEntry, costOf, type RecommendationOptions } from './catalog.ts';
import { highsSolver, type MipSolver } from './exact.ts';
import type { Stack } from './order.ts';
import { recommend } from './plan.ts';

let solve: MipSolver;
beforeAll(async () => {
  // The package's types describe its CommonJS build; Node loads the ES build, whose default is the loader.
  solve = highsSolver(await (highs as unknown as typeof highs.default)());
});

/** Deterministic pseudo-random numbers (mulberry32), so every run tests the same catalogs. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entry(
  id: string,
  skills: string[],
  hours: number,
  extra: Partial<CatalogEntry> = {},
): CatalogEntry {
  return {
    id,
    name: `Achievement ${id}`,
    organizationId: 'org-a',
    issuerName: 'Issuer A',
    skills,
    workloadHours: hours,
    price: null,
    prerequisiteIds: [],
    ...extra,
  };
}

function indexOf(catalog: Map<string, CatalogEntry>) {
  const index = new Map<string, string[]>();
  for (const e of catalog.values())
    for (const s of e.skills) index.set(s, [...(index.get(s) ?? []), e.id]);
  return index;
}

const workload: RecommendationOptions = { optimize: 'workload', currency: 'EUR' };

function run(
  catalog: Map<string, CatalogEntry>,
  need: Map<string, number>,
  extra: {
    held?: string[];
    proven?: string[];
    options?: Partial<RecommendationOptions>;
    stacks?: Stack[];
  } = {},
) {
  return recommend({
    catalog,
    skillIndex: indexOf(catalog),
    need,
    held: new Set(extra.held ?? []),
    proven: new Set(extra.proven ?? []),
    stacks: extra.stacks ?? [],
    labelOf: (s) => s,
    options: { ...workload, ...extra.options },
    solve,
    alternatives: 2,
  });
}

/** The true optimum by trying every subset (small catalogs only). */
function bruteForce(
  catalog: Map<string, CatalogEntry>,
  need: Map<string, number>,
  options: RecommendationOptions,
  held: Set<string>,
) {
  const ids = [...catalog.keys()].filter((id) => !held.has(id));
  let best: { need: number; cost: number } | undefined;
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const chosen = ids.filter((_, i) => mask & (1 << i));
    const set = new Set(chosen);
    const feasible = chosen.every((id) =>
      catalog.get(id)!.prerequisiteIds.every((p) => held.has(p) || set.has(p)),
    );
    if (!feasible) continue;
    const hours = chosen.reduce((t, id) => t + catalog.get(id)!.workloadHours, 0);
    if (options.budgetHours !== undefined && hours > options.budgetHours + 1e-9) continue;
    const covered = new Set(chosen.flatMap((id) => catalog.get(id)!.skills));
    const closed = [...need].reduce((t, [s, n]) => t + (covered.has(s) ? n : 0), 0);
    const cost = chosen.reduce((t, id) => t + costOf(catalog.get(id)!, options.optimize), 0);
    if (
      !best ||
      closed > best.need + 1e-9 ||
      (Math.abs(closed - best.need) <= 1e-9 && cost < best.cost - 1e-9)
    )
      best = { need: closed, cost };
  }
  return best!;
}

function randomInstance(seed: number, size = 10) {
  const next = random(seed);
  const skills = Array.from({ length: 8 }, (_, i) => `s${i}`);
  const catalog = new Map<string, CatalogEntry>();
  for (let i = 0; i < size; i++) {
    const id = `a${i}`;
    const own = skills.filter(() => next() < 0.3);
    const prerequisiteIds = i > 0 && next() < 0.3 ? [`a${Math.floor(next() * i)}`] : [];
    catalog.set(
      id,
      entry(id, own.length > 0 ? own : [skills[i % 8]!], 1 + Math.floor(next() * 40), {
        prerequisiteIds,
      }),
    );
  }
  const need = new Map(skills.filter(() => next() < 0.8).map((s) => [s, next() < 0.7 ? 1 : 0.3]));
  return { catalog, need };
}

describe('recommend', () => {
  it('matches the brute-force optimum on small random catalogs, and greedy never beats it', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { catalog, need } = randomInstance(seed);
      const result = run(catalog, need);
      const optimum = bruteForce(catalog, need, workload, new Set());
      expect(result.optimizer.exactCost, `seed ${seed}`).not.toBeNull();
      expect(result.optimizer.exactCost!, `seed ${seed}`).toBeCloseTo(optimum.cost, 6);
      expect(result.optimizer.greedyCost + 1e-9, `seed ${seed}`).toBeGreaterThanOrEqual(
        result.optimizer.exactCost!,
      );
      expect(result.optimizer.optimalityGap!).toBeGreaterThanOrEqual(0);
      expect(result.totals.hours, `seed ${seed}`).toBeCloseTo(optimum.cost, 6);
    }
  });

  it('matches the brute-force optimum under a budget of hours', () => {
    for (let seed = 41; seed <= 60; seed++) {
      const { catalog, need } = randomInstance(seed);
      const options = { ...workload, budgetHours: 30 };
      const result = run(catalog, need, { options: { budgetHours: 30 } });
      const optimum = bruteForce(catalog, need, options, new Set());
      expect(result.totals.hours).toBeLessThanOrEqual(30);
      const closed = result.closes.reduce((t, s) => t + (need.get(s) ?? 0), 0);
      expect(closed, `seed ${seed}`).toBeCloseTo(optimum.need, 6);
      expect(result.totals.hours, `seed ${seed}`).toBeCloseTo(optimum.cost, 6);
    }
  });

  it('covers everything coverable and respects prerequisites in the order of steps', () => {
    for (let seed = 61; seed <= 90; seed++) {
      const { catalog, need } = randomInstance(seed);
      const result = run(catalog, need);
      expect(result.coverage.ofCoverable, `seed ${seed}`).toBeCloseTo(1, 9);
      const position = new Map(result.steps.map((s) => [s.achievementId, s.position]));
      for (const step of result.steps)
        for (const pre of catalog.get(step.achievementId)!.prerequisiteIds)
          expect(
            position.get(pre),
            `seed ${seed}: ${pre} before ${step.achievementId}`,
          ).toBeLessThan(step.position);
    }
  });

  it('adds a needed prerequisite and puts it first, with a reason', () => {
    const catalog = new Map([
      ['basics', entry('basics', ['s-basic'], 10)],
      ['advanced', entry('advanced', ['s-goal'], 20, { prerequisiteIds: ['basics'] })],
    ]);
    const result = run(catalog, new Map([['s-goal', 1]]));
    expect(result.steps.map((s) => s.achievementId)).toEqual(['basics', 'advanced']);
    expect(result.steps[0]!.closes).toEqual([]);
    expect(result.steps[0]!.reason).toMatch(/Achievement advanced.* builds on it/);
    expect(result.steps[1]!.reason).toMatch(/Comes after "Achievement basics"/);
    expect(result.totals.hours).toBe(30);
  });

  it('never recommends what is held or proven, and treats a proven prerequisite as met', () => {
    const catalog = new Map([
      ['held', entry('held', ['s1'], 1)],
      ['proven', entry('proven', ['s2'], 1)],
      ['next', entry('next', ['s3'], 5, { prerequisiteIds: ['held', 'proven'] })],
      ['other', entry('other', ['s1', 's3'], 50)],
    ]);
    // The learner holds "held" (so s1 is proven and not in the gap) and has proven s2.
    const result = run(catalog, new Map([['s3', 1]]), { held: ['held'], proven: ['s1', 's2'] });
    const ids = result.steps.map((s) => s.achievementId);
    expect(ids).not.toContain('held');
    expect(ids).not.toContain('proven');
    expect(ids).toEqual(['next']);
  });

  it('excludes issuers, reports what cannot be covered, and offers alternatives', () => {
    const catalog = new Map([
      ['cheap', entry('cheap', ['s1'], 5, { organizationId: 'org-x' })],
      ['dear', entry('dear', ['s1'], 30)],
      ['dearer', entry('dearer', ['s1'], 40)],
    ]);
    const need = new Map([
      ['s1', 1],
      ['nowhere', 1],
    ]);
    const all = run(catalog, need);
    expect(all.steps.map((s) => s.achievementId)).toEqual(['cheap']);
    expect(all.uncoverable).toEqual(['nowhere']);
    expect(all.coverage.ofGap).toBeCloseTo(0.5, 9);
    expect(all.alternatives[0]!.without.achievementId).toBe('cheap');
    expect(all.alternatives[0]!.steps.map((s) => s.achievementId)).toEqual(['dear']);
    const excluded = run(catalog, need, { options: { excludeIssuers: new Set(['org-x']) } });
    expect(excluded.steps.map((s) => s.achievementId)).toEqual(['dear']);
  });

  it('minimizes money in cost mode and leaves out prices in another currency', () => {
    const catalog = new Map([
      ['short-dear', entry('short-dear', ['s1'], 5, { price: { amount: 500, currency: 'EUR' } })],
      ['long-free', entry('long-free', ['s1'], 60)],
      ['dollars', entry('dollars', ['s1'], 1, { price: { amount: 1, currency: 'USD' } })],
    ]);
    const need = new Map([['s1', 1]]);
    expect(run(catalog, need).steps[0]!.achievementId).toBe('dollars');
    const cost = run(catalog, need, { options: { optimize: 'cost' } });
    expect(cost.steps.map((s) => s.achievementId)).toEqual(['long-free']);
    expect(cost.totals.amount).toBe(0);
    const budget = run(catalog, need, {
      options: { optimize: 'workload', budgetAmount: 100, currency: 'EUR' },
    });
    expect(budget.steps.map((s) => s.achievementId)).toEqual(['dollars']);
  });

  it('puts the parts of a chosen pathway before its capstone, and says so', () => {
    const catalog = new Map([
      ['capstone', entry('capstone', ['s3'], 5)],
      ['part-a', entry('part-a', ['s1'], 10)],
      ['part-b', entry('part-b', ['s2'], 10)],
    ]);
    const stacks: Stack[] = [
      {
        pathwayTitle: 'Data certificate',
        achievementId: 'capstone',
        memberIds: ['part-a', 'part-b'],
      },
    ];
    const need = new Map([
      ['s1', 1],
      ['s2', 1],
      ['s3', 1],
    ]);
    const result = run(catalog, need, { stacks });
    const order = result.steps.map((s) => s.achievementId);
    expect(order.at(-1)).toBe('capstone');
    expect(result.steps[0]!.reason).toContain('part of the pathway "Data certificate"');
    expect(result.steps.at(-1)!.reason).toMatch(
      /Comes after "Achievement part-a", "Achievement part-b"/,
    );
  });

  it('leaves out an achievement whose prerequisite is unavailable or circular', () => {
    const catalog = new Map([
      ['loop-a', entry('loop-a', ['s1'], 1, { prerequisiteIds: ['loop-b'] })],
      ['loop-b', entry('loop-b', ['s2'], 1, { prerequisiteIds: ['loop-a'] })],
      ['orphan', entry('orphan', ['s1'], 1, { prerequisiteIds: ['gone'] })],
      ['fine', entry('fine', ['s1'], 9)],
    ]);
    const result = run(catalog, new Map([['s1', 1]]));
    expect(result.steps.map((s) => s.achievementId)).toEqual(['fine']);
  });

  it('falls back to the greedy when no exact solver is given', () => {
    const { catalog, need } = randomInstance(7);
    const result = recommend({
      catalog,
      skillIndex: indexOf(catalog),
      need,
      held: new Set(),
      proven: new Set(),
      stacks: [],
      labelOf: (s) => s,
      options: workload,
    });
    expect(result.method).toBe('greedy');
    expect(result.optimizer.exactSkipped).toBe('no solver');
    expect(result.coverage.ofCoverable).toBeCloseTo(1, 9);
  });
});
