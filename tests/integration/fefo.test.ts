import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickList, planPick, shelfLots } from '../../src/core/inventory/fefo';
import { makeCore, type TestCore } from '../support/core';
import { issueSlip, stockItem } from '../support/slips';

/** First expiry, first out (core/inventory/fefo.ts): one order for the pick list, pickup and the stock room. */
describe('first expiry, first out', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  const lots = () =>
    stockItem(t.core, 'eggs', [
      { qty: 2, expiresOn: null, code: 'NONE' },
      { qty: 5, expiresOn: '2026-12-10', code: 'LATE' },
      { qty: 3, expiresOn: '2026-12-02', code: 'SOON' },
      // Two lots alike in date and arrival: still one fixed order.
      { qty: 1, expiresOn: '2026-12-05', code: 'MID-B' },
      { qty: 1, expiresOn: '2026-12-05', code: 'MID-A' },
    ]);

  it('orders the shelf by earliest expiry, stock without a date last, ties in one fixed order', () => {
    const eggs = lots();
    expect(shelfLots(t.core.ctx, eggs).map((l) => l.code)).toEqual(['SOON', 'MID-B', 'MID-A', 'LATE', 'NONE']);
    expect(pickList(t.core.ctx, eggs, 5)).toEqual([
      { lotId: `${eggs}-lot-2`, code: 'SOON', expiresOn: '2026-12-02', qty: 3 },
      { lotId: `${eggs}-lot-3`, code: 'MID-B', expiresOn: '2026-12-05', qty: 1 },
      { lotId: `${eggs}-lot-4`, code: 'MID-A', expiresOn: '2026-12-05', qty: 1 },
    ]);
    // The stock room lists an item's lots in the same order.
    expect(t.core.services.catalogue.item(eggs, 'en').lots.map((l) => l.code)).toEqual(['SOON', 'MID-B', 'MID-A', 'LATE', 'NONE']);
  });

  it('plans no more than the shelf holds, and nothing for nothing', () => {
    const shelf = [
      { lotId: 'a', code: null, expiresOn: null, qty: 2 },
      { lotId: null, code: null, expiresOn: null, qty: 1 },
    ];
    expect(planPick(shelf, 5).reduce((n, l) => n + l.qty, 0)).toBe(3);
    expect(planPick(shelf, 0)).toEqual([]);
  });

  it('pickup takes exactly the lots the pick list showed', () => {
    const eggs = lots();
    const slip = issueSlip(t.core, [{ itemId: eggs, qty: 9 }]);
    const shown = t.core.services.slips.pickupView(slip.id).pickList[0]!.lots;
    expect(shown.map((l) => [l.code, l.qty])).toEqual([
      ['SOON', 3],
      ['MID-B', 1],
      ['MID-A', 1],
      ['LATE', 4],
    ]);
    const after = t.core.services.slips.redeem(slip.id, '1', null);
    expect(after.pickList[0]!.lots).toEqual(shown);
    const taken = t.core.ctx.db
      .prepare("SELECT lot_id AS lotId, -qty AS qty FROM movements WHERE slip_id = ? AND kind = 'distribute' ORDER BY rowid")
      .all(slip.id);
    expect(taken).toEqual(shown.map((l) => ({ lotId: l.lotId, qty: l.qty })));
  });
});
