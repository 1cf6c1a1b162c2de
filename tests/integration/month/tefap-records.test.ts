import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { TefapAnswer } from '../../../src/shared/reports/report';
import { makeCore, type TestCore } from '../../support/core';

const DECLARATION = 'I declare that my household’s income is at or below the limit on the poster, or that we receive SNAP.';

/**
 * The coordinator reads back what TEFAP mode kept, on real SQLite: the days that kept records,
 * each day's sheet in the order people came, and a period's CSV for the food bank's review.
 */
describe('TEFAP records', () => {
  let t: TestCore;
  let token: string;
  const visit = (at: string, tefap?: TefapAnswer, household: Record<string, number> = { adults: 1 }) => {
    t.clock.set(at);
    return t.ok(
      'intake.submit',
      { requestId: randomUUID(), language: 'es', household, otherNeeds: [{ category: 'diapers' }], tefap },
      null,
    );
  };

  /** The coordinator signs in at the clock's time (a session does not last the weeks between visits). */
  const coordinator = async () => (await t.ok('auth.login', { pin: '1234' })).token;

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-11-01T09:00:00.000Z');
    token = await t.setUp(['en', 'es']);
    await t.ok('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, translations: {}, retentionDays: 1095 }, token);
  });
  afterEach(() => t.dispose());

  it('lists the days that kept records, newest first, and each day’s sheet in the order people came', async () => {
    await visit(
      '2026-11-07T10:05:00.000Z',
      { name: 'Ana Reyes', address: '12 Elm St', basis: 'categorical', program: 'snap', signature: 'M 1 1 L 9 9' },
      { adults: 2, children: 1 },
    );
    await visit('2026-11-07T10:01:00.000Z', { name: '=HYPERLINK("x")', basis: 'income' });
    // A household that gave no TEFAP details is served, and is on no sheet.
    await visit('2026-11-07T10:09:00.000Z');
    await visit('2026-11-14T11:00:00.000Z', { name: 'سلمى', basis: 'income', signature: 'M 5 5 L 6 6' });
    // Another month's record is in another month's days.
    await visit('2026-12-05T11:00:00.000Z', { name: 'Later', basis: 'income' });

    token = await coordinator();
    expect(await t.ok('month.tefap_days', { from: '2026-11-01', to: '2026-11-30' }, token)).toEqual([
      { day: '2026-11-14', records: 1 },
      { day: '2026-11-07', records: 2 },
    ]);
    const sheet = await t.ok('month.tefap_sheet', { day: '2026-11-07' }, token);
    expect(sheet.map((r) => [r.at, r.name, r.address, r.householdSize, r.basis, r.program, r.signature])).toEqual([
      ['2026-11-07T10:01:00.000Z', '=HYPERLINK("x")', null, 1, 'income', null, null],
      ['2026-11-07T10:05:00.000Z', 'Ana Reyes', '12 Elm St', 3, 'categorical', 'snap', 'M 1 1 L 9 9'],
    ]);
    expect(await t.ok('month.tefap_sheet', { day: '2026-11-08' }, token)).toEqual([]);
  });

  it('exports a period as CSV with names, a cell that a spreadsheet would run kept as text', async () => {
    await visit('2026-11-07T10:01:00.000Z', { name: '=HYPERLINK("x")', basis: 'income' });
    await visit(
      '2026-11-07T10:05:00.000Z',
      { name: 'Ana Reyes', address: '12 Elm St, Apt 4', basis: 'categorical', program: 'snap', signature: 'M 1 1 L 9 9' },
      { adults: 2, children: 1 },
    );
    await visit('2026-12-05T11:00:00.000Z', { name: 'Later', basis: 'income' });
    token = await coordinator();
    const { csv } = await t.ok('month.tefap_csv', { from: '2026-11-01', to: '2026-11-30' }, token);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFdate,time_utc,name,address,household_size,basis,program,signed',
      `2026-11-07,10:01,"'=HYPERLINK(""x"")",,1,income,,no`,
      '2026-11-07,10:05,Ana Reyes,"12 Elm St, Apt 4",3,categorical,snap,yes',
      '',
    ]);
  });

  it('is for the coordinator only, and a period that ends before it starts is refused naming the field', async () => {
    const stock = await t.volunteer(token, { name: 'Sam', role: 'stock', pin: '5678' });
    for (const [channel, input] of [
      ['month.tefap_days', { from: '2026-11-01', to: '2026-11-30' }],
      ['month.tefap_sheet', { day: '2026-11-07' }],
      ['month.tefap_csv', { from: '2026-11-01', to: '2026-11-30' }],
    ] as const) {
      const r = await t.callRaw(channel, input, stock);
      expect(r.ok ? null : r.error.code, channel).toBe('auth.forbidden');
      const anonymous = await t.callRaw(channel, input, null);
      expect(anonymous.ok, channel).toBe(false);
    }
    const r = await t.callRaw('month.tefap_days', { from: '2026-11-30', to: '2026-11-01' }, token);
    expect(r.ok ? null : [r.error.code, r.error.params]).toEqual(['month.bad_period', { field: 'to' }]);
  });

  it('forgets records past the retention period: they leave the days and the sheets', async () => {
    await visit('2026-11-07T10:05:00.000Z', { name: 'Ana Reyes', basis: 'income' });
    t.clock.set('2029-11-08T10:00:00.000Z');
    token = await coordinator();
    // Saving the settings forgets what is older than the retention (as the daily retention does).
    await t.ok('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, translations: {}, retentionDays: 1095 }, token);
    expect(await t.ok('month.tefap_days', { from: '2026-11-01', to: '2026-11-30' }, token)).toEqual([]);
    expect(await t.ok('month.tefap_sheet', { day: '2026-11-07' }, token)).toEqual([]);
  });
});
