import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 100: hot reads and clean shutdown', () => {
  const dbFile = migrationFolder();

  it('keeps slips, indexes them by issue time, and adds the shutdown marker (starting unclean)', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 80,
        to: 100,
        seed: (old) => {
          old.exec(`
            INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't');
            INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h1', 'en', 't', 't');
            INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v1', 'h1', 'en', 'r1', 't');
            INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
              VALUES ('s1', 'ABCD', 1, 'v1', 'h1', 'en', 20000, 20007, '1', '2024-10-04T10:00:00.000Z');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(100);
        expect(db.prepare('SELECT id, issued_at FROM slips').all()).toEqual([{ id: 's1', issued_at: '2024-10-04T10:00:00.000Z' }]);
        expect(db.prepare('SELECT singleton, closed_cleanly FROM db_lifecycle').all()).toEqual([{ singleton: 1, closed_cleanly: 0 }]);
        expect(() => db.prepare('INSERT INTO db_lifecycle (singleton, closed_cleanly) VALUES (2, 0)').run()).toThrow(/CHECK/);
        expect(() => db.prepare('UPDATE db_lifecycle SET closed_cleanly = 2').run()).toThrow(/CHECK/);
        const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM slips WHERE issued_at >= '2024-10-01'").all() as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/slips_issued_at \(issued_at>\?\)/);
      },
    );
  });
});
