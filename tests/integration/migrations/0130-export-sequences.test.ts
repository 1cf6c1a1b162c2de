import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, openAt, upgrade } from '../../support/migration';

describe('migration 130: export sequences', () => {
  const dbFile = migrationFolder();

  it('starts the share counter at the highest sequence already exported, leaving the log alone', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 80,
        to: 130,
        seed: (old) => {
          const log = old.prepare(
            "INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at) VALUES (?, ?, ?, 'f', 1, 'x', 't')",
          );
          log.run('e1', 'share', 1);
          log.run('e2', 'share', 7);
          log.run('e3', 'backup', null);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(130);
        expect(db.prepare('SELECT kind, last FROM exchange_sequences').all()).toEqual([{ kind: 'share', last: 7 }]);
        expect(db.prepare('SELECT COUNT(*) AS n FROM exchange_exports').get()).toEqual({ n: 3 });
        expect(() => db.prepare("INSERT INTO exchange_sequences (kind, last) VALUES ('csv', 0)").run()).toThrow(/CHECK/);
      },
    );
  });

  it('a hub that never exported has no counter yet, so a new install stays empty', () => {
    openAt(dbFile('n.sqlite'), 130, (db) => {
      expect(db.prepare('SELECT kind, last FROM exchange_sequences').all()).toEqual([]);
    });
  });
});
