/**
 * Greedy weighted set cover, the baseline: repeatedly take the achievement (with the unmet
 * prerequisites it drags in) that closes the most remaining need per unit of cost, until nothing
 * more can be closed or the budget is spent; then drop any choice the rest makes redundant.
 * The classic ln(n)-approximation (Chvátal 1979), extended with prerequisite bundles.
 */
import { type Candidate, cmp, type Instance } from './catalog.ts';

export type Selection = { ids: string[]; cost: number; covered: string[] };

export function measure(
  instance: Instance,
  ids: Iterable<string>,
): { hours: number; amount: number; cost: number } {
  let hours = 0;
  let amount = 0;
  let cost = 0;
  for (const id of ids) {
    const c = instance.candidates.get(id)!;
    hours += c.entry.workloadHours;
    amount += c.entry.price?.amount ?? 0;
    cost += c.cost;
  }
  return { hours, amount, cost };
}

export function withinBudget(instance: Instance, totals: { hours: number; amount: number }) {
  const { hours, amount } = instance.budget;
  const epsilon = 1e-9;
  return (
    (hours === undefined || totals.hours <= hours + epsilon) &&
    (amount === undefined || totals.amount <= amount + epsilon)
  );
}

export function coveredBy(instance: Instance, ids: Iterable<string>): Set<string> {
  const covered = new Set<string>();
  for (const id of ids)
    for (const s of instance.candidates.get(id)!.covers) if (instance.need.has(s)) covered.add(s);
  return covered;
}

export function greedyCover(instance: Instance): Selection {
  const chosen = new Set<string>();
  const covered = new Set<string>();
  const spent = { hours: 0, amount: 0 };
  for (;;) {
    let best: { bundle: Candidate[]; ratio: number; gain: number; id: string } | undefined;
    for (const id of instance.coverers) {
      if (chosen.has(id)) continue;
      const candidate = instance.candidates.get(id)!;
      // Most candidates have no prerequisites: score them without building a bundle.
      const bundle =
        candidate.closure.length === 0
          ? [candidate]
          : [id, ...candidate.closure]
              .filter((x) => !chosen.has(x))
              .map((x) => instance.candidates.get(x)!);
      let gain = 0;
      if (bundle.length === 1) {
        for (const s of candidate.covers) if (!covered.has(s)) gain += instance.need.get(s) ?? 0;
      } else {
        const seen = new Set<string>();
        for (const c of bundle)
          for (const s of c.covers)
            if (!covered.has(s) && !seen.has(s)) {
              seen.add(s);
              gain += instance.need.get(s) ?? 0;
            }
      }
      if (gain <= 0) continue;
      const added = measure(
        instance,
        bundle.map((c) => c.entry.id),
      );
      if (
        !withinBudget(instance, {
          hours: spent.hours + added.hours,
          amount: spent.amount + added.amount,
        })
      )
        continue;
      const ratio = added.cost > 0 ? gain / added.cost : Number.POSITIVE_INFINITY;
      if (
        !best ||
        ratio > best.ratio ||
        (ratio === best.ratio && (gain > best.gain || (gain === best.gain && cmp(id, best.id) < 0)))
      )
        best = { bundle, ratio, gain, id };
    }
    if (!best) break;
    for (const c of best.bundle) {
      chosen.add(c.entry.id);
      spent.hours += c.entry.workloadHours;
      spent.amount += c.entry.price?.amount ?? 0;
      for (const s of c.covers) if (instance.need.has(s)) covered.add(s);
    }
  }
  const ids = dropRedundant(instance, [...chosen]);
  return { ids, cost: measure(instance, ids).cost, covered: [...coveredBy(instance, ids)] };
}

/** Removes, most expensive first, choices that neither cover anything alone nor are prerequisites. */
export function dropRedundant(instance: Instance, ids: string[]): string[] {
  const kept = new Set(ids);
  const target = coveredBy(instance, kept).size;
  const byCost = [...ids].sort(
    (a, b) => instance.candidates.get(b)!.cost - instance.candidates.get(a)!.cost || cmp(a, b),
  );
  for (const id of byCost) {
    const needed = [...kept].some(
      (other) => other !== id && instance.candidates.get(other)!.closure.includes(id),
    );
    if (needed) continue;
    kept.delete(id);
    if (coveredBy(instance, kept).size < target) kept.add(id);
  }
  return [...kept].sort(cmp);
}
