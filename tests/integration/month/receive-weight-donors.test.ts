import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeCore, type TestCore } from '../../support/core';

describe('receiving by weight, weight categories and donors, on real SQLite', () => {
  let t: TestCore;
  let coordinator: string;
  let stock: string;
  const fail = async (token: string, channel: string, input: unknown) => {
    const r = await t.callRaw(channel, input, token);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
  const db = () => t.core.ctx.db;
  /** The database file's bytes: a refused call must leave them exactly as they were. */
  const digest = () => {
    db().pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };
  const item = async (unit: string, en: string, ar?: string) =>
    (
      await t.ok(
        'inventory.save_item',
        {
          language: 'en',
          item: { id: randomUUID(), names: { en, ...(ar ? { ar } : {}) }, unit },
        },
        coordinator,
      )
    ).id;
  const onHand = (id: string) => db().prepare('SELECT COALESCE(SUM(qty), 0) FROM on_hand WHERE item_id = ?').pluck().get(id) as number;

  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp(['en', 'ar']);
    stock = await t.volunteer(coordinator, { name: 'Sam', role: 'stock', pin: '5678' });
  });
  afterEach(() => t.dispose());

  it('puts 12.5 kg of apples counted in lb on the shelf as 28 lb, keeping what the scale said, the store, the donor and the value', async () => {
    const apples = await item('lb', 'Apples', 'تفاح');
    const donor = randomUUID();
    await t.ok('donors.save', { id: donor, kind: 'organisation', name: 'Corner Market', language: 'ar' }, coordinator);
    const r = await t.ok(
      'inventory.receive',
      {
        requestId: randomUUID(),
        itemId: apples,
        qty: null,
        weightG: 12_500,
        source: 'grocery_rescue',
        sourceName: 'Corner Market',
        donorId: donor,
        valueCents: 2000,
      },
      stock,
    );
    // 12 500 g ÷ 453.59237 g/lb = 27.56 lb: 28 whole units on the shelf.
    expect(r.onHand).toBe(28);
    expect(db().prepare('SELECT qty, weight_g, source, donor_id, value_cents FROM movements WHERE id = ?').get(r.movementId)).toEqual({
      qty: 28,
      weight_g: 12_500,
      source: 'grocery_rescue|Corner Market',
      donor_id: donor,
      value_cents: 2000,
    });
    // The report weighs it by what the scale said, not by 28 lb.
    const report = await t.ok(
      'month.report',
      {
        from: '2026-01-01',
        to: '2026-12-31',
      },
      coordinator,
    );
    expect(report.current.weight.receivedGrams).toBe(12_500);
  });

  it('refuses a weighed receipt with no weight, a negative or an absurd one, naming the field, and changes nothing', async () => {
    const apples = await item('lb', 'Apples');
    const beans = await item('can', 'Beans');
    const before = digest();
    const receive = (itemId: string, extra: object) =>
      fail(stock, 'inventory.receive', { requestId: randomUUID(), itemId, qty: null, source: 'donor', ...extra });
    expect(await receive(apples, {})).toMatchObject({ code: 'month.bad_weight', params: { field: 'weight' } });
    expect(await receive(apples, { weightG: 0 })).toMatchObject({ code: 'month.bad_weight', params: { field: 'weight' } });
    expect(await receive(apples, { weightG: -500 })).toMatchObject({ code: 'month.bad_weight', params: { field: 'weight' } });
    expect(await receive(apples, { weightG: 21_000_000 })).toMatchObject({
      code: 'month.bad_weight',
      params: { field: 'weight', max: 20_000 },
    });
    // A counted item still needs its count.
    expect(await receive(beans, { weightG: 400 })).toMatchObject({ code: 'inventory.bad_qty', params: { field: 'qty' } });
    expect(digest()).toBe(before);
    expect(onHand(apples)).toBe(0);
  });

  it('a replayed weighed receipt is the same receipt, not a second one', async () => {
    const apples = await item('kg', 'Apples');
    const input = { requestId: randomUUID(), itemId: apples, qty: null, weightG: 12_500, source: 'grocery_rescue' } as const;
    const first = await t.ok('inventory.receive', input, stock);
    const again = await t.ok('inventory.receive', input, stock);
    expect(again).toMatchObject({ movementId: first.movementId, onHand: 13 });
  });

  it('saves an item’s weight per unit and weight category with the item, and refuses a bad weight without saving the item', async () => {
    const id = randomUUID();
    const saved = await t.ok(
      'inventory.save_item',
      {
        language: 'en',
        item: { id, names: { en: 'Beans, 15 oz' }, unit: 'can', weight: { unitWeightG: 425, weightCategory: 'dry' } },
      },
      stock,
    );
    expect(await t.ok('month.item_weight', { itemId: saved.id }, stock)).toEqual({ itemId: id, unitWeightG: 425, weightCategory: 'dry' });
    const before = digest();
    const save = (weight: object) =>
      fail(stock, 'inventory.save_item', { language: 'en', item: { id, names: { en: 'Renamed' }, unit: 'can', weight } });
    expect(await save({ unitWeightG: -1, weightCategory: 'dry' })).toMatchObject({
      code: 'month.bad_weight',
      params: { field: 'unitWeight' },
    });
    expect(await save({ unitWeightG: 2_000_000, weightCategory: 'dry' })).toMatchObject({
      code: 'month.bad_weight',
      params: { field: 'unitWeight', max: 1000 },
    });
    expect(await save({ unitWeightG: 425, weightCategory: 'nope' })).toMatchObject({
      code: 'month.category_not_found',
      params: { field: 'weightCategory' },
    });
    expect(digest()).toBe(before);
    expect(db().prepare("SELECT name FROM item_names WHERE item_id = ? AND locale = 'en'").pluck().get(id)).toBe('Beans, 15 oz');
  });

  it('lets the coordinator rename the built-in categories per language and add the site’s own', async () => {
    await t.ok('weights.save_category', { id: 'produce', names: { ar: 'خضار وفواكه طازجة' } }, coordinator);
    const baby = await t.ok(
      'weights.save_category',
      {
        id: null,
        names: { en: 'Baby care', ar: 'مستلزمات الأطفال' },
      },
      coordinator,
    );
    const ar = await t.ok('month.weight_categories', { language: 'ar' }, stock);
    expect(ar.map((c) => c.id)).toEqual(['produce', 'dairy', 'protein', 'bakery', 'dry', 'frozen', 'beverages', 'non_food', baby.id]);
    expect(ar[0]).toEqual({ id: 'produce', key: 'produce', name: 'خضار وفواكه طازجة' });
    expect(ar.at(-1)).toEqual({ id: baby.id, key: null, name: 'مستلزمات الأطفال' });
    // English has no own name for produce: the screen translates its key.
    expect((await t.ok('month.weight_categories', { language: 'en' }, stock))[0]).toMatchObject({ name: null });
    // A French screen has no name for the site's own category: another language's, not its id.
    expect((await t.ok('month.weight_categories', { language: 'fr' }, stock)).at(-1)?.name).toBe('مستلزمات الأطفال');
    expect((await t.ok('weights.categories', {}, coordinator)).at(-1)).toEqual({
      id: baby.id,
      key: null,
      names: { en: 'Baby care', ar: 'مستلزمات الأطفال' },
    });

    const before = digest();
    expect(await fail(coordinator, 'weights.save_category', { id: null, names: { en: '' } })).toMatchObject({
      code: 'weights.name_required',
      params: { field: 'name' },
    });
    expect(await fail(coordinator, 'weights.save_category', { id: 'produce', names: {}, archived: true })).toMatchObject({
      code: 'weights.built_in',
    });
    expect(await fail(coordinator, 'weights.save_category', { id: 'nope', names: { en: 'x' } })).toMatchObject({
      code: 'month.category_not_found',
    });
    expect(await fail(stock, 'weights.save_category', { id: null, names: { en: 'x' } })).toMatchObject({ code: 'auth.forbidden' });
    expect(digest()).toBe(before);

    await t.ok('weights.save_category', { id: baby.id, names: {}, archived: true }, coordinator);
    expect((await t.ok('month.weight_categories', { language: 'en' }, stock)).length).toBe(8);
  });

  it('keeps donors’ contact details for the coordinator only', async () => {
    const id = randomUUID();
    const draft = { id, kind: 'person', name: 'Amal Haddad', contact: '555-0100', language: 'ar' } as const;
    await t.ok('donors.save', draft, coordinator);
    // A double-tapped Save writes one donor.
    await t.ok('donors.save', draft, coordinator);
    expect(await t.ok('donors.list', {}, stock)).toEqual([{ id, kind: 'person', name: 'Amal Haddad', language: 'ar' }]);
    expect(await t.ok('donors.contacts', {}, coordinator)).toEqual([
      { id, kind: 'person', name: 'Amal Haddad', contact: '555-0100', language: 'ar' },
    ]);
    expect(await fail(stock, 'donors.contacts', {})).toMatchObject({ code: 'auth.forbidden' });
    expect(await fail(stock, 'donors.save', { ...draft, name: 'Changed' })).toMatchObject({ code: 'auth.forbidden' });
    await t.ok('donors.save', { ...draft, contact: '' }, coordinator);
    expect(await t.ok('donors.contacts', {}, coordinator)).toEqual([expect.objectContaining({ contact: null })]);
  });

  it('gives a donor a receipt of what they gave, in their language, with weights, values and the hub', async () => {
    const apples = await item('lb', 'Apples', 'تفاح');
    const beans = await item('can', 'Beans');
    await t.ok('month.set_item_weight', { itemId: beans, unitWeightG: 425, weightCategory: 'dry' }, coordinator);
    const donor = randomUUID();
    const other = randomUUID();
    await t.ok('donors.save', { id: donor, kind: 'organisation', name: 'Corner Market', language: 'ar' }, coordinator);
    await t.ok('donors.save', { id: other, kind: 'person', name: 'Someone else', language: 'en' }, coordinator);
    await t.ok(
      'inventory.receive',
      {
        requestId: randomUUID(),
        itemId: apples,
        qty: null,
        weightG: 12_500,
        source: 'grocery_rescue',
        donorId: donor,
        valueCents: 2000,
      },
      stock,
    );
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 10, source: 'grocery_rescue', donorId: donor }, stock);
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 99, source: 'donor', donorId: other }, stock);
    const receipt = await t.ok(
      'donors.receipt',
      {
        donorId: donor,
        from: '2026-01-01',
        to: '2026-12-31',
      },
      coordinator,
    );
    expect(receipt).toMatchObject({
      hub: 'Eastside Hub',
      donor: { id: donor, name: 'Corner Market', language: 'ar' },
      unit: 'kg',
      totalGrams: 12_500 + 4_250,
      totalValueCents: 2000,
    });
    // Beans have no Arabic name: the site language's, as on every screen.
    expect(
      (receipt.lines as { name: string; qty: number; grams: number; valueCents: number | null }[]).map(
        ({ name, qty, grams, valueCents }) => ({ name, qty, grams, valueCents }),
      ),
    ).toEqual([
      { name: 'تفاح', qty: 28, grams: 12_500, valueCents: 2000 },
      { name: 'Beans', qty: 10, grams: 4_250, valueCents: null },
    ]);
    expect(await fail(coordinator, 'donors.receipt', { donorId: donor, from: '2025-01-01', to: '2025-12-31' })).toMatchObject({
      code: 'donors.no_receipts',
    });
    expect(await fail(coordinator, 'donors.receipt', { donorId: 'nobody', from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
      code: 'month.donor_not_found',
    });
    expect(await fail(stock, 'donors.receipt', { donorId: donor, from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
