import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../src/core/db/open';
import { CHECKPOINT_MS, Checkpointer, INLINE_CHECKPOINT_PAGES } from '../../src/core/db/checkpointer';
import type { Ticker } from '../../src/core/exchange/network-schedule';
import { bootCore, parseKioskArgs } from '../../src/core/boot';
import { tempDir } from '../support/fixed';

/** A ticker the test fires by hand: no timers, no sleeping. */
class HandTicker implements Ticker {
  readonly timers: { ms: number; fn: () => void }[] = [];
  every(ms: number, fn: () => void): () => void {
    const t = { ms, fn };
    this.timers.push(t);
    return () => this.timers.splice(this.timers.indexOf(t), 1);
  }
  fire(): void {
    for (const t of [...this.timers]) t.fn();
  }
}

const autocheckpoint = (db: Db) => db.pragma('wal_autocheckpoint', { simple: true }) as number;
/** Enough rows to put well over 1,000 pages (SQLite's inline threshold) into the log. */
const fillLog = (db: Db) => {
  const insert = db.prepare('INSERT INTO scratch (b) VALUES (randomblob(3000))');
  for (let i = 0; i < 1500; i += 1) insert.run();
};

describe('background checkpoints', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'kiosk.sqlite');
    db = openDatabase(file);
    db.exec('CREATE TABLE scratch (b BLOB)');
  });
  afterEach(() => {
    if (db.open) closeDatabase(db);
    dir.remove();
  });

  it('copies the log into the database on a worker, and the core’s own connection stops doing it on its thread', async () => {
    const ticker = new HandTicker();
    const c = new Checkpointer(db, { ticker });
    expect(await c.ready).toBe(true);
    expect(autocheckpoint(db)).toBe(0);
    expect(ticker.timers.map((t) => t.ms)).toEqual([CHECKPOINT_MS]);

    // Past the inline threshold, the commits leave every page in the log: no stall on this thread.
    fillLog(db);
    const logBytes = statSync(`${file}-wal`).size;
    expect(logBytes).toBeGreaterThan(INLINE_CHECKPOINT_PAGES * 4096);
    const first = await c.checkpoint();
    expect(first).not.toBeNull();
    expect(first!.log).toBeGreaterThan(INLINE_CHECKPOINT_PAGES);
    expect(first!.checkpointed).toBe(first!.log);

    // The next writer starts the log again from its beginning: it does not grow without bound.
    fillLog(db);
    expect(await c.checkpoint()).toMatchObject({ busy: 0 });
    db.prepare("INSERT INTO scratch (b) VALUES (x'01')").run();
    const afterRestart = await c.checkpoint();
    expect(afterRestart!.log).toBeLessThan(10);

    await c.stop();
    expect(autocheckpoint(db)).toBe(INLINE_CHECKPOINT_PAGES);
    expect(ticker.timers).toEqual([]);
    closeDatabase(db);
    // Closed cleanly: every page is in the database and the log is gone.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openDatabase(file);
    expect((again.prepare('SELECT COUNT(*) AS n FROM scratch').get() as { n: number }).n).toBe(3001);
    again.close();
  });

  it('runs on the ticker, one checkpoint at a time', async () => {
    const ticker = new HandTicker();
    const c = new Checkpointer(db, { ticker });
    await c.ready;
    const asked = vi.spyOn(c, 'checkpoint');
    fillLog(db);
    ticker.fire();
    ticker.fire(); // the first is still running: not asked twice
    expect(asked).toHaveBeenCalledTimes(1);
    const done = await (asked.mock.results[0]!.value as ReturnType<Checkpointer['checkpoint']>);
    expect(done!.log).toBeGreaterThan(INLINE_CHECKPOINT_PAGES);
    expect(done!.checkpointed).toBe(done!.log);
    ticker.fire();
    expect(asked).toHaveBeenCalledTimes(2);
    await c.stop();
  });

  it('leaves checkpoints on the core’s thread when the worker cannot start, and says why', async () => {
    const errors: unknown[] = [];
    const c = new Checkpointer(db, {
      ticker: new HandTicker(),
      driver: join(dir.path, 'no-such-driver.js'),
      logError: (e) => errors.push(e),
    });
    expect(await c.ready).toBe(false);
    expect(autocheckpoint(db)).toBe(INLINE_CHECKPOINT_PAGES);
    expect(String(errors[0])).toMatch(/no-such-driver/);
    expect(await c.checkpoint()).toBeNull();
    // Inline, as SQLite does by default: a commit past the threshold copies the log itself.
    fillLog(db);
    expect((db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0]!.log).toBeLessThan(
      INLINE_CHECKPOINT_PAGES * 2,
    );
  });

  it('is how the hosts run the core (bootCore), and closing the core stops it', async () => {
    const booted = bootCore({
      args: parseKioskArgs(['--data-dir', join(dir.path, 'host')], { others: 'refuse' }),
      env: {},
      logError: () => undefined,
    });
    try {
      expect(booted.core.checkpoints).not.toBeNull();
      expect(await booted.core.checkpoints!.ready).toBe(true);
      expect(autocheckpoint(booted.core.ctx.db)).toBe(0);
    } finally {
      await booted.core.services.networkSchedule.stop();
      booted.core.close();
    }
    expect(booted.core.ctx.db.open).toBe(false);
  });
});
