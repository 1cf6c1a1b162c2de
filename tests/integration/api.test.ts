import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contract } from '../../src/shared/api/contract';
import { makeCore, type TestCore } from '../support/core';
import { decodeRgba, rasterize } from '../support/qr-decode';

function dbDigest(t: TestCore): string {
  t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(t.file)).digest('hex');
}

describe('the API contract through core.dispatch', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
  });
  afterEach(() => t.dispose());

  it('declares an input, output and access for every channel', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(def.input).toBeDefined();
      expect(def.output).toBeDefined();
      const access: unknown = def.access;
      expect(
        access === 'public' || access === 'setup' || Array.isArray(access) || Array.isArray((access as { setupOr?: unknown }).setupOr),
      ).toBe(true);
    }
  });

  it('refuses an unknown channel with a code', async () => {
    expect(await t.callRaw('site.drop_tables', {})).toMatchObject({ ok: false, error: { code: 'api.unknown_channel' } });
    expect(await t.callRaw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'api.unknown_channel' } });
  });

  it('refuses malformed input with a typed code and leaves the database unchanged', async () => {
    await t.setUp();
    const before = dbDigest(t);
    const bad = [
      // (site.setup is shut once set up, before its input is read: see the "before setup" access tests.)
      ['intake.submit', { requestId: 'not-a-uuid', language: 'en', household: {} }],
      ['intake.submit', { requestId: crypto.randomUUID(), language: 'en', household: { adults: -1 } }],
      ['intake.submit', { requestId: crypto.randomUUID(), language: 'en', household: { adults: 1.5 } }],
      ['intake.submit', { requestId: crypto.randomUUID(), language: 'klingon', household: {} }],
      ['intake.submit', null],
      ['auth.login', { pin: 'abcd' }],
    ] as const;
    for (const [channel, input] of bad) {
      const result = await t.callRaw(channel, input);
      expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    }
    expect(await t.core.dispatch('intake.submit', 'not an envelope')).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    expect(dbDigest(t)).toBe(before);
  });

  it('keeps volunteer channels behind the PIN, and checks the role in core', async () => {
    await t.setUp();
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, 'forged-token')).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    expect(await t.call('auth.login', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    // A stock volunteer may not redeem slips.
    const { addVolunteer } = await import('../../src/core/site/site-service');
    addVolunteer(t.core.ctx, { name: 'Sam', role: 'stock', pin: '5555' });
    const stock = await t.call('auth.login', { pin: '5555' });
    const token = (stock as { value: { token: string } }).value.token;
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, token)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('logs a volunteer out after idle time', async () => {
    const token = await t.setUp();
    t.clock.advance(16 * 60_000);
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, token)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });

  it('runs the thin path: setup, intake, slip with a real QR, pickup once, never twice', async () => {
    expect(await t.call('site.status', {})).toEqual({ ok: true, value: { setUp: false } });
    const token = await t.setUp();
    expect(await t.call('site.setup', { name: 'Again', languages: ['en'], siteLanguage: 'en', pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'site.already_set_up' },
    });

    const requestId = '0198c0de-0000-7000-8000-000000000001';
    const issued = await t.call('intake.submit', {
      requestId,
      language: 'ar',
      household: { adults: 2, children: 3, seniors: 1 },
      otherNeeds: [{ category: 'other' }],
    });
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    const slip = issued.value as { id: string; shortCode: string; qrDigits: string; householdSize: number; language: string };
    expect(slip.householdSize).toBe(6);
    expect(slip.language).toBe('ar');
    expect(slip.shortCode).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(slip.qrDigits).toMatch(/^\d{196}$/);

    // The same request twice (a double tap) makes one slip.
    const again = await t.call('intake.submit', {
      requestId,
      language: 'ar',
      household: { adults: 2, children: 3, seniors: 1 },
      otherNeeds: [{ category: 'other' }],
    });
    expect(again).toMatchObject({ ok: true, value: { id: slip.id } });
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM slips').get()).toEqual({ n: 1 });

    // The QR decodes, with a real decoder, back to the signed digits.
    expect(decodeRgba(rasterize(slip.qrDigits))).toBe(slip.qrDigits);

    // Scanned QR and typed short code both bring the slip up.
    expect(await t.call('slip.lookup', { code: slip.qrDigits }, token)).toMatchObject({
      ok: true,
      value: { id: slip.id, status: { state: 'issued' } },
    });
    expect(await t.call('slip.lookup', { code: slip.shortCode.toLowerCase().replace('-', ' ') }, token)).toMatchObject({
      ok: true,
      value: { id: slip.id },
    });

    t.clock.advance(10 * 60_000); // within the volunteer's idle window
    const redeemed = await t.call('slip.redeem', { slipId: slip.id, table: '2' }, token);
    expect(redeemed).toMatchObject({ ok: true, value: { status: { state: 'redeemed', table: '2', at: '2026-11-28T10:10:00.000Z' } } });
    const twice = await t.call('slip.redeem', { slipId: slip.id, table: '3' }, token);
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'slip.already_redeemed', params: { at: '2026-11-28T10:10:00.000Z', table: '2' } },
    });
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions').get()).toEqual({ n: 1 });
  });

  it('rejects a slip with one digit changed', async () => {
    const token = await t.setUp();
    const issued = await t.call('intake.submit', {
      requestId: crypto.randomUUID(),
      language: 'en',
      household: { adults: 1 },
      otherNeeds: [{ category: 'other' }],
    });
    const digits = (issued as { value: { qrDigits: string } }).value.qrDigits;
    for (const i of [0, 5, 40, 100, 195]) {
      const d = Number(digits[i]);
      const altered = digits.slice(0, i) + String((d + 1) % 10) + digits.slice(i + 1);
      const result = await t.call('slip.lookup', { code: altered }, token);
      expect(result.ok, `digit ${i}`).toBe(false);
      if (!result.ok) expect(['slip.invalid', 'slip.unreadable', 'slip.unknown_key']).toContain(result.error.code);
    }
  });

  it('refuses an oversized household with a code, storing nothing', async () => {
    await t.setUp();
    const result = await t.call('intake.submit', {
      requestId: crypto.randomUUID(),
      language: 'en',
      household: { adults: 20, children: 10 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'intake.household_too_large', params: { max: 20 } } });
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM households').get()).toEqual({ n: 0 });
  });

  it('hides stack traces: an unexpected failure is api.internal', async () => {
    await t.setUp();
    t.core.ctx.db.exec('DROP TABLE slip_lines');
    const result = await t.call('intake.submit', {
      requestId: crypto.randomUUID(),
      language: 'en',
      household: {},
      otherNeeds: [{ category: 'other' }],
    });
    expect(result).toEqual({ ok: false, error: { code: 'api.internal', message: 'something went wrong' } });
  });
});
