import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { tefapSettings } from '../../../src/core/reports/tefap';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 300: the TEFAP declaration in other languages', () => {
  const dbFile = migrationFolder();

  it("keeps a site's TEFAP settings as they were, with no translations, and holds only a JSON object", () => {
    upgrade(
      dbFile(),
      {
        from: 290,
        to: 300,
        seed: `INSERT INTO tefap_settings (singleton, enabled, declaration, retention_days, updated_at)
               VALUES (1, 1, 'I declare that my income is under the limit.', 1095, '2026-11-01T00:00:00.000Z');`,
      },
      (db) => {
        expect(userVersion(db)).toBe(300);
        expect(tefapSettings({ db })).toEqual({
          enabled: true,
          declaration: 'I declare that my income is under the limit.',
          translations: {},
          retentionDays: 1095,
        });
        for (const bad of ['not json', '["es"]', '"es"']) {
          expect(() => db.prepare('UPDATE tefap_settings SET translations = ?').run(bad), bad).toThrow(/CHECK constraint/);
        }
        db.prepare('UPDATE tefap_settings SET translations = ?').run(JSON.stringify({ es: 'Declaro…', xx: 'unknown', fr: '' }));
        // What a screen is given is only what is readable: shipped languages with a text.
        expect(tefapSettings({ db }).translations).toEqual({});
        db.prepare('UPDATE tefap_settings SET translations = ?').run(JSON.stringify({ es: 'Declaro…', fr: '' }));
        expect(tefapSettings({ db }).translations).toEqual({ es: 'Declaro…' });
      },
    );
  });
});
