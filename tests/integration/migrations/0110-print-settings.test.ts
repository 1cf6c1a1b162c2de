import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 110: print settings', () => {
  const dbFile = migrationFolder();

  it('keeps the kiosk settings, starts with no row (print automatically on 80 mm) and refuses unknown modes', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 80,
        to: 110,
        seed: (old) => {
          old.exec(
            `INSERT INTO intake_settings (singleton, required_fields, returning_visitors, contact_days, updated_at) VALUES (1, '[]', 1, 60, 't');`,
          );
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(110);
        expect(db.prepare('SELECT contact_days FROM intake_settings').get()).toEqual({ contact_days: 60 });
        expect(db.prepare('SELECT count(*) AS n FROM print_settings').get()).toEqual({ n: 0 });
        db.prepare("INSERT INTO print_settings (singleton, mode, paper, printer, updated_at) VALUES (1, 'ask', '58', NULL, 't')").run();
        expect(() => db.prepare("UPDATE print_settings SET mode = 'never'").run()).toThrow(/CHECK/);
        expect(() => db.prepare("UPDATE print_settings SET paper = 'a5'").run()).toThrow(/CHECK/);
        expect(() =>
          db.prepare("INSERT INTO print_settings (singleton, mode, paper, updated_at) VALUES (2, 'auto', '80', 't')").run(),
        ).toThrow(/CHECK/);
      },
    );
  });
});
