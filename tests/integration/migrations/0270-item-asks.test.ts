import { describe, expect, it } from 'vitest';
import { userVersion, type Db } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

/** What the asks per day must equal: every slip line of a slip not voided, per issue day and item. */
const fromLines = (db: Db) =>
  db
    .prepare(
      `SELECT s.issue_day AS day, l.item_id, COUNT(*) AS slips, SUM(l.qty) AS qty FROM slips s JOIN slip_lines l ON l.slip_id = s.id
       WHERE s.voided_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
const asks = (db: Db) => db.prepare('SELECT day, item_id, slips, qty FROM item_asks ORDER BY 1, 2').all();

describe('migration 270: item asks per day', () => {
  const dbFile = migrationFolder();

  it('fills the asks from the slips an older kiosk issued, and triggers keep them equal to the slip lines', () => {
    upgrade(
      dbFile(),
      {
        from: 260,
        to: 270,
        seed: `
          INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES ('rice', 's', 'bag', 0, 't', 't'), ('oil', 's', 'can', 0, 't', 't');
          INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't');
          INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h', 'en', 't', 't');
          INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v1', 'h', 'en', 'r1', 't'), ('v2', 'h', 'en', 'r2', 't'), ('v3', 'h', 'en', 'r3', 't');
          INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at, voided_at)
            VALUES ('a', 'A', 1, 'v1', 'h', 'en', 2523, 2530, '', 't', NULL), ('void', 'B', 1, 'v2', 'h', 'en', 2523, 2530, '', 't', 't'),
                   ('b', 'C', 1, 'v3', 'h', 'en', 2524, 2531, '', 't', NULL);
          INSERT INTO slip_lines (slip_id, item_id, qty) VALUES ('a', 'rice', 2), ('a', 'oil', 1), ('void', 'rice', 4), ('b', 'rice', 3);
          INSERT INTO redemptions (slip_id, at) VALUES ('b', 't');
        `,
      },
      (db) => {
        expect(userVersion(db)).toBe(270);
        // Redeemed slips still count as asked; the voided one does not.
        expect(asks(db)).toEqual([
          { day: 2523, item_id: 'oil', slips: 1, qty: 1 },
          { day: 2523, item_id: 'rice', slips: 1, qty: 2 },
          { day: 2524, item_id: 'rice', slips: 1, qty: 3 },
        ]);
        expect(asks(db)).toEqual(fromLines(db));

        // A new slip on a day already counted, and one on a new day.
        db.exec(`
          INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v4', 'h', 'en', 'r4', 't'), ('v5', 'h', 'en', 'r5', 't');
          INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
            VALUES ('c', 'D', 1, 'v4', 'h', 'en', 2524, 2531, '', 't'), ('d', 'E', 1, 'v5', 'h', 'en', 2525, 2532, '', 't');
          INSERT INTO slip_lines (slip_id, item_id, qty) VALUES ('c', 'rice', 5), ('c', 'oil', 2), ('d', 'oil', 1);
        `);
        expect(asks(db)).toEqual(fromLines(db));
        expect(asks(db)).toContainEqual({ day: 2524, item_id: 'rice', slips: 2, qty: 8 });

        // A voided slip leaves the asks; a void undone comes back; a line changed or removed follows.
        db.exec("UPDATE slips SET voided_at = 't' WHERE id = 'c'");
        expect(asks(db)).toEqual(fromLines(db));
        expect(asks(db)).not.toContainEqual(expect.objectContaining({ day: 2524, item_id: 'oil' }));
        db.exec("UPDATE slips SET voided_at = NULL WHERE id = 'c'");
        expect(asks(db)).toEqual(fromLines(db));
        db.exec("UPDATE slip_lines SET qty = 9 WHERE slip_id = 'c' AND item_id = 'rice'");
        expect(asks(db)).toEqual(fromLines(db));
        db.exec("DELETE FROM slip_lines WHERE slip_id = 'd'");
        expect(asks(db)).toEqual(fromLines(db));
        expect(asks(db)).not.toContainEqual(expect.objectContaining({ day: 2525 }));
        // A line of a voided slip changes nothing.
        db.exec("DELETE FROM slip_lines WHERE slip_id = 'void'");
        expect(asks(db)).toEqual(fromLines(db));
      },
    );
  });
});
