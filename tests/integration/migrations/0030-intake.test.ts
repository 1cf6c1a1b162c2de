import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 30: intake', () => {
  const dbFile = migrationFolder();

  it('upgrades a version-10 database keeping its households and slips, with no intake settings row until a coordinator saves (defaults apply)', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 10,
        to: 30,
        seed: (old) => {
          old.exec(`
            INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, 's', 'Hub', '{}', 't');
            INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't');
            INSERT INTO households (id, adults, language, created_at, last_visit_at) VALUES ('h1', 2, 'fa', 't', 't');
            INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v1', 'h1', 'fa', 'r1', 't');
            INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
              VALUES ('s1', 'ABCD-EFGH', 1, 'v1', 'h1', 'fa', 100, 107, '123', 't');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(30);
        expect(db.prepare('SELECT id, household_id FROM slips').all()).toEqual([{ id: 's1', household_id: 'h1' }]);
        expect(db.prepare('SELECT count(*) AS c FROM intake_settings').get()).toEqual({ c: 0 });
        db.prepare("INSERT INTO intake_settings (singleton, updated_at) VALUES (1, 't')").run();
        expect(db.prepare('SELECT required_fields, returning_visitors FROM intake_settings').get()).toEqual({
          required_fields: '[]',
          returning_visitors: 1,
        });
        expect(() => db.prepare("INSERT INTO intake_settings (singleton, updated_at) VALUES (2, 't')").run()).toThrow(/CHECK/);
        // The limit check reads one household's recent slips through the new index.
        const plan = db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM slips WHERE household_id = ? AND issue_day > ?').all('h1', 1) as {
          detail: string;
        }[];
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/slips_household_day/);
      },
    );
  });
});
