import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 230: tefap', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps old visits, starts with the mode off (no settings row), and holds no column for ID or status', () => {
    const file = join(dir.path, 'm.sqlite');
    const old = openDatabase(file, { targetVersion: 220 });
    old.exec(`
      INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h1', 'en', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z');
      INSERT INTO visits (id, household_id, language, request_id, at, adults) VALUES ('v1', 'h1', 'en', 'r1', '2026-11-01T10:00:00.000Z', 2);
    `);
    old.close();
    const db = openDatabase(file, { targetVersion: 230 });
    try {
      expect(userVersion(db)).toBe(230);
      expect(db.prepare('SELECT id, adults FROM visits').all()).toEqual([{ id: 'v1', adults: 2 }]);
      expect(db.prepare('SELECT COUNT(*) FROM tefap_settings').pluck().get()).toBe(0);
      const columns = (db.prepare('PRAGMA table_info(tefap_records)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual([
        'visit_id',
        'household_id',
        'name',
        'address',
        'household_size',
        'basis',
        'program',
        'signature',
        'declaration',
        'at',
      ]);
      db.exec(
        `INSERT INTO tefap_records (visit_id, household_id, name, household_size, basis, declaration, at) VALUES ('v1', 'h1', 'Ana', 2, 'income', 'I declare', 't')`,
      );
      expect(() =>
        db.exec(
          `INSERT INTO tefap_records (visit_id, household_id, name, household_size, basis, declaration, at) VALUES ('v1', 'h1', 'Ana', 2, 'status', 'x', 't')`,
        ),
      ).toThrow();
      expect(
        db
          .prepare("EXPLAIN QUERY PLAN SELECT visit_id FROM tefap_records WHERE at < '2026'")
          .all()
          .map((r) => (r as { detail: string }).detail)
          .join(),
      ).toContain('tefap_records_at');
    } finally {
      db.close();
    }
  });
});
