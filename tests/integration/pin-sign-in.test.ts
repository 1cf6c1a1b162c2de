import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { hashPinSync } from '../../src/core/site/pin';
import { FREE_ATTEMPTS, MAX_DELAY_MS, SITE_FREE_ATTEMPTS, SITE_MAX_DELAY_MS } from '../../src/core/site/pin-throttle';
import type { Volunteer } from '../../src/shared/domain/volunteer';
import { makeCore, type TestCore, okValue } from '../support/core';
import { seededKeys, sequentialIds } from '../support/fixed';
import { countingHasher } from '../support/pins';

const pinOf = (n: number) => String(2000 + n).padStart(4, '0');

/** A second kiosk with its own connection to the same database file, as another process would have. */
function otherKiosk(t: TestCore, kiosk: string): Core {
  return createCore({ db: openDatabase(t.file), clock: t.clock, ids: sequentialIds(t.clock, kiosk), keys: seededKeys(kiosk), kiosk });
}

describe('signing in at a hub with many volunteers', () => {
  let t: TestCore;
  let hasher: ReturnType<typeof countingHasher>;
  let coordinator: string;
  beforeEach(async () => {
    hasher = countingHasher('fast');
    t = makeCore({ pinHasher: hasher });
    coordinator = await t.setUp();
    for (let n = 0; n < 80; n += 1) {
      const r = await t.call('volunteers.add', { name: `Volunteer ${n}`, role: 'intake', pin: pinOf(n) }, coordinator);
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
  });
  afterEach(() => t.dispose());

  it('hashes the PIN once to find its volunteer, however many there are', async () => {
    hasher.calls = 0;
    expect(await t.call('auth.login', { pin: pinOf(79) })).toMatchObject({ ok: true, value: { volunteerName: 'Volunteer 79' } });
    expect(hasher.calls).toBe(1);
    hasher.calls = 0;
    expect(await t.call('auth.login', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
    expect(hasher.calls).toBe(1);
    // Checking that a new PIN is free is one hash too, and a taken one is still refused.
    hasher.calls = 0;
    expect(await t.call('volunteers.add', { name: 'Late', role: 'stock', pin: pinOf(40) }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.pin_taken' },
    });
    expect(hasher.calls).toBe(1);
  });

  it('refuses a second setup as already set up, even with a PIN in use, and hashes nothing', async () => {
    hasher.calls = 0;
    expect(await t.call('site.setup', { name: 'Again', languages: ['en'], siteLanguage: 'en', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'site.already_set_up' },
    });
    expect(hasher.calls).toBe(0);
  });

  it('keeps answering other calls while a sign-in hashes', async () => {
    const slow = makeCore({ pinHasher: countingHasher('scrypt') });
    try {
      await slow.setUp();
      let signedIn = false;
      const login = slow.call('auth.login', { pin: '1234' }).then((r) => {
        signedIn = true;
        return r;
      });
      expect(await slow.call('site.status', {})).toMatchObject({ ok: true, value: { setUp: true } });
      expect(signedIn).toBe(false);
      expect(await login).toMatchObject({ ok: true });
    } finally {
      slow.dispose();
    }
  });
});

describe('PIN changes end the sessions opened with the old PIN', () => {
  let t: TestCore;
  let coordinator: string;
  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp();
  });
  afterEach(() => t.dispose());

  const add = async (name: string, pin: string) => okValue(await t.call('volunteers.add', { name, role: 'intake', pin }, coordinator));
  const token = async (core: Core, pin: string) =>
    ((await core.dispatch('auth.login', { input: { pin }, session: null })) as { value: { token: string } }).value.token;

  it('on this kiosk: the old session gets auth.required, the new PIN opens a new one', async () => {
    const ali = await add('Ali', '1357');
    const old = await token(t.core, '1357');
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, old)).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
    expect((await t.call('volunteers.set_pin', { id: ali.id, pin: '9753' }, coordinator)).ok).toBe(true);
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, old)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const fresh = await token(t.core, '9753');
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, fresh)).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
  });

  it('on another kiosk sharing the database too, and for a removal or a new role made there', async () => {
    const ali = await add('Ali', '1357');
    const sam = await add('Sam', '2468');
    const kim = await add('Kim', '3579');
    const other = otherKiosk(t, 'stock-room');
    try {
      const aliThere = await token(other, '1357');
      const samThere = await token(other, '2468');
      const kimThere = await token(other, '3579');
      const lookup = (session: string) => other.dispatch('slip.lookup', { input: { code: 'ABCD-EFGH' }, session });
      expect(await lookup(aliThere)).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
      await t.call('volunteers.set_pin', { id: ali.id, pin: '9753' }, coordinator);
      await t.call('volunteers.remove', { id: sam.id }, coordinator);
      await t.call('volunteers.update', { id: kim.id, role: 'stock' }, coordinator);
      for (const s of [aliThere, samThere, kimThere])
        expect(await lookup(s)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    } finally {
      other.close();
    }
  });

  it('keeps the session of a coordinator who changes their own PIN (they just typed it), ends their others', async () => {
    const list = (await t.call('volunteers.list', {}, coordinator)) as { value: { volunteers: Volunteer[] } };
    const me = list.value.volunteers[0]!;
    const elsewhere = await token(t.core, '1234');
    expect((await t.call('volunteers.set_pin', { id: me.id, pin: '4321' }, coordinator)).ok).toBe(true);
    expect((await t.call('volunteers.list', {}, coordinator)).ok).toBe(true);
    expect(await t.call('volunteers.list', {}, elsewhere)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });
});

