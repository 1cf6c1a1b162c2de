import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/open';
import { tempDir } from '../support/fixed';
import { join } from 'node:path';

describe('the statement cache (db.prepare compiles each SQL once)', () => {
  const dir = tempDir('kiosk-stmt-');
  const db = openDatabase(join(dir.path, 'k.sqlite'), { migrations: [] });
  db.exec('CREATE TABLE t (n INTEGER) STRICT; INSERT INTO t VALUES (1), (2), (3);');
  afterAll(() => {
    db.close();
    dir.remove();
  });

  it('hands back the same compiled statement for the same SQL', () => {
    expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(db.prepare('SELECT n FROM t ORDER BY n'));
  });

  it('a mode asked of it comes on a statement of its own: the shared one stays plain', () => {
    const sql = 'SELECT n FROM t ORDER BY n';
    const plucked = db.prepare(sql).pluck();
    expect(plucked).not.toBe(db.prepare(sql));
    expect(plucked.all()).toEqual([1, 2, 3]);
    expect(db.prepare(sql).all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(db.prepare(sql).raw().all()).toEqual([[1], [2], [3]]);
    expect(plucked.all()).toEqual([1, 2, 3]);
  });

  it('a statement still being iterated is not handed out again', () => {
    const sql = 'SELECT n FROM t ORDER BY n';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ n: number }>) {
      seen.push(row.n, (db.prepare(sql).all() as { n: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
  });

  it('keeps working after the schema changes', () => {
    const sql = 'SELECT * FROM t LIMIT 1';
    expect(db.prepare(sql).get()).toEqual({ n: 1 });
    db.exec('ALTER TABLE t ADD COLUMN m INTEGER');
    expect(db.prepare(sql).get()).toEqual({ n: 1, m: null });
  });
});
