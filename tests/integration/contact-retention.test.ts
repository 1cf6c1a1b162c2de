import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, okValue, type TestCore } from '../support/core';

const DAY = 86_400_000;
let n = 0;
const rid = () => `0190f000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;

// The consent screen promises: a name and phone are forgotten N days after the last visit.
describe('how long a name and phone are kept', () => {
  let t: TestCore;
  let coordinator: string;
  const contactOf = (slipId: string) =>
    t.core.ctx.db
      .prepare('SELECT h.first_name AS name, h.phone FROM households h JOIN slips s ON s.household_id = h.id WHERE s.id = ?')
      .get(slipId);
  const visit = async (contact?: { firstName?: string; phone?: string }) => {
    const r = await t.call('intake.submit', {
      requestId: rid(),
      language: 'en',
      household: { adults: 1 },
      otherNeeds: [{ category: 'other' }],
      ...(contact ? { contact } : {}),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { id: string }).id;
  };

  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp();
  });
  afterEach(() => t.dispose());

  it('keeps them 90 days after the last visit unless the coordinator chooses otherwise', async () => {
    const config = await t.call('intake.config', {});
    expect(config).toMatchObject({ ok: true, value: { contactDays: 90 } });
    const mina = await visit({ firstName: 'Mina', phone: '+1 555 0100' });
    t.clock.advance(89 * DAY);
    const later = await visit({ firstName: 'Ali' }); // someone else, today
    expect(contactOf(mina)).toEqual({ name: 'Mina', phone: '+1 555 0100' });
    t.clock.advance(2 * DAY);
    await visit(); // the first visit of a new day tidies up
    expect(contactOf(mina)).toEqual({ name: null, phone: null });
    expect(contactOf(later)).toEqual({ name: 'Ali', phone: null });
    // The visit itself (household counts, slip) stays: only the contact is forgotten.
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM slips WHERE id = ?').get(mina)).toEqual({ n: 1 });
  });

  it('applies a shorter period as soon as the coordinator saves it, and at start-up', async () => {
    const mina = await visit({ firstName: 'Mina' });
    t.clock.advance(40 * DAY);
    const login = okValue(await t.call('auth.login', { pin: '1234' }));
    coordinator = login.token; // the old session timed out long ago
    const current = okValue(await t.call('intake.config', {}));
    const saved = await t.call('intake.settings_save', { ...current, contactDays: 30 }, coordinator);
    expect(saved).toMatchObject({ ok: true, value: { contactDays: 30 } });
    expect(contactOf(mina)).toEqual({ name: null, phone: null });

    // Start-up: a kiosk switched off for months forgets on its first start.
    const ali = await visit({ firstName: 'Ali' });
    t.clock.advance(31 * DAY);
    const { createCore } = await import('../../src/core/index');
    createCore({ db: t.core.ctx.db, clock: t.clock });
    expect(contactOf(ali)).toEqual({ name: null, phone: null });
  });

  it('refuses periods outside 7 days to 2 years, changing nothing', async () => {
    const current = okValue(await t.call('intake.config', {}));
    for (const contactDays of [0, 6, 731, 1.5]) {
      expect(await t.call('intake.settings_save', { ...current, contactDays }, coordinator)).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_input' },
      });
    }
    expect(await t.call('intake.config', {})).toMatchObject({ ok: true, value: { contactDays: 90 } });
  });
});
