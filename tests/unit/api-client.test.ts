import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/renderer/api/client';
import type { KioskBridge } from '../../src/shared/api/bridge';
import { httpTransport, ipcTransport } from '../../src/renderer/api/transport';
import { defaultDataDir } from '../../src/core/data-dir';

describe('the renderer API client', () => {
  it('sends input and the session over IPC and checks the answer against the contract', async () => {
    const sent: unknown[] = [];
    const bridge: KioskBridge = {
      invoke: async (channel, envelope) => {
        sent.push([channel, envelope]);
        return { ok: true, value: { setUp: false } };
      },
      on: () => () => {},
    };
    const client = new ApiClient(ipcTransport(bridge));
    client.setSession('tok');
    expect(await client.call('site.status', {})).toEqual({ ok: true, value: { setUp: false } });
    expect(sent).toEqual([['site.status', { input: {}, session: 'tok' }]]);
  });

  it('turns a dead transport into api.unreachable, never an exception', async () => {
    const client = new ApiClient(
      async () => {
        throw new Error('socket hang up');
      },
      async () => undefined,
    );
    expect(await client.call('site.status', {})).toMatchObject({ ok: false, error: { code: 'api.unreachable' } });
  });

  it('retries a write whose answer was lost with the same request id, and says it is offline meanwhile', async () => {
    const sent: unknown[] = [];
    let fail = 2;
    const waits: number[] = [];
    const client = new ApiClient(
      async (channel, envelope) => {
        sent.push(envelope);
        if (fail-- > 0) throw new Error('wifi gone');
        if (channel === 'slip.redeem') return { ok: false, error: { code: 'slip.already_redeemed', message: 'x' } };
        return { ok: true, value: { number: 4 } };
      },
      async (ms) => waits.push(ms),
    );
    const offline: boolean[] = [];
    client.onOffline((o) => offline.push(o));
    expect(await client.call('queue.ticket', { slipId: 's' })).toEqual({ ok: true, value: { number: 4 } });
    // A read is simply asked again; it carries no request id (nothing to apply twice).
    expect(sent.every((e) => !Object.hasOwn(e as object, 'requestId'))).toBe(true);
    expect(offline).toEqual([true, true, false]);
    offline.length = 0;
    waits.length = 0;
    sent.length = 0;
    fail = 2;
    const redeem = await client.call('slip.redeem', { slipId: 'A'.repeat(22) });
    expect(redeem).toMatchObject({ ok: false, error: { code: 'slip.already_redeemed' } });
    expect(sent).toHaveLength(3);
    const ids = sent.map((e) => (e as { requestId?: string }).requestId);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(1);
    expect(offline).toEqual([true, true, false]);
    expect(waits).toEqual([400, 1200]);
  });

  it('refuses an answer that does not fit the contract', async () => {
    const client = new ApiClient(async () => ({ ok: true, value: { setUp: 'maybe' } }));
    expect(await client.call('site.status', {})).toMatchObject({ ok: false, error: { code: 'api.internal' } });
    const unknownCode = new ApiClient(async () => ({ ok: false, error: { code: 'made.up', message: 'x' } }));
    expect(await unknownCode.call('site.status', {})).toMatchObject({ ok: false, error: { code: 'api.internal' } });
  });

  it('forgets the session when core says the PIN is needed again', async () => {
    const client = new ApiClient(async () => ({ ok: false, error: { code: 'auth.required', message: 'x' } }));
    client.setSession('old');
    await client.call('slip.lookup', { code: 'ABCD-EFGH' });
    expect(client.hasSession()).toBe(false);
  });

  it('says when the hub no longer knows this station, so the screen turns to pairing', async () => {
    let answer: unknown = { ok: true, value: { setUp: true, name: 'x' } };
    const client = new ApiClient(async () => answer);
    let told = 0;
    const stop = client.onUnpaired(() => (told += 1));
    await client.call('slip.lookup', { code: 'ABCD-EFGH' });
    expect(told).toBe(0);
    answer = { ok: false, error: { code: 'auth.required', message: 'x' } };
    await client.call('slip.lookup', { code: 'ABCD-EFGH' });
    expect(told).toBe(0);
    answer = { ok: false, error: { code: 'stations.revoked', message: 'x' } };
    expect(await client.call('slip.lookup', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, error: { code: 'stations.revoked' } });
    expect(told).toBe(1);
    stop();
    await client.call('slip.lookup', { code: 'ABCD-EFGH' });
    expect(told).toBe(1);
  });

  it('sends the launch token over HTTP', async () => {
    const calls: [string, RequestInit][] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ ok: true, value: { setUp: false } }), { status: 200 });
    }) as typeof fetch;
    try {
      const client = new ApiClient(httpTransport('secret', 'http://127.0.0.1:9'));
      await client.call('site.status', {});
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(calls[0]?.[0]).toBe('http://127.0.0.1:9/api/site.status');
    expect((calls[0]?.[1].headers as Record<string, string>)['x-kiosk-token']).toBe('secret');
  });
});

describe('where the data lives', () => {
  it('follows Electron userData per platform, and KIOSK_DATA_DIR overrides it', () => {
    expect(defaultDataDir({ KIOSK_DATA_DIR: '/srv/kiosk' }, 'linux')).toBe('/srv/kiosk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/mutual-aid-kiosk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.mutual-aid-kiosk$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/mutual-aid-kiosk$/);
  });
});
