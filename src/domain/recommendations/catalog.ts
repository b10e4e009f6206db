/**
 * The catalog the recommender chooses from, and the candidate stage of its pipeline: which
 * achievements could help at all (candidate pruning), what each costs with its prerequisites, and
 * which gap skills are coverable.
 *
 * Workload: an achievement's notional workload in hours, else its ECTS credits × 27.5 h (the ECTS
 * Users' Guide puts one credit at 25–30 hours; we take the middle). Cost mode minimizes the price
 * (an achievement without a price is free) and breaks ties by workload, so that a free but long
 * course is not chosen over a free short one.
 */

export const HOURS_PER_ECTS = 27.5;
/** Workload's weight in cost mode: a tie-breaker far below one cent per hour. */
const WORKLOAD_TIE_BREAK = 1e-6;

export type CatalogEntry = {
  id: string;
  name: string;
  organizationId: string;
  issuerName: string;
  /** Competency ids it certifies (alignments and criteria). */
  skills: readonly string[];
  workloadHours: number;
  price: { amount: number; currency: string } | null;
  prerequisiteIds: readonly string[];
};

export type Optimize = 'workload' | 'cost';

export type RecommendationOptions = {
  optimize: Optimize;
  /** Prices in other currencies cannot be compared; those achievements sit out cost mode. */
  currency: string;
  budgetHours?: number;
  budgetAmount?: number;
  excludeIssuers?: ReadonlySet<string>;
  excludeAchievements?: ReadonlySet<string>;
};

export function workloadOf(definition: {
  creditsAvailable?: number;
  euElements?: { notionalWorkloadHours?: number };
}): number {
  return (
    definition.euElements?.notionalWorkloadHours ??
    (definition.creditsAvailable ?? 0) * HOURS_PER_ECTS
  );
}

/** What the optimizer minimizes for one achievement. */
export function costOf(entry: CatalogEntry, optimize: Optimize): number {
  if (optimize === 'workload') return entry.workloadHours;
  return (entry.price?.amount ?? 0) + entry.workloadHours * WORKLOAD_TIE_BREAK;
}

export type Candidate = {
  entry: CatalogEntry;
  cost: number;
  /** Gap skills (competency ids) it covers. */
  covers: string[];
  /** Unmet prerequisites, transitively, that must be taken with it (in the catalog, not held). */
  closure: string[];
};

export type Instance = {
  /** Residual need per coverable gap skill. */
  need: ReadonlyMap<string, number>;
  /** Gap skills no available achievement covers. */
  uncoverable: string[];
  /** Achievements that cover a gap skill, plus the prerequisites they drag in. */
  candidates: ReadonlyMap<string, Candidate>;
  /** Ids of candidates considered for selection on their own (covering something). */
  coverers: string[];
  optimize: Optimize;
  budget: { hours?: number; amount?: number };
};

/**
 * Builds the optimization instance. A prerequisite is met when the learner holds it or has
 * proven every skill it certifies (so nothing already proven is ever recommended); an
 * achievement whose unmet prerequisite is not available (archived, excluded, unknown, or cyclic)
 * cannot be taken and is left out.
 */
