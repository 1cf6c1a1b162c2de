import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../src/core/db/open';
import { CommitGroup } from '../../src/core/db/commit-group';
import { makeCore, okValue, type TestCore } from '../support/core';
import { issueSlip, onHand, stockItem } from '../support/slips';
import { tempDir } from '../support/fixed';

/** Counts the transactions begun on `db` by hand (better-sqlite3's own use its native statements). */
function countBegins(db: Db): { begins: number } {
  const seen = { begins: 0 };
  const exec = db.exec.bind(db);
  db.exec = ((sql: string) => {
    if (/^BEGIN/i.test(sql)) seen.begins += 1;
    return exec(sql);
  }) as Db['exec'];
  return seen;
}

describe('a commit group', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'group.sqlite'));
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE t (x INTEGER, p INTEGER REFERENCES parent (id)) STRICT');
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  const rows = () => (db.prepare('SELECT x FROM t ORDER BY x').all() as { x: number }[]).map((r) => r.x);

  it('commits the writes that arrive together in one transaction; one that fails is undone alone', async () => {
    const group = new CommitGroup(db);
    const seen = countBegins(db);
    const insert = (x: number) => () => db.prepare('INSERT INTO t (x) VALUES (?)').run(x).changes;
    const results = await Promise.allSettled([
      group.run(insert(1)),
      group.run(() => {
        insert(2)();
        throw new Error('refused half-way');
      }),
      // A service's own transaction nests as a savepoint of the group's.
      group.run(() => db.transaction(() => insert(3)() + insert(4)())()),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'refused half-way', 2]);
    expect(rows()).toEqual([1, 3, 4]);
    expect(seen.begins).toBe(1);
    expect(db.inTransaction).toBe(false);
  });

  it('fails every write of the group when the commit itself fails, and keeps none of them', async () => {
    const group = new CommitGroup(db);
    db.pragma('foreign_keys = ON');
    const results = await Promise.allSettled([
      group.run(() => db.prepare('INSERT INTO t (x) VALUES (1)').run()),
      group.run(() => {
        // Checked only at COMMIT: the whole group's commit is refused.
        db.pragma('defer_foreign_keys = ON');
        db.prepare('INSERT INTO t (x, p) VALUES (2, 99)').run();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(rows()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    // The next group works as usual.
    await group.run(() => db.prepare('INSERT INTO t (x) VALUES (3)').run());
    expect(rows()).toEqual([3]);
  });
});

describe('writes from many stations at once (stations.load)', () => {
  let t: TestCore;
  let coord: string;
  beforeEach(async () => {
    t = makeCore();
    coord = await t.setUp();
  });
  afterEach(() => t.dispose());

  it('share one transaction and one sync to disk, each answered as if alone, each retry answered from the log', async () => {
    const rice = stockItem(t.core, 'rice', [{ qty: 20, expiresOn: '2027-01-01' }]);
    const slips = Array.from({ length: 6 }, () => issueSlip(t.core, [{ itemId: rice, qty: 2 }]));
    const seen = countBegins(t.core.ctx.db);
    const redeem = (slipId: string, requestId = randomUUID()) =>
      t.core.dispatch('slip.redeem', { input: { slipId, table: 'T1' }, session: coord, requestId });
    const intake = (requestId: string) =>
      t.core.dispatch('intake.submit', {
        input: { requestId, language: 'en', household: { adults: 1 }, needs: [{ itemId: rice, qty: 1 }] },
        requestId,
      });
    const visits = [randomUUID(), randomUUID()];
    const answers = await Promise.all([
      ...slips.map((s) => redeem(s.id)),
      // A second table scans the first slip at the same moment.
      redeem(slips[0]!.id),
      ...visits.map(intake),
    ]);
    expect(seen.begins).toBe(1);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([...slips.map(() => 'ok'), 'slip.already_redeemed', 'ok', 'ok']);
    // 12 given, 2 reserved by the new slips: the refused scan took nothing.
    expect(onHand(t.core, rice)).toBe(8);
    expect((t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions').get() as { n: number }).n).toBe(6);
    // The request log was written with the writes: a retry gets the first answer, acts no more.
    expect(okValue(await intake(visits[0]!))).toEqual(okValue(answers[7]!));
    expect((t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(8);
  });
});
