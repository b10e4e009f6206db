/**
 * Times recommendations (issue 7 item 7): full ESCO v1.1.1 imported into a fresh embedded
 * database, a seeded synthetic catalog of 10,000 micro-credentials aligned to ESCO skills (with
 * prerequisites and prices), a learner with 20 proven skills (credentials issued here), and a goal
 * per sampled occupation. Prints the median and p95 of the whole service call (goal → gap →
 * optimizer → start links), coverage of the gap, total workload, and the optimality gap between
 * greedy and the exact solver on the instances it solves. Figures only; nothing asserts on time.
 *
 *   npm run bench:recommend                     10,000 achievements, 200 goals
 *   node bench/recommend.ts --catalog 2000 --goals 50 --seed 7
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import {
  accountEmails,
  accounts,
  achievementOffers,
  achievements,
  issuedCredentials,
  learnerGoals,
  organizations,
} from '../src/db/schema.ts';
import type { Actor } from '../src/domain/policy.ts';
import { MAX_EXACT_CANDIDATES } from '../src/domain/recommendations/exact.ts';
import { recommend } from '../src/domain/recommendations/plan.ts';
import { importEsco } from '../src/services/frameworks/esco-import.ts';
import { loadCatalog } from '../src/services/recommendations/catalog.ts';
import { mipSolver } from '../src/services/recommendations/mip-solver.ts';
import {
  getGoalGap,
  getGoalRecommendation,
  SERVED_EXACT_LIMIT,
} from '../src/services/recommendations/recommend-for-goal.ts';
import { openBenchDatabase } from './bench-database.ts';
import { machineInfo } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    catalog: { type: 'string', default: '10000' },
    goals: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    proven: { type: 'string', default: '20' },
  },
});
const CATALOG = Number(args.catalog);
const GOALS = Number(args.goals);
const PROVEN = Number(args.proven);
const ORGANIZATIONS = 40;

const escoDir = fileURLToPath(new URL('../../shared/data/esco/v1.1.1/', import.meta.url));
if (!existsSync(join(escoDir, 'v111_classification_en.zip'))) {
  console.log(`Skipped: no ESCO v1.1.1 at ${escoDir} (the shared data folder is not here).`);
  process.exit(0);
}

/** mulberry32: the same catalog on every run with the same seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(Number(args.seed));
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
function sample<T>(list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length > 0)
    out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

const { ctx, close } = await openBenchDatabase('skillmark-recommend-bench-');
try {
  console.log(machineInfo());
  let started = performance.now();
  await importEsco(ctx, { kind: 'admin-token' }, [escoDir]);
  console.log(`ESCO imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Occupations with their skills: the catalog is aligned to what occupations need, as real
  // providers' offers are, so goals have several competing ways to close their gaps.
  const profile = (await ctx.db.execute(sql`
    select o.id as occupation_id, c.uri, c.id as competency_id
      from occupation_skills os join occupations o on o.id = os.occupation_id
      join competencies c on c.id = os.competency_id`)) as unknown as {
    rows: Array<{ occupation_id: string; uri: string; competency_id: string }>;
  };
  const skillsOf = new Map<string, string[]>();
  for (const row of profile.rows)
    skillsOf.set(row.occupation_id, [...(skillsOf.get(row.occupation_id) ?? []), row.uri]);
  const occupationIds = [...skillsOf.keys()].filter((id) => skillsOf.get(id)!.length >= 5);
  const allSkillUris = [...new Set(profile.rows.map((r) => r.uri))];

  started = performance.now();
  const orgIds = Array.from({ length: ORGANIZATIONS }, () => randomUUID());
  await ctx.db.insert(organizations).values(
    orgIds.map((id, i) => ({
      id,
      slug: `provider-${i}`,
      name: `Provider ${i}`,
      kind: 'university',
    })),
  );
  const catalog: Array<{ id: string; org: string; skills: string[] }> = [];
  for (let i = 0; i < CATALOG; i++) {
    const occupationSkills = skillsOf.get(pick(occupationIds))!;
    const skills = sample(occupationSkills, 1 + Math.floor(next() * 5));
    if (next() < 0.3) skills.push(pick(allSkillUris));
    catalog.push({ id: randomUUID(), org: pick(orgIds), skills: [...new Set(skills)] });
  }
  for (let i = 0; i < catalog.length; i += 500) {
    const batch = catalog.slice(i, i + 500);
    await ctx.db.insert(achievements).values(
      batch.map((a, j) => ({
        id: a.id,
        organizationId: a.org,
        name: `Micro-credential ${i + j}`,
        achievementType: 'MicroCredential',
        definition: {
          name: `Micro-credential ${i + j}`,
          alignments: a.skills.map((uri) => ({ targetName: uri.slice(-8), targetUrl: uri })),
          ...(next() < 0.5
            ? { creditsAvailable: 1 + Math.floor(next() * 6) }
            : { euElements: { notionalWorkloadHours: 5 + Math.floor(next() * 120) } }),
        },
      })),
    );
    await ctx.db.insert(achievementOffers).values(
      batch.map((a, j) => {
        const index = i + j;
        // Prerequisites point to earlier achievements of the same provider: never a cycle.
        const earlier = catalog
          .slice(Math.max(0, index - 300), index)
          .filter((b) => b.org === a.org);
        const prerequisiteIds =
          next() < 0.2 && earlier.length > 0
            ? sample(earlier, 1 + Math.floor(next() * 2)).map((b) => b.id)
            : [];
        const priced = next() < 0.7;
        return {
          achievementId: a.id,
          prerequisiteIds,
          priceAmount: priced ? (50 + Math.floor(next() * 1450)).toFixed(2) : null,
          priceCurrency: priced ? 'EUR' : null,
        };
      }),
    );
  }
  console.log(
    `catalog of ${CATALOG} micro-credentials generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The learner's 20 proven skills: credentials issued here by provider 0 for skills of popular occupations.
  const learnerId = randomUUID();
  const email = 'bench-learner@example.org';
  await ctx.db
    .insert(accounts)
    .values({ id: learnerId, displayName: 'Bench learner', passwordHash: 'x' });
  await ctx.db
    .insert(accountEmails)
    .values({ email, accountId: learnerId, isPrimary: true, verifiedAt: new Date() });
  const provenUris = sample(
    [...new Set(sample(occupationIds, 10).flatMap((id) => skillsOf.get(id)!))],
    PROVEN,
  );
  for (let i = 0; i < provenUris.length; i += 4) {
    const id = randomUUID();
    await ctx.db.insert(achievements).values({
      id,
      organizationId: orgIds[0]!,
      name: `Held ${i}`,
      achievementType: 'MicroCredential',
      definition: {
        alignments: provenUris
          .slice(i, i + 4)
          .map((uri) => ({ targetName: 'held', targetUrl: uri })),
        creditsAvailable: 2,
      },
    });
    await ctx.db.insert(issuedCredentials).values({
      id: randomUUID(),
      organizationId: orgIds[0]!,
      achievementId: id,
      format: 'eddsa-rdfc-2022',
      signed: '{}',
      recipientEmail: email,
      issuedAt: new Date(),
    });
  }
  const goalOccupations = sample(occupationIds, GOALS);
  const goalIds = goalOccupations.map(() => randomUUID());
  await ctx.db
    .insert(learnerGoals)
    .values(
      goalIds.map((id, i) => ({ id, accountId: learnerId, occupationId: goalOccupations[i]! })),
    );
  const actor: Actor = {
    kind: 'account',
    accountId: learnerId,
    isAdmin: false,
    memberships: new Map(),
  };

  started = performance.now();
  await getGoalRecommendation(ctx, actor, goalIds[0]!, { alternatives: 0 });
  console.log(
    `first call (builds the catalog index, loads HiGHS): ${(performance.now() - started).toFixed(0)} ms`,
  );

  for (const optimize of ['workload', 'cost'] as const) {
    const latencies: number[] = [];
    const coverage: number[] = [];
    const coverable: number[] = [];
    const hours: number[] = [];
    const gaps: number[] = [];
    const candidates: number[] = [];
    let exactSolved = 0;
    let exactChosen = 0;
    let servedExact = 0;
    for (const goalId of goalIds) {
      const t0 = performance.now();
      const served = await getGoalRecommendation(ctx, actor, goalId, { optimize, alternatives: 0 });
      latencies.push(performance.now() - t0);
      if (served.recommendation.method === 'exact') servedExact++;
      // Untimed: the same instance given to the exact solver up to its largest size.
      const result = await getGoalRecommendation(ctx, actor, goalId, {
        optimize,
        alternatives: 0,
        exactLimit: MAX_EXACT_CANDIDATES,
      });
      const r = result.recommendation;
      coverage.push(served.recommendation.coverage.ofGap);
      coverable.push(served.recommendation.coverage.ofCoverable);
      hours.push(served.recommendation.totals.hours);
      candidates.push(r.optimizer.candidates);
      if (r.optimizer.optimalityGap !== null) {
        exactSolved++;
        gaps.push(r.optimizer.optimalityGap);
      }
      if (r.method === 'exact') exactChosen++;
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
    console.log(
      [
        `optimize=${optimize}: ${goalIds.length} goals`,
        `  latency median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
        `  coverage of the gap: mean ${(mean(coverage) * 100).toFixed(1)}%, of what is coverable: mean ${(mean(coverable) * 100).toFixed(1)}%`,
        `  total workload: median ${median(hours).toFixed(1)} h; candidates after pruning: median ${median(candidates)}`,
        `  served plans solved exactly (≤ ${SERVED_EXACT_LIMIT} candidates): ${servedExact}/${goalIds.length}`,
        `  exact solver (≤ ${MAX_EXACT_CANDIDATES} candidates, untimed): solved ${exactSolved}/${goalIds.length}, chosen ${exactChosen}; greedy above optimum by mean ${(mean(gaps) * 100).toFixed(2)}%, max ${(Math.max(0, ...gaps) * 100).toFixed(2)}%, on ${gaps.filter((g) => g > 1e-9).length} instances`,
      ].join('\n'),
    );
  }
  const gapOnly: number[] = [];
  const optimizerOnly: number[] = [];
  const cached = await loadCatalog(ctx.db);
  const solve = await mipSolver();
  for (const goalId of goalIds.slice(0, 50)) {
    const t0 = performance.now();
    const { gap } = await getGoalGap(ctx, actor, goalId);
    gapOnly.push(performance.now() - t0);
    const t1 = performance.now();
    recommend({
      catalog: cached.entries,
      skillIndex: cached.skillIndex,
      need: new Map(gap.skills.filter((s) => s.need > 0).map((s) => [s.competencyId, s.need])),
      held: new Set(),
      proven: new Set(gap.skills.filter((s) => s.status === 'covered').map((s) => s.competencyId)),
      stacks: cached.stacks,
      labelOf: (id) => id,
      options: { optimize: 'workload', currency: 'EUR' },
      solve,
      exactLimit: SERVED_EXACT_LIMIT,
    });
    optimizerOnly.push(performance.now() - t1);
  }
  console.log(
    `split over 50 goals: goal → proven skills → gap (database reads) median ${median(gapOnly).toFixed(1)} ms; optimizer alone (pure, in memory) median ${median(optimizerOnly).toFixed(1)} ms`,
  );
  const withAlternatives: number[] = [];
  for (const goalId of goalIds.slice(0, 30)) {
    const t0 = performance.now();
    await getGoalRecommendation(ctx, actor, goalId, { alternatives: 2 });
    withAlternatives.push(performance.now() - t0);
  }
  console.log(
    `with 2 alternatives (as the goal page shows): median ${median(withAlternatives).toFixed(1)} ms over ${withAlternatives.length} goals`,
  );
} finally {
  await close();
}
