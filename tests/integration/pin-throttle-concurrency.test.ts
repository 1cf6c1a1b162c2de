import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { FREE_ATTEMPTS } from '../../src/core/site/pin-throttle';
import { makeCore, type TestCore } from '../support/core';

const WORKER = new URL('../support/login-worker.ts', import.meta.url).href;

type Outcome = { codes: string[]; hashed: number };

describe('the wrong-PIN throttle under real contention (worker threads, one SQLite connection each)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp();
  });
  afterEach(() => t.dispose());

  it('looks at exactly the designed number of 60 parallel wrong PINs', async () => {
    const gate = new SharedArrayBuffer(8);
    const flags = new Int32Array(gate);
    const workers = Array.from(
      { length: 6 },
      (_, n) =>
        new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER)}); })`, {
          eval: true,
          workerData: {
            file: t.file,
            name: `kiosk-${n}`,
            pins: Array.from({ length: 10 }, (_, k) => String(5000 + n * 10 + k)),
            gate,
            clockMs: t.clock.now().getTime(),
          },
        }),
    );
    const results = workers.map(
      (w) =>
        new Promise<Outcome>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
        }),
    );
    while (Atomics.load(flags, 1) < workers.length) await new Promise((r) => setTimeout(r, 20));
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    const outcomes = await Promise.all(results);
    await Promise.all(workers.map((w) => w.terminate()));

    const codes = outcomes.flatMap((o) => o.codes);
    expect(codes).toHaveLength(60);
    // Every PIN looked at was wrong, so the count is the number looked at.
    expect(t.core.ctx.db.prepare('SELECT failures FROM pin_throttle').all()).toEqual([{ failures: FREE_ATTEMPTS }]);
    // Exactly the free attempts get their PIN looked at. The answers to those may already say to
    // wait (the others' attempts were counted first), but never more than two say a plain "wrong PIN".
    expect(codes.filter((c) => c === 'auth.wrong_pin').length).toBeLessThanOrEqual(FREE_ATTEMPTS - 1);
    expect(outcomes.reduce((n, o) => n + o.hashed, 0)).toBe(FREE_ATTEMPTS);
    expect(codes.every((c) => c === 'auth.wrong_pin' || c === 'volunteers.pin_wait')).toBe(true);
    // Six threads each loading TypeScript: slow on two shared cores, as slips-concurrency is.
  }, 60_000);
});
