import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion, type Db } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 70: volunteers', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'm.sqlite');
  });
  afterEach(() => dir.remove());

  it('keeps the volunteers a version-60 site already had, and adds the throttle', () => {
    let db: Db = openDatabase(file, { targetVersion: 60 });
    expect(userVersion(db)).toBeLessThan(70);
    db.prepare("INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES ('v1', 'Coordinator', 'coordinator', 'scrypt$1$00$00', 't0')").run();
    db.prepare("INSERT INTO volunteers (id, name, role, pin_hash, created_at, removed_at) VALUES ('v2', 'Gone', 'intake', 'scrypt$1$00$01', 't0', 't1')").run();
    db.close();

    db = openDatabase(file, { targetVersion: 70 });
    try {
      expect(userVersion(db)).toBe(70);
      expect(db.prepare('SELECT id, name, role, pin_hash, removed_at, pin_changed_at FROM volunteers ORDER BY id').all()).toEqual([
        { id: 'v1', name: 'Coordinator', role: 'coordinator', pin_hash: 'scrypt$1$00$00', removed_at: null, pin_changed_at: null },
        { id: 'v2', name: 'Gone', role: 'intake', pin_hash: 'scrypt$1$00$01', removed_at: 't1', pin_changed_at: null },
      ]);
      db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('local', 3, 't')").run();
      expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('local', 1, 't')").run()).toThrow(/UNIQUE|PRIMARY/);
      expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('k2', -1, 't')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('k3', 'many', 't')").run()).toThrow();
    } finally {
      db.close();
    }
  });
});
