import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { recordMovement } from '../../../src/core/inventory/ledger';
import type { BoardEntry, PantryGap, PublicView } from '../../../src/shared/api/channels/board';
import { ok } from './helpers';

describe('pantry gaps and the public screen', () => {
  let t: TestCore;
  let session: string;
  let n = 0;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp(['en', 'ar']);
    const db = t.core.ctx.db;
    const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
    for (const [id, en, ar, lowStock] of [
      ['beans', 'Black beans', 'فاصوليا سوداء', 0],
      ['rice', 'Rice', 'أرز', 0],
      ['oil', 'Cooking oil', 'زيت طبخ', 5],
      ['soap', 'Soap', 'صابون', 0],
    ] as const) {
      db.prepare("INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES (?, ?, 'can', ?, 't', 't')").run(
        id,
        site,
        lowStock,
      );
      db.prepare("INSERT INTO item_names (item_id, locale, name) VALUES (?, 'en', ?), (?, 'ar', ?)").run(id, en, id, ar);
    }
    const receive = (itemId: string, qty: number) => recordMovement(t.core.ctx, { itemId, lotId: null, kind: 'receive', qty });
    receive('beans', 3);
    receive('rice', 100);
    receive('oil', 7);
    receive('soap', 40);
  });
  afterEach(() => t.dispose());

  const slip = (needs: { itemId: string; qty: number }[]) => {
    n += 1;
    return ok(
      t.call('intake.submit', {
        requestId: `0191a5c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
        language: 'en',
        household: { adults: 1 },
        needs,
      }),
    );
  };

  it('lists items often asked for that a visitor can no longer get, most asked first', async () => {
    // Beans: 3 slips take all 3. Oil: 3 slips leave 4, under its low-stock mark of 5.
    // Rice: asked 3 times but plenty left. Soap: out of nothing, asked once only.
    for (let i = 0; i < 3; i += 1)
      await slip([
        { itemId: 'beans', qty: 1 },
        { itemId: 'oil', qty: 1 },
        { itemId: 'rice', qty: 1 },
      ]);
    await slip([
      { itemId: 'oil', qty: 1 },
      { itemId: 'soap', qty: 1 },
    ]);
    const gaps = await ok<PantryGap[]>(t.call('board.gaps', {}, session));
    expect(gaps.map((g) => [g.itemId, g.asks, g.available])).toEqual([
      ['oil', 4, 3],
      ['beans', 3, 0],
    ]);
  });

  it('forgets asks older than the window', async () => {
    for (let i = 0; i < 3; i += 1) await slip([{ itemId: 'beans', qty: 1 }]);
    t.clock.advance(15 * 86_400_000);
    session = (await ok<{ token: string }>(t.call('auth.login', { pin: '1234' }))).token;
    expect(await ok<PantryGap[]>(t.call('board.gaps', {}, session))).toEqual([]);
  });

  it('publishes a gap once as a shareable "we need" entry', async () => {
    for (let i = 0; i < 3; i += 1) await slip([{ itemId: 'beans', qty: 1 }]);
    const entry = await ok<BoardEntry>(t.call('board.publish_gap', { itemId: 'beans' }, session));
    expect(entry).toMatchObject({ kind: 'need', category: 'pantry', source: 'pantry', shareable: true, itemName: 'Black beans' });
    const again = await ok<BoardEntry>(t.call('board.publish_gap', { itemId: 'beans' }, session));
    expect(again.id).toBe(entry.id);
    const gaps = await ok<PantryGap[]>(t.call('board.gaps', {}, session));
    expect(gaps[0]?.entryId).toBe(entry.id);
    const missing = await t.call('board.publish_gap', { itemId: 'nothing' }, session);
    // An item missing from the catalogue, in its own words: not "no longer on the board" (issue 13.6).
    expect(!missing.ok && missing.error.code).toBe('inventory.item_not_found');
  });

  it('the public screen shows surplus, shortages and help wanted, named in the asked language', async () => {
    for (let i = 0; i < 3; i += 1)
      await slip([
        { itemId: 'beans', qty: 1 },
        { itemId: 'rice', qty: 1 },
      ]);
    const site = (t.core.ctx.db.prepare('SELECT id FROM site').get() as { id: string }).id;
    const add = t.core.ctx.db.prepare(
      "INSERT INTO needs_offers (id, origin_site, kind, category, languages, shareable, created_at) VALUES (?, ?, ?, ?, '[]', ?, ?)",
    );
    const at = t.clock.now().toISOString();
    add.run('n1', site, 'need', 'ride', 1, at);
    add.run('n2', site, 'need', 'ride', 1, at);
    add.run('n3', site, 'need', 'ride', 0, at); // not shareable: not counted
    add.run('o1', site, 'offer', 'ride', 0, at);
    add.run('n4', site, 'need', 'cooking', 1, at);
    add.run('o2', site, 'offer', 'cooking', 0, at);
    const view = await ok<PublicView>(t.call('board.public', { language: 'ar' }));
    expect(view.need.map((i) => i.name)).toEqual(['فاصوليا سوداء']);
    expect(view.have.map((i) => i.name)).toEqual(['أرز', 'صابون']);
    expect(view.offersWanted).toEqual([{ category: 'ride', needs: 2 }]);
    expect(view.languages).toEqual(['en', 'ar']);
  });
});
