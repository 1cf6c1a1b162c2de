import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { reportSettings } from '../../../src/core/reports/settings';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 310: the currency of in-kind values', () => {
  const dbFile = migrationFolder();

  it('keeps the report settings as they were, with no currency, and holds only a three-letter code', () => {
    upgrade(
      dbFile(),
      {
        from: 300,
        to: 310,
        seed: `INSERT INTO report_settings (singleton, age_bands, legacy_ages, weight_unit, updated_at)
               VALUES (1, '[{"from":0,"to":17},{"from":18,"to":null}]', '{"children":0,"adults":18,"seniors":65}', 'lb', 't');`,
      },
      (db) => {
        expect(userVersion(db)).toBe(310);
        expect(reportSettings({ db })).toMatchObject({
          weightUnit: 'lb',
          currency: null,
          ageBands: [
            { from: 0, to: 17 },
            { from: 18, to: null },
          ],
        });
        for (const bad of ['usd', 'US', 'USDX']) {
          expect(() => db.prepare('UPDATE report_settings SET currency = ?').run(bad), bad).toThrow(/CHECK constraint/);
        }
        db.prepare("UPDATE report_settings SET currency = 'USD'").run();
        expect(reportSettings({ db }).currency).toBe('USD');
      },
    );
  });
});
