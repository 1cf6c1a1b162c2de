import { performance } from 'node:perf_hooks';

export interface BenchResult {
  name: string;
  unit: 'ms';
  /** Samples of each side (the same n for both): p95 is a percentile only with n ≥ 30. */
  n: number;
  median: number;
  /** null when n < 30: with fewer samples the "95th percentile" would only be the maximum. */
  p95: number | null;
  max: number;
  /** The first measured call, before any warm-up (only benches that say its cost matters set `coldFirst`). */
  first: number | null;
  /** The same work done bare (better-sqlite3, node:http, JSON), measured in the same run. */
  raw_median: number;
  raw_p95: number | null;
  /** median / raw_median: how far the app is above its floor. */
  ratio: number;
  /** The figure's goal, when the issue sets one (ms, compared with p95). */
  goal: number | null;
}

export interface Benchmark {
  name: string;
  /** Measured samples of each side; at least 30 for p95 to be reported (heavy exchange benches take fewer and report none). */
  n?: number;
  /** Unmeasured calls of each side first (JIT, statement caches). 0 when the first call is the point. */
  warmup?: number;
  /** Report the run side's first call on its own (e.g. the export that has to sign everything). */
  coldFirst?: boolean;
  /** run and raw return their own measured ms (for a bench that times one part of what it does). */
  timed?: boolean;
  /** Goal for p95 in ms, from the issue. */
  goal?: number;
  setup(): Promise<void> | void;
  run(i: number): Promise<unknown> | unknown;
  raw(i: number): Promise<unknown> | unknown;
  teardown(): Promise<void> | void;
}

export const MIN_SAMPLES = 30;

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

async function time(fn: (i: number) => unknown, i: number, timed = false): Promise<number> {
  const start = performance.now();
  const own = await fn(i);
  const took = performance.now() - start;
  return timed && typeof own === 'number' ? own : took;
}

/**
 * Runs the app side and its floor alternately, one sample each, swapping which goes first on
 * every sample: neither side always gets the warm cache, and machine noise falls on both alike.
 * Sample indices are shared (sample k of each side gets index k) so both do the same inputs.
 */
export async function measure(b: Benchmark): Promise<BenchResult> {
  const n = Math.max(1, b.n ?? 60);
  const warmup = b.warmup ?? 5;
  await b.setup();
  try {
    const mine: number[] = [];
    const raw: number[] = [];
    let first: number | null = null;
    let i = 0;
    if (b.coldFirst) {
      first = await time(b.run, i, b.timed);
      mine.push(first);
      raw.push(await time(b.raw, i, b.timed));
      i += 1;
    }
    for (let w = 0; w < warmup; w += 1, i += 1) {
      if (w % 2 === 0) {
        await b.run(i);
        await b.raw(i);
      } else {
        await b.raw(i);
        await b.run(i);
      }
    }
    while (mine.length < n) {
      if (mine.length % 2 === 0) {
        mine.push(await time(b.run, i, b.timed));
        raw.push(await time(b.raw, i, b.timed));
      } else {
        raw.push(await time(b.raw, i, b.timed));
        mine.push(await time(b.run, i, b.timed));
      }
      i += 1;
    }
    mine.sort((a, c) => a - c);
    raw.sort((a, c) => a - c);
    const median = quantile(mine, 0.5);
    const rawMedian = quantile(raw, 0.5);
    return {
      name: b.name,
      unit: 'ms',
      n: mine.length,
      median: round(median),
      p95: n >= MIN_SAMPLES ? round(quantile(mine, 0.95)) : null,
      max: round(mine.at(-1)!),
      first: first === null ? null : round(first),
      raw_median: round(rawMedian),
      raw_p95: n >= MIN_SAMPLES ? round(quantile(raw, 0.95)) : null,
      ratio: round(median / rawMedian),
      goal: b.goal ?? null,
    };
  } finally {
    await b.teardown();
  }
}

export const round = (x: number): number => Math.round(x * 1000) / 1000;