describe('PINs hashed before the lookup existed', () => {
  let t: TestCore;
  let coordinator: string;
  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp();
  });
  afterEach(() => t.dispose());

  /** Makes Ali's row look as version 80 left it: own salt, no lookup. */
  const legacy = (id: string, pin: string) =>
    t.core.ctx.db.prepare('UPDATE volunteers SET pin_hash = ?, pin_lookup = NULL WHERE id = ?').run(hashPinSync(pin, randomBytes(16)), id);

  it('signs in the slow way once, then gets its lookup; its PIN stays taken meanwhile', async () => {
    const ali = okValue(await t.call('volunteers.add', { name: 'Ali', role: 'intake', pin: '1357' }, coordinator));
    legacy(ali.id, '1357');
    expect(await t.call('volunteers.add', { name: 'Sam', role: 'intake', pin: '1357' }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'volunteers.pin_taken' },
    });
    expect(await t.call('auth.login', { pin: '1357' })).toMatchObject({ ok: true, value: { volunteerName: 'Ali' } });
    const row = t.core.ctx.db.prepare('SELECT pin_lookup, pin_version FROM volunteers WHERE id = ?').get(ali.id) as {
      pin_lookup: string | null;
      pin_version: number;
    };
    expect(row.pin_lookup).toMatch(/^[0-9a-f]{64}$/);
    // Same PIN, so sessions opened with it stay valid.
    expect(row.pin_version).toBe(1);
    expect(await t.call('auth.login', { pin: '1357' })).toMatchObject({ ok: true, value: { volunteerName: 'Ali' } });
  });
});

describe('a stranger at the public screen cannot lock the volunteers out', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp();
  });
  afterEach(() => t.dispose());

  /** Tries the right PIN; when told to wait, waits as long as told and tries again. Returns the time waited. */
  async function signInWaiting(core: Core, pin: string): Promise<number> {
    let waited = 0;
    for (let tries = 0; tries < 5; tries += 1) {
      const r = await core.dispatch('auth.login', { input: { pin }, session: null });
      if (r.ok) return waited;
      expect(r.error.code).toBe('volunteers.pin_wait');
      const ms = (r.error.params?.seconds as number) * 1000;
      t.clock.advance(ms);
      waited += ms;
    }
    throw new Error('never got in');
  }

  it("after 1000 wrong PINs, a volunteer's right PIN works within a minute here and within seconds on another kiosk", async () => {
    const stockRoom = otherKiosk(t, 'stock-room');
    try {
      for (let n = 0; n < 1000; n += 1) {
        await t.call('auth.login', { pin: String(5000 + n) });
        t.clock.advance(1_000);
      }
      // The bounds are the throttle's ceilings: 10 s over the site, 60 s at the stranger's screen.
      expect(SITE_MAX_DELAY_MS).toBe(10_000);
      expect(MAX_DELAY_MS).toBe(60_000);
      expect(await signInWaiting(stockRoom, '1234')).toBeLessThanOrEqual(10_000);
      expect(await signInWaiting(t.core, '1234')).toBeLessThanOrEqual(60_000);
    } finally {
      stockRoom.close();
    }
    // A thousand calls, each a write transaction with a full sync: seconds, not milliseconds.
  }, 60_000);

  it('forgets old slips of the finger: an hour without a wrong PIN starts the count again', async () => {
    for (const pin of ['0000', '0001', '0002']) await t.call('auth.login', { pin });
    t.clock.advance(60 * 60_000);
    expect(await t.call('auth.login', { pin: '0003' })).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } });
  });

  it('counts wrong PINs over every kiosk too, so many kiosks do not multiply the guesses', async () => {
    const hasher = countingHasher('scrypt');
    const kiosks = Array.from({ length: 5 }, (_, n) =>
      createCore({
        db: openDatabase(t.file),
        clock: t.clock,
        ids: sequentialIds(t.clock, `s${n}`),
        keys: seededKeys(),
        kiosk: `station-${n}`,
        pinHasher: hasher,
      }),
    );
    try {
      for (const k of kiosks)
        for (let n = 0; n < FREE_ATTEMPTS; n += 1) await k.dispatch('auth.login', { input: { pin: '0000' }, session: null });
      // Each kiosk alone would look at 3 PINs (15 in all); the site as a whole looks at 10, then slows down.
      expect(hasher.calls).toBe(SITE_FREE_ATTEMPTS);
      expect(await kiosks[4]!.dispatch('auth.login', { input: { pin: '1234' }, session: null })).toMatchObject({
        ok: false,
        error: { code: 'volunteers.pin_wait', params: { seconds: 1 } },
      });
      t.clock.advance(1_000);
      expect((await kiosks[4]!.dispatch('auth.login', { input: { pin: '1234' }, session: null })).ok).toBe(true);
    } finally {
      for (const k of kiosks) k.close();
    }
  });
});
