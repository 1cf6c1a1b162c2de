import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, openAt, upgrade } from '../../support/migration';

describe('migration 50: board', () => {
  const dbFile = migrationFolder();

  it('keeps needs and offers written before it, readable as visitor entries', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 40,
        seed: (before) => {
          before.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h', 'fa', 't', 't')").run();
          before
            .prepare(
              `INSERT INTO needs_offers (id, origin_site, household_id, kind, category, detail, languages, availability, shareable, created_at)
               VALUES ('n1', 's', 'h', 'offer', 'cooking', 'Afghan cooking', '["fa"]', 'Saturdays', 1, '2026-11-01T10:00:00.000Z')`,
            )
            .run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBeGreaterThanOrEqual(50);
        expect(db.prepare('SELECT * FROM needs_offers').get()).toMatchObject({
          id: 'n1',
          category: 'cooking',
          availability: 'Saturdays',
          languages: '["fa"]',
          slots: null,
          source: 'visitor',
          status: 'open',
          renewed_at: null,
        });
        expect(db.prepare('SELECT expiry_days AS d FROM board_settings').get()).toEqual({ d: 28 });
      },
    );
  });

  it('allows one match in progress per need, and a reason exactly when it did not happen', () => {
    const file = dbFile();
    openAt(file, undefined, (db) => {
      const entry = db.prepare("INSERT INTO needs_offers (id, origin_site, kind, category, created_at) VALUES (?, 's', ?, 'ride', 't')");
      entry.run('n', 'need');
      entry.run('o1', 'offer');
      entry.run('o2', 'offer');
      const match = db.prepare(
        "INSERT INTO board_matches (id, origin_site, need_id, offer_id, state, reason, created_at, updated_at) VALUES (?, 's', 'n', ?, ?, ?, 't', 't')",
      );
      match.run('m1', 'o1', 'suggested', null);
      expect(() => match.run('m2', 'o2', 'agreed', null)).toThrow(/UNIQUE/);
      expect(() => match.run('m3', 'o2', 'didnt_happen', null)).toThrow(/CHECK/);
      expect(() => match.run('m4', 'o2', 'done', 'declined')).toThrow(/CHECK/);
      match.run('m5', 'o2', 'didnt_happen', 'declined');
      expect(() => db.prepare("UPDATE needs_offers SET slots = 0 WHERE id = 'n'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE needs_offers SET source = 'robot' WHERE id = 'n'").run()).toThrow(/CHECK/);
    });
  });
});
