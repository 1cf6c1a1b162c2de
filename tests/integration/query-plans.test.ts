import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed';
import type { StockQuery } from '../../src/shared/api/channels/inventory';
import type { z } from 'zod';
import { makeCore, type TestCore } from '../support/core';
import { historyScans, recordPlans, touches } from '../support/plans';

/**
 * The hot reads, as the services really run them (every statement a call makes, with its own
 * parameters), on the demo hub. None may walk a table that grows with every visit: at five
 * years of history that is what turns a 9 ms read into a second.
 */
describe('hot reads go through indexes', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
    seedDemo(t.core.ctx, t.core.services.intake);
  });
  afterEach(() => t.dispose());

  const stockQuery = (q: Partial<z.input<typeof StockQuery>>) =>
    ({
      language: 'en',
      search: '',
      categoryId: null,
      tag: null,
      view: 'all',
      withinDays: 7,
      sort: 'name',
      limit: 50,
      offset: 0,
      ...q,
    }) as z.output<typeof StockQuery>;

  it('the intake catalogue reads the maintained stock and reservations, never a slip', () => {
    const { result, statements } = recordPlans(t.core.ctx.db, () => t.core.services.intake.catalog('en'));
    expect(result.length).toBeGreaterThan(0);
    expect(historyScans(statements)).toEqual([]);
    for (const table of ['slips', 'slip_lines', 'redemptions'] as const) expect(touches(statements, table), table).toBe(false);
    expect(statements.map((s) => s.plan.join('\n')).join('\n')).toMatch(/reservations_day/);
  });

  it('the public screen reads the maintained asks by day and the ledger by item, never a slip', () => {
    const { result, statements } = recordPlans(t.core.ctx.db, () => t.core.services.publicBoard.publicView('en'));
    expect(result.siteName).toBeTruthy();
    expect(historyScans(statements)).toEqual([]);
    for (const table of ['slips', 'slip_lines', 'redemptions'] as const) expect(touches(statements, table), table).toBe(false);
    const plans = statements.flatMap((s) => s.plan).join('\n');
    expect(plans).toMatch(/SEARCH item_asks USING PRIMARY KEY \(day>\?\)/);
    // The forecast's pace: one statement for every item asked about, from the given-out index alone.
    expect(plans).toMatch(/SEARCH movements USING COVERING INDEX movements_given \(item_id=\? AND at>\?\)/);
    // The counts of help wanted and offered: only the live entries, as two short index ranges.
    expect(plans).toMatch(/SEARCH n USING INDEX needs_offers_started/);
    expect(statements.filter((s) => /FROM movements/.test(s.sql))).toHaveLength(1);
  });

  it('a slip found by id or by short code, with its pick list', () => {
    const slip = t.core.ctx.db.prepare('SELECT id, short_code FROM slips LIMIT 1').get() as { id: string; short_code: string };
    const byId = recordPlans(t.core.ctx.db, () => t.core.services.slips.pickupView(slip.id));
    expect(byId.result.id).toBe(slip.id);
    expect(historyScans(byId.statements)).toEqual([]);
    const byCode = recordPlans(t.core.ctx.db, () => t.core.services.slips.lookup(slip.short_code));
    expect(byCode.result.id).toBe(slip.id);
    expect(historyScans(byCode.statements)).toEqual([]);
  });

  it.each([
    ['stock list', stockQuery({})],
    ['search', stockQuery({ search: 'ric' })],
    ['expiring', stockQuery({ view: 'expiring', withinDays: 30 })],
    ['low stock', stockQuery({ view: 'low' })],
  ])('the %s reads maintained tables only', (_name, q) => {
    const { statements } = recordPlans(t.core.ctx.db, () => t.core.services.stock.stock(q));
    expect(statements.length).toBeGreaterThan(0);
    expect(historyScans(statements)).toEqual([]);
    for (const table of ['slips', 'slip_lines', 'movements'] as const) expect(touches(statements, table), table).toBe(false);
  });

  it('a submitted slip reads only the items it asks for, not the whole catalogue', () => {
    const [a, b] = t.core.services.intake.catalog('en');
    if (!a || !b) throw new Error('the demo hub has items');
    const { result, statements } = recordPlans(t.core.ctx.db, () =>
      t.core.services.intake.submit({
        requestId: '0199aaaa-0000-7000-8000-000000000001',
        language: 'en',
        purpose: 'need',
        household: { adults: 1 },
        needs: [
          { itemId: a.id, qty: 1 },
          { itemId: b.id, qty: 1 },
        ],
      } as never),
    );
    expect(result?.lines).toHaveLength(2);
    expect(historyScans(statements)).toEqual([]);
    const itemReads = statements.filter((s) => /FROM items i\b/.test(s.sql));
    expect(itemReads.length).toBeGreaterThan(0);
    for (const s of itemReads) expect(s.plan.join('\n'), s.sql).not.toMatch(/^SCAN i\b/m);
  });

  it('the board reads its first page as a range of the board index, not every entry ever made, sorted', () => {
    const { result, statements } = recordPlans(t.core.ctx.db, () => t.core.services.matches.list(20));
    expect(result.needs.length).toBeGreaterThan(0);
    expect(historyScans(statements)).toEqual([]);
    const pages = statements.filter((s) => /ORDER BY n\.created_at DESC, n\.id LIMIT/.test(s.sql));
    expect(pages.length).toBe(2);
    for (const s of pages) {
      expect(s.plan.join('\n')).toMatch(/SEARCH n USING INDEX needs_offers_board \(kind=\? AND status=\?\)/);
      expect(s.plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('the recorder sees a whole-table walk when there is one', () => {
    const { statements } = recordPlans(t.core.ctx.db, () => t.core.ctx.db.prepare('SELECT SUM(l.qty) AS n FROM slip_lines l').get());
    expect(historyScans(statements)).toHaveLength(1);
  });
});
