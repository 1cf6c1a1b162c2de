import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { contract, type ChannelName } from '../../src/shared/api/contract';
import { PrintJob } from '../../src/shared/api/channels/shell';
import { createCore, type Core, type ShellPort } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { PAPER_SPECS, PAPERS, qrSideMm } from '../../src/shared/slips/paper';
import { okCaller } from '../support/core';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';

/** A shell port that records what core asked of it. */
function recordingShell(printed = true) {
  const calls: { name: string; job?: unknown }[] = [];
  const port: ShellPort = {
    print: (job) => {
      calls.push({ name: 'print', job });
      return Promise.resolve({ printed });
    },
    printers: () => {
      calls.push({ name: 'printers' });
      return Promise.resolve([{ name: 'thermal', displayName: 'Thermal 80', isDefault: true }]);
    },
    quit: () => void calls.push({ name: 'quit' }),
  };
  return { port, calls };
}

describe('shell features in the one contract', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let shell: ReturnType<typeof recordingShell>;
  const call = (channel: string, input: unknown, session: string | null = null) => core.dispatch(channel, { input, session });
  const job = { paper: '58', printer: null, heightMm: 120, copyName: 'K7QM-4TXR' };

  beforeEach(() => {
    dir = tempDir();
    shell = recordingShell();
    const clock = new FixedClock();
    core = createCore({
      db: openDatabase(join(dir.path, 'k.sqlite')),
      clock,
      ids: sequentialIds(clock),
      keys: seededKeys(),
      shell: shell.port,
    });
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  async function coordinator(): Promise<string> {
    expect((await call('site.setup', { name: 'Hub', languages: ['en'], siteLanguage: 'en', pin: '1234' })).ok).toBe(true);
    const login = await call('auth.login', { pin: '1234' });
    if (!login.ok) throw new Error(JSON.stringify(login));
    return (login.value as { token: string }).token;
  }

  it('declares print, printers and quit in the core contract, with no second contract beside it', () => {
    for (const name of ['shell.print', 'shell.printers', 'shell.quit'] as ChannelName[])
      expect(Object.hasOwn(contract, name), name).toBe(true);
    expect(existsSync('src/shared/api/shell.ts')).toBe(false);
  });

  it('prints through the injected port, with the job as the contract parsed it', async () => {
    expect(await call('shell.print', job)).toEqual({ ok: true, value: { via: 'shell', printed: true } });
    expect(shell.calls).toEqual([{ name: 'print', job }]);
  });

  it('refuses a print job that could carry a name into a file path, before the port sees it', async () => {
    expect(await call('shell.print', { ...job, copyName: '../Maria' })).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    expect(await call('shell.print', { ...job, paper: '57' })).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    expect(PrintJob.safeParse(job).success).toBe(true);
    expect(shell.calls).toEqual([]);
  });

  it('lists printers for a volunteer only', async () => {
    expect(await call('shell.printers', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const token = await coordinator();
    expect(await call('shell.printers', {}, token)).toEqual({
      ok: true,
      value: [{ name: 'thermal', displayName: 'Thermal 80', isDefault: true }],
    });
  });

  it('asks the port to quit only after a coordinator was allowed to', async () => {
    await coordinator();
    expect(await call('shell.quit', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(shell.calls).toEqual([]);
    const { token } = await okCaller(core)('auth.login', { pin: '1234' });
    expect(await call('shell.quit', {}, token)).toEqual({ ok: true, value: {} });
    expect(shell.calls).toEqual([{ name: 'quit' }]);
  });

  it('keeps the site print settings: automatic on 80 mm until a coordinator chooses, who alone may', async () => {
    expect(await call('print.settings', {})).toEqual({ ok: true, value: { mode: 'auto', paper: '80', printer: null } });
    const token = await coordinator();
    const ask = { mode: 'ask', paper: 'letter', printer: 'thermal' };
    expect(await call('print.settings_save', ask)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await call('print.settings_save', { ...ask, mode: 'never' }, token)).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
    expect(await call('print.settings_save', ask, token)).toEqual({ ok: true, value: ask });
    expect(await call('print.settings', {})).toEqual({ ok: true, value: ask });
  });

  it('in browser mode (no port given) leaves printing to the page and names no printers', async () => {
    const other = tempDir();
    const browser = createCore({ db: openDatabase(join(other.path, 'k.sqlite')), keys: seededKeys() });
    try {
      expect(await browser.dispatch('shell.print', { input: job, session: null })).toEqual({ ok: true, value: { via: 'renderer' } });
    } finally {
      browser.close();
      other.remove();
    }
  });
});

describe('the "before setup" access kind', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    dir = tempDir();
    const clock = new FixedClock();
    core = createCore({ db: openDatabase(join(dir.path, 'k.sqlite')), clock, ids: sequentialIds(clock), keys: seededKeys() });
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  it('is how every first-run channel is declared: none is a public channel that checks inside', () => {
    for (const name of ['site.setup', 'exchange.restore_files', 'exchange.restore_backup'] as const)
      expect(contract[name].access, name).toBe('setup');
    expect(contract['exchange.drives'].access).toEqual({ setupOr: ['coordinator'] });
  });

  it('is open to anyone before setup and shut for everyone after, in dispatch', async () => {
    const empty = tempDir();
    try {
      // Before setup: restore_files reaches its handler (an empty folder lists no backups).
      expect(await core.dispatch('exchange.restore_files', { input: { folder: empty.path }, session: null })).toEqual({
        ok: true,
        value: [],
      });
      expect((await core.dispatch('exchange.drives', { input: {}, session: null })).ok).toBe(true);
      await core.dispatch('site.setup', { input: { name: 'Hub', languages: ['en'], siteLanguage: 'en', pin: '1234' }, session: null });
      const login = (await core.dispatch('auth.login', { input: { pin: '1234' }, session: null })) as {
        ok: true;
        value: { token: string };
      };
      // Refused before the input is read: even malformed input gets the same answer.
      for (const input of [{ folder: empty.path }, null]) {
        expect(await core.dispatch('exchange.restore_files', { input, session: login.value.token })).toMatchObject({
          ok: false,
          error: { code: 'site.already_set_up' },
        });
      }
      expect(await core.dispatch('site.setup', { input: null, session: null })).toMatchObject({
        ok: false,
        error: { code: 'site.already_set_up' },
      });
      expect(await core.dispatch('exchange.drives', { input: {}, session: null })).toMatchObject({
        ok: false,
        error: { code: 'auth.required' },
      });
      expect(readdirSync(empty.path)).toEqual([]);
    } finally {
      empty.remove();
    }
  });
});

describe('paper and QR size', () => {
  it('puts a whole number of printer dots on every QR module, and fits the printable width', () => {
    const modules = 45 + 8; // version 7 with the quiet zone
    for (const paper of PAPERS) {
      const spec = PAPER_SPECS[paper];
      const side = qrSideMm(paper, modules);
      const dotsPerModule = (side * spec.dotsPerMm) / modules;
      expect(Math.abs(dotsPerModule - Math.round(dotsPerModule))).toBeLessThan(1e-9);
      expect(side).toBeLessThanOrEqual(spec.printableMm);
    }
    // About 40 mm on a 58 mm receipt, as the design expects.
    expect(qrSideMm('58', modules)).toBeCloseTo(39.75, 2);
  });
});
