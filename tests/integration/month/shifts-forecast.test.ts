import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { distributeFefo } from '../../../src/core/inventory/ledger';
import { makeCore, type TestCore, okValue } from '../../support/core';

describe('volunteer shifts and the stock forecast', () => {
  let t: TestCore;
  let coordinator: string;
  const login = async (pin: string) => okValue(await t.call('auth.login', { pin })).token;
  const digest = () => {
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-11-28T09:00:00.000Z');
    coordinator = await t.setUp(['en', 'ar']);
    await t.ok('volunteers.add', { name: 'Sam', role: 'stock', pin: '5555' }, coordinator);
    await t.ok('volunteers.add', { name: 'Lin', role: 'intake', pin: '6666' }, coordinator);
  });
  afterEach(() => t.dispose());

  it('starts and ends a shift with the volunteer’s own PIN, shows who is on today, and ends the rest at closing', async () => {
    const sam = await login('5555');
    const started = await t.ok('shifts.start', {}, sam);
    expect(started).toMatchObject({ name: 'Sam', startedAt: '2026-11-28T09:00:00.000Z', endedAt: null });
    // A second tap is the same shift, not a second one.
    expect((await t.ok('shifts.start', {}, sam)).id).toBe(started.id);
    // Sessions end after idle minutes: each step signs in again with the PIN, as at the kiosk.
    t.clock.set('2026-11-28T09:30:00.000Z');
    let lin = await login('6666');
    await t.ok('shifts.start', {}, lin);
    t.clock.set('2026-11-28T12:00:00.000Z');
    expect(await t.ok('shifts.end', {}, await login('5555'))).toMatchObject({
      endedAt: '2026-11-28T12:00:00.000Z',
      endedBy: 'volunteer',
    });
    lin = await login('6666');
    const today = await t.ok('shifts.today', {}, lin);
    expect(today.map((s) => [s.name, s.endedAt === null])).toEqual([
      ['Lin', true],
      ['Sam', false],
    ]);
    t.clock.set('2026-11-28T16:00:00.000Z');
    lin = await login('6666');
    expect(await t.ok('shifts.close_day', {}, lin)).toEqual({ ended: 1 });
    const month = await t.ok(
      'month.report',
      {
        from: '2026-11-01',
        to: '2026-11-30',
      },
      await login('1234'),
    );
    expect(month.current.volunteers.totalMinutes).toBe(180 + 390);
  });

  it('lets the coordinator correct a forgotten sign-out, and refuses a shift that ends before it starts', async () => {
    const sam = await login('5555');
    const shift = await t.ok('shifts.start', {}, sam);
    const before = digest();
    const r = await t.call(
      'shifts.correct',
      { id: shift.id, startedAt: '2026-11-28T09:00:00.000Z', endedAt: '2026-11-28T08:00:00.000Z' },
      coordinator,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'month.shift_ends_before_start', params: { field: 'endedAt' } } });
    expect(digest()).toBe(before);
    const denied = await t.call(
      'shifts.correct',
      { id: shift.id, startedAt: '2026-11-28T09:00:00.000Z', endedAt: '2026-11-28T13:00:00.000Z' },
      sam,
    );
    expect(denied).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(
      await t.ok(
        'shifts.correct',
        {
          id: shift.id,
          startedAt: '2026-11-28T09:00:00.000Z',
          endedAt: '2026-11-28T13:00:00.000Z',
        },
        coordinator,
      ),
    ).toMatchObject({
      endedAt: '2026-11-28T13:00:00.000Z',
      endedBy: 'coordinator',
    });
  });

  it('forecasts days of stock left at the recent pace, against a hand-computed series', async () => {
    const rice = (
      await t.ok(
        'inventory.save_item',
        {
          language: 'en',
          item: { id: randomUUID(), names: { en: 'Rice' }, unit: 'bag' },
        },
        coordinator,
      )
    ).id;
    const oil = (
      await t.ok(
        'inventory.save_item',
        {
          language: 'en',
          item: { id: randomUUID(), names: { en: 'Oil' }, unit: 'bottle' },
        },
        coordinator,
      )
    ).id;
    t.clock.set('2026-10-01T09:00:00.000Z');
    coordinator = await login('1234');
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId: rice, qty: 100, source: 'food_bank' }, coordinator);
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId: oil, qty: 10, source: 'food_bank' }, coordinator);
    // Outside the four-week window (before 31 October): does not count.
    t.clock.set('2026-10-20T10:00:00.000Z');
    t.core.ctx.db.transaction(() => distributeFefo(t.core.ctx, rice, 40, { slipId: 's0', volunteer: null }))();
    // Three distribution days in the window: rice 10 + 14 + 12 = 36 given, 12 a day; oil only on one.
    const given: [string, number, number][] = [
      ['2026-11-07T10:00:00.000Z', 10, 0],
      ['2026-11-14T10:00:00.000Z', 14, 3],
      ['2026-11-21T10:00:00.000Z', 12, 0],
    ];
    for (const [at, r, o] of given) {
      t.clock.set(at);
      t.core.ctx.db.transaction(() => {
        distributeFefo(t.core.ctx, rice, r, { slipId: `s-${at}`, volunteer: null });
        if (o > 0) distributeFefo(t.core.ctx, oil, o, { slipId: `o-${at}`, volunteer: null });
      })();
    }
    t.clock.set('2026-11-28T09:00:00.000Z');
    coordinator = await login('1234');
    const f = await t.ok(
      'month.forecast',
      {
        itemIds: [rice, oil],
      },
      coordinator,
    );
    // Rice: 100 - 40 - 36 = 24 left, 36 / 3 = 12 a day → 2 days. Oil: 7 left, 3 / 3 = 1 a day → 7 days.
    expect(f).toEqual([
      { itemId: rice, available: 24, perDay: 12, daysLeft: 2 },
      { itemId: oil, available: 7, perDay: 1, daysLeft: 7 },
    ]);
    // Nothing given recently: no forecast, not "infinite" and not zero.
    t.clock.set('2027-03-01T09:00:00.000Z');
    coordinator = await login('1234');
    expect((await t.ok('month.forecast', { itemIds: [rice] }, coordinator))[0]?.daysLeft).toBeNull();
  });
});
