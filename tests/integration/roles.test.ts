import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../src/shared/api/contract';
import type { Role } from '../../src/shared/api/channel';
import { makeCore, type TestCore } from '../support/core';

// Every channel of the contract, called by every kind of caller, through the real dispatch:
// what a role may do is decided in core, whatever the screens show or hide.
const CALLERS = ['public', 'intake', 'stock', 'coordinator'] as const;
type Caller = (typeof CALLERS)[number];
const PINS: Record<Role, string> = { coordinator: '1234', intake: '4321', stock: '5678' };

/** After setup (this suite runs on a set-up hub): 'setup' channels are shut for everyone. */
function allowed(name: ChannelName, caller: Caller): boolean | 'setup' {
  const access = contract[name].access;
  if (access === 'public') return true;
  if (access === 'setup') return 'setup';
  const roles = 'setupOr' in access ? access.setupOr : access;
  return caller !== 'public' && roles.includes(caller);
}

describe('roles over the whole contract', () => {
  let t: TestCore;
  const tokens = new Map<Caller, string | null>([['public', null]]);

  beforeAll(async () => {
    t = makeCore();
    tokens.set('coordinator', await t.setUp());
    for (const role of ['intake', 'stock'] as const) {
      const added = await t.call('volunteers.add', { name: `${role} volunteer`, role, pin: PINS[role] }, tokens.get('coordinator'));
      expect(added.ok).toBe(true);
      const login = await t.call('auth.login', { pin: PINS[role] });
      if (!login.ok) throw new Error(JSON.stringify(login));
      tokens.set(role, (login.value as { token: string }).token);
    }
  });
  afterAll(() => t.dispose());

  const cases = (Object.keys(contract) as ChannelName[]).flatMap((name) => CALLERS.map((caller) => [name, caller] as const));

  // Input null parses for no channel, so an allowed call stops at input validation and nothing
  // runs or changes; a refused call must be refused before its input is even looked at.
  it.each(cases)('%s called by %s', async (name, caller) => {
    const result = await t.callRaw(name, null, tokens.get(caller) ?? null);
    const may = allowed(name, caller);
    if (may === 'setup') {
      expect(result).toMatchObject({ ok: false, error: { code: 'site.already_set_up' } });
    } else if (may) {
      expect(result.ok ? 'ok' : result.error.code).not.toMatch(/^auth\.(required|forbidden)$/);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: caller === 'public' ? 'auth.required' : 'auth.forbidden' } });
    }
  });

  it('keeps volunteer management, PIN changes and quitting for coordinators only', () => {
    // Restoring a backup happens on the first-run screen, before any PIN exists (choosing the
    // stick and a folder on it); core refuses these once the hub is set up (tested below).
    // Other hubs' spare/short lists are read-only news that stock volunteers use too.
    const firstRun = new Set<string>([
      'exchange.drives',
      'exchange.folders',
      'exchange.restore_files',
      'exchange.restore_backup',
      'exchange.network',
    ]);
    // A visitor's slip prints at intake, before any PIN; the pickup table lists printers.
    for (const open of ['shell.print', 'shell.printers']) firstRun.add(open);
    const coordinatorOnly = (Object.keys(contract) as ChannelName[]).filter(
      (n) => /^(volunteers|shell|settings|exchange|reports)\./.test(n) && !firstRun.has(n),
    );
    expect(coordinatorOnly).toEqual(expect.arrayContaining(['volunteers.add', 'volunteers.remove', 'volunteers.set_pin', 'shell.quit']));
    for (const name of coordinatorOnly) expect(contract[name].access, name).toEqual(['coordinator']);
    // Before setup anyone may browse for the backup; after it, only a coordinator.
    for (const name of ['exchange.drives', 'exchange.folders'] as const)
      expect(contract[name].access, name).toEqual({ setupOr: ['coordinator'] });
  });

  it('closes the first-run restore channels once the hub is set up', async () => {
    expect(await t.call('exchange.drives', {}, null)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await t.call('exchange.drives', {}, tokens.get('intake') ?? null)).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    // Shut by dispatch, for every caller, before any handler or input is looked at.
    for (const session of [null, tokens.get('coordinator') ?? null]) {
      expect(await t.call('exchange.restore_files', { folder: t.dir }, session)).toMatchObject({
        ok: false,
        error: { code: 'site.already_set_up' },
      });
      expect(
        await t.call('exchange.restore_backup', { folder: t.dir, name: 'x.kioskbackup', passphrase: 'a long enough passphrase' }, session),
      ).toMatchObject({
        ok: false,
        error: { code: 'site.already_set_up' },
      });
    }
  });

  it('lets each role do its own work with real input', async () => {
    const intake = tokens.get('intake') ?? null;
    const stock = tokens.get('stock') ?? null;
    const coordinator = tokens.get('coordinator') ?? null;
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, intake)).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
    expect(await t.call('slip.lookup', { code: 'ABCD-EFGH' }, stock)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await t.call('volunteers.list', {}, intake)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await t.call('volunteers.add', { name: 'Eve', role: 'coordinator', pin: '9999' }, stock)).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(await t.call('shell.quit', {}, intake)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await t.call('shell.quit', {}, coordinator)).toEqual({ ok: true, value: {} });
    const list = await t.call('volunteers.list', {}, coordinator);
    expect(list.ok && (list.value as { volunteers: unknown[] }).volunteers).toHaveLength(3);
  });
});
