import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { issueSlip, stockItem } from '../../support/slips';
import { estimate } from '../../../src/core/queue/queue-service';
import { DAY_MS } from '../../../src/shared/time';
import type { NowServing } from '../../../src/shared/api/channels/queue';

describe('the "now serving" queue', () => {
  let t: TestCore;
  let coord: string;
  let rice: string;
  beforeEach(async () => {
    t = makeCore();
    coord = await t.setUp();
    rice = stockItem(t.core, 'rice', [{ qty: 100, expiresOn: '2027-01-01' }]);
  });
  afterEach(() => t.dispose());

  const slips = (n: number) =>
    Array.from({ length: n }, () => {
      t.clock.advance(1000);
      return issueSlip(t.core, [{ itemId: rice, qty: 1 }]);
    });
  const ok = async (channel: string, input: unknown = {}) => {
    const r = await t.callRaw(channel, input, coord);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as NowServing;
  };

  it("numbers the day's slips in arrival order and calls them in that order", async () => {
    const [a, b, c] = slips(3);
    expect(await t.call('queue.ticket', { slipId: b!.id, qrDigits: b!.digits })).toEqual({ ok: true, value: { number: 2 } });
    expect((await ok('queue.now_serving')).waiting).toBe(3);
    expect((await ok('queue.call_next')).current).toMatchObject({ number: 1, calls: 1 });
    // A slip picked up without being called is not called later.
    await t.call('slip.redeem', { slipId: b!.id }, coord);
    const s = await ok('queue.call_next');
    expect(s.current?.number).toBe(3);
    expect(s.recent.map((r) => r.number)).toEqual([1]);
    expect(s.waiting).toBe(0);
    expect(await t.call('queue.call_next', {}, coord)).toMatchObject({ ok: false, error: { code: 'queue.empty' } });
    void a;
    void c;
  });

  it('says a slip has no number today in its own words, not as a missing slip (issue 13.6)', async () => {
    const [yesterdays] = slips(1);
    t.clock.advance(DAY_MS);
    // The slip exists (a lookup finds it), but it was numbered on another day.
    expect(await t.call('queue.ticket', { slipId: yesterdays!.id, qrDigits: yesterdays!.digits })).toMatchObject({
      ok: false,
      error: { code: 'queue.no_ticket' },
    });
  });

  it('calls again a household that did not come, and refuses to "recall" one never called', async () => {
    slips(2);
    t.clock.advance(1000);
    await ok('queue.call_next');
    t.clock.advance(1000);
    await ok('queue.call_next');
    t.clock.advance(1000);
    const again = await ok('queue.recall', { number: 1 });
    expect(again.current).toMatchObject({ number: 1, calls: 2 });
    expect(await t.call('queue.recall', { number: 9 }, coord)).toMatchObject({ ok: false, error: { code: 'queue.not_called' } });
  });

  it('says which table called a number, and the table calling it again is where to go now', async () => {
    slips(3);
    expect((await ok('queue.now_serving')).current).toBeNull();
    t.clock.advance(1000);
    expect((await ok('queue.call_next', { table: '3' })).current).toMatchObject({ number: 1, table: '3' });
    t.clock.advance(1000);
    // A table with no number set: the number is still called, with no table to name.
    const second = await ok('queue.call_next', { table: ' ' });
    expect(second.current).toMatchObject({ number: 2, table: null });
    expect(second.recent).toMatchObject([{ number: 1, table: '3' }]);
    t.clock.advance(1000);
    expect((await ok('queue.recall', { number: 1, table: '5' })).current).toMatchObject({ number: 1, calls: 2, table: '5' });
    // Read by the waiting-room screen (public), the same.
    expect(await t.call('queue.now_serving', {})).toMatchObject({ ok: true, value: { current: { number: 1, table: '5' } } });
    const tooLong = await t.callRaw('queue.call_next', { table: 'x'.repeat(41) }, coord);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'api.invalid_input', params: { field: 'table' } } });
    expect((await ok('queue.now_serving')).waiting).toBe(1);
  });

  it('in a lottery, those waiting at opening are called in a drawn order, later arrivals after them', async () => {
    await ok('queue.set_mode', { mode: 'lottery' });
    slips(6);
    expect(await t.call('queue.call_next', {}, coord)).toMatchObject({ ok: false, error: { code: 'queue.not_open' } });
    expect((await ok('queue.open')).open).toBe(true);
    slips(2);
    const called: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      t.clock.advance(1000);
      called.push((await ok('queue.call_next')).current!.number);
    }
    expect([...called.slice(0, 6)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(called.slice(0, 6)).not.toEqual([1, 2, 3, 4, 5, 6]);
    expect(called.slice(6)).toEqual([7, 8]);
    // Opening again draws nothing new: the order is kept.
    await ok('queue.open');
  });

  it('prints the queue number on the slip (and on a reprint); a slip from an earlier day has none today', async () => {
    const [old] = slips(1);
    t.clock.advance(DAY_MS);
    const [a, b] = slips(2);
    // A new day, a new volunteer session.
    const login = await t.call('auth.login', { pin: '1234' });
    const today = login.ok ? (login.value as { token: string }).token : '';
    expect(await t.call('slip.printable', { slipId: b!.id, qrDigits: b!.digits })).toMatchObject({ ok: true, value: { queueNumber: 2 } });
    expect(await t.call('slip.reprint', { slipId: a!.id }, today)).toMatchObject({ ok: true, value: { queueNumber: 1, reprints: 1 } });
    expect(await t.call('slip.printable', { slipId: old!.id, qrDigits: old!.digits })).toMatchObject({
      ok: true,
      value: { queueNumber: null },
    });
  });

  it("tells a slip's number and printable copy only to one holding the slip or a pickup volunteer; to anyone else, what an unknown id gets", async () => {
    const [mine, theirs] = slips(2);
    const unknown = 'f'.repeat(20);
    const signIn = async (name: string, role: 'stock' | 'intake', pin: string) => {
      okValue(await t.call('volunteers.add', { name, role, pin }, coord));
      return okValue(await t.call('auth.login', { pin })).token;
    };
    const stock = await signIn('Sam', 'stock', '5555');
    const intake = await signIn('Ines', 'intake', '6666');
    const refusals = async (session?: string) => [
      await t.call('queue.ticket', { slipId: theirs!.id }, session),
      await t.call('queue.ticket', { slipId: theirs!.id, qrDigits: mine!.digits }, session),
      await t.call('queue.ticket', { slipId: theirs!.id, qrDigits: `${theirs!.digits}0` }, session),
      await t.call('slip.printable', { slipId: theirs!.id }, session),
      await t.call('slip.printable', { slipId: theirs!.id, qrDigits: mine!.digits }, session),
    ];
    const asUnknown = async (session?: string) => [
      await t.call('queue.ticket', { slipId: unknown }, session),
      await t.call('queue.ticket', { slipId: unknown, qrDigits: mine!.digits }, session),
      await t.call('queue.ticket', { slipId: unknown, qrDigits: `${theirs!.digits}0` }, session),
      await t.call('slip.printable', { slipId: unknown }, session),
      await t.call('slip.printable', { slipId: unknown, qrDigits: mine!.digits }, session),
    ];
    // The visitor's kiosk (no PIN) and a stock volunteer are not the pickup table.
    for (const session of [undefined, stock]) {
      const got = await refusals(session);
      // Word for word what an id that was never issued gets, but for the id itself in the message.
      expect(JSON.stringify(got).replaceAll(theirs!.id, 'ID')).toBe(JSON.stringify(await asUnknown(session)).replaceAll(unknown, 'ID'));
      expect(got.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
        'queue.no_ticket',
        'queue.no_ticket',
        'queue.no_ticket',
        'slip.not_found',
        'slip.not_found',
      ]);
    }
    // The one holding the slip (the kiosk that issued it was given its digits).
    expect(await t.call('queue.ticket', { slipId: mine!.id, qrDigits: mine!.digits })).toEqual({ ok: true, value: { number: 1 } });
    expect(await t.call('slip.printable', { slipId: mine!.id, qrDigits: mine!.digits })).toMatchObject({
      ok: true,
      value: { queueNumber: 1 },
    });
    // A volunteer at pickup needs no proof.
    for (const session of [intake, coord]) {
      expect(await t.call('queue.ticket', { slipId: theirs!.id }, session)).toEqual({ ok: true, value: { number: 2 } });
      expect(await t.call('slip.printable', { slipId: theirs!.id }, session)).toMatchObject({ ok: true, value: { id: theirs!.id } });
    }
  });

  it('only a pickup volunteer calls numbers; anyone may read "now serving"', async () => {
    slips(1);
    expect(await t.call('queue.call_next', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await t.call('queue.now_serving', {})).toMatchObject({ ok: true, value: { current: null, waiting: 1, waitMinutes: null } });
  });

  it('estimates the wait from the median recent pace, and says nothing without enough of it', () => {
    const m = 60_000;
    expect(estimate([], 5)).toBeNull();
    expect(estimate([2 * m, 0], 5)).toBeNull();
    expect(estimate([6 * m, 4 * m, 2 * m, 0], 5)).toBe(10);
    // A lunch break is not the pace.
    expect(estimate([62 * m, 60 * m, 2 * m, 0], 3)).toBe(6);
    expect(estimate([6 * m, 4 * m], 0)).toBe(0);
  });
});
