import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 190: a movement keeps its reason and its note apart', () => {
  const dbFile = migrationFolder();

  it('splits "reason|note" into the two columns and leaves the ledger append-only', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 150,
        to: 190,
        seed: (old) => {
          old.exec(`
            INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES ('i1', 's', 'each', 't', 't');
            INSERT INTO movements (id, item_id, lot_id, kind, qty, reason, source, at) VALUES
              ('m1', 'i1', NULL, 'adjust', -12, 'spoiled|12 cartons | wet', NULL, 't1'),
              ('m2', 'i1', NULL, 'adjust', -1, 'damaged', NULL, 't2'),
              ('m3', 'i1', NULL, 'receive', 5, NULL, 'donation|Corner shop', 't3'),
              ('m4', 'i1', NULL, 'adjust', 2, 'count_correction|', NULL, 't4');
          `);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(190);
        expect(db.prepare('SELECT id, reason, note, source FROM movements ORDER BY id').all()).toEqual([
          { id: 'm1', reason: 'spoiled', note: '12 cartons | wet', source: null },
          { id: 'm2', reason: 'damaged', note: null, source: null },
          { id: 'm3', reason: null, note: null, source: 'donation|Corner shop' },
          { id: 'm4', reason: 'count_correction', note: null, source: null },
        ]);
        expect(() => db.prepare("UPDATE movements SET note = 'x' WHERE id = 'm2'").run()).toThrow(/append-only/);
        expect(() => db.prepare("DELETE FROM movements WHERE id = 'm2'").run()).toThrow(/append-only/);
      },
    );
  });
});