export function buildInstance(
  catalog: ReadonlyMap<string, CatalogEntry>,
  skillIndex: ReadonlyMap<string, readonly string[]>,
  gapNeed: ReadonlyMap<string, number>,
  learner: { held: ReadonlySet<string>; proven: ReadonlySet<string> },
  options: RecommendationOptions,
): Instance {
  const available = (entry: CatalogEntry | undefined): entry is CatalogEntry =>
    entry !== undefined &&
    !options.excludeIssuers?.has(entry.organizationId) &&
    !options.excludeAchievements?.has(entry.id) &&
    (options.optimize === 'workload' ||
      entry.price === null ||
      entry.price.currency === options.currency);
  const satisfied = (entry: CatalogEntry) =>
    learner.held.has(entry.id) ||
    (entry.skills.length > 0 && entry.skills.every((s) => learner.proven.has(s)));

  const closures = new Map<string, string[] | null>();
  const closureOf = (id: string, path: Set<string>): string[] | null => {
    const known = closures.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return null;
    path.add(id);
    const entry = catalog.get(id)!;
    const result = new Set<string>();
    let feasible = true;
    for (const pre of entry.prerequisiteIds) {
      const prerequisite = catalog.get(pre);
      if (prerequisite && satisfied(prerequisite)) continue;
      if (!available(prerequisite)) {
        feasible = false;
        break;
      }
      const sub = closureOf(pre, path);
      if (sub === null) {
        feasible = false;
        break;
      }
      result.add(pre);
      for (const s of sub) result.add(s);
    }
    path.delete(id);
    const closure = feasible ? [...result].sort() : null;
    closures.set(id, closure);
    return closure;
  };

  const coverersOf = new Map<string, Candidate>();
  for (const skill of gapNeed.keys())
    for (const id of skillIndex.get(skill) ?? []) {
      if (coverersOf.has(id)) continue;
      const entry = catalog.get(id);
      if (!available(entry) || satisfied(entry)) continue;
      const closure = closureOf(id, new Set());
      if (closure === null) continue;
      coverersOf.set(id, {
        entry,
        cost: costOf(entry, options.optimize),
        covers: entry.skills.filter((s) => gapNeed.has(s)),
        closure,
      });
    }
  const budgeted = options.budgetHours !== undefined || options.budgetAmount !== undefined;
  const coverers = prune([...coverersOf.values()], budgeted);
  const candidates = new Map<string, Candidate>();
  for (const c of coverers) {
    candidates.set(c.entry.id, c);
    for (const pre of c.closure)
      if (!candidates.has(pre)) {
        const entry = catalog.get(pre)!;
        candidates.set(pre, {
          entry,
          cost: costOf(entry, options.optimize),
          covers: entry.skills.filter((s) => gapNeed.has(s)),
          closure: closureOf(pre, new Set()) ?? [],
        });
      }
  }
  const coverable = new Set([...candidates.values()].flatMap((c) => c.covers));
  const need = new Map([...gapNeed].filter(([skill]) => coverable.has(skill)));
  return {
    need,
    uncoverable: [...gapNeed.keys()].filter((s) => !coverable.has(s)),
    candidates,
    coverers: coverers.map((c) => c.entry.id),
    optimize: options.optimize,
    budget: { hours: options.budgetHours, amount: options.budgetAmount },
  };
}

/**
 * Drops dominated candidates: one without unmet prerequisites whose gap skills another
 * prerequisite-free candidate also covers at no greater cost. Candidates with prerequisites stay
 * (their true cost depends on what else is chosen). Ties keep the smaller id, so one survives.
 */
function prune(candidates: Candidate[], budgeted: boolean): Candidate[] {
  // Under a budget, the other measure matters too: never swap in something that costs more of it.
  const noWorse = (k: Candidate, c: Candidate) =>
    k.cost <= c.cost &&
    (!budgeted ||
      (k.entry.workloadHours <= c.entry.workloadHours &&
        (k.entry.price?.amount ?? 0) <= (c.entry.price?.amount ?? 0)));
  const free = candidates
    .filter((c) => c.closure.length === 0)
    .sort(
      (a, b) => b.covers.length - a.covers.length || a.cost - b.cost || cmp(a.entry.id, b.entry.id),
    );
  const kept: Candidate[] = [];
  for (const c of free) {
    const dominated = kept.some(
      (k) => noWorse(k, c) && c.covers.every((s) => k.covers.includes(s)),
    );
    if (!dominated) kept.push(c);
  }
  return [...kept, ...candidates.filter((c) => c.closure.length > 0)].sort((a, b) =>
    cmp(a.entry.id, b.entry.id),
  );
}

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Real totals of a selection: hours and money (in the request's currency). */
export function totalsOf(ids: Iterable<string>, catalog: ReadonlyMap<string, CatalogEntry>) {
  let hours = 0;
  let amount = 0;
  for (const id of ids) {
    const entry = catalog.get(id);
    if (!entry) continue;
    hours += entry.workloadHours;
    amount += entry.price?.amount ?? 0;
  }
  return { hours, amount: Math.round(amount * 100) / 100 };
}
