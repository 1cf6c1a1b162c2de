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

  describe('at the size of a big catalogue', () => {
    const name = (k: number) => `Item ${String((k * 37) % 150).padStart(3, '0')}`;
    const stocked = (k: number) => (k % 2 === 0 ? 5 : 20 + (k % 7) * 10);
    const askedQty = (k: number) => 3 + (k % 10);
    /** 150 items asked on 3 to 12 slips each this week, every other one at its low-stock mark, the rest with surplus. */
    const bigCatalogue = () => {
      const db = t.core.ctx.db;
      const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
      const day = Math.floor(t.clock.now().getTime() / 86_400_000);
      for (let k = 0; k < 150; k += 1) {
        const id = `item-${String(k).padStart(3, '0')}`;
        db.prepare("INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES (?, ?, 'can', 5, 't', 't')").run(
          id,
          site,
        );
        // Names in another order than the ids, so the order's last key (the name) decides between equals.
        db.prepare("INSERT INTO item_names (item_id, locale, name) VALUES (?, 'en', ?)").run(id, name(k));
        recordMovement(t.core.ctx, { itemId: id, lotId: null, kind: 'receive', qty: stocked(k) });
        db.prepare('INSERT INTO item_asks (day, item_id, slips, qty) VALUES (?, ?, ?, ?)').run(day, id, askedQty(k), askedQty(k));
      }
    };

    it('the first gaps are the whole list’s beginning, however many the screen asks for', () => {
      bigCatalogue();
      const gaps = t.core.services.publicBoard['gapService'];
      const all = gaps.gaps('en');
      expect(all.length).toBeGreaterThan(64);
      for (const limit of [1, 8, 63, 64, 65, 100, 1000]) expect(gaps.gaps('en', limit), `limit ${limit}`).toEqual(all.slice(0, limit));
    });

    it('the waiting-room screen forecasts only as far as its eight need, and its surplus is the most beyond what was asked', async () => {
      bigCatalogue();
      const db = t.core.ctx.db;
      const forecastIds: number[] = [];
      const prepare = db.prepare.bind(db);
      // Counts the items each forecast is asked about.
      db.prepare = ((sql: string) => {
        const st = prepare(sql);
        if (/FROM movements/.test(sql)) {
          const all = st.all.bind(st);
          st.all = ((params: { items: string }) => {
            forecastIds.push((JSON.parse(params.items) as unknown[]).length);
            return all(params);
          }) as typeof st.all;
        }
        return st;
      }) as typeof db.prepare;
      const view = await ok<PublicView>(t.call('board.public', { language: 'en' }));
      db.prepare = prepare;
      expect(view.need).toHaveLength(8);
      expect(view.have).toHaveLength(8);
      // One batch of 64 finds the first eight gaps; the whole board's list would forecast all 150.
      expect(forecastIds).toEqual([64]);
      // Surplus: at least 10 and three times what was asked, above the low-stock mark; most beyond first, then by name.
      // The morning's own four (beforeEach, asked nothing): rice and soap have surplus.
      const expected = [
        { name: 'Rice', beyond: 100 },
        { name: 'Soap', beyond: 40 },
        ...Array.from({ length: 150 }, (_, k) => k)
          .filter((k) => stocked(k) >= 10 && stocked(k) >= 3 * askedQty(k) && stocked(k) > 5)
          .map((k) => ({ name: name(k), beyond: stocked(k) - 3 * askedQty(k) })),
      ]
        .sort((a, b) => b.beyond - a.beyond || a.name.localeCompare(b.name))
        .slice(0, 8)
        .map((h) => h.name);
      expect(view.have.map((h) => h.name)).toEqual(expected);
      // The same eight as the whole list's first eight.
      expect(view.need.map((n) => n.itemId)).toEqual(
        t.core.services.publicBoard['gapService']
          .gaps('en')
          .slice(0, 8)
          .map((g) => g.itemId),
      );
    });
  });
});
