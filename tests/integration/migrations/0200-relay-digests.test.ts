import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 200: relay digests', () => {
  const dbFile = migrationFolder();

  it('adds one digest per origin, leaving the records as they were', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 150,
        to: 200,
        seed: (old) => {
          old
            .prepare(
              "INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES ('item', 'i1', 's1', 1, 'x', 'l', 't')",
            )
            .run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(200);
        expect(db.prepare('SELECT COUNT(*) AS n FROM exchange_records').get()).toEqual({ n: 1 });
        const put = db.prepare("INSERT INTO exchange_digests (origin_site, sequence, line, received_at) VALUES (?, ?, 'l', 't')");
        put.run('s1', 3);
        expect(() => put.run('s1', 4)).toThrow(/UNIQUE/);
        expect(() => put.run('s2', 0)).toThrow(/CHECK/);
        expect(() => put.run('s3', 'two')).toThrow(/cannot store TEXT/);
      },
    );
  });
});
