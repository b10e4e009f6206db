/**
 * The recommendation pipeline (issue 7 item 5): candidates (`buildInstance`) → greedy baseline →
 * exact integer program when the instance is small enough → the better of the two → ordered
 * pathway, with the optimality gap between greedy and exact, and alternatives (the next-best plan
 * without one of the chosen achievements).
 */
import {
  buildInstance,
  type CatalogEntry,
  cmp,
  type Instance,
  type RecommendationOptions,
  totalsOf,
} from './catalog.ts';
import { exactCover, type MipSolver } from './exact.ts';
import { greedyCover, type Selection } from './greedy.ts';
import { orderPathway, type PathwayStep, type Stack } from './order.ts';

export type RecommendInput = {
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** competency id → ids of achievements certifying it. */
  skillIndex: ReadonlyMap<string, readonly string[]>;
  /** Residual need per gap skill (only skills with need > 0). */
  need: ReadonlyMap<string, number>;
  held: ReadonlySet<string>;
  proven: ReadonlySet<string>;
  stacks: readonly Stack[];
  labelOf: (competencyId: string) => string;
  options: RecommendationOptions;
  solve?: MipSolver;
  /** Largest candidate set solved exactly; larger instances keep the greedy plan. */
  exactLimit?: number;
  /** How many alternatives to compute (each is one more optimization). */
  alternatives?: number;
};

export type Plan = {
  steps: PathwayStep[];
  totals: { hours: number; amount: number; currency: string };
  /** Share of the gap's need the plan closes (0..1), and of what is coverable at all. */
  coverage: { ofGap: number; ofCoverable: number };
  closes: string[];
  uncoverable: string[];
  method: 'exact' | 'greedy';
};

export type Recommendation = Plan & {
  optimizer: {
    candidates: number;
    greedyCost: number;
    exactCost: number | null;
    /** (greedy − exact) / exact when the exact solver ran; 0 when both agree. */
    optimalityGap: number | null;
    exactSkipped: string | null;
  };
  alternatives: Array<Plan & { without: { achievementId: string; name: string } }>;
};

function needOf(need: ReadonlyMap<string, number>, skills: Iterable<string>) {
  let total = 0;
  for (const s of skills) total += need.get(s) ?? 0;
  return total;
}

function solveInstance(instance: Instance, solve: MipSolver | undefined, exactLimit?: number) {
  const greedy = greedyCover(instance);
  const exact = solve
    ? exactCover(instance, solve, exactLimit)
    : { solved: false as const, reason: 'no solver' };
  const better = (a: Selection, b: Selection) =>
    needOf(instance.need, b.covered) > needOf(instance.need, a.covered) + 1e-9 ||
    (Math.abs(needOf(instance.need, b.covered) - needOf(instance.need, a.covered)) <= 1e-9 &&
      b.cost < a.cost - 1e-9);
  const chosen: { selection: Selection; method: 'exact' | 'greedy' } =
    exact.solved && !better(exact.selection, greedy)
      ? { selection: exact.selection, method: 'exact' }
      : { selection: greedy, method: 'greedy' };
  return { greedy, exact, chosen };
}

function planOf(
  input: RecommendInput,
  instance: Instance,
  selection: Selection,
  method: Plan['method'],
): Plan {
  const totalNeed = needOf(input.need, input.need.keys());
  const coverableNeed = needOf(instance.need, instance.need.keys());
  const closed = needOf(instance.need, selection.covered);
  return {
    steps: orderPathway(selection.ids, input.catalog, instance.need, input.stacks, input.labelOf),
    totals: { ...totalsOf(selection.ids, input.catalog), currency: input.options.currency },
    coverage: {
      ofGap: totalNeed === 0 ? 1 : closed / totalNeed,
      ofCoverable: coverableNeed === 0 ? 1 : closed / coverableNeed,
    },
    closes: [...selection.covered].sort(cmp),
    uncoverable: instance.uncoverable,
    method,
  };
}

export function recommend(input: RecommendInput): Recommendation {
  const learner = { held: input.held, proven: input.proven };
  const instance = buildInstance(
    input.catalog,
    input.skillIndex,
    input.need,
    learner,
    input.options,
  );
  const { greedy, exact, chosen } = solveInstance(instance, input.solve, input.exactLimit);
  const plan = planOf(input, instance, chosen.selection, chosen.method);
  const exactCost = exact.solved ? exact.selection.cost : null;
  const alternatives: Recommendation['alternatives'] = [];
  const tryWithout = [...chosen.selection.ids]
    .sort(
      (a, b) => instance.candidates.get(b)!.cost - instance.candidates.get(a)!.cost || cmp(a, b),
    )
    .slice(0, input.alternatives ?? 0);
  for (const id of tryWithout) {
    const excluded = new Set(input.options.excludeAchievements ?? []);
    excluded.add(id);
    const options = { ...input.options, excludeAchievements: excluded };
    const altInstance = buildInstance(
      input.catalog,
      input.skillIndex,
      input.need,
      learner,
      options,
    );
    const alt = solveInstance(altInstance, input.solve, input.exactLimit).chosen;
    if (alt.selection.ids.length === 0) continue;
    alternatives.push({
      ...planOf(input, altInstance, alt.selection, alt.method),
      without: { achievementId: id, name: input.catalog.get(id)!.name },
    });
  }
  return {
    ...plan,
    optimizer: {
      candidates: instance.candidates.size,
      greedyCost: greedy.cost,
      exactCost,
      optimalityGap:
        exactCost === null
          ? null
          : exactCost === 0
            ? greedy.cost === 0
              ? 0
              : null
            : (greedy.cost - exactCost) / exactCost,
      exactSkipped: exact.solved ? null : exact.reason,
    },
    alternatives,
  };
}
