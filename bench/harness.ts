import { performance } from 'node:perf_hooks';

export interface BenchResult {
  name: string;
  unit: 'ms';
  median: number;
  p95: number;
  n: number;
  /** The same work with bare better-sqlite3 (or bare node:http), measured in the same run: the limit. */
  raw_median: number;
  ratio: number;
}

export interface Benchmark {
  name: string;
  /** Iterations of each side. */
  n?: number;
  setup(): Promise<void> | void;
  run(i: number): Promise<unknown> | unknown;
  raw(i: number): Promise<unknown> | unknown;
  teardown(): Promise<void> | void;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

async function sample(fn: (i: number) => unknown, n: number, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await fn(offset + i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** Runs both sides interleaved in rounds so machine noise falls on both alike. */
export async function measure(b: Benchmark): Promise<BenchResult> {
  const n = b.n ?? 50;
  await b.setup();
  try {
    await sample(b.run, Math.min(5, n), 0);
    await sample(b.raw, Math.min(5, n), 0);
    const mine: number[] = [];
    const raw: number[] = [];
    const rounds = 5;
    const per = Math.max(1, Math.ceil(n / rounds));
    for (let r = 0; r < rounds; r += 1) {
      mine.push(...(await sample(b.run, per, 1000 + r * per)));
      raw.push(...(await sample(b.raw, per, 1000 + r * per)));
    }
    mine.sort((a, c) => a - c);
    raw.sort((a, c) => a - c);
    const median = quantile(mine, 0.5);
    const rawMedian = quantile(raw, 0.5);
    return {
      name: b.name,
      unit: 'ms',
      median: round(median),
      p95: round(quantile(mine, 0.95)),
      n: mine.length,
      raw_median: round(rawMedian),
      ratio: round(median / rawMedian),
    };
  } finally {
    await b.teardown();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
