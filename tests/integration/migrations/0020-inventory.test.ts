import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 20: inventory', () => {
  const dbFile = migrationFolder();

  it('keeps foundation stock and adds tags, counts and the hot-path indexes', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 10,
        seed: (old) => {
          old.exec(`
            INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES ('i1', 's', 'can', 5, 't', 't');
            INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES ('l1', 'i1', 'A', '2026-12-01', 't');
            INSERT INTO movements (id, item_id, lot_id, kind, qty, at) VALUES ('m1', 'i1', 'l1', 'receive', 7, 't');
            INSERT INTO on_hand (item_id, lot_id, qty) VALUES ('i1', 'l1', 7);
            INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't');
            INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h', 'en', 't', 't');
            INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v1', 'h', 'en', 'r1', 't'), ('v2', 'h', 'en', 'r2', 't'), ('v3', 'h', 'en', 'r3', 't');
            INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at, voided_at)
              VALUES ('open', 'A', 1, 'v1', 'h', 'en', 2523, 2530, '', 't', NULL), ('void', 'B', 1, 'v2', 'h', 'en', 2523, 2530, '', 't', 't'),
                     ('done', 'C', 1, 'v3', 'h', 'en', 2523, 2530, '', 't', NULL);
            INSERT INTO slip_lines (slip_id, item_id, qty) VALUES ('open', 'i1', 3), ('void', 'i1', 4), ('done', 'i1', 5);
            INSERT INTO redemptions (slip_id, at) VALUES ('done', 't');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBeGreaterThanOrEqual(20);
        expect(db.prepare('SELECT qty FROM on_hand').get()).toEqual({ qty: 7 });
        // Per-item totals and open reservations are filled from the existing rows.
        expect(db.prepare('SELECT item_id, on_hand, next_expiry FROM item_stock').all()).toEqual([
          { item_id: 'i1', on_hand: 7, next_expiry: '2026-12-01' },
        ]);
        expect(db.prepare('SELECT item_id, expiry_day, qty FROM reservations ORDER BY expiry_day').all()).toEqual([
          { item_id: 'i1', expiry_day: 2530, qty: 3 },
        ]);
        db.prepare("INSERT INTO item_tags (item_id, tag) VALUES ('i1', 'vegan')").run();
        expect(() => db.prepare("INSERT INTO item_tags (item_id, tag) VALUES ('i1', 'vegan')").run()).toThrow(/UNIQUE/);
        db.prepare("INSERT INTO stock_counts (id, request_id, at) VALUES ('c1', 'r1', 't')").run();
        expect(() => db.prepare("INSERT INTO stock_counts (id, request_id, at) VALUES ('c2', 'r1', 't')").run()).toThrow(/UNIQUE/);
        db.prepare("INSERT INTO stock_count_lines (count_id, item_id, lot_id, expected, counted) VALUES ('c1', 'i1', 'l1', 7, 6)").run();
        expect(() =>
          db.prepare("INSERT INTO stock_count_lines (count_id, item_id, expected, counted) VALUES ('c1', 'i1', 7, -1)").run(),
        ).toThrow(/CHECK/);
        const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
        expect(indexes).toEqual(expect.arrayContaining(['reservations_day', 'item_stock_expiry', 'lots_expiry', 'item_tags_tag']));
      },
    );
  });
});
