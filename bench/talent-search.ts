/**
 * Times talent search (issue 8 item 4) on a synthetic population in a fresh embedded database:
 * LEARNERS learners (default 5,000) with 4 credentials each issued here, aligned to 1–3 of 60
 * competencies; OPTED_IN (default 60%) of them opted in. Runs SEARCHES searches for 5 random
 * skills and prints the median and p95 of the whole service call (rate limit → candidates in SQL →
 * hydration → filters → ranking → views and audit written) and how many candidates each one
 * hydrated. Figures only; nothing asserts on time.
 *
 *   node bench/talent-search.ts
 *   node bench/talent-search.ts --learners 20000 --searches 50
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  findTalentCandidates,
  findTalentCandidatesIssuedHere,
} from '../src/db/repositories/talent-profiles.ts';
import {
  accountEmails,
  accounts,
  achievements,
  competencies,
  frameworks,
  issuedCredentials,
  organizations,
  talentProfiles,
} from '../src/db/schema.ts';
import type { Actor } from '../src/domain/policy.ts';
import { hydrateCandidates } from '../src/services/talent-search/hydrate.ts';
import { searchTalent } from '../src/services/talent-search/search.ts';
import { openBenchDatabase } from './bench-database.ts';
import { machineInfo } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '5000' },
    searches: { type: 'string', default: '30' },
    'opted-in': { type: 'string', default: '0.6' },
    seed: { type: 'string', default: '42' },
  },
});
const LEARNERS = Number(args.learners);
const SEARCHES = Number(args.searches);
const OPTED_IN = Number(args['opted-in']);

// Deterministic data (mulberry32), so runs compare.
let state = Number(args.seed) >>> 0;
function next(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let x = state;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const sample = <T>(list: readonly T[], n: number) => {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length > 0)
    out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
  return out;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

const { ctx, close } = await openBenchDatabase('skillmark-talent-bench-');
try {
  console.log(machineInfo());
  let started = performance.now();
  const issuerId = randomUUID();
  const employerId = randomUUID();
  await ctx.db.insert(organizations).values([
    { id: issuerId, slug: 'bench-issuer', name: 'Bench Issuer', kind: 'university' },
    { id: employerId, slug: 'bench-employer', name: 'Bench Employer', kind: 'employer' },
  ]);
  const frameworkId = randomUUID();
  await ctx.db.insert(frameworks).values({
    id: frameworkId,
    organizationId: issuerId,
    source: 'local',
    identifier: 'bench',
    uri: 'http://localhost:3000/frameworks/bench',
    title: 'Bench framework',
    readOnly: false,
  });
  const skills = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    frameworkId,
    identifier: `s${i}`,
    uri: `http://localhost:3000/frameworks/bench/competencies/s${i}`,
    statement: `Skill ${i}`,
    code: `S${i}`,
    sequenceNumber: i,
  }));
  await ctx.db.insert(competencies).values(skills);
  const catalog = Array.from({ length: 120 }, (_, i) => {
    const aligned = sample(skills, 1 + Math.floor(next() * 3));
    return {
      id: randomUUID(),
      organizationId: issuerId,
      name: `Credential ${i}`,
      achievementType: 'MicroCredential',
      definition: {
        name: `Credential ${i}`,
        alignments: aligned.map((s) => ({ targetName: s.statement, targetUrl: s.uri })),
      },
    };
  });
  await ctx.db.insert(achievements).values(catalog);
  const people = Array.from({ length: LEARNERS }, (_, i) => ({
    id: randomUUID(),
    email: `learner-${i}@bench.example`,
  }));
  await inBatches(people, (batch) =>
    ctx.db
      .insert(accounts)
      .values(batch.map((p) => ({ id: p.id, displayName: p.email, passwordHash: 'x' }))),
  );
  await inBatches(people, (batch) =>
    ctx.db
      .insert(accountEmails)
      .values(batch.map((p) => ({ email: p.email, accountId: p.id, isPrimary: true }))),
  );
  const credentials = people.flatMap((p) =>
    sample(catalog, 4).map((a) => ({
      id: randomUUID(),
      organizationId: issuerId,
      achievementId: a.id,
      format: 'eddsa-rdfc-2022',
      signed: '{}',
      recipientEmail: p.email,
      issuedAt: new Date(Date.UTC(2025, Math.floor(next() * 12), 1 + Math.floor(next() * 28))),
    })),
  );
  await inBatches(credentials, (batch) => ctx.db.insert(issuedCredentials).values(batch));
  const optedIn = people.filter(() => next() < OPTED_IN);
  await inBatches(optedIn, (batch) =>
    ctx.db
      .insert(talentProfiles)
      .values(batch.map((p) => ({ accountId: p.id, id: randomUUID(), optedIn: true }))),
  );
  console.log(
    `${LEARNERS} learners (${optedIn.length} opted in), ${credentials.length} credentials seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const latencies: number[] = [];
  const results: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    // A fresh token per search, so the per-person rate limit (30 a minute) does not stop the run.
    const actor: Actor = {
      kind: 'api-token',
      tokenId: randomUUID(),
      organizationId: employerId,
      role: 'viewer',
    };
    const wanted = sample(skills, 5).map((s) => s.uri);
    started = performance.now();
    const result = await searchTalent(ctx, actor, 'bench-employer', { skills: wanted, limit: 20 });
    latencies.push(performance.now() - started);
    results.push(result.candidates.length);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${SEARCHES} searches for 5 skills: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; results per search: median ${[...results].sort((a, b) => a - b)[Math.floor(results.length / 2)]}`,
  );
  // Where the time goes, per stage, for the same kind of search.
  const stages = { candidates: [] as number[], hydration: [] as number[], pool: [] as number[] };
  for (let i = 0; i < Math.min(SEARCHES, 10); i++) {
    const query = {
      skillUris: sample(skills, 5).map((s) => s.uri),
      achievementNames: [],
      issuers: [],
      issuedSince: null,
      now: new Date(),
      limit: 200,
    };
    started = performance.now();
    const [a, b] = await Promise.all([
      findTalentCandidates(ctx.db, query),
      findTalentCandidatesIssuedHere(ctx.db, query),
    ]);
    const ids = [...new Set([...a, ...b].map((c) => c.accountId))];
    stages.candidates.push(performance.now() - started);
    started = performance.now();
    await hydrateCandidates(ctx, ids);
    stages.hydration.push(performance.now() - started);
    stages.pool.push(ids.length);
  }
  const med = (values: number[]) =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  console.log(
    `stages (median of ${stages.pool.length}): candidates in SQL ${med(stages.candidates).toFixed(1)} ms, hydration of ${med(stages.pool)} candidates ${med(stages.hydration).toFixed(1)} ms`,
  );
} finally {
  await close();
}
