import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeCore, type TestCore } from '../../support/core';

const DECLARATION = 'I declare that my household’s income is at or below the limit on the poster, or that we receive SNAP.';
const ANSWER = {
  name: 'Ana Reyes',
  address: '12 Elm St',
  basis: 'categorical',
  program: 'snap',
  signature: 'M 10 10 L 50 40 L 90 20',
} as const;

/** TEFAP mode on real SQLite: off by default and storing nothing; on, exactly 7 CFR 251.10's fields, forgotten after retention. */
describe('TEFAP mode', () => {
  let t: TestCore;
  let token: string;
  const visit = (extra: Record<string, unknown> = {}) =>
    t.ok(
      'intake.submit',
      { requestId: randomUUID(), language: 'es', household: { adults: 2, children: 1 }, otherNeeds: [{ category: 'diapers' }], ...extra },
      null,
    );
  const records = () =>
    t.core.ctx.db.prepare('SELECT name, address, household_size, basis, program, signature, declaration FROM tefap_records').all();
  const digest = () => {
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(t.file)).digest('hex');
  };

  beforeEach(async () => {
    t = makeCore();
    t.clock.set('2026-11-28T10:00:00.000Z');
    token = await t.setUp(['en', 'es']);
  });
  afterEach(() => t.dispose());

  it('is off by default: the kiosk asks nothing, and an answer that arrives anyway is not stored', async () => {
    expect(await t.ok('month.tefap_settings', {}, token)).toEqual({
      enabled: false,
      declaration: '',
      translations: {},
      retentionDays: 1095,
    });
    expect((await t.ok('intake.config', {}, null)).tefap).toBeNull();
    await visit({ tefap: ANSWER });
    expect(records()).toEqual([]);
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM tefap_settings').get()).toEqual({ n: 0 });
    const { current } = await t.ok(
      'month.report',
      {
        from: '2026-11-01',
        to: '2026-11-30',
      },
      token,
    );
    expect(current.households).toMatchObject({ tefap: 0, distinct: 1 });
  });

  it('on, keeps exactly the name, address, household size and basis with the signed declaration, and the report separates TEFAP households', async () => {
    await t.ok('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, translations: {}, retentionDays: 1095 }, token);
    expect((await t.ok('intake.config', {}, null)).tefap).toEqual({ declaration: DECLARATION, translations: {} });
    await visit({ tefap: ANSWER });
    // A household that chose not to give TEFAP details is served all the same.
    await visit();
    expect(records()).toEqual([
      {
        name: 'Ana Reyes',
        address: '12 Elm St',
        household_size: 3,
        basis: 'categorical',
        program: 'snap',
        signature: ANSWER.signature,
        declaration: DECLARATION,
      },
    ]);
    const { current } = await t.ok(
      'month.report',
      {
        from: '2026-11-01',
        to: '2026-11-30',
      },
      token,
    );
    expect(current.households).toMatchObject({ tefap: 1, distinct: 2 });
    const csv = (await t.ok('month.visits_csv', { from: '2026-11-01', to: '2026-11-30' }, token)).csv.trim().split('\n');
    expect(csv.slice(1).map((l) => l.split(',').at(-2))).toEqual(['1', '0']);
    expect(csv.join('\n')).not.toContain('Ana');
  });

  it("records the declaration in the visitor's language where the site entered one, else the site's own text", async () => {
    const ES = 'Declaro que los ingresos de mi hogar están por debajo del límite del cartel, o que recibimos SNAP.';
    const saved = await t.ok(
      'month.save_tefap_settings',
      { enabled: true, declaration: DECLARATION, translations: { es: `  ${ES} `, fr: '' }, retentionDays: 1095 },
      token,
    );
    // Trimmed, and an empty text is no translation.
    expect(saved.translations).toEqual({ es: ES });
    expect((await t.ok('intake.config', {}, null)).tefap).toEqual({ declaration: DECLARATION, translations: { es: ES } });
    await visit({ tefap: ANSWER });
    await visit({ language: 'en', tefap: ANSWER });
    expect(records().map((r) => (r as { declaration: string }).declaration)).toEqual([ES, DECLARATION]);
    // A save that leaves them out is refused, naming the field, not read as "no translations".
    const partial = await t.callRaw('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, retentionDays: 1095 }, token);
    expect(partial.ok ? null : partial.error).toMatchObject({ code: 'api.invalid_input', params: { field: 'translations' } });
    expect((await t.ok('month.tefap_settings', {}, token)).translations).toEqual({ es: ES });
  });

  it('refuses a translation for a language it does not ship, or too long, naming the field, and changes nothing', async () => {
    await t.ok(
      'month.save_tefap_settings',
      { enabled: true, declaration: DECLARATION, translations: { es: 'Hola' }, retentionDays: 1095 },
      token,
    );
    const before = digest();
    for (const translations of [{ xx: 'text' }, { es: 'x'.repeat(4001) }]) {
      const r = await t.callRaw(
        'month.save_tefap_settings',
        { enabled: true, declaration: DECLARATION, translations, retentionDays: 1095 },
        token,
      );
      expect(r.ok ? null : r.error).toMatchObject({ code: 'api.invalid_input', params: { field: expect.stringMatching(/^translations/) } });
    }
    expect(digest()).toBe(before);
  });

  it('refuses ID, status or proof (there is no field), and a mode without its declaration, naming the field', async () => {
    const r = await t.call('month.save_tefap_settings', { enabled: true, declaration: '  ', translations: {}, retentionDays: 1095 }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'month.tefap_declaration', params: { field: 'declaration' } } });
    await t.ok('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, translations: {}, retentionDays: 1095 }, token);
    const before = digest();
    const withId = await t.callRaw(
      'intake.submit',
      {
        requestId: randomUUID(),
        language: 'es',
        household: {},
        otherNeeds: [{ category: 'diapers' }],
        tefap: { ...ANSWER, basis: 'immigration_status' },
      },
      null,
    );
    expect(withId.ok).toBe(false);
    expect(digest()).toBe(before);
  });

  it('forgets records after the site’s retention period, like contacts', async () => {
    await t.ok('month.save_tefap_settings', { enabled: true, declaration: DECLARATION, translations: {}, retentionDays: 30 }, token);
    await visit({ tefap: ANSWER });
    t.clock.set('2026-12-20T10:00:00.000Z');
    await visit({ tefap: { name: 'Lin', basis: 'income' } });
    expect(records()).toHaveLength(2);
    // 31 days after the first: it is forgotten at the next visit; the second stays.
    t.clock.set('2026-12-29T10:00:00.000Z');
    await visit();
    expect(records()).toMatchObject([{ name: 'Lin', address: null, basis: 'income', program: null }]);
  });
});
