import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, openAt, upgrade } from '../../support/migration';

describe('migration 220: month', () => {
  const dbFile = migrationFolder();

  it('keeps old movements, sums them per day and source, and weighs kg/lb items by their unit', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 150,
        to: 220,
        seed: (old) => {
          old.exec(`
            INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES ('rice', 's', 'kg', 't', 't'), ('beans', 's', 'can', 't', 't');
            INSERT INTO movements (id, item_id, kind, qty, source, at) VALUES
              ('m1', 'rice', 'receive', 10, 'food_bank', '2026-11-02T10:00:00.000Z'),
              ('m2', 'rice', 'receive', 5, 'donor|Ana', '2026-11-02T11:00:00.000Z'),
              ('m3', 'beans', 'receive', 24, 'purchase', '2026-11-02T12:00:00.000Z'),
              ('m4', 'rice', 'distribute', -3, NULL, '2026-11-03T10:00:00.000Z');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(220);
        expect(db.prepare('SELECT day, kind, category, source, units, grams FROM ledger_days ORDER BY day, kind, source').all()).toEqual([
          { day: '2026-11-02', kind: 'receive', category: '', source: 'donor', units: 5, grams: 5000 },
          { day: '2026-11-02', kind: 'receive', category: '', source: 'food_bank', units: 10, grams: 10000 },
          { day: '2026-11-02', kind: 'receive', category: '', source: 'purchase', units: 24, grams: 0 },
          { day: '2026-11-03', kind: 'distribute', category: '', source: '', units: -3, grams: -3000 },
        ]);
        // The built-in categories are code, not rows: a new install stays empty for a restore.
        expect(db.prepare('SELECT COUNT(*) FROM weight_categories').pluck().get()).toBe(0);

        // New movements keep the aggregate, in the item's category and weight of the day.
        db.exec(`UPDATE items SET unit_weight_g = 400, weight_category = 'dry' WHERE id = 'beans'`);
        db.exec(`INSERT INTO movements (id, item_id, kind, qty, at) VALUES ('m5', 'beans', 'distribute', -2, '2026-11-03T12:00:00.000Z')`);
        db.exec(
          `INSERT INTO movements (id, item_id, kind, qty, weight_g, source, at) VALUES ('m6', 'rice', 'receive', 12, 12400, 'food_drive', '2026-11-03T13:00:00.000Z')`,
        );
        expect(
          db.prepare("SELECT kind, category, source, units, grams FROM ledger_days WHERE day = '2026-11-03' ORDER BY kind, category").all(),
        ).toEqual([
          { kind: 'distribute', category: '', source: '', units: -3, grams: -3000 },
          { kind: 'distribute', category: 'dry', source: '', units: -2, grams: -800 },
          { kind: 'receive', category: '', source: 'food_drive', units: 12, grams: 12400 },
        ]);

        expect(() => db.prepare("UPDATE items SET unit_weight_g = -1 WHERE id = 'beans'").run()).toThrow(/CHECK/);
        expect(() =>
          db.prepare("INSERT INTO movements (id, item_id, kind, qty, weight_g, at) VALUES ('m7', 'rice', 'receive', 1, -5, 't')").run(),
        ).toThrow(/CHECK/);
      },
    );
  });

  it('refuses a shift that ends before it starts and a second open shift for one volunteer', () => {
    openAt(dbFile('s.sqlite'), 220, (db) => {
      db.exec(`INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES ('v1', 'Sam', 'stock', 'x', 't')`);
      db.exec(`INSERT INTO shifts (id, volunteer_id, started_at) VALUES ('s1', 'v1', '2026-11-02T09:00:00.000Z')`);
      expect(() => db.exec(`INSERT INTO shifts (id, volunteer_id, started_at) VALUES ('s2', 'v1', '2026-11-02T10:00:00.000Z')`)).toThrow(
        /UNIQUE/,
      );
      expect(() => db.exec(`UPDATE shifts SET ended_at = '2026-11-02T08:00:00.000Z', ended_by = 'volunteer' WHERE id = 's1'`)).toThrow(
        /CHECK/,
      );
      expect(() => db.exec(`INSERT INTO visit_people (visit_id, age_from, age_to, count) VALUES ('nope', 18, 10, 1)`)).toThrow(
        /CHECK|FOREIGN/,
      );
    });
  });
});
