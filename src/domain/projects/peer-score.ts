/**
 * Combines peer reviews robustly. Two passes:
 * 1. Per criterion, the plain median of the reviewers' levels (a single outlier cannot move it).
 * 2. Each reviewer's agreement: one minus their mean distance from those medians, as a share of
 *    the criterion's range. Weight = agreement², so a reviewer far from the others counts little.
 * The result per criterion is the weighted median under those weights.
 */
import { median } from '../statistics.ts';

export type PeerReview = { reviewerKey: string; levels: Record<string, number> };
export type CriterionRange = { id: string; minLevel: number; topLevel: number };

export type PeerScore = {
  reviewCount: number;
  criteria: Record<string, { median: number; level: number; score: number }>;
  /** reviewerKey → 0..1 weight (opaque keys: the caller decides whether they identify anyone). */
  weights: Record<string, number>;
  /** Mean agreement of the reviewers, 0..1 (1: all reviewers picked the same levels). */
  agreement: number;
};

/**
 * The weighted median: the value where the cumulative weight first reaches half of the total;
 * exactly half at a value averages it with the next one (so equal weights give the plain median).
 */
export function weightedMedian(entries: ReadonlyArray<{ value: number; weight: number }>): number {
  const sorted = entries.filter((e) => e.weight > 0).sort((a, b) => a.value - b.value);
  if (sorted.length === 0) return median(entries.map((e) => e.value));
  const total = sorted.reduce((sum, e) => sum + e.weight, 0);
  let cumulative = 0;
  for (let index = 0; index < sorted.length; index++) {
    cumulative += sorted[index]!.weight;
    const half = total / 2;
    if (Math.abs(cumulative - half) < 1e-9 && index + 1 < sorted.length)
      return (sorted[index]!.value + sorted[index + 1]!.value) / 2;
    if (cumulative > half) return sorted[index]!.value;
  }
  return sorted.at(-1)!.value;
}

/** Aggregates completed peer reviews of one submission; criteria a review left out are skipped. */
export function aggregatePeerScores(
  criteria: readonly CriterionRange[],
  reviews: readonly PeerReview[],
): PeerScore | undefined {
  if (reviews.length === 0) return undefined;
  const medians = new Map<string, number>();
  for (const criterion of criteria) {
    const levels = reviews.flatMap((r) => levelOf(r, criterion.id));
    if (levels.length > 0) medians.set(criterion.id, median(levels));
  }
  const weights: Record<string, number> = {};
  for (const review of reviews) {
    const distances = criteria.flatMap((criterion) => {
      const level = review.levels[criterion.id];
      const middle = medians.get(criterion.id);
      if (level === undefined || middle === undefined) return [];
      const range = Math.max(1, criterion.topLevel - criterion.minLevel);
      return [Math.min(1, Math.abs(level - middle) / range)];
    });
    const distance =
      distances.length === 0 ? 1 : distances.reduce((a, b) => a + b, 0) / distances.length;
    weights[review.reviewerKey] = (1 - distance) ** 2;
  }
  const result: PeerScore['criteria'] = {};
  for (const criterion of criteria) {
    const middle = medians.get(criterion.id);
    if (middle === undefined) continue;
    const level = weightedMedian(
      reviews.flatMap((r) =>
        levelOf(r, criterion.id).map((value) => ({ value, weight: weights[r.reviewerKey]! })),
      ),
    );
    result[criterion.id] = { median: middle, level, score: round(level / criterion.topLevel) };
  }
  const agreementValues = Object.values(weights).map(Math.sqrt);
  return {
    reviewCount: reviews.length,
    criteria: result,
    weights: Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, round(w)])),
    agreement: round(agreementValues.reduce((a, b) => a + b, 0) / agreementValues.length),
  };
}

function levelOf(review: PeerReview, criterionId: string): number[] {
  const level = review.levels[criterionId];
  return level === undefined ? [] : [level];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
