import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 20: inventory', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps foundation stock and adds tags, counts and the hot-path indexes', () => {
    const file = join(dir.path, 'm.sqlite');
    const old = openDatabase(file, { targetVersion: 10 });
    old.exec(`
      INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES ('i1', 's', 'can', 5, 't', 't');
      INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES ('l1', 'i1', 'A', '2026-12-01', 't');
      INSERT INTO movements (id, item_id, lot_id, kind, qty, at) VALUES ('m1', 'i1', 'l1', 'receive', 7, 't');
      INSERT INTO on_hand (item_id, lot_id, qty) VALUES ('i1', 'l1', 7);
    `);
    old.close();

    const db = openDatabase(file);
    expect(userVersion(db)).toBeGreaterThanOrEqual(20);
    expect(db.prepare('SELECT qty FROM on_hand').get()).toEqual({ qty: 7 });
    db.prepare("INSERT INTO item_tags (item_id, tag) VALUES ('i1', 'vegan')").run();
    expect(() => db.prepare("INSERT INTO item_tags (item_id, tag) VALUES ('i1', 'vegan')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO stock_counts (id, request_id, at) VALUES ('c1', 'r1', 't')").run();
    expect(() => db.prepare("INSERT INTO stock_counts (id, request_id, at) VALUES ('c2', 'r1', 't')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO stock_count_lines (count_id, item_id, lot_id, expected, counted) VALUES ('c1', 'i1', 'l1', 7, 6)").run();
    expect(() => db.prepare("INSERT INTO stock_count_lines (count_id, item_id, expected, counted) VALUES ('c1', 'i1', 7, -1)").run()).toThrow(/CHECK/);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['slips_open', 'lots_expiry', 'item_tags_tag']));
    db.close();
  });
});
