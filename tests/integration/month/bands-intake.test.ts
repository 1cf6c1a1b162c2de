import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeCore, type TestCore } from '../../support/core';

/** The intake asks in the site's age bands, and the report reads what it asked (real SQLite). */
describe('age bands at the intake', () => {
  let t: TestCore;
  let token: string;
  const visit = (household: unknown) =>
    t.callRaw('intake.submit', { requestId: randomUUID(), language: 'ar', household, otherNeeds: [{ category: 'diapers' }] }, null);
  const digest = () => {
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };
  const OTHER = [
    { from: 0, to: 17 },
    { from: 18, to: 59 },
    { from: 60, to: null },
  ];

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-11-28T10:00:00.000Z');
    token = await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  it('asks the older three answers while the bands are the defaults, with the ages each stands for', async () => {
    const config = await t.ok('intake.config', {}, null);
    expect(config.ageQuestions).toEqual([
      { band: { from: 0, to: 17 }, field: 'children', required: false },
      { band: { from: 18, to: 64 }, field: 'adults', required: false },
      { band: { from: 65, to: null }, field: 'seniors', required: false },
    ]);
  });

  it('asks 0–17 / 18–59 / 60+ by age, stores each band, sizes the slip, and reports them beside older answers', async () => {
    await t.ok('month.save_settings', { ageBands: OTHER, legacyAges: { children: 0, adults: 18, seniors: 65 }, weightUnit: 'lb' }, token);
    const config = await t.ok('intake.config', {}, null);
    expect(config.ageQuestions.map((q) => [q.band, q.field])).toEqual(OTHER.map((b) => [b, null]));

    // A visitor counts 2 aged 18–59 and 1 aged 60+, and leaves 0–17 unsaid.
    const slip = await visit({
      bands: [
        { from: 18, to: 59, count: 2 },
        { from: 60, to: null, count: 1 },
      ],
    });
    expect(slip).toMatchObject({ ok: true, value: { householdSize: 3 } });
    expect(t.core.ctx.db.prepare('SELECT age_from, age_to, count FROM visit_people ORDER BY age_from').all()).toEqual([
      { age_from: 18, age_to: 59, count: 2 },
      { age_from: 60, age_to: null, count: 1 },
    ]);
    // An older visit's answers map: seniors stand for 65, so they fall in 60+.
    const old = await visit({ adults: 1, children: 2, seniors: 1 });
    expect(old.ok).toBe(true);
    const { current } = await t.ok(
      'month.report',
      {
        from: '2026-11-01',
        to: '2026-11-30',
      },
      token,
    );
    expect(current.individuals.bands.map((b) => b.count)).toEqual([2, 3, 2]);
    expect(current.individuals.total).toBe(7);
    expect(current.individuals.notAnswered).toBe(0);
  });

  it('fills a returning household in the bands it said last time', async () => {
    await t.ok('month.save_settings', { ageBands: OTHER, legacyAges: { children: 0, adults: 18, seniors: 65 }, weightUnit: 'kg' }, token);
    const household = { bands: [{ from: 0, to: 17, count: 3 }] };
    const slip = await t.ok(
      'intake.submit',
      { requestId: randomUUID(), language: 'ar', household, otherNeeds: [{ category: 'diapers' }] },
      null,
    );
    // A need asked for makes a slip.
    const back = await t.ok('intake.returning', { code: slip!.shortCode }, null);
    expect(back.household).toEqual({ bands: [{ from: 0, to: 17, count: 3 }] });
  });

  it('refuses a count in a band the site does not have, naming the field, and records nothing', async () => {
    await t.ok('month.save_settings', { ageBands: OTHER, legacyAges: { children: 0, adults: 18, seniors: 65 }, weightUnit: 'kg' }, token);
    const before = digest();
    const r = await visit({ bands: [{ from: 18, to: 64, count: 2 }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'intake.bad_band', params: { field: 'household.bands' } } });
    const twice = await visit({
      bands: [
        { from: 18, to: 59, count: 2 },
        { from: 18, to: 59, count: 1 },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'intake.bad_band' } });
    expect(digest()).toBe(before);
  });

  it('asks a required answer in the band its age falls in', async () => {
    await t.ok('month.save_settings', { ageBands: OTHER, legacyAges: { children: 0, adults: 18, seniors: 65 }, weightUnit: 'kg' }, token);
    await t.ok(
      'intake.settings_save',
      {
        languages: ['en', 'ar'],
        idleSeconds: 90,
        requiredFields: ['children'],
        returningVisitors: true,
        contactDays: 90,
      },
      token,
    );
    const config = await t.ok('intake.config', {}, null);
    expect(config.ageQuestions.map((q) => q.required)).toEqual([true, false, false]);
    expect(await visit({ bands: [{ from: 18, to: 59, count: 2 }] })).toMatchObject({
      ok: false,
      error: { code: 'intake.required_field', params: { field: 'children' } },
    });
    expect((await visit({ bands: [{ from: 0, to: 17, count: 0 }] })).ok).toBe(true);
  });

  it('refuses a band configuration with a gap or an overlap naming the field, and changes nothing', async () => {
    const before = digest();
    const gap = await t.call(
      'month.save_settings',
      {
        ageBands: [
          { from: 0, to: 17 },
          { from: 19, to: null },
        ],
        legacyAges: { children: 0, adults: 18, seniors: 65 },
        weightUnit: 'kg',
      },
      token,
    );
    expect(gap).toMatchObject({ ok: false, error: { code: 'month.bands_gap', params: { field: 'ageBands', age: 18 } } });
    const overlap = await t.call(
      'month.save_settings',
      {
        ageBands: [
          { from: 0, to: 17 },
          { from: 17, to: null },
        ],
        legacyAges: { children: 0, adults: 18, seniors: 65 },
        weightUnit: 'kg',
      },
      token,
    );
    expect(overlap).toMatchObject({ ok: false, error: { code: 'month.bands_overlap', params: { field: 'ageBands', age: 17 } } });
    expect(digest()).toBe(before);
  });
});
