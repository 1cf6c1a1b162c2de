import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 70: volunteers', () => {
  const dbFile = migrationFolder();

  it('keeps the volunteers a version-60 site already had, and adds the throttle', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 60,
        to: 70,
        seed: (old) => {
          expect(userVersion(old)).toBeLessThan(70);
          old
            .prepare(
              "INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES ('v1', 'Coordinator', 'coordinator', 'scrypt$1$00$00', 't0')",
            )
            .run();
          old
            .prepare(
              "INSERT INTO volunteers (id, name, role, pin_hash, created_at, removed_at) VALUES ('v2', 'Gone', 'intake', 'scrypt$1$00$01', 't0', 't1')",
            )
            .run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(70);
        expect(db.prepare('SELECT id, name, role, pin_hash, removed_at, pin_changed_at FROM volunteers ORDER BY id').all()).toEqual([
          { id: 'v1', name: 'Coordinator', role: 'coordinator', pin_hash: 'scrypt$1$00$00', removed_at: null, pin_changed_at: null },
          { id: 'v2', name: 'Gone', role: 'intake', pin_hash: 'scrypt$1$00$01', removed_at: 't1', pin_changed_at: null },
        ]);
        db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('local', 3, 't')").run();
        expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('local', 1, 't')").run()).toThrow(
          /UNIQUE|PRIMARY/,
        );
        expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('k2', -1, 't')").run()).toThrow(
          /CHECK/,
        );
        expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('k3', 'many', 't')").run()).toThrow();
      },
    );
  });
});
