import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { availability } from '../../src/core/inventory/available';
import type { StockQuery } from '../../src/shared/api/channels/inventory';
import type { z } from 'zod';
import { makeCore, type TestCore } from '../support/core';
import { issueSlip, stockItem } from '../support/slips';

const DAY = 86_400_000;

/**
 * "Available" is one rule (core/inventory/available.ts): on hand minus what open slips promise,
 * never below zero. Every screen that shows or uses it must say the same number.
 */
describe('what is available', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  const stockRow = (itemId: string) =>
    t.core.services.stock
      .stock({
        language: 'en',
        search: '',
        categoryId: null,
        tag: null,
        view: 'all',
        withinDays: 7,
        sort: 'name',
        limit: 100,
        offset: 0,
      } as z.output<typeof StockQuery>)
      .rows.find((r) => r.id === itemId);
  const catalogued = (itemId: string) => t.core.services.intake.catalog('en').find((i) => i.id === itemId)?.available ?? 0;
  /** Every place that says how much of an item a visitor can still get. */
  const everywhere = (itemId: string) => {
    const detail = t.core.services.catalogue.item(itemId, 'en');
    const row = stockRow(itemId);
    return {
      rule: availability(t.core.ctx, itemId),
      detail: { onHand: detail.onHand, reserved: detail.reserved, available: detail.available },
      stockList: row && { onHand: row.onHand, reserved: row.reserved, available: row.available },
      intake: catalogued(itemId),
    };
  };

  it('is on hand minus what open slips promise: voided, picked-up and expired slips promise nothing', () => {
    const rice = stockItem(t.core, 'rice', [{ qty: 10, expiresOn: null }]);
    const expired = issueSlip(t.core, [{ itemId: rice, qty: 4 }]);
    t.clock.advance(8 * DAY); // past the 7 days a slip is valid
    const open = issueSlip(t.core, [{ itemId: rice, qty: 3 }]);
    const voided = issueSlip(t.core, [{ itemId: rice, qty: 2 }]);
    t.core.services.slips.void(voided.id, 'lost', null);
    const picked = issueSlip(t.core, [{ itemId: rice, qty: 1 }]);
    t.core.services.slips.redeem(picked.id, '1', null);
    expect(open.id).not.toBe(expired.id);
    const want = { onHand: 9, reserved: 3, available: 6 };
    expect(everywhere(rice)).toEqual({ rule: want, detail: want, stockList: want, intake: 6 });
  });

  it('never goes below zero, on any screen, when a count finds less than slips promised', () => {
    // Three slips promise all three cans; a count then finds only one on the shelf.
    const oil = stockItem(t.core, 'oil', [{ qty: 3, expiresOn: null }]);
    for (let i = 0; i < 3; i += 1) issueSlip(t.core, [{ itemId: oil, qty: 1 }]);
    t.core.services.stock.adjust(
      { requestId: randomUUID(), itemId: oil, lotId: `${oil}-lot-0`, qty: -2, reason: 'count_correction', note: null },
      null,
    );
    const want = { onHand: 1, reserved: 3, available: 0 };
    expect(everywhere(oil)).toEqual({ rule: want, detail: want, stockList: want, intake: 0 });
    // The board's gap list says the same: nothing a visitor can get (not "minus two").
    expect(t.core.services.gaps.gaps('en').map((g) => [g.itemId, g.available])).toEqual([[oil, 0]]);
  });

  it('the public screen does not call promised stock surplus', () => {
    t.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.slipValidDays', 30)").run();
    const soap = stockItem(t.core, 'soap', [{ qty: 30, expiresOn: null }]);
    const beans = stockItem(t.core, 'beans', [{ qty: 30, expiresOn: null }]);
    // A slip issued before the board's two-week window, still valid, promises 25 of the soap.
    issueSlip(t.core, [{ itemId: soap, qty: 25 }]);
    t.clock.advance(15 * DAY);
    expect(availability(t.core.ctx, soap).available).toBe(5);
    expect(t.core.services.publicBoard.publicView('en').have.map((h) => h.itemId)).toEqual([beans]);
  });
});
