import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 90: PIN lookup', () => {
  const dbFile = migrationFolder();

  it('keeps old PIN hashes (to be looked up the slow way once), gives the site a salt and PIN versions', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 80,
        to: 90,
        seed: (old) => {
          old.exec(`
            INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES ('v1', 'Coordinator', 'coordinator', 'scrypt$16384$00$aa', 't0');
            INSERT INTO volunteers (id, name, role, pin_hash, created_at, removed_at) VALUES ('v2', 'Gone', 'intake', 'scrypt$16384$01$bb', 't0', 't1');
            INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES ('local', 4, 't');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(90);
        expect(db.prepare('SELECT id, pin_hash, pin_lookup, pin_version FROM volunteers ORDER BY id').all()).toEqual([
          { id: 'v1', pin_hash: 'scrypt$16384$00$aa', pin_lookup: null, pin_version: 1 },
          { id: 'v2', pin_hash: 'scrypt$16384$01$bb', pin_lookup: null, pin_version: 1 },
        ]);
        expect(db.prepare('SELECT failures FROM pin_throttle').get()).toEqual({ failures: 4 });
        const { salt } = db.prepare('SELECT salt FROM pin_salt').get() as { salt: Buffer };
        expect(salt).toHaveLength(16);
        expect(() => db.prepare('INSERT INTO pin_salt (singleton, salt) VALUES (2, randomblob(16))').run()).toThrow(/CHECK/);

        // Two active volunteers may not share a lookup; someone who left does not hold theirs.
        db.prepare("UPDATE volunteers SET pin_lookup = 'k1' WHERE id = 'v2'").run();
        db.prepare("UPDATE volunteers SET pin_lookup = 'k1' WHERE id = 'v1'").run();
        db.prepare(
          "INSERT INTO volunteers (id, name, role, pin_hash, created_at, pin_lookup) VALUES ('v3', 'Sam', 'stock', 'h', 't2', 'k2')",
        ).run();
        expect(() => db.prepare("UPDATE volunteers SET pin_lookup = 'k1' WHERE id = 'v3'").run()).toThrow(/UNIQUE/);
        expect(() => db.prepare("UPDATE volunteers SET pin_version = 0 WHERE id = 'v3'").run()).toThrow(/CHECK/);

        db.prepare("INSERT INTO pin_throttle_site (singleton, failures, last_failure_at) VALUES (1, 2, 't')").run();
        expect(() => db.prepare("INSERT INTO pin_throttle_site (singleton, failures, last_failure_at) VALUES (1, 3, 't')").run()).toThrow(
          /UNIQUE|PRIMARY/,
        );
        expect(() => db.prepare('UPDATE pin_throttle_site SET failures = -1').run()).toThrow(/CHECK/);
        const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM volunteers WHERE pin_lookup = ? AND removed_at IS NULL').all('k1') as {
          detail: string;
        }[];
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX volunteers_pin_lookup/);
      },
    );
  });
});
