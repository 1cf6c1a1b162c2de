import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributeFefo, recordMovement } from '../../../src/core/inventory/ledger';
import { makeCore, type TestCore } from '../../support/core';

/** The forecast feeds the "we need" list: an item asked for that runs out within two distribution days is a gap. */
describe('the forecast feeds the “we need” list', () => {
  let t: TestCore;
  let token: string;
  let n = 0;

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-10-25T09:00:00.000Z');
    token = await t.setUp(['en', 'ar']);
    const db = t.core.ctx.db;
    const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
    for (const [id, en, ar] of [
      ['rice', 'Rice', 'أرز'],
      ['oil', 'Cooking oil', 'زيت طبخ'],
      ['beans', 'Black beans', 'فاصوليا سوداء'],
    ] as const) {
      // No low-stock mark: only the forecast can make these a gap.
      db.prepare("INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES (?, ?, 'bag', 0, 't', 't')").run(
        id,
        site,
      );
      db.prepare("INSERT INTO item_names (item_id, locale, name) VALUES (?, 'en', ?), (?, 'ar', ?)").run(id, en, id, ar);
    }
    recordMovement(t.core.ctx, { itemId: 'rice', lotId: null, kind: 'receive', qty: 100 });
    recordMovement(t.core.ctx, { itemId: 'oil', lotId: null, kind: 'receive', qty: 69 });
    recordMovement(t.core.ctx, { itemId: 'beans', lotId: null, kind: 'receive', qty: 100 });
    // Three distribution days in the four weeks before 28 November.
    for (const [at, rice, oil, beans] of [
      ['2026-11-07T10:00:00.000Z', 20, 12, 2],
      ['2026-11-14T10:00:00.000Z', 24, 12, 2],
      ['2026-11-21T10:00:00.000Z', 16, 12, 2],
    ] as const) {
      t.clock.set(at);
      t.core.ctx.db.transaction(() => {
        distributeFefo(t.core.ctx, 'rice', rice, { slipId: `r-${at}`, volunteer: null });
        distributeFefo(t.core.ctx, 'oil', oil, { slipId: `o-${at}`, volunteer: null });
        distributeFefo(t.core.ctx, 'beans', beans, { slipId: `b-${at}`, volunteer: null });
      })();
    }
    // This morning three households ask for one of each (reserved, not yet given).
    t.clock.set('2026-11-28T09:00:00.000Z');
    for (let i = 0; i < 3; i += 1) {
      n += 1;
      await t.ok(
        'intake.submit',
        {
          requestId: `0191a5c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
          language: 'en',
          household: { adults: 1 },
          needs: ['rice', 'oil', 'beans'].map((itemId) => ({ itemId, qty: 1 })),
        },
        null,
      );
    }
    token = (await t.ok('auth.login', { pin: '1234' }, null)).token;
  });
  afterEach(() => t.dispose());

  it('lists rice (1 day) and oil (2 days) by hand-computed pace, not beans (45 days)', async () => {
    // Rice: 100 − 60 given − 3 promised = 37 available; 60 / 3 days = 20 a day → 37 / 20 → 1 day.
    // Oil: 69 − 36 − 3 = 30; 36 / 3 = 12 a day → 30 / 12 → 2 days (the edge: still a gap).
    // Beans: 100 − 6 − 3 = 91; 6 / 3 = 2 a day → 45 days: not a gap.
    const f = await t.ok(
      'month.forecast',
      {
        itemIds: ['rice', 'oil', 'beans'],
      },
      token,
    );
    expect(f.map((x) => [x.itemId, x.available, x.perDay, x.daysLeft])).toEqual([
      ['rice', 37, 20, 1],
      ['oil', 30, 12, 2],
      ['beans', 91, 2, 45],
    ]);
    const gaps = await t.ok('board.gaps', {}, token);
    expect(gaps.map((g) => [g.itemId, g.available, g.daysLeft])).toEqual([
      ['oil', 30, 2],
      ['rice', 37, 1],
    ]);
    const poster = await t.ok('board.public', { language: 'ar' }, null);
    expect(poster.need.map((i) => i.name).sort()).toEqual(['أرز', 'زيت طبخ'].sort());
  });
});
