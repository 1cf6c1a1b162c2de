import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { recordMovement } from '../../../src/core/inventory/ledger';
import { movementGramsSql } from '../../../src/core/reports/weights';

/**
 * A movement's weight is written twice by necessity: in the ledger_days trigger (migration 220,
 * SQL that may never change once shipped) and in movementGramsSql for code that reads single
 * movements (a donor's receipt). This test is what keeps them one rule: any movement, of any
 * unit, weighed or not, in or out, weighs the same both ways.
 */
describe('the weight of a movement', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp(['en']);
    const db = t.core.ctx.db;
    const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
    for (const [id, unit, unitWeight] of [
      ['rice', 'kg', null],
      ['apples', 'lb', null],
      ['beans', 'can', 425],
      ['soap', 'bar', null],
    ] as const) {
      db.prepare(
        'INSERT INTO items (id, origin_site, unit, low_stock, unit_weight_g, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)',
      ).run(id, site, unit, unitWeight, 't', 't');
    }
  });
  afterEach(() => t.dispose());

  it('is the same in the month ledger as for a single movement, for every unit, weighed or not, in or out', () => {
    const move = (itemId: string, qty: number, weightG?: number) =>
      recordMovement(t.core.ctx, { itemId, lotId: null, kind: qty > 0 ? 'receive' : 'distribute', qty, ...(weightG ? { weightG } : {}) });
    for (const [item, qtys] of [
      ['rice', [3, 7, -2, -1]],
      ['apples', [5, 11, -3]],
      ['beans', [24, -5, -1]],
      ['soap', [10, -4]],
    ] as const) {
      for (const q of qtys) move(item, q);
    }
    // What a scale said wins over units × weight, in either direction.
    move('apples', 2, 1234);
    move('rice', -1, 987);
    const db = t.core.ctx.db;
    const ledger = db.prepare('SELECT kind, SUM(grams) AS grams FROM ledger_days GROUP BY kind ORDER BY kind').all();
    const single = db
      .prepare(
        `SELECT m.kind, SUM(CASE WHEN m.qty < 0 THEN -1 ELSE 1 END * ${movementGramsSql()}) AS grams
         FROM movements m JOIN items i ON i.id = m.item_id GROUP BY m.kind ORDER BY m.kind`,
      )
      .all();
    expect(single).toEqual(ledger);
    // And by hand: 10 kg, 5 lb and 11 lb (each rounded to the gram), 24 cans of 425 g, 1234 g weighed.
    expect(ledger).toContainEqual({ kind: 'receive', grams: 10_000 + 2268 + 4990 + 24 * 425 + 1234 });
  });
});
