import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/api/contract';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addVolunteer } from '../../src/core/site/site-service';
import { RESERVED_SQL, availability, availabilityJoinsOf, reservedByItem, today } from '../../src/core/inventory/available';
import { CATALOG_OF_SQL } from '../../src/core/intake/intake-service';
import { pickList } from '../../src/core/inventory/fefo';
import { distributeFefo } from '../../src/core/inventory/ledger';
import { makeCore, type TestCore, okValue } from '../support/core';

// Valid check digits: UPC-A 036000291452, its EAN-13 spelling 0036000291452, EAN-13 4006381333931, EAN-8 96385074.
const BEANS_UPC = '036000291452';
const PENCIL_EAN = '4006381333931';
const RICE_EAN8 = '96385074';

describe('pantry inventory', () => {
  let t: TestCore;
  let token: string;
  const fail = async (channel: string, input: unknown) => {
    const r = await t.callRaw(channel, input, token);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
  const count = (table: string) => (t.core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const digest = () => {
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };
  const newItem = async (names: Record<string, string>, extra: Record<string, unknown> = {}) =>
    (await t.ok('inventory.save_item', { language: 'en', item: { id: randomUUID(), names, unit: 'can', ...extra } }, token)).id;
  const receive = (itemId: string, qty: number, extra: Record<string, unknown> = {}) =>
    t.ok(
      'inventory.receive',
      {
        requestId: randomUUID(),
        itemId,
        qty,
        source: 'food_bank',
        ...extra,
      },
      token,
    );

  beforeEach(async () => {
    t = makeCore();
    token = await t.setUp(['en', 'es', 'ar', 'fa', 'uk']);
  });
  afterEach(() => t.dispose());

  describe('catalogue', () => {
    it('shows a missing translation in the site language, marked as not translated yet', async () => {
      const id = await newItem(
        { en: 'Black beans, 15 oz' },
        { barcodes: [BEANS_UPC], tags: ['vegan', 'halal'], limit: { qty: 2, days: 7 }, lowStock: 10 },
      );
      const fa = await t.ok('inventory.item', { itemId: id, language: 'fa' }, token);
      expect(fa).toMatchObject({
        name: 'Black beans, 15 oz',
        untranslated: true,
        barcodes: [BEANS_UPC],
        tags: ['halal', 'vegan'],
        limit: { qty: 2, days: 7 },
        lowStock: 10,
      });
      await t.ok(
        'inventory.save_item',
        {
          language: 'en',
          item: { id, names: { en: 'Black beans, 15 oz', fa: 'لوبیای سیاه' }, unit: 'can', barcodes: [BEANS_UPC] },
        },
        token,
      );
      expect(await t.ok('inventory.item', { itemId: id, language: 'fa' }, token)).toMatchObject({
        name: 'لوبیای سیاه',
        untranslated: false,
        tags: [],
      });
    });

    it('saving the same new item twice (a double tap) makes one item', async () => {
      const item = { id: randomUUID(), names: { en: 'Rice 5 kg' }, unit: 'bag' };
      await t.ok('inventory.save_item', { language: 'en', item }, token);
      await t.ok('inventory.save_item', { language: 'en', item }, token);
      expect(count('items')).toBe(1);
    });

    it('refuses bad check digits, duplicate barcodes (in either UPC/EAN spelling), unknown units and a missing name, changing nothing', async () => {
      await newItem({ en: 'Black beans' }, { barcodes: [BEANS_UPC] });
      const before = digest();
      const save = (item: Record<string, unknown>) =>
        fail('inventory.save_item', { language: 'en', item: { id: randomUUID(), names: { en: 'X' }, unit: 'can', ...item } });
      expect(await save({ barcodes: ['036000291453'] })).toMatchObject({
        code: 'inventory.bad_barcode',
        params: { barcode: '036000291453' },
      });
      expect(await save({ barcodes: ['12345'] })).toMatchObject({ code: 'inventory.bad_barcode' });
      expect(await save({ barcodes: [`0${BEANS_UPC}`] })).toMatchObject({
        code: 'inventory.duplicate_barcode',
        params: { item: 'Black beans' },
      });
      expect(await save({ barcodes: [PENCIL_EAN, PENCIL_EAN] })).toMatchObject({ code: 'inventory.duplicate_barcode' });
      expect(await save({ unit: 'bushel' })).toMatchObject({ code: 'inventory.unknown_unit', params: { unit: 'bushel' } });
      expect(await save({ names: { es: '  ', ar: '' } })).toMatchObject({ code: 'inventory.name_required', params: { field: 'names' } });
      expect(await save({ categoryId: 'nope' })).toMatchObject({ code: 'inventory.category_not_found' });
      expect(digest()).toBe(before);
    });

    it('saves an item named in one language only, not the hub’s, and names it everywhere by the one fallback', async () => {
      // An Arabic hub; the volunteer writes the can's name as its label says it, in English.
      t.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
      const id = await newItem({ en: 'Black beans, 29 oz' }, { lowStock: 2 });
      // Another one named only in Ukrainian: no English either, still one name.
      const other = await newItem({ uk: 'Гречка' });
      await receive(id, 5);
      const slip = t.core.services.intake.submit({
        requestId: randomUUID(),
        language: 'fa',
        household: { adults: 1 },
        needs: [{ itemId: id, qty: 1 }],
      });
      for (const language of ['ar', 'fa', 'es', 'en'] as const) {
        const named = { name: 'Black beans, 29 oz', untranslated: language !== 'en' };
        expect(await t.ok('inventory.item', { itemId: id, language }, token)).toMatchObject(named);
        expect(await t.ok('inventory.item', { itemId: other, language }, token)).toMatchObject({ name: 'Гречка', untranslated: true });
        expect((await t.ok('inventory.search', { query: '29 oz', language }, token))[0]).toMatchObject({ id, ...named });
        const stock = await t.ok('inventory.stock', { language, view: 'all', limit: 50 }, token);
        expect(stock.rows.find((r) => r.id === id)).toMatchObject(named);
        const catalog = await t.call('intake.catalog', { language });
        expect(okValue(catalog).find((i) => i.id === id)).toMatchObject({ name: 'Black beans, 29 oz' });
      }
      // The pickup table's pick list names it the same way.
      const picked = okValue(await t.call('slip.lookup', { code: slip!.qrDigits }, token));
      expect(picked.pickList.map((l) => l.name)).toEqual(['Black beans, 29 oz']);
    });

    it('finds a scanned code in either spelling, and says when a code is unknown or unreadable', async () => {
      const id = await newItem({ en: 'Black beans' }, { barcodes: [BEANS_UPC, RICE_EAN8] });
      expect(await t.ok('inventory.scan', { barcode: `0${BEANS_UPC}`, language: 'en' }, token)).toMatchObject({ id });
      expect(await t.ok('inventory.scan', { barcode: RICE_EAN8, language: 'en' }, token)).toMatchObject({ id });
      expect(await fail('inventory.scan', { barcode: PENCIL_EAN, language: 'en' })).toMatchObject({
        code: 'inventory.unknown_barcode',
        params: { barcode: PENCIL_EAN },
      });
      expect(await fail('inventory.scan', { barcode: '4006381333932', language: 'en' })).toMatchObject({ code: 'inventory.bad_barcode' });
    });
  });

  describe('receive and adjust', () => {
    it('records a receipt with lot, expiry, source and the volunteer, updating on-hand in the same transaction', async () => {
      const id = await newItem({ en: 'Eggs' });
      const r = await receive(id, 60, { lotCode: 'E-1', expiresOn: '2026-12-03', sourceName: 'Regional Food Bank' });
      expect(r.onHand).toBe(60);
      const [m] = await t.ok('inventory.history', { itemId: id }, token);
      expect(m).toMatchObject({
        kind: 'receive',
        qty: 60,
        lotCode: 'E-1',
        expiresOn: '2026-12-03',
        source: 'food_bank',
        sourceName: 'Regional Food Bank',
        volunteer: 'Coordinator',
      });
      // A second pallet of the same lot adds to that lot.
      const again = await receive(id, 10, { lotCode: 'E-1', expiresOn: '2026-12-03' });
      expect(again.lotId).toBe(r.lotId);
      expect(count('lots')).toBe(1);
    });

    it('records a double-submitted receipt once, and refuses a reused request id for something else', async () => {
      const id = await newItem({ en: 'Oil' });
      const input = { requestId: randomUUID(), itemId: id, qty: 12, source: 'donor' } as const;
      const a = await t.ok('inventory.receive', input, token);
      const b = await t.ok('inventory.receive', input, token);
      expect(b.movementId).toBe(a.movementId);
      expect(b.onHand).toBe(12);
      expect(count('movements')).toBe(1);
      expect(await fail('inventory.receive', { ...input, qty: 13 })).toMatchObject({ code: 'inventory.request_reused' });
      const adj = { requestId: randomUUID(), itemId: id, qty: -2, reason: 'damaged' } as const;
      await t.ok('inventory.adjust', adj, token);
      await t.ok('inventory.adjust', adj, token);
      expect(availability(t.core.ctx, id).onHand).toBe(10);
    });

    it('refuses zero, negative and absurd quantities, unknown items and sources, writing nothing', async () => {
      const id = await newItem({ en: 'Oil' });
      const before = digest();
      for (const qty of [0, -5, 100_001, 1e9]) {
        expect(await fail('inventory.receive', { requestId: randomUUID(), itemId: id, qty, source: 'donor' })).toMatchObject({
          code: 'inventory.bad_qty',
        });
      }
      expect(await fail('inventory.receive', { requestId: randomUUID(), itemId: id, qty: 1.5, source: 'donor' })).toMatchObject({
        code: 'api.invalid_input',
      });
      expect(await fail('inventory.receive', { requestId: randomUUID(), itemId: id, qty: 1, source: 'stolen' })).toMatchObject({
        code: 'api.invalid_input',
      });
      expect(await fail('inventory.receive', { requestId: randomUUID(), itemId: 'nope', qty: 1, source: 'donor' })).toMatchObject({
        code: 'inventory.item_not_found',
      });
      expect(
        await fail('inventory.receive', { requestId: randomUUID(), itemId: id, qty: 1, source: 'donor', expiresOn: '2026-02-30' }),
      ).toMatchObject({ code: 'api.invalid_input' });
      expect(digest()).toBe(before);
    });

    it('warns about an expiry date in the past, and records it once the volunteer confirms', async () => {
      const id = await newItem({ en: 'Milk' });
      const input = { requestId: randomUUID(), itemId: id, qty: 12, source: 'donor', expiresOn: '2026-11-20' } as const;
      expect(await fail('inventory.receive', input)).toMatchObject({ code: 'inventory.expiry_past', params: { date: '2026-11-20' } });
      expect(count('movements')).toBe(0);
      expect(count('lots')).toBe(0);
      expect(await t.ok('inventory.receive', { ...input, acceptPastExpiry: true }, token)).toMatchObject({ onHand: 12 });
    });

    it('marks stock spoiled with a reason and who did it, never below zero; only a count correction may go below', async () => {
      const id = await newItem({ en: 'Milk' });
      const { lotId } = await receive(id, 12, { expiresOn: '2026-12-01' });
      const spoil = (qty: number, reason: ChannelInput<'inventory.adjust'>['reason'] = 'spoiled', lot: string | null = lotId) =>
        t.call('inventory.adjust', { requestId: randomUUID(), itemId: id, lotId: lot, qty, reason, note: 'smelled sour' }, token);
      expect(await spoil(5)).toMatchObject({ ok: false, error: { code: 'inventory.bad_qty' } });
      expect(await spoil(-13)).toMatchObject({ ok: false, error: { code: 'inventory.not_enough_stock', params: { onHand: 12 } } });
      expect(await spoil(-1, 'spoiled', 'no-such-lot')).toMatchObject({ ok: false, error: { code: 'inventory.lot_not_found' } });
      expect(await spoil(-12)).toMatchObject({ ok: true, value: { onHand: 0 } });
      expect(await spoil(-3, 'count_correction')).toMatchObject({ ok: true, value: { onHand: -3 } });
      const [last, first] = await t.ok('inventory.history', { itemId: id, limit: 2 }, token);
      expect(last).toMatchObject({ kind: 'adjust', qty: -3, reason: 'count_correction', note: 'smelled sour', volunteer: 'Coordinator' });
      expect(first).toMatchObject({ kind: 'adjust', qty: -12, reason: 'spoiled' });
    });

    it('stores the reason and the note in columns of their own, a bar in the note included', async () => {
      const id = await newItem({ en: 'Yogurt' });
      await receive(id, 4);
      await t.ok(
        'inventory.adjust',
        {
          requestId: randomUUID(),
          itemId: id,
          lotId: null,
          qty: -2,
          reason: 'damaged',
          note: 'crate 3|4 dropped',
        },
        token,
      );
      expect(t.core.ctx.db.prepare("SELECT reason, note FROM movements WHERE item_id = ? AND kind = 'adjust'").get(id)).toEqual({
        reason: 'damaged',
        note: 'crate 3|4 dropped',
      });
      const [last] = await t.ok('inventory.history', { itemId: id, limit: 1 }, token);
      expect(last).toMatchObject({ reason: 'damaged', note: 'crate 3|4 dropped' });
    });

    it('lists history newest first, paged, with who, when and why', async () => {
      const id = await newItem({ en: 'Lentils' });
      for (let i = 1; i <= 5; i += 1) {
        t.clock.advance(60_000);
        await receive(id, i);
      }
      const page1 = await t.ok('inventory.history', { itemId: id, limit: 3 }, token);
      expect(page1.map((m) => m.qty)).toEqual([5, 4, 3]);
      const page2 = await t.ok('inventory.history', { itemId: id, limit: 3, before: page1[2]?.id }, token);
      expect(page2.map((m) => m.qty)).toEqual([2, 1]);
      expect(await fail('inventory.history', { itemId: 'nope' })).toMatchObject({ code: 'inventory.item_not_found' });
    });

    it('keeps the ledger append-only: a mistake is corrected by a reverse movement', async () => {
      const id = await newItem({ en: 'Lentils' });
      const r = await receive(id, 40);
      expect(() => t.core.ctx.db.prepare('UPDATE movements SET qty = 4 WHERE id = ?').run(r.movementId)).toThrow(/append-only/);
      await t.ok(
        'inventory.adjust',
        {
          requestId: randomUUID(),
          itemId: id,
          qty: -36,
          reason: 'count_correction',
          note: 'typed 40, meant 4',
        },
        token,
      );
      expect(availability(t.core.ctx, id).onHand).toBe(4);
    });
  });

  describe('stock list', () => {
    let beans: string;
    let rice: string;
    let milk: string;
    let riceLot: string | null;
    beforeEach(async () => {
      t.core.ctx.db.prepare("INSERT INTO categories (id, origin_site, sort) VALUES ('dry', 's', 0), ('fresh', 's', 1)").run();
      t.core.ctx.db
        .prepare("INSERT INTO category_names (category_id, locale, name) VALUES ('dry', 'en', 'Dry goods'), ('fresh', 'en', 'Fresh')")
        .run();
      beans = await newItem(
        { en: 'Black beans', es: 'Frijoles negros', uk: 'Чорна квасоля' },
        { categoryId: 'dry', tags: ['vegan'], lowStock: 20, barcodes: [BEANS_UPC] },
      );
      rice = await newItem({ en: 'Rice', es: 'Arroz' }, { categoryId: 'dry', unit: 'bag', lowStock: 5 });
      milk = await newItem({ en: 'Milk', es: 'Leche' }, { categoryId: 'fresh', unit: 'carton', tags: ['vegetarian'] });
      await receive(beans, 10);
      riceLot = (await receive(rice, 19, { lotCode: 'R1' })).lotId;
      await receive(milk, 6, { expiresOn: '2026-12-01' });
      await receive(milk, 6, { expiresOn: '2026-12-20' });
    });
    const stock = (q: Record<string, unknown>) => t.ok('inventory.stock', { language: 'en', ...q }, token);

    it('lists on-hand per item and per lot, sorted by name or by quantity', async () => {
      const all = await stock({});
      expect(all.total).toBe(3);
      expect(all.rows.map((r) => r.name)).toEqual(['Black beans', 'Milk', 'Rice']);
      expect(all.rows.find((r) => r.id === milk)).toMatchObject({
        onHand: 12,
        nextExpiry: '2026-12-01',
        lots: [
          { expiresOn: '2026-12-01', qty: 6 },
          { expiresOn: '2026-12-20', qty: 6 },
        ],
      });
      expect((await stock({ sort: 'on_hand' })).rows.map((r) => r.onHand)).toEqual([10, 12, 19]);
    });

    it('searches names in any language (case and accents folded) and barcodes', async () => {
      expect((await stock({ search: 'frijol' })).rows.map((r) => r.id)).toEqual([beans]);
      expect((await stock({ search: 'ARROZ' })).rows.map((r) => r.id)).toEqual([rice]);
      expect((await stock({ search: 'чорна' })).rows.map((r) => r.id)).toEqual([beans]);
      expect((await stock({ search: `0${BEANS_UPC}` })).rows.map((r) => r.id)).toEqual([beans]);
      expect((await stock({ search: '100%' })).total).toBe(0);
      expect((await t.ok('inventory.search', { query: 'leche', language: 'ar' }, token)).map((r) => r.id)).toEqual([milk]);
    });

    it('filters by category and tag', async () => {
      expect((await stock({ categoryId: 'dry' })).rows.map((r) => r.id).sort()).toEqual([beans, rice].sort());
      expect((await stock({ tag: 'vegan' })).rows.map((r) => r.id)).toEqual([beans]);
    });

    it('shows low stock against each item’s own threshold', async () => {
      expect((await stock({ view: 'low' })).rows.map((r) => r.id)).toEqual([beans]);
      await t.ok('inventory.adjust', { requestId: randomUUID(), itemId: rice, lotId: riceLot, qty: -14, reason: 'damaged' }, token);
      expect((await stock({ view: 'low' })).rows.map((r) => r.id)).toEqual([beans, rice]);
    });

    it('shows what expires within N days, soonest first, including what is already past', async () => {
      expect((await stock({ view: 'expiring', withinDays: 7 })).rows.map((r) => r.id)).toEqual([milk]);
      expect((await stock({ view: 'expiring', withinDays: 2 })).rows.map((r) => r.id)).toEqual([]);
      t.clock.set('2026-12-05T10:00:00Z');
      token = okValue(await t.call('auth.login', { pin: '1234' })).token;
      expect((await stock({ view: 'expiring', withinDays: 0 })).rows.map((r) => r.id)).toEqual([milk]);
    });
  });

  describe('reservations, availability and FEFO', () => {
    it('a slip reserves at issue, pickup consumes first-expiring lots, a voided or expired slip releases', async () => {
      const eggs = await newItem({ en: 'Eggs' }, { unit: 'carton' });
      await receive(eggs, 5, { lotCode: 'LATE', expiresOn: '2026-12-10' });
      await receive(eggs, 3, { lotCode: 'SOON', expiresOn: '2026-12-02' });
      await receive(eggs, 2);
      expect(pickList(t.core.ctx, eggs, 4)).toEqual([
        { lotId: expect.any(String), code: 'SOON', expiresOn: '2026-12-02', qty: 3 },
        { lotId: expect.any(String), code: 'LATE', expiresOn: '2026-12-10', qty: 1 },
      ]);
      const issue = async (qty: number) => {
        const r = await t.call('intake.submit', {
          requestId: randomUUID(),
          language: 'en',
          household: { adults: 1 },
          needs: [{ itemId: eggs, qty }],
        });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return (r.value as { id: string }).id;
      };
      const a = await issue(4);
      const b = await issue(3);
      expect(availability(t.core.ctx, eggs)).toEqual({ onHand: 10, reserved: 7, available: 3 });
      expect(
        await t.call('intake.submit', { requestId: randomUUID(), language: 'en', household: {}, needs: [{ itemId: eggs, qty: 4 }] }),
      ).toMatchObject({
        ok: false,
        error: { code: 'intake.item_unavailable' },
      });
      expect((await t.ok('inventory.stock', { language: 'en' }, token)).rows[0]).toMatchObject({ reserved: 7, available: 3 });

      // Voided: released without any stock movement.
      t.core.ctx.db.prepare("UPDATE slips SET voided_at = '2026-11-28T11:00:00Z' WHERE id = ?").run(b);
      expect(availability(t.core.ctx, eggs)).toEqual({ onHand: 10, reserved: 4, available: 6 });

      // Picked up: on-hand goes down, first-expiring lot first, the reservation is gone.
      await t.ok('slip.redeem', { slipId: a, table: '1' }, token);
      expect(availability(t.core.ctx, eggs)).toEqual({ onHand: 6, reserved: 0, available: 6 });
      const item = await t.ok('inventory.item', { itemId: eggs, language: 'en' }, token);
      expect(item.lots).toEqual([expect.objectContaining({ code: 'LATE', qty: 4 }), expect.objectContaining({ code: null, qty: 2 })]);

      // Expired: a slip past its expiry day reserves nothing.
      await issue(2);
      expect(availability(t.core.ctx, eggs).reserved).toBe(2);
      t.clock.advance(8 * 86_400_000);
      expect(availability(t.core.ctx, eggs).reserved).toBe(0);
    });

    it('distributeFefo never takes a lot below zero', async () => {
      const id = await newItem({ en: 'Oil' });
      await receive(id, 3, { expiresOn: '2027-01-01' });
      const given = t.core.ctx.db.transaction(() => distributeFefo(t.core.ctx, id, 5, { slipId: 'x', volunteer: null }))();
      expect(given).toBe(3);
      expect(availability(t.core.ctx, id).onHand).toBe(0);
    });

    it('reads reservations as a short index range, for all items or one', () => {
      const all = t.core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${RESERVED_SQL} GROUP BY item_id`).all({ today: 1 }) as { detail: string }[];
      expect(all.map((p) => p.detail).join('\n')).toMatch(/SEARCH reservations USING COVERING INDEX reservations_day \(expiry_day>\?\)/);
      const one = t.core.ctx.db
        .prepare('EXPLAIN QUERY PLAN SELECT COALESCE(SUM(qty), 0) FROM reservations WHERE item_id = ? AND expiry_day >= ?')
        .all('x', 1) as { detail: string }[];
      expect(one.map((p) => p.detail).join('\n')).toMatch(/SEARCH reservations USING PRIMARY KEY \(item_id=\? AND expiry_day>\?\)/);
    });

    it('reads only the named items’ reservations when a query names its items (the slip being issued)', () => {
      const plan = (sql: string, params: Record<string, unknown>) =>
        (t.core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((p) => p.detail).join('\n');
      const params = { ids: '["a","b"]', items: '["a","b"]', today: 1, lang: 'en', site: 'en' };
      for (const sql of [
        CATALOG_OF_SQL,
        `SELECT i.id FROM items i ${availabilityJoinsOf('@items')} WHERE i.id IN (SELECT value FROM json_each(@items))`,
      ]) {
        const p = plan(sql, params);
        expect(p).toMatch(/SEARCH reservations USING PRIMARY KEY \(item_id=\? AND expiry_day>\?\)/);
        expect(p).not.toMatch(/reservations_day/);
      }
    });

    it('keeps maintained reservations equal to what open slips hold, through issue, void, unvoid, pickup and expiry', async () => {
      const items = [await newItem({ en: 'A' }), await newItem({ en: 'B' })];
      for (const id of items) await receive(id, 100);
      const fromSlips = () =>
        Object.fromEntries(
          (
            t.core.ctx.db
              .prepare(
                `SELECT l.item_id AS id, SUM(l.qty) AS n FROM slips s JOIN slip_lines l ON l.slip_id = s.id
                 WHERE s.voided_at IS NULL AND s.expiry_day >= ? AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id)
                 GROUP BY l.item_id`,
              )
              .all(today(t.core.ctx)) as { id: string; n: number }[]
          ).map((r) => [r.id, r.n]),
        );
      const maintained = () => Object.fromEntries(reservedByItem(t.core.ctx));
      const slips: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const r = await t.call('intake.submit', {
          requestId: randomUUID(),
          language: 'en',
          household: {},
          needs: [{ itemId: items[0]!, qty: 1 + (i % 3) }, ...(i % 2 ? [{ itemId: items[1]!, qty: 2 }] : [])],
        });
        // Each visit asks for food, so each makes a slip.
        slips.push(okValue(r)!.id);
        t.clock.advance(86_400_000);
        token = okValue(await t.call('auth.login', { pin: '1234' })).token;
        expect(maintained()).toEqual(fromSlips());
      }
      t.core.ctx.db.prepare("UPDATE slips SET voided_at = 'x' WHERE id = ?").run(slips[5]);
      expect(maintained()).toEqual(fromSlips());
      t.core.ctx.db.prepare('UPDATE slips SET voided_at = NULL WHERE id = ?').run(slips[5]);
      expect(maintained()).toEqual(fromSlips());
      t.core.ctx.db.prepare('UPDATE slips SET expiry_day = expiry_day + 30 WHERE id = ?').run(slips[0]);
      expect(maintained()).toEqual(fromSlips());
      await t.ok('slip.redeem', { slipId: slips[4]!, table: '1' }, token);
      expect(maintained()).toEqual(fromSlips());
      t.clock.advance(5 * 86_400_000);
      expect(maintained()).toEqual(fromSlips());
      expect(Object.keys(maintained()).length).toBeGreaterThan(0);
    });

    it('reads the expiring view and one item’s history through indexes', () => {
      const expiring = t.core.ctx.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT i.id FROM item_stock st INDEXED BY item_stock_expiry JOIN items i ON i.id = st.item_id
           LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = 'en'
           WHERE i.archived_at IS NULL AND st.next_expiry IS NOT NULL AND st.next_expiry <= ? ORDER BY st.next_expiry, st.item_id LIMIT 100`,
        )
        .all('2026-12-01') as { detail: string }[];
      const expiringPlan = expiring.map((p) => p.detail).join('\n');
      expect(expiringPlan).toMatch(
        /SEARCH st USING (COVERING )?INDEX item_stock_expiry \(next_expiry>\? AND next_expiry<\?\)|SEARCH st USING (COVERING )?INDEX item_stock_expiry \(next_expiry<\?\)/,
      );
      expect(expiringPlan).not.toMatch(/TEMP B-TREE/);
      const history = t.core.ctx.db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM movements WHERE item_id = ? ORDER BY at DESC LIMIT 50')
        .all('x') as { detail: string }[];
      expect(history.map((p) => p.detail).join('\n')).toMatch(/SEARCH movements USING INDEX movements_item_at/);
    });
  });

  describe('stock count', () => {
    it('reviews differences without writing, then confirms once: each difference becomes a count correction', async () => {
      const rice = await newItem({ en: 'Rice 5 kg' }, { unit: 'bag' });
      const oil = await newItem({ en: 'Oil' });
      const { lotId } = await receive(rice, 19, { lotCode: 'R' });
      await receive(oil, 4);
      const lines = [
        { itemId: rice, lotId, counted: 17 },
        { itemId: oil, lotId: null, counted: 4 },
      ];
      const before = digest();
      const review = await t.ok(
        'inventory.count_review',
        {
          language: 'en',
          lines,
        },
        token,
      );
      expect(review).toEqual([
        { itemId: rice, lotId, name: 'Rice 5 kg', lotCode: 'R', expected: 19, counted: 17, difference: -2 },
        { itemId: oil, lotId: null, name: 'Oil', lotCode: null, expected: 4, counted: 4, difference: 0 },
      ]);
      expect(digest()).toBe(before);

      const requestId = randomUUID();
      const confirmed = await t.ok(
        'inventory.count_confirm',
        {
          requestId,
          language: 'en',
          lines,
          note: 'after close',
        },
        token,
      );
      expect(confirmed.adjustments).toBe(1);
      const again = await t.ok('inventory.count_confirm', { requestId, language: 'en', lines }, token);
      expect(again).toMatchObject({ countId: confirmed.countId, adjustments: 1 });
      expect(availability(t.core.ctx, rice).onHand).toBe(17);
      expect(count('stock_counts')).toBe(1);
      expect(count('movements')).toBe(3);
      const [last] = await t.ok('inventory.history', { itemId: rice }, token);
      expect(last).toMatchObject({ kind: 'adjust', qty: -2, reason: 'count_correction', note: 'after close', volunteer: 'Coordinator' });
    });

    it('refuses unknown items or lots in a count, recording nothing', async () => {
      const oil = await newItem({ en: 'Oil' });
      const before = digest();
      expect(
        await fail('inventory.count_confirm', {
          requestId: randomUUID(),
          language: 'en',
          lines: [
            { itemId: oil, lotId: null, counted: 1 },
            { itemId: 'x', lotId: null, counted: 1 },
          ],
        }),
      ).toMatchObject({
        code: 'inventory.item_not_found',
      });
      expect(
        await fail('inventory.count_confirm', {
          requestId: randomUUID(),
          language: 'en',
          lines: [{ itemId: oil, lotId: 'x', counted: 1 }],
        }),
      ).toMatchObject({
        code: 'inventory.lot_not_found',
      });
      expect(
        await fail('inventory.count_confirm', {
          requestId: randomUUID(),
          language: 'en',
          lines: [{ itemId: oil, lotId: null, counted: -1 }],
        }),
      ).toMatchObject({
        code: 'api.invalid_input',
      });
      expect(digest()).toBe(before);
    });
  });

  describe('roles', () => {
    it('lets stock volunteers and coordinators in, not intake volunteers or the public kiosk', async () => {
      addVolunteer(t.core.ctx, { name: 'Amira', role: 'stock', pin: '5555' });
      addVolunteer(t.core.ctx, { name: 'Jo', role: 'intake', pin: '6666' });
      const login = async (pin: string) => okValue(await t.call('auth.login', { pin })).token;
      const stockToken = await login('5555');
      const intakeToken = await login('6666');
      const id = await newItem({ en: 'Oil' });
      const input = () => ({ requestId: randomUUID(), itemId: id, qty: 1, source: 'donor' as const });
      expect(await t.callRaw('inventory.receive', input(), null)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
      expect(await t.call('inventory.receive', input(), intakeToken)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      expect(await t.call('inventory.receive', input(), stockToken)).toMatchObject({ ok: true });
      const [m] = await t.ok('inventory.history', { itemId: id }, token);
      expect(m?.volunteer).toBe('Amira');
    });
  });
});
