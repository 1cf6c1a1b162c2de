import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { distributeFefo } from '../../../src/core/inventory/ledger';
import { makeCore, type TestCore, okValue } from '../../support/core';

describe('the month report, from the hub’s own records', () => {
  let t: TestCore;
  let token: string;
  const fail = async (channel: string, input: unknown) => {
    const r = await t.callRaw(channel, input, token);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
  const digest = () => {
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };
  const db = () => t.core.ctx.db;
  const report = async (from: string, to: string, compare = false) => t.ok('month.report', { from, to, compare }, token);
  const item = async (unit: string, en: string) =>
    (await t.ok('inventory.save_item', { language: 'en', item: { id: randomUUID(), names: { en }, unit } }, token)).id;
  /** A household and its visits: sizes null = not answered. */
  const household = (
    id: string,
    createdAt: string,
    visits: { at: string; adults: number | null; children: number | null; seniors: number | null }[],
  ) => {
    db().prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES (?, 'en', ?, ?)").run(id, createdAt, createdAt);
    for (const v of visits) {
      db()
        .prepare(
          'INSERT INTO visits (id, household_id, language, request_id, at, adults, children, seniors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(randomUUID(), id, 'en', randomUUID(), v.at, v.adults, v.children, v.seniors);
    }
  };

  /** Moving the clock ends the session (idle time): sign in again with the coordinator's PIN. */
  const relogin = async () => okValue(await t.call('auth.login', { pin: '1234' })).token;

  beforeEach(async () => {
    t = makeCore();
    token = await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  it('counts a returning household once, anonymous first visits once each, and says the count is an upper bound', async () => {
    household('h-returning', '2026-10-20T10:00:00.000Z', [
      { at: '2026-10-20T10:00:00.000Z', adults: 1, children: 0, seniors: 0 },
      { at: '2026-11-03T10:00:00.000Z', adults: 2, children: 1, seniors: 0 },
      { at: '2026-11-10T10:00:00.000Z', adults: 2, children: 2, seniors: 0 },
    ]);
    household('h-anon-1', '2026-11-03T11:00:00.000Z', [{ at: '2026-11-03T11:00:00.000Z', adults: 1, children: null, seniors: 1 }]);
    household('h-anon-2', '2026-11-10T11:00:00.000Z', [{ at: '2026-11-10T11:00:00.000Z', adults: null, children: null, seniors: null }]);

    const { current } = await report('2026-11-01', '2026-11-30');
    expect(current.households).toEqual({
      visits: 4,
      distinct: 3,
      distinctIsUpperBound: true,
      new: 2,
      withChildren: 1,
      withChildrenNotAnswered: 2,
      tefap: 0,
    });
    // Each household by its last visit in the month: 2 adults + 2 children; 1 adult + 1 senior; one not answered.
    expect(current.individuals).toEqual({
      bands: [
        { band: { from: 0, to: 17 }, count: 2 },
        { band: { from: 18, to: 64 }, count: 3 },
        { band: { from: 65, to: null }, count: 1 },
      ],
      total: 6,
      notAnswered: 1,
    });
    expect(current.distributionDays).toBe(2);
  });

  it('maps the older adults/children/seniors answers into the site’s own bands, and reads visits counted in bands', async () => {
    await t.ok(
      'month.save_settings',
      {
        ageBands: [
          { from: 0, to: 4 },
          { from: 5, to: 17 },
          { from: 18, to: 59 },
          { from: 60, to: null },
        ],
        legacyAges: { children: 5, adults: 18, seniors: 60 },
        weightUnit: 'lb',
      },
      token,
    );
    household('h1', '2026-11-02T10:00:00.000Z', [{ at: '2026-11-02T10:00:00.000Z', adults: 2, children: 3, seniors: 1 }]);
    household('h2', '2026-11-02T11:00:00.000Z', [{ at: '2026-11-02T11:00:00.000Z', adults: null, children: null, seniors: null }]);
    const visit = (db().prepare("SELECT id FROM visits WHERE household_id = 'h2'").get() as { id: string }).id;
    db().prepare('INSERT INTO visit_people (visit_id, age_from, age_to, count) VALUES (?, 0, 4, 1), (?, 18, 59, 1)').run(visit, visit);
    const { current } = await report('2026-11-01', '2026-11-30');
    expect(current.individuals.bands.map((b) => b.count)).toEqual([1, 3, 3, 1]);
    expect(current.individuals.notAnswered).toBe(0);
    expect(current.households.withChildren).toBe(2);
    expect(current.weight.unit).toBe('lb');
  });

  it('gives a month without distribution a zero report, not an error', async () => {
    const { current } = await report('2026-02-01', '2026-02-28');
    expect(current.households).toMatchObject({ visits: 0, distinct: 0, new: 0, withChildren: 0, withChildrenNotAnswered: 0 });
    expect(current.individuals.total).toBe(0);
    expect(current.individuals.notAnswered).toBe(0);
    expect(current.distributionDays).toBe(0);
    expect(current.weight).toMatchObject({ distributedGrams: 0, receivedGrams: 0, distributedByCategory: [], receivedBySource: [] });
    expect(current.volunteers).toEqual({ totalMinutes: 0, byVolunteer: [] });
  });

  it('weighs what came in by category and source, and what went out, from the ledger', async () => {
    const rice = await item('kg', 'Rice');
    const beans = await item('can', 'Beans');
    const donor = randomUUID();
    db()
      .prepare("INSERT INTO donors (id, kind, name, language, created_at) VALUES (?, 'organisation', 'Corner Grocery', 'en', 't')")
      .run(donor);
    await t.ok('month.set_item_weight', { itemId: beans, unitWeightG: 425, weightCategory: 'protein' }, token);
    await t.ok('month.set_item_weight', { itemId: rice, unitWeightG: null, weightCategory: 'dry' }, token);
    t.clock.set('2026-11-05T10:00:00.000Z');
    token = await relogin();
    // Bulk on the scale: 12.4 kg received as 12 whole kilos, weighed at what the scale said.
    await t.ok(
      'inventory.receive',
      {
        requestId: randomUUID(),
        itemId: rice,
        qty: 12,
        weightG: 12_400,
        source: 'grocery_rescue',
        sourceName: 'Corner Grocery',
        donorId: donor,
        valueCents: 2500,
      },
      token,
    );
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 24, source: 'food_bank' }, token);
    t.clock.set('2026-11-06T10:00:00.000Z');
    db().transaction(() => {
      distributeFefo(t.core.ctx, beans, 4, { slipId: 'no-slip', volunteer: null });
      distributeFefo(t.core.ctx, rice, 2, { slipId: 'no-slip', volunteer: null });
    })();
    token = await relogin();
    const { current } = await report('2026-11-01', '2026-11-30');
    expect(current.weight.receivedGrams).toBe(12_400 + 24 * 425);
    expect(current.weight.receivedBySource).toEqual([
      { key: 'grocery_rescue', grams: 12_400, units: 12, valueCents: 2500 },
      { key: 'food_bank', grams: 10_200, units: 24, valueCents: 0 },
    ]);
    expect(current.weight.receivedByCategory.map((l) => [l.key, l.grams])).toEqual([
      ['dry', 12_400],
      ['protein', 10_200],
    ]);
    expect(current.weight.distributedGrams).toBe(4 * 425 + 2000);
    expect(current.weight.distributedByCategory.map((l) => [l.key, l.grams])).toEqual([
      ['dry', 2000],
      ['protein', 1700],
    ]);
    expect(current.weight.inKindValueCents).toBe(2500);
    expect(current.distributionDays).toBe(1);
  });

  it('reads any period and the same period a year before', async () => {
    household('h-2025', '2025-11-04T10:00:00.000Z', [{ at: '2025-11-04T10:00:00.000Z', adults: 1, children: 0, seniors: 0 }]);
    household('h-2026', '2026-11-04T10:00:00.000Z', [{ at: '2026-11-04T10:00:00.000Z', adults: 1, children: 1, seniors: 0 }]);
    const week = await report('2026-11-02', '2026-11-08', true);
    expect(week.current.period).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(week.lastYear?.period).toEqual({ from: '2025-11-02', to: '2025-11-08' });
    expect(week.current.households.distinct).toBe(1);
    expect(week.lastYear?.households.distinct).toBe(1);
    expect(week.lastYear?.individuals.total).toBe(1);
    const leap = await report('2028-02-29', '2028-02-29', true);
    expect(leap.lastYear?.period).toEqual({ from: '2027-02-28', to: '2027-02-28' });
    expect((await report('2026-11-01', '2026-11-01')).current.households.visits).toBe(0);
  });

  it('counts volunteer hours per volunteer within the period, an open shift up to now', async () => {
    const sam = (await t.ok('volunteers.add', { name: 'Sam', role: 'stock', pin: '5555' }, token)).id;
    const lin = (await t.ok('volunteers.add', { name: 'Lin', role: 'intake', pin: '6666' }, token)).id;
    const shift = db().prepare('INSERT INTO shifts (id, volunteer_id, started_at, ended_at, ended_by) VALUES (?, ?, ?, ?, ?)');
    shift.run('s1', sam, '2026-11-03T09:00:00.000Z', '2026-11-03T12:30:00.000Z', 'volunteer');
    shift.run('s2', sam, '2026-10-31T22:00:00.000Z', '2026-11-01T02:00:00.000Z', 'closing');
    shift.run('s3', lin, '2026-11-28T08:00:00.000Z', null, null);
    t.clock.set('2026-11-28T10:00:00.000Z');
    const { current } = await report('2026-11-01', '2026-11-30');
    expect(current.volunteers).toEqual({
      totalMinutes: 210 + 120 + 120,
      byVolunteer: [
        { name: 'Lin', minutes: 120, shifts: 1 },
        { name: 'Sam', minutes: 330, shifts: 2 },
      ],
    });
  });

  describe('bad input is refused with a message naming the field, and nothing changes', () => {
    it('age bands with a gap or an overlap', async () => {
      const before = digest();
      expect(
        await fail('month.save_settings', {
          ageBands: [
            { from: 0, to: 17 },
            { from: 19, to: null },
          ],
          legacyAges: { children: 0, adults: 18, seniors: 65 },
          weightUnit: 'kg',
        }),
      ).toMatchObject({
        code: 'month.bands_gap',
        params: { age: 18 },
      });
      expect(
        await fail('month.save_settings', {
          ageBands: [
            { from: 0, to: 17 },
            { from: 15, to: 64 },
            { from: 65, to: null },
          ],
          legacyAges: { children: 0, adults: 18, seniors: 65 },
          weightUnit: 'kg',
        }),
      ).toMatchObject({
        code: 'month.bands_overlap',
        params: { age: 15 },
      });
      expect(
        await fail('month.save_settings', {
          ageBands: [
            { from: 0, to: 17 },
            { from: 18, to: 64 },
          ],
          legacyAges: { children: 0, adults: 18, seniors: 65 },
          weightUnit: 'kg',
        }),
      ).toMatchObject({
        code: 'month.bands_gap',
        params: { age: 65 },
      });
      expect(digest()).toBe(before);
      expect(await t.ok('month.settings', {}, token)).toMatchObject({
        ageBands: [
          { from: 0, to: 17 },
          { from: 18, to: 64 },
          { from: 65, to: null },
        ],
      });
    });

    it('negative weights and weights over the sane maximum', async () => {
      const beans = await item('can', 'Beans');
      const before = digest();
      expect(
        await fail('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 1, weightG: -5, source: 'donor' }),
      ).toMatchObject({
        code: 'month.bad_weight',
        params: { field: 'weight' },
      });
      expect(
        await fail('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 1, weightG: 25_000_000, source: 'donor' }),
      ).toMatchObject({
        code: 'month.bad_weight',
        params: { field: 'weight' },
      });
      expect(
        await fail('inventory.receive', { requestId: randomUUID(), itemId: beans, qty: 1, valueCents: -1, source: 'donor' }),
      ).toMatchObject({ code: 'month.bad_value', params: { field: 'value' } });
      expect(await fail('month.set_item_weight', { itemId: beans, unitWeightG: -1, weightCategory: null })).toMatchObject({
        code: 'month.bad_weight',
        params: { field: 'unitWeight' },
      });
      expect(await fail('month.set_item_weight', { itemId: beans, unitWeightG: 2_000_000, weightCategory: null })).toMatchObject({
        code: 'month.bad_weight',
        params: { field: 'unitWeight' },
      });
      expect(digest()).toBe(before);
    });

    it('a period that ends before it starts', async () => {
      expect(await fail('month.report', { from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
        code: 'month.bad_period',
        params: { field: 'to' },
      });
    });
  });
});

describe('the report and visit CSVs', () => {
  let t: TestCore;
  let token: string;
  beforeEach(async () => {
    t = makeCore();
    token = await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  it('writes one figure a row with not-answered rows of their own, and one visit a row with no names', async () => {
    const db = t.core.ctx.db;
    db.prepare(
      "INSERT INTO households (id, first_name, phone, language, created_at, last_visit_at) VALUES ('h1', 'Amina', '555-0101', 'ar', ?, ?)",
    ).run('2026-11-03T10:00:00.000Z', '2026-11-10T10:00:00.000Z');
    const visit = db.prepare(
      'INSERT INTO visits (id, household_id, language, request_id, at, adults, children, seniors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    visit.run('v1', 'h1', 'ar', 'r1', '2026-11-03T10:00:00.000Z', 2, 1, null);
    visit.run('v2', 'h1', 'ar', 'r2', '2026-11-10T10:00:00.000Z', null, null, null);
    const report = await t.call('month.report_csv', { from: '2026-11-01', to: '2026-11-30' }, token);
    const csv = okValue(report).csv;
    expect(csv.startsWith('\uFEFFfigure,key,value\r\n')).toBe(true);
    expect(csv).toContain('households_served_upper_bound,,1\r\n');
    expect(csv).toContain('visits,,2\r\n');
    expect(csv).toContain('households_size_not_answered,,1\r\n');
    expect(csv).toContain('individuals,0–17,0\r\n');

    const visits = okValue(await t.call('month.visits_csv', { from: '2026-11-01', to: '2026-11-30' }, token)).csv.split('\r\n');
    expect(visits[0]).toBe('\uFEFFdate,household_key,people_0–17,people_18–64,people_65+,new_or_returning,tefap,weight_kg');
    const [first, second] = [visits[1]!.split(','), visits[2]!.split(',')];
    expect(first).toEqual(['2026-11-03', first[1], '1', '2', '', 'new', '0', '']);
    expect(second).toEqual(['2026-11-10', first[1], '', '', '', 'returning', '0', '']);
    expect(first[1]).toMatch(/^[0-9a-f]{12}$/);
    expect(visits.join('\n')).not.toMatch(/Amina|555-0101|h1/);
  });
});
