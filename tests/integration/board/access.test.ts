import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { addVolunteer } from '../../../src/core/site/site-service';
import type { BoardView } from '../../../src/shared/api/channels/board';
import { intakeRow, ok } from './helpers';

/** Who sees what on the board: checked through the API, the way any screen would ask. */
describe('board role visibility', () => {
  let t: TestCore;
  let coordinator: string;
  let intake: string;
  let stock: string;
  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp();
    addVolunteer(t.core.ctx, { name: 'Sam', role: 'intake', pin: '1111' });
    addVolunteer(t.core.ctx, { name: 'Ada', role: 'stock', pin: '2222' });
    intake = (await ok<{ token: string }>(t.call('auth.login', { pin: '1111' }))).token;
    stock = (await ok<{ token: string }>(t.call('auth.login', { pin: '2222' }))).token;
    // A household that gave a first name and phone, with a slip, and a need on the board.
    const slip = await ok<{ shortCode: string }>(
      t.call('intake.submit', {
        requestId: '0191a5c0-0000-7000-8000-000000000001',
        language: 'ar',
        household: { adults: 1 },
        otherNeeds: [{ category: 'translation' }],
      }),
    );
    const hh = t.core.ctx.db.prepare('SELECT household_id AS id FROM slips WHERE short_code = ?').get(slip.shortCode) as { id: string };
    t.core.ctx.db.prepare("UPDATE households SET first_name = 'Layla', phone = '555-0142' WHERE id = ?").run(hh.id);
    intakeRow(t, { id: 'need-1', kind: 'need', category: 'translation', languages: '["ar"]', householdId: hh.id });
    t.core.ctx.db.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('quiet', 'fa', 't', 't')").run();
    intakeRow(t, { id: 'offer-1', kind: 'offer', category: 'translation', languages: '["ar"]', householdId: 'quiet' });
  });
  afterEach(() => t.dispose());

  it('shows the intake role the slip code, never a name or phone', async () => {
    const view = await ok<BoardView>(t.call('board.list', {}, intake));
    const need = view.needs.find((n) => n.id === 'need-1');
    const code = (t.core.ctx.db.prepare('SELECT short_code FROM slips').get() as { short_code: string }).short_code;
    expect(need?.shortCode).toBe(code);
    expect(need?.hasContact).toBe(true);
    const everything = JSON.stringify(view);
    expect(everything).not.toContain('Layla');
    expect(everything).not.toContain('555-0142');
  });

  it('refuses contact details to intake and stock volunteers and to the public', async () => {
    for (const session of [intake, stock, null]) {
      const r = await t.call('board.contact', { id: 'need-1' }, session);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(session ? 'auth.forbidden' : 'auth.required');
      if (!r.ok) expect(JSON.stringify(r.error)).not.toContain('Layla');
    }
  });

  it('gives the coordinator the contact, only as given', async () => {
    expect(await ok(t.call('board.contact', { id: 'need-1' }, coordinator))).toEqual({ firstName: 'Layla', phone: '555-0142' });
    expect(await ok(t.call('board.contact', { id: 'offer-1' }, coordinator))).toEqual({ firstName: null, phone: null });
    const missing = await t.call('board.contact', { id: 'nope' }, coordinator);
    expect(!missing.ok && missing.error.code).toBe('board.not_found');
  });

  it('keeps the board itself behind a PIN, and settings with the coordinator', async () => {
    const anon = await t.call('board.list', {}, null);
    expect(!anon.ok && anon.error.code).toBe('auth.required');
    const stockList = await t.call('board.list', {}, stock);
    expect(!stockList.ok && stockList.error.code).toBe('auth.forbidden');
    const set = await t.call('board.set_settings', { expiryDays: 5, gapDays: 7, gapMinAsks: 1 }, intake);
    expect(!set.ok && set.error.code).toBe('auth.forbidden');
  });

  it('the public screen carries no codes, details or names', async () => {
    t.core.ctx.db.prepare("UPDATE needs_offers SET shareable = 1 WHERE id = 'need-1'").run();
    const view = await ok<{ offersWanted: unknown[] }>(t.call('board.public', { language: 'ar' }, null));
    const text = JSON.stringify(view);
    for (const secret of ['Layla', '555-0142', 'need need-1', 'need-1']) expect(text).not.toContain(secret);
    const code = (t.core.ctx.db.prepare('SELECT short_code FROM slips').get() as { short_code: string }).short_code;
    expect(text).not.toContain(code);
  });
});
