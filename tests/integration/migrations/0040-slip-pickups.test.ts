import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, openAt } from '../../support/migration';

describe('migration 40: slip pickups', () => {
  const dbFile = migrationFolder();

  /** A site as the foundation left it: a slip picked up before per-line outcomes existed. */
  function oldSite(file: string): void {
    openAt(file, 39, (db) => {
      expect(userVersion(db)).toBeLessThan(40);
      db.exec(`
        INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't');
        INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES ('i1', 's', 'can', 't', 't');
        INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h', 'en', 't', 't');
        INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v', 'h', 'en', 'r', 't');
        INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
          VALUES ('s1', 'AAAA-BBBB', 1, 'v', 'h', 'en', 1, 2, '0', 't');
        INSERT INTO slip_lines (slip_id, item_id, qty) VALUES ('s1', 'i1', 2);
        INSERT INTO redemptions (slip_id, at, pickup_table) VALUES ('s1', '2026-11-28T10:42:00Z', '2');
      `);
    });
  }

  it('keeps old redemptions (as full pickups) and slips (no reprints yet)', () => {
    const file = dbFile();
    oldSite(file);
    openAt(file, undefined, (db) => {
      expect(userVersion(db)).toBeGreaterThanOrEqual(40);
      expect(db.prepare('SELECT slip_id, pickup_table, outcome FROM redemptions').all()).toEqual([
        { slip_id: 's1', pickup_table: '2', outcome: 'full' },
      ]);
      expect(db.prepare('SELECT reprints, voided_by FROM slips').get()).toEqual({ reprints: 0, voided_by: null });
    });
  });

  it('stores per-line outcomes, refusing impossible ones', () => {
    const file = dbFile();
    oldSite(file);
    openAt(file, undefined, (db) => {
      const line = db.prepare(
        "INSERT INTO redemption_lines (slip_id, item_id, requested_qty, given_qty, outcome, at) VALUES ('s1', 'i1', ?, ?, ?, 't')",
      );
      expect(() => line.run(2, 3, 'partial')).toThrow(/CHECK/);
      expect(() => line.run(2, 1, 'lost')).toThrow(/CHECK/);
      line.run(2, 0, 'not_available');
      expect(() => line.run(2, 0, 'not_available')).toThrow(/UNIQUE|PRIMARY/);
      expect(() => db.prepare("UPDATE redemptions SET outcome = 'half'").run()).toThrow(/CHECK/);
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT item_id FROM redemption_lines WHERE outcome <> 'given' AND outcome = 'not_available' AND item_id = 'i1'",
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/redemption_lines_unmet/);
    });
  });
});
