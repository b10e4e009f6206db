/**
 * Orders a chosen set into a pathway the learner can follow: topological by prerequisites and by
 * stacking (an achievement that is part of a chosen pathway's credential comes before it), and
 * among what is ready, stacks first (what more later steps build on), then what closes the most.
 * Each step names the missing skills it closes and why it stands where it does.
 */
import { type CatalogEntry, cmp } from './catalog.ts';

export type Stack = { pathwayTitle: string; achievementId: string; memberIds: readonly string[] };

export type PathwayStep = {
  position: number;
  achievementId: string;
  name: string;
  issuerName: string;
  workloadHours: number;
  price: { amount: number; currency: string } | null;
  /** Gap skills this step closes first (competency ids). */
  closes: string[];
  reason: string;
};

export function orderPathway(
  chosen: readonly string[],
  catalog: ReadonlyMap<string, CatalogEntry>,
  need: ReadonlyMap<string, number>,
  stacks: readonly Stack[],
  labelOf: (competencyId: string) => string,
): PathwayStep[] {
  const set = new Set(chosen);
  const before = new Map<string, Set<string>>(chosen.map((id) => [id, new Set()]));
  const why = new Map<string, string[]>(chosen.map((id) => [id, []]));
  for (const id of chosen)
    for (const pre of catalog.get(id)!.prerequisiteIds) if (set.has(pre)) before.get(id)!.add(pre);
  for (const stack of stacks)
    if (set.has(stack.achievementId))
      for (const member of stack.memberIds)
        if (set.has(member) && member !== stack.achievementId) {
          before.get(stack.achievementId)!.add(member);
          why.get(member)!.push(`part of the pathway "${stack.pathwayTitle}"`);
        }
  // Computed once: how many chosen steps build on each one (transitively), and what it closes.
  const after = new Map<string, string[]>(chosen.map((id) => [id, []]));
  for (const [id, pres] of before) for (const pre of pres) after.get(pre)!.push(id);
  const dependentCount = new Map<string, number>();
  for (const id of chosen) {
    const seen = new Set<string>();
    const stack = [...after.get(id)!];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...after.get(x)!);
    }
    dependentCount.set(id, seen.size);
  }
  const weightOf = new Map(
    chosen.map((id) => [
      id,
      catalog.get(id)!.skills.reduce((total, s) => total + (need.get(s) ?? 0), 0),
    ]),
  );
  const dependents = (id: string) => dependentCount.get(id)!;
  const weight = (id: string) => weightOf.get(id)!;

  const done = new Set<string>();
  const closed = new Set<string>();
  const steps: PathwayStep[] = [];
  while (done.size < set.size) {
    const ready = chosen.filter(
      (id) => !done.has(id) && [...before.get(id)!].every((p) => done.has(p)),
    );
    // A cycle cannot come out of the optimizer (prerequisite cycles are infeasible); guard anyway.
    const pool = ready.length > 0 ? ready : chosen.filter((id) => !done.has(id));
    const next = [...pool].sort(
      (a, b) => dependents(b) - dependents(a) || weight(b) - weight(a) || cmp(a, b),
    )[0]!;
    const entry = catalog.get(next)!;
    const closes = entry.skills.filter((s) => need.has(s) && !closed.has(s));
    for (const s of closes) closed.add(s);
    done.add(next);
    steps.push({
      position: steps.length + 1,
      achievementId: next,
      name: entry.name,
      issuerName: entry.issuerName,
      workloadHours: entry.workloadHours,
      price: entry.price,
      closes,
      reason: reasonFor(next, entry, before, why, chosen, catalog, closes, labelOf),
    });
  }
  return steps;
}

function reasonFor(
  id: string,
  entry: CatalogEntry,
  before: Map<string, Set<string>>,
  why: Map<string, string[]>,
  chosen: readonly string[],
  catalog: ReadonlyMap<string, CatalogEntry>,
  closes: string[],
  labelOf: (competencyId: string) => string,
): string {
  const parts: string[] = [];
  const after = [...before.get(id)!].map((p) => `"${catalog.get(p)!.name}"`);
  if (after.length > 0) parts.push(`Comes after ${after.join(', ')}, which it builds on.`);
  const enables = chosen
    .filter((other) => before.get(other)!.has(id))
    .map((other) => `"${catalog.get(other)!.name}"`);
  if (enables.length > 0)
    parts.push(`Comes early: ${enables.join(', ')} build${enables.length > 1 ? '' : 's'} on it.`);
  for (const note of why.get(id)!) parts.push(`It is ${note}.`);
  if (closes.length > 0) {
    const names = closes.slice(0, 4).map((s) => `"${labelOf(s)}"`);
    const more = closes.length > 4 ? ` and ${closes.length - 4} more` : '';
    parts.push(`Closes ${names.join(', ')}${more}.`);
  } else parts.push(`Closes no missing skill itself; it is required before the steps that follow.`);
  if (entry.prerequisiteIds.length > 0 && after.length === 0)
    parts.push('Its prerequisites are already met by what you hold or have proven.');
  return parts.join(' ');
}
