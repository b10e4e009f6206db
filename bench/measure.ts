/**
 * A small benchmark harness: warm up, then run one operation at a time for a fixed
 * time budget (or count), timing each call with performance.now(). It reports figures
 * only; nothing here asserts on timing.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';

/** One thing to measure. `run` is awaited, so async work is timed to completion. */
export interface BenchCase {
  name: string;
  /** Runs before the warm-up, e.g. to sign the credential a verify case needs. */
  setup?: () => Promise<void> | void;
  run: () => unknown;
}

/** How long to measure each case. */
export interface MeasureOptions {
  /** Warm-up time before measuring, so the JIT and caches settle. */
  warmupMs: number;
  /** Measure for this long… */
  budgetMs: number;
  /** …or stop after this many operations, whichever comes first. */
  maxOps?: number;
}

/** Figures for one case. */
export interface Measurement {
  name: string;
  ops: number;
  opsPerSecond: number;
  meanMs: number;
  p95Ms: number;
}

async function runFor(run: () => unknown, budgetMs: number, maxOps: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + budgetMs;
  let now = performance.now();
  while (now < end && latencies.length < maxOps) {
    const start = now;
    await run();
    now = performance.now();
    latencies.push(now - start);
  }
  return latencies;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Measures one case: setup, warm-up, then sequential runs within the budget. */
export async function measure(bench: BenchCase, options: MeasureOptions): Promise<Measurement> {
  await bench.setup?.();
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  await runFor(bench.run, options.warmupMs, maxOps);
  const latencies = await runFor(bench.run, options.budgetMs, maxOps);
  const total = latencies.reduce((sum, ms) => sum + ms, 0);
  const sorted = latencies.toSorted((a, b) => a - b);
  return {
    name: bench.name,
    ops: latencies.length,
    opsPerSecond: total > 0 ? (latencies.length * 1000) / total : Number.NaN,
    meanMs: total / latencies.length,
    p95Ms: percentile(sorted, 95),
  };
}

/** The machine the figures came from. */
export function machineInfo(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 2 ** 30).toFixed(0);
  return [
    `CPU:    ${cpu} (${availableParallelism()} cores available)`,
    `Memory: ${memoryGiB} GiB`,
    `Node:   ${process.version} (${process.platform}-${process.arch}), V8 ${process.versions.v8}`,
  ].join('\n');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(value >= 1 ? 2 : 3);
}

/** Formats measurements as a plain-text table with right-aligned figures. */
export function formatTable(rows: Measurement[]): string {
  const header = ['case', 'ops/s', 'mean ms', 'p95 ms', 'ops'];
  const cells = rows.map((r) => [
    r.name,
    formatNumber(r.opsPerSecond),
    formatNumber(r.meanMs),
    formatNumber(r.p95Ms),
    r.ops.toLocaleString('en-US'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
