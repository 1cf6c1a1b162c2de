import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 130: export sequences', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('starts the share counter at the highest sequence already exported, leaving the log alone', () => {
    const file = join(dir.path, 'm.sqlite');
    const old = openDatabase(file, { targetVersion: 80 });
    const log = old.prepare("INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at) VALUES (?, ?, ?, 'f', 1, 'x', 't')");
    log.run('e1', 'share', 1);
    log.run('e2', 'share', 7);
    log.run('e3', 'backup', null);
    old.close();

    const db = openDatabase(file, { targetVersion: 130 });
    try {
      expect(userVersion(db)).toBe(130);
      expect(db.prepare('SELECT kind, last FROM exchange_sequences').all()).toEqual([{ kind: 'share', last: 7 }]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM exchange_exports').get()).toEqual({ n: 3 });
      expect(() => db.prepare("INSERT INTO exchange_sequences (kind, last) VALUES ('csv', 0)").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('a hub that never exported has no counter yet, so a new install stays empty', () => {
    const db = openDatabase(join(dir.path, 'n.sqlite'), { targetVersion: 130 });
    try {
      expect(db.prepare('SELECT kind, last FROM exchange_sequences').all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
