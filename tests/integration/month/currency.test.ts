import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_LEGACY_AGES } from '../../../src/shared/reports/bands';
import { makeCore, type TestCore } from '../../support/core';

describe('the currency of in-kind values, on real SQLite', () => {
  let t: TestCore;
  let coordinator: string;
  const bands = { ageBands: [...DEFAULT_BANDS], legacyAges: { ...DEFAULT_LEGACY_AGES }, weightUnit: 'kg' as const };

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-11-28T10:00:00.000Z');
    coordinator = await t.setUp(['en', 'fr']);
  });
  afterEach(() => t.dispose());

  it('is none until chosen; a receipt then names it, and saving the bands keeps it', async () => {
    expect((await t.ok('month.settings', {}, coordinator)).currency).toBeNull();
    expect((await t.ok('month.save_settings', { ...bands, currency: 'CAD' }, coordinator)).currency).toBe('CAD');
    // The bands' own save leaves it out: the stored currency stays.
    expect((await t.ok('month.save_settings', { ...bands, weightUnit: 'lb' }, coordinator)).currency).toBe('CAD');

    const stock = await t.volunteer(coordinator, { name: 'Sam', role: 'stock', pin: '5678' });
    // The stock room's receiving form reads it, to name it beside the value it types.
    expect(await t.ok('donors.currency', {}, stock)).toEqual({ currency: 'CAD' });
    const donor = randomUUID();
    await t.ok('donors.save', { id: donor, kind: 'organisation', name: 'Épicerie du coin', language: 'fr' }, coordinator);
    const itemId = (
      await t.ok('inventory.save_item', { language: 'en', item: { id: randomUUID(), names: { en: 'Rice' }, unit: 'bag' } }, coordinator)
    ).id;
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId, qty: 2, source: 'donor', donorId: donor, valueCents: 1250 }, stock);
    const receipt = await t.ok('donors.receipt', { donorId: donor, from: '2026-11-01', to: '2026-11-30' }, coordinator);
    expect(receipt).toMatchObject({ currency: 'CAD', totalValueCents: 1250 });
    // The report's CSV says what the value is counted in.
    const { csv } = await t.ok('month.report_csv', { from: '2026-11-01', to: '2026-11-30' }, coordinator);
    expect(csv.split('\r\n')).toContain('in_kind_value,CAD,12.50');

    // Null clears it: plain amounts again.
    expect((await t.ok('month.save_settings', { ...bands, currency: null }, coordinator)).currency).toBeNull();
    expect(await t.ok('donors.currency', {}, stock)).toEqual({ currency: null });
    expect((await t.ok('donors.receipt', { donorId: donor, from: '2026-11-01', to: '2026-11-30' }, coordinator)).currency).toBeNull();
  });

  it('refuses what is not a currency, naming the field, and keeps the one stored', async () => {
    await t.ok('month.save_settings', { ...bands, currency: 'EUR' }, coordinator);
    for (const currency of ['usd', 'XYZ', 'DOLLARS', '']) {
      const r = await t.callRaw('month.save_settings', { ...bands, currency }, coordinator);
      expect(r.ok ? null : r.error, currency).toMatchObject({ code: 'api.invalid_input', params: { field: 'currency' } });
    }
    expect((await t.ok('month.settings', {}, coordinator)).currency).toBe('EUR');
  });
});
