import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 150: visit counts', () => {
  const dbFile = migrationFolder();

  it('gives every visit the counts its household holds, so slips show what they showed before', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 80,
        to: 150,
        seed: (old) => {
          old.exec(`
            INSERT INTO households (id, adults, children, seniors, language, created_at, last_visit_at) VALUES
              ('h1', 2, 3, NULL, 'fa', 't', 't'), ('h2', NULL, NULL, NULL, 'en', 't', 't');
            INSERT INTO visits (id, household_id, language, request_id, at) VALUES
              ('v1', 'h1', 'fa', 'r1', 't1'), ('v2', 'h1', 'en', 'r2', 't2'), ('v3', 'h2', 'en', 'r3', 't3');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(150);
        expect(db.prepare('SELECT id, household_id, language, adults, children, seniors FROM visits ORDER BY id').all()).toEqual([
          { id: 'v1', household_id: 'h1', language: 'fa', adults: 2, children: 3, seniors: null },
          { id: 'v2', household_id: 'h1', language: 'en', adults: 2, children: 3, seniors: null },
          { id: 'v3', household_id: 'h2', language: 'en', adults: null, children: null, seniors: null },
        ]);
        expect(() => db.prepare("UPDATE visits SET adults = -1 WHERE id = 'v1'").run()).toThrow(/CHECK/);
        expect(() => db.prepare("UPDATE visits SET children = 'two' WHERE id = 'v1'").run()).toThrow(/cannot store TEXT/);
      },
    );
  });
});
