import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 320: digests applied in full', () => {
  const dbFile = migrationFolder();

  it('starts empty beside the stored digests, one row per origin and digest line', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 310,
        to: 320,
        seed: (old) => {
          old.prepare("INSERT INTO exchange_digests (origin_site, sequence, line, received_at) VALUES ('s1', 3, 'l', 't')").run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(320);
        // Decided once more by the next import, which marks them.
        expect(db.prepare('SELECT COUNT(*) AS n FROM exchange_digests_applied').get()).toEqual({ n: 0 });
        expect(db.prepare('SELECT origin_site, sequence FROM exchange_digests').all()).toEqual([{ origin_site: 's1', sequence: 3 }]);
        const put = db.prepare('INSERT INTO exchange_digests_applied (origin_site, line_sha256, sequence) VALUES (?, ?, ?)');
        put.run('s1', 'a'.repeat(64), 3);
        expect(() => put.run('s1', 'a'.repeat(64), 4)).toThrow(/UNIQUE|PRIMARY/);
        expect(() => put.run('s1', 'short', 4)).toThrow(/CHECK/);
        expect(() => put.run('s1', 'b'.repeat(64), 0)).toThrow(/CHECK/);
      },
    );
  });
});
