import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 260: board pages', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('indexes board entries by kind, status and age, keeping the rows there', () => {
    const file = join(dir.path, 'm.sqlite');
    const old = openDatabase(file, { targetVersion: 220 });
    old
      .prepare(
        "INSERT INTO needs_offers (id, origin_site, kind, category, created_at) VALUES ('n1', 's', 'need', 'ride', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old.close();

    const db = openDatabase(file, { targetVersion: 260 });
    try {
      expect(userVersion(db)).toBe(260);
      const cols = db.prepare("SELECT name, desc FROM pragma_index_xinfo('needs_offers_board') WHERE key = 1 ORDER BY seqno").all() as {
        name: string;
        desc: number;
      }[];
      expect(cols).toEqual([
        { name: 'kind', desc: 0 },
        { name: 'status', desc: 0 },
        { name: 'created_at', desc: 1 },
        { name: 'id', desc: 0 },
      ]);
      expect(db.prepare('SELECT id FROM needs_offers').all()).toEqual([{ id: 'n1' }]);
    } finally {
      db.close();
    }
  });
});
