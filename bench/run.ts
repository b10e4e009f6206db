/**
 * `npm run bench`: runs the cases exported by every `bench/*.bench.ts` module, one
 * at a time in this process, and prints a table. Figures only, no thresholds.
 *
 *   npm run bench                       all cases
 *   npm run bench -- --only rdfc        cases (or modules) whose name contains "rdfc"
 *   npm run bench -- --time 5000        measure each case for 5 s (default 2 s)
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BenchCase, formatTable, type Measurement, machineInfo, measure } from './measure.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    time: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '500' },
  },
});

function milliseconds(name: string, value: string): number {
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`--${name} must be a positive number of ms`);
  return ms;
}

const options = {
  budgetMs: milliseconds('time', values.time),
  warmupMs: milliseconds('warmup', values.warmup),
};
const only = values.only?.toLowerCase();

const modules = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

/** A module may summarise its own measurements (ratios, correctness checks) after the table. */
type Summary = (results: Measurement[]) => Promise<string> | string;

const selected: BenchCase[] = [];
const summaries: Summary[] = [];
for (const file of modules) {
  const moduleName = file.replace(/\.bench\.ts$/, '');
  const { cases, summary } = (await import(`./${file}`)) as {
    cases: BenchCase[];
    summary?: Summary;
  };
  const matchesModule = only === undefined || moduleName.toLowerCase().includes(only);
  const chosen = cases.filter((c) => matchesModule || c.name.toLowerCase().includes(only ?? ''));
  selected.push(...chosen);
  if (summary && chosen.length > 0) summaries.push(summary);
}

if (selected.length === 0) {
  console.error(`No benchmark case matches --only ${values.only}.`);
  process.exit(1);
}

console.log(machineInfo());
console.log(
  `Each case: ${options.warmupMs} ms warm-up, then ${options.budgetMs} ms of sequential operations.\n`,
);
const results: Measurement[] = [];
for (const bench of selected) {
  process.stderr.write(`  measuring ${bench.name.replace(/\s+/g, ' ')}…\n`);
  results.push(await measure(bench, options));
}
console.log(`\n${formatTable(results)}`);
for (const summary of summaries) console.log(`\n${await summary(results)}`);
