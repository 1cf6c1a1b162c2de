import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/renderer/api/client';
import { httpTransport, ipcTransport, type KioskBridge } from '../../src/renderer/api/transport';
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
    const client = new ApiClient(async () => {
      throw new Error('socket hang up');
    });
    expect(await client.call('site.status', {})).toMatchObject({ ok: false, error: { code: 'api.unreachable' } });
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
