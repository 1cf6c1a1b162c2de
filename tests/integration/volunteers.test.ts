import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import type { Volunteer } from '../../src/shared/domain/volunteer';
import { makeCore, type TestCore, okValue } from '../support/core';
import { seededKeys, sequentialIds } from '../support/fixed';
import type { ChannelInput } from '../../src/shared/api/contract';

describe('volunteers and their PINs', () => {
  let t: TestCore;
  let coordinator: string;
  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp();
  });
  afterEach(() => t.dispose());

  const add = async (name: string, role: ChannelInput<'volunteers.add'>['role'], pin: string) => {
    const r = await t.call('volunteers.add', { name, role, pin }, coordinator);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as Volunteer;
  };
  const list = async () => okValue(await t.call('volunteers.list', {}, coordinator)).volunteers;
  const login = (pin: string) => t.call('auth.login', { pin });
  const rowCount = () => (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM volunteers').get() as { n: number }).n;

  it('starts with the coordinator set at setup, and lists without PINs', async () => {
    const volunteers = await list();
    expect(volunteers).toHaveLength(1);
    expect(volunteers[0]).toMatchObject({ name: 'Coordinator', role: 'coordinator', pinChangedAt: null });
    expect(JSON.stringify(volunteers)).not.toMatch(/scrypt|1234/);
  });

  it('names the first coordinator as the setup screen says, and signs them in under that name', async () => {
    const other = makeCore();
    const blank = makeCore();
    try {
      const r = await other.call('site.setup', {
        name: 'Centro Norte',
        languages: ['es'],
        siteLanguage: 'es',
        pin: '5678',
        coordinatorName: '  Amina ',
      });
      expect(r.ok).toBe(true);
      expect(await other.call('auth.login', { pin: '5678' })).toMatchObject({
        ok: true,
        value: { volunteerName: 'Amina', role: 'coordinator' },
      });
      // Only blanks is no name: the screen sends the translated word instead, never "".
      const refused = await blank.call('site.setup', {
        name: 'X',
        languages: ['en'],
        siteLanguage: 'en',
        pin: '5678',
        coordinatorName: '   ',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    } finally {
      other.dispose();
      blank.dispose();
    }
  });

  it('adds a volunteer whose PIN opens their role', async () => {
    const maria = await add('  Maria ', 'stock', '2468');
    expect(maria).toMatchObject({ name: 'Maria', role: 'stock', createdAt: '2026-11-28T10:00:00.000Z' });
    expect(await login('2468')).toMatchObject({ ok: true, value: { volunteerName: 'Maria', role: 'stock' } });
  });

  it('refuses a PIN another volunteer has, without saying whose, and changes nothing', async () => {
    await add('Maria', 'stock', '2468');
    const before = rowCount();
    for (const pin of ['2468', '1234']) {
      const r = await t.call('volunteers.add', { name: 'Ali', role: 'intake', pin }, coordinator);
      expect(r).toMatchObject({ ok: false, error: { code: 'volunteers.pin_taken' } });
      if (!r.ok) expect(JSON.stringify(r.error)).not.toMatch(/Maria|Coordinator|stock/);
    }
    expect(rowCount()).toBe(before);
  });

  it('changes a PIN: the old one stops working, the new one works, a taken one is refused', async () => {
    const ali = await add('Ali', 'intake', '1357');
    await add('Maria', 'stock', '2468');
    expect(await t.call('volunteers.set_pin', { id: ali.id, pin: '2468' }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.pin_taken' },
    });
    t.clock.advance(60_000);
    const changed = await t.call('volunteers.set_pin', { id: ali.id, pin: '9753' }, coordinator);
    expect(changed).toMatchObject({ ok: true, value: { pinChangedAt: '2026-11-28T10:01:00.000Z' } });
    expect(await login('1357')).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    expect(await login('9753')).toMatchObject({ ok: true, value: { volunteerName: 'Ali' } });
    // Setting a volunteer's PIN to the one they already have is not "taken".
    expect((await t.call('volunteers.set_pin', { id: ali.id, pin: '9753' }, coordinator)).ok).toBe(true);
  });

  it('removes a volunteer: their PIN and their open session stop working at once', async () => {
    const ali = await add('Ali', 'intake', '1357');
    const session = ((await login('1357')) as { value: { token: string } }).value.token;
    expect((await t.call('slip.lookup', { code: 'ABCD-EFGH' }, session)).ok).toBe(false);
    expect(await t.call('volunteers.remove', { id: ali.id }, coordinator)).toEqual({ ok: true, value: {} });
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, session)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await login('1357')).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    expect((await list()).map((v) => v.name)).toEqual(['Coordinator']);
    expect(await t.call('volunteers.remove', { id: ali.id }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.not_found' },
    });
    // The PIN of someone who left may be given to someone new.
    expect((await t.call('volunteers.add', { name: 'Sam', role: 'intake', pin: '1357' }, coordinator)).ok).toBe(true);
  });

  it('never removes or demotes the last coordinator', async () => {
    const [me] = await list();
    expect(await t.call('volunteers.remove', { id: me!.id }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.last_coordinator' },
    });
    expect(await t.call('volunteers.update', { id: me!.id, role: 'intake' }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.last_coordinator' },
    });
    expect(await list()).toMatchObject([{ role: 'coordinator' }]);
    // With a second coordinator, the first may step down (and their session ends with the role).
    await add('Dana', 'coordinator', '8642');
    expect(await t.call('volunteers.update', { id: me!.id, role: 'intake', name: 'Former coordinator' }, coordinator)).toMatchObject({
      ok: true,
      value: { role: 'intake', name: 'Former coordinator' },
    });
    expect(await t.call('volunteers.list', {}, coordinator)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const dana = ((await login('8642')) as { value: { token: string } }).value.token;
    const danaId = (await t.call('volunteers.list', {}, dana)) as { value: { volunteers: Volunteer[] } };
    const danaRow = danaId.value.volunteers.find((v) => v.name === 'Dana');
    expect(await t.call('volunteers.remove', { id: danaRow!.id }, dana)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.last_coordinator' },
    });
  });

  it('refuses bad names, roles and PINs with a code', async () => {
    for (const input of [
      { name: '   ', role: 'intake', pin: '1111' },
      { name: 'x'.repeat(61), role: 'intake', pin: '1111' },
      { name: 'Ali', role: 'admin', pin: '1111' },
      { name: 'Ali', role: 'intake', pin: '12' },
      { name: 'Ali', role: 'intake', pin: '12a4' },
    ]) {
      expect(await t.callRaw('volunteers.add', input, coordinator), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_input' },
      });
    }
  });
});

