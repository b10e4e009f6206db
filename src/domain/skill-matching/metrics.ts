/**
 * Ranking metrics as used for the TECH skill-extraction benchmark (Decorte et al.): for each
 * query a ranking of concept keys and the set of relevant keys, averaged over queries.
 */

export type Judged = { ranking: readonly string[]; relevant: ReadonlySet<string> };

/** Relevant items among the first k, divided by min(k, number relevant): 1 is the best possible. */
export function rPrecisionAt(k: number, { ranking, relevant }: Judged): number {
  if (relevant.size === 0) return 0;
  const hits = ranking.slice(0, k).filter((key) => relevant.has(key)).length;
  return hits / Math.min(k, relevant.size);
}

/** 1 / rank of the first relevant item, 0 when none is ranked. */
export function reciprocalRank({ ranking, relevant }: Judged): number {
  const first = ranking.findIndex((key) => relevant.has(key));
  return first === -1 ? 0 : 1 / (first + 1);
}

/** Mean of precision at each relevant item's rank; relevant items never ranked count as 0. */
export function averagePrecision({ ranking, relevant }: Judged): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((key, i) => {
    if (relevant.has(key)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

export type RankingFigures = { queries: number; rPrecisionAt5: number; mrr: number; map: number };

export function rankingFigures(judged: readonly Judged[]): RankingFigures {
  const mean = (f: (j: Judged) => number) =>
    judged.length === 0 ? 0 : judged.reduce((sum, j) => sum + f(j), 0) / judged.length;
  return {
    queries: judged.length,
    rPrecisionAt5: mean((j) => rPrecisionAt(5, j)),
    mrr: mean(reciprocalRank),
    map: mean(averagePrecision),
  };
}
