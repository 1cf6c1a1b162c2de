import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, openAt, upgrade } from '../../support/migration';

describe('migration 60: exchange', () => {
  const dbFile = migrationFolder();

  it('upgrades a foundation database without touching its rows', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 10,
        seed: (old) => {
          old.prepare("INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, 's', 'Hub', '{}', 't')").run();
          old.prepare("INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES ('i1', 's', 'can', 't', 't')").run();
          old
            .prepare(
              "INSERT INTO needs_offers (id, origin_site, kind, category, shareable, created_at) VALUES ('n1', 's', 'offer', 'cooking', 1, 't')",
            )
            .run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBeGreaterThanOrEqual(60);
        expect(db.prepare('SELECT id, origin_site FROM items').all()).toEqual([{ id: 'i1', origin_site: 's' }]);
        expect(db.prepare('SELECT id, shareable FROM needs_offers').all()).toEqual([{ id: 'n1', shareable: 1 }]);
        for (const t of ['known_sites', 'exchange_records', 'exchange_exports', 'exchange_imports']) {
          expect(db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
        }
      },
    );
  });

  it('keeps one copy per record, positive versions, one share sequence number each', () => {
    openAt(dbFile(), 60, (db) => {
      const put = db.prepare(
        "INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES (?, 'x', 's', ?, 'h', 'l', 't')",
      );
      put.run('item', 1);
      expect(() => put.run('item', 2)).toThrow(/UNIQUE|PRIMARY/);
      expect(() => put.run('household', 1)).toThrow(/CHECK/);
      expect(() => put.run('category', 0)).toThrow(/CHECK/);
      const exp = db.prepare(
        "INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at) VALUES (?, ?, ?, 'f', 1, 'h', 't')",
      );
      exp.run('e1', 'share', 1);
      exp.run('e2', 'backup', null);
      exp.run('e3', 'backup', null);
      expect(() => exp.run('e4', 'share', 1)).toThrow(/UNIQUE/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO known_sites (id, name, public_key, fingerprint, trusted, first_seen_at) VALUES ('a', 'A', x'00', 'f', 2, 't')",
          )
          .run(),
      ).toThrow(/CHECK/);
    });
  });
});