describe('the wrong-PIN throttle, through auth.login', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp();
  });
  afterEach(() => t.dispose());
  const login = (pin: string) => t.call('auth.login', { pin });

  it('lets a few slips go, then makes each next try wait longer, and says how long', async () => {
    expect(await login('0000')).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    expect(await login('0001')).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    expect(await login('0002')).toMatchObject({ ok: false, error: { code: 'volunteers.pin_wait', params: { seconds: 5 } } });
    // While waiting, even the right PIN is not looked at, and trying does not extend the wait.
    t.clock.advance(2_000);
    expect(await login('1234')).toMatchObject({ ok: false, error: { code: 'volunteers.pin_wait', params: { seconds: 3 } } });
    t.clock.advance(3_000);
    expect(await login('0003')).toMatchObject({ ok: false, error: { code: 'volunteers.pin_wait', params: { seconds: 10 } } });
    t.clock.advance(10_000);
    expect(await login('0004')).toMatchObject({ ok: false, error: { code: 'volunteers.pin_wait', params: { seconds: 20 } } });
    t.clock.advance(20_000);
    // The right PIN after the wait works and clears the count.
    expect(await login('1234')).toMatchObject({ ok: true });
    expect(await login('0005')).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
  });

  it('survives a restart: the count is in the database, not in memory', async () => {
    for (const pin of ['0000', '0001', '0002']) await login(pin);
    t.core.close();
    const again = createCore({ db: openDatabase(t.file), clock: t.clock, ids: sequentialIds(t.clock, 'restart'), keys: seededKeys() });
    try {
      expect(await again.dispatch('auth.login', { input: { pin: '1234' }, session: null })).toMatchObject({
        ok: false,
        error: { code: 'volunteers.pin_wait' },
      });
    } finally {
      again.close();
    }
  });
});
