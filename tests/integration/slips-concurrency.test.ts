import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { makeCore, type TestCore } from '../support/core';
import { issueSlip, onHand, stockItem } from '../support/slips';

const WORKER = new URL('../support/redeem-worker.ts', import.meta.url).href;

type Outcome = { slipId: string; ok: boolean; code: string | null };

/** Starts one worker per table, releases them together, and collects every attempt. */
async function race(t: TestCore, tables: string[][]): Promise<Outcome[]> {
  const gate = new SharedArrayBuffer(8);
  const flags = new Int32Array(gate);
  const workers = tables.map(
    (slipIds, n) =>
      // The worker is TypeScript: register tsx's loader in the thread, then import it.
      new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER)}); })`, {
        eval: true,
        workerData: { file: t.file, table: `table-${n + 1}`, slipIds, gate, clockMs: t.clock.now().getTime() },
      }),
  );
  const results = workers.map(
    (w) =>
      new Promise<Outcome[]>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      }),
  );
  // Wait until every table has its connection open, then let them all go at once.
  while (Atomics.load(flags, 1) < workers.length) await new Promise((r) => setTimeout(r, 20));
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  const all = (await Promise.all(results)).flat();
  await Promise.all(workers.map((w) => w.terminate()));
  return all;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('redeeming under real contention (worker threads, one SQLite connection each)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp();
  });
  afterEach(() => t.dispose());

  it('lets exactly one of many tables redeem the same slip', async () => {
    const rice = stockItem(t.core, 'rice', [{ qty: 10, expiresOn: '2027-01-01' }]);
    const slip = issueSlip(t.core, [{ itemId: rice, qty: 2 }]);
    const outcomes = await race(
      t,
      Array.from({ length: 6 }, () => [slip.id]),
    );
    expect(outcomes).toHaveLength(6);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.code)).toEqual(Array(5).fill('slip.already_redeemed'));
    expect(onHand(t.core, rice)).toBe(8);
    const db = t.core.ctx.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM redemptions').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM movements WHERE kind = 'distribute'").get()).toEqual({ n: 1 });
  });

  it('across 100 slips x 10 attempts: exactly 100 redemptions, stock taken once each', async () => {
    const items = ['rice', 'beans', 'oil'].map((k) =>
      stockItem(t.core, k, [
        { qty: 150, expiresOn: '2027-01-01' },
        { qty: 150, expiresOn: '2026-12-05' },
      ]),
    );
    const slips = Array.from({ length: 100 }, (_, n) => issueSlip(t.core, [{ itemId: items[n % 3] as string, qty: 1 + (n % 2) }]));
    const ids = slips.map((s) => s.id);
    // Five tables, each trying every slip twice in its own order: ten attempts per slip.
    const outcomes = await race(
      t,
      Array.from({ length: 5 }, (_, n) => shuffled([...ids, ...ids], n + 1)),
    );
    expect(outcomes).toHaveLength(1000);
    const wins = outcomes.filter((o) => o.ok);
    expect(wins).toHaveLength(100);
    expect(new Set(wins.map((w) => w.slipId)).size).toBe(100);
    expect(new Set(outcomes.filter((o) => !o.ok).map((o) => o.code))).toEqual(new Set(['slip.already_redeemed']));
    const db = t.core.ctx.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM redemptions').get()).toEqual({ n: 100 });
    // Each slip's items left stock exactly once: 50 slips of 1 and 50 of 2 spread over 3 items.
    const expected = new Map<string, number>();
    slips.forEach((_, n) => expected.set(items[n % 3] as string, (expected.get(items[n % 3] as string) ?? 0) + 1 + (n % 2)));
    for (const item of items) expect(onHand(t.core, item)).toBe(300 - (expected.get(item) ?? 0));
    const perSlip = db.prepare("SELECT slip_id, -SUM(qty) AS q FROM movements WHERE kind = 'distribute' GROUP BY slip_id").all() as {
      slip_id: string;
      q: number;
    }[];
    expect(perSlip).toHaveLength(100);
    for (const row of perSlip) expect(row.q).toBe(1 + (ids.indexOf(row.slip_id) % 2));
  }, 60_000);
});
