import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 80: contact retention', () => {
  const dbFile = migrationFolder();

  it('keeps saved intake settings and contacts, adds a 90-day default and a partial index', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 70,
        to: 80,
        seed: (old) => {
          old.exec(`
            INSERT INTO intake_settings (singleton, required_fields, returning_visitors, updated_at) VALUES (1, '["adults"]', 0, 't');
            INSERT INTO households (id, adults, first_name, phone, language, created_at, last_visit_at) VALUES ('h1', 2, 'Mina', '555', 'fa', 't', '2026-01-01T00:00:00.000Z');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(80);
        expect(db.prepare('SELECT required_fields, returning_visitors, contact_days FROM intake_settings').get()).toEqual({
          required_fields: '["adults"]',
          returning_visitors: 0,
          contact_days: 90,
        });
        expect(db.prepare('SELECT first_name, phone FROM households').get()).toEqual({ first_name: 'Mina', phone: '555' });
        expect(() => db.prepare('UPDATE intake_settings SET contact_days = 3').run()).toThrow(/CHECK/);
        const plan = db
          .prepare(
            "EXPLAIN QUERY PLAN UPDATE households SET first_name = NULL, phone = NULL WHERE (first_name IS NOT NULL OR phone IS NOT NULL) AND last_visit_at < '2026-06-01'",
          )
          .all() as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/households_contact_age/);
      },
    );
  });
});
