import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { snapshotImage } from '../../src/core/db/snapshot';
import { tempDir } from '../support/fixed';

describe('a backup image of the database', () => {
  it('is made by a connection of its own (a worker), so the kiosk keeps its thread and its open transaction', async () => {
    const dir = tempDir();
    try {
      const db = new Database(join(dir.path, 'kiosk.sqlite'));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x INTEGER) STRICT');
      db.prepare('INSERT INTO t VALUES (1)').run();
      // A write under way on the kiosk's own connection: an in-place serialize would copy it;
      // the worker's connection sees only what was committed.
      db.exec('BEGIN IMMEDIATE');
      db.prepare('INSERT INTO t VALUES (2)').run();
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 0);
      const image = await snapshotImage(db);
      clearInterval(timer);
      db.exec('COMMIT');
      // As restore does: an image of a WAL database opens in memory once it says "rollback".
      image[18] = 1;
      image[19] = 1;
      const copy = new Database(image);
      expect(copy.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1]);
      copy.close();
      // The main thread went on turning while the copy was made.
      expect(ticks).toBeGreaterThan(0);
      db.close();
    } finally {
      dir.remove();
    }
  });

  it('serializes an in-memory database in place (there is no file for a second connection)', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)');
    const copy = new Database(await snapshotImage(db));
    expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe(7);
  });
});
