/**
 * The exact optimizer: the same choice as an integer program (CPLEX LP text), solved by an
 * injected MIP solver (HiGHS in WebAssembly in production; the domain stays free of I/O).
 *
 *   x_a ∈ {0,1}   take achievement a            y_s ∈ {0,1}   gap skill s closed
 *   prerequisites: x_a ≤ x_p for every unmet prerequisite p of a
 *   no budget:     Σ_{a covers s} x_a ≥ 1 for every coverable s;  minimize Σ cost_a x_a
 *   budget:        y_s ≤ Σ_{a covers s} x_a;  Σ hours_a x_a ≤ H;  Σ price_a x_a ≤ M;
 *                  first maximize Σ need_s y_s, then minimize cost at that coverage.
 */
import { cmp, type Instance } from './catalog.ts';
import { coveredBy, type Selection } from './greedy.ts';

export type MipResult = {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'error';
  objective: number;
  values: ReadonlyMap<string, number>;
};
export type MipSolver = (lp: string) => MipResult;

/** The largest instance given to the exact solver at all (the benchmark's setting). */
export const MAX_EXACT_CANDIDATES = 400;

export type ExactOutcome =
  | { solved: true; selection: Selection }
  | { solved: false; reason: string };

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(9));

export function exactCover(
  instance: Instance,
  solve: MipSolver,
  limit = MAX_EXACT_CANDIDATES,
): ExactOutcome {
  const ids = [...instance.candidates.keys()].sort(cmp);
  if (ids.length === 0) return { solved: true, selection: { ids: [], cost: 0, covered: [] } };
  if (ids.length > limit)
    return { solved: false, reason: `${ids.length} candidates (limit ${limit})` };
  const x = new Map(ids.map((id, i) => [id, `x${i}`]));
  const skills = [...instance.need.keys()].sort(cmp);
  const y = new Map(skills.map((s, i) => [s, `y${i}`]));
  const coverers = new Map<string, string[]>(skills.map((s) => [s, []]));
  for (const id of ids)
    for (const s of instance.candidates.get(id)!.covers) coverers.get(s)?.push(x.get(id)!);

  const rows: string[] = [];
  for (const id of ids)
    for (const pre of instance.candidates.get(id)!.closure)
      rows.push(` p${rows.length}: ${x.get(id)} - ${x.get(pre)} <= 0`);
  const costTerms = ids.map((id) => `${num(instance.candidates.get(id)!.cost)} ${x.get(id)}`);
  const budgeted = instance.budget.hours !== undefined || instance.budget.amount !== undefined;
  const binaries = [...x.values(), ...(budgeted ? y.values() : [])].join(' ');

  if (!budgeted) {
    for (const s of skills) rows.push(` c${rows.length}: ${coverers.get(s)!.join(' + ')} >= 1`);
    const lp = `Minimize\n obj: ${costTerms.join(' + ')}\nSubject To\n${rows.join('\n')}\nBinary\n ${binaries}\nEnd\n`;
    return outcome(instance, ids, x, solve(lp));
  }

  for (const s of skills)
    rows.push(` c${rows.length}: ${y.get(s)} - ${coverers.get(s)!.join(' - ')} <= 0`);
  const { hours, amount } = instance.budget;
  if (hours !== undefined)
    rows.push(
      ` bh: ${ids.map((id) => `${num(instance.candidates.get(id)!.entry.workloadHours)} ${x.get(id)}`).join(' + ')} <= ${num(hours)}`,
    );
  if (amount !== undefined)
    rows.push(
      ` bm: ${ids.map((id) => `${num(instance.candidates.get(id)!.entry.price?.amount ?? 0)} ${x.get(id)}`).join(' + ')} <= ${num(amount)}`,
    );
  const needTerms = skills.map((s) => `${num(instance.need.get(s)!)} ${y.get(s)}`);
  const first = solve(
    `Maximize\n obj: ${needTerms.join(' + ')}\nSubject To\n${rows.join('\n')}\nBinary\n ${binaries}\nEnd\n`,
  );
  if (first.status !== 'optimal') return { solved: false, reason: `solver: ${first.status}` };
  rows.push(` keep: ${needTerms.join(' + ')} >= ${num(first.objective - 1e-6)}`);
  const second = solve(
    `Minimize\n obj: ${costTerms.join(' + ')}\nSubject To\n${rows.join('\n')}\nBinary\n ${binaries}\nEnd\n`,
  );
  return outcome(instance, ids, x, second);
}

function outcome(
  instance: Instance,
  ids: string[],
  x: Map<string, string>,
  result: MipResult,
): ExactOutcome {
  if (result.status !== 'optimal') return { solved: false, reason: `solver: ${result.status}` };
  const chosen = ids.filter((id) => (result.values.get(x.get(id)!) ?? 0) > 0.5);
  let cost = 0;
  for (const id of chosen) cost += instance.candidates.get(id)!.cost;
  return {
    solved: true,
    selection: { ids: chosen, cost, covered: [...coveredBy(instance, chosen)] },
  };
}

type LoadedHighs = Awaited<ReturnType<typeof import('highs').default>>;

/**
 * A `MipSolver` over a loaded HiGHS instance (the caller loads the WebAssembly once). Each solve
 * is capped at `timeLimitSeconds` so a hard instance degrades to the greedy instead of stalling.
 */
export function highsSolver(highs: LoadedHighs, timeLimitSeconds = 2): MipSolver {
  return (lp) => {
    const result = highs.solve(lp, { output_flag: false, time_limit: timeLimitSeconds });
    const status =
      result.Status === 'Optimal'
        ? 'optimal'
        : result.Status === 'Time limit reached'
          ? 'time-limit'
          : result.Status === 'Infeasible'
            ? 'infeasible'
            : 'error';
    const values = new Map<string, number>();
    if (status === 'optimal')
      for (const [name, column] of Object.entries(result.Columns))
        values.set(name, (column as { Primal: number }).Primal);
    return { status, objective: status === 'optimal' ? result.ObjectiveValue : 0, values };
  };
}
