import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { makeCore, type TestCore } from '../../support/core';
import { stationsHub, type StationsHub } from '../../support/stations-hub';
import { issueSlip, stockItem } from '../../support/slips';
import { StationSupervisor, STATION_COOKIE } from '../../../src/host/stations';
import { StationClient, parseStationLink } from '../../../src/host/station-client';
import { startHost, TOKEN_HEADER } from '../../../src/host/server';
import type { StationInvite } from '../../../src/shared/api/channels/stations';
import type { ChannelInput } from '../../../src/shared/api/contract';

// The LAN listener is bound to another loopback address: never beyond this machine.
const LAN = '127.0.0.2';

interface Raw {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTPS call that skips certificate checks, to send what a hostile device on the Wi-Fi could. */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = httpsRequest(
      {
        host: LAN,
        port,
        path,
        method: opts.method ?? 'GET',
        rejectUnauthorized: false,
        headers: { host: `${LAN}:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

/** The hub's own shell (Electron's prints its window silently): records what it was asked. */
const shellCalls: string[] = [];
const hubShell = {
  print: () => (shellCalls.push('print'), Promise.resolve({ printed: true })),
  printers: () => (shellCalls.push('printers'), Promise.resolve([{ name: 'hub-receipts', displayName: 'Hub receipts', isDefault: true }])),
  quit: () => void shellCalls.push('quit'),
};

describe('the stations listener (TLS on the hub network)', () => {
  let t: TestCore;
  let coord: string;
  let supervisor: StationSupervisor;
  let port: number;
  let fingerprint: string;

  const invite = async (name: string, role: ChannelInput<'stations.invite'>['role']) => {
    const r = await t.call('stations.invite', { name, role }, coord);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as StationInvite;
  };
  const client = (credential?: string, fp = fingerprint) =>
    new StationClient({ address: LAN, port, fingerprint: fp, ...(credential ? { credential } : {}) });

  let hub: StationsHub;
  beforeAll(async () => {
    hub = await stationsHub({ shell: hubShell }, async (off) => {
      await off.reconcile();
      expect(off.current).toBeNull();
    });
    ({ t, coord, supervisor, port, fingerprint } = hub);
  });
  afterAll(() => hub.close());

  it('lets a station print its own page: the hub never prints its own window for it or names its own printers, and never quits for it', async () => {
    const station = client();
    await station.pair((await invite('Pickup 3', 'pickup')).code);
    const login = await station.call('auth.login', { pin: '1234' });
    const session = login.ok ? (login.value as { token: string }).token : null;
    const job = { paper: '80', printer: null, heightMm: 120, copyName: 'K7M2-XQ4P' };
    shellCalls.length = 0;
    const printed = await station.call('shell.print', job);
    expect(printed, JSON.stringify(printed)).toMatchObject({ ok: true, value: { via: 'renderer' } });
    expect(await station.call('shell.printers', {}, session)).toMatchObject({ ok: true, value: null });
    // Quitting stays the hub's own business.
    expect(await station.call('shell.quit', {}, session)).toMatchObject({ ok: false, status: 403, error: { code: 'stations.forbidden' } });
    expect(shellCalls).toEqual([]);
    // At the hub's own screen the same calls go to its shell.
    expect(await t.call('shell.print', job as never)).toMatchObject({ ok: true, value: { via: 'shell', printed: true } });
    expect(await t.call('shell.printers', {}, coord)).toMatchObject({ ok: true, value: [{ name: 'hub-receipts' }] });
    expect(shellCalls).toEqual(['print', 'printers']);
    station.close();
  });

  it('is off until the coordinator turns stations on, then listens on the chosen address only', () => {
    expect(supervisor.current!.server.address()).toMatchObject({ address: LAN });
  });

  it('pairs an app station from the QR link, which then calls the contract over TLS', async () => {
    const inv = await invite('Pickup 2', 'pickup');
    const link = parseStationLink(inv.link)!;
    expect(link).toEqual({ address: LAN, port: 47443, code: inv.code, fingerprint });
    const station = client();
    const paired = await station.pair(link.code);
    expect(paired).toMatchObject({
      ok: true,
      value: { station: { name: 'Pickup 2', role: 'pickup' }, credential: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(await station.call('site.status', {})).toMatchObject({ ok: true, value: { setUp: true } });
    // Volunteers still sign in with their PIN on a station, and core still checks the role.
    expect(await station.call('slip.day', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const login = await station.call('auth.login', { pin: '1234' });
    expect(login.ok).toBe(true);
    station.close();
  });

  it('refuses every call from a device that has not paired, but serves it the pairing screen', async () => {
    const page = await raw(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('kiosk-station');
    expect(page.body).not.toContain('kiosk-token');
    for (const path of ['/api/site.status', '/api/slip.day', '/api/queue.now_serving', '/api/queue.ticket', '/api/slip.printable']) {
      const r = await raw(port, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: {} }),
      });
      expect(r.status, path).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'stations.revoked' } });
    }
    expect((await raw(port, '/api/events')).status).toBe(401);
    expect((await raw(port, '/station/whoami')).status).toBe(401);
    // The loopback token of browser mode means nothing here.
    const withToken = await raw(port, '/api/site.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'a'.repeat(64) },
      body: '{"input":{}}',
    });
    expect(withToken.status).toBe(401);
  });

  it('refuses a reused pairing code and a guessed one', async () => {
    const inv = await invite('Kiosk 2', 'intake');
    expect((await client().pair(inv.code)).ok).toBe(true);
    const again = await raw(port, '/station/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: inv.code }),
    });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'stations.bad_code' } });
    const guessed = await client().pair('ABCDEFGHJK');
    expect(guessed).toMatchObject({ ok: false, error: { code: 'stations.bad_code' } });
  });

  it('gives a browser station an HttpOnly Secure cookie, never the credential in the page', async () => {
    const inv = await invite('Stock room', 'stock');
    const r = await raw(port, '/station/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: inv.code }),
    });
    expect(r.status).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${STATION_COOKIE}=[0-9a-f]{64}; HttpOnly; Secure; SameSite=Strict; Path=/`));
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { station: expect.objectContaining({ role: 'stock' }) } });
    const credential = /=([0-9a-f]{64})/.exec(cookie)![1]!;
    const who = await raw(port, '/station/whoami', { headers: { cookie: `${STATION_COOKIE}=${credential}` } });
    expect(JSON.parse(who.body)).toMatchObject({ ok: true, value: { station: { name: 'Stock room' } } });
  });

  it('refuses a revoked station at its next call', async () => {
    const inv = await invite('Old tablet', 'pickup');
    const station = client();
    const paired = await station.pair(inv.code);
    if (!paired.ok) throw new Error('pairing failed');
    expect((await station.call('site.status', {})).ok).toBe(true);
    await t.call('stations.revoke', { id: paired.value.station.id }, coord);
    expect(await station.call('site.status', {})).toMatchObject({ ok: false, status: 401, error: { code: 'stations.revoked' } });
    station.close();
  });

  it('lets a waiting-room screen read "now serving" but not redeem, and no station run the hub', async () => {
    const inv = await invite('TV', 'screen');
    const tv = client();
    await tv.pair(inv.code);
    expect((await tv.call('queue.now_serving', {})).ok).toBe(true);
    const login = await tv.call('auth.login', { pin: '1234' });
    const session = login.ok ? (login.value as { token: string }).token : null;
    expect(await tv.call('slip.redeem', { slipId: 'x' }, session)).toMatchObject({
      ok: false,
      status: 403,
      error: { code: 'stations.forbidden' },
    });
    const pickupInv = await invite('Pickup 3', 'pickup');
    const pickup = client();
    await pickup.pair(pickupInv.code);
    expect(await pickup.call('stations.invite', { name: 'x', role: 'pickup' }, coord)).toMatchObject({
      ok: false,
      error: { code: 'stations.forbidden' },
    });
    tv.close();
    pickup.close();
  });

  it("tells a kiosk station its own slip's queue number, and another kiosk nothing about that slip, as if it did not exist", async () => {
    const lentils = stockItem(t.core, 'lentils', [{ qty: 5, expiresOn: '2027-01-01' }]);
    const [door, hall] = [client(), client()];
    await door.pair((await invite('Door kiosk', 'intake')).code);
    await hall.pair((await invite('Hall kiosk', 'intake')).code);
    const issued = await door.call('intake.submit', {
      requestId: 'b3c8a7d2-1e4f-4a6b-9c0d-2e3f4a5b6c7d',
      language: 'en',
      household: { adults: 1 },
      needs: [{ itemId: lentils, qty: 1 }],
    });
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    const slip = issued.value as { id: string; qrDigits: string };
    const unknown = 'e'.repeat(20);
    // The kiosk that issued the slip holds its digits: it may show and print the number.
    expect(await door.call('queue.ticket', { slipId: slip.id, qrDigits: slip.qrDigits })).toMatchObject({ ok: true, value: { number: 1 } });
    expect(await door.call('slip.printable', { slipId: slip.id, qrDigits: slip.qrDigits })).toMatchObject({
      ok: true,
      value: { queueNumber: 1 },
    });
    // Another kiosk on the same Wi-Fi with the slip's id alone gets what an id never issued gets.
    for (const channel of ['queue.ticket', 'slip.printable']) {
      const foreign = await hall.call(channel, { slipId: slip.id });
      const none = await hall.call(channel, { slipId: unknown });
      expect(foreign.ok, channel).toBe(false);
      expect(JSON.stringify(foreign).replaceAll(slip.id, 'ID')).toBe(JSON.stringify(none).replaceAll(unknown, 'ID'));
    }
    door.close();
    hall.close();
  });

  it('refuses a plain-HTTP attempt: nothing is answered without TLS', async () => {
    const outcome = await new Promise<string>((done) => {
      const req = httpRequest({ host: LAN, port, path: '/api/site.status', method: 'POST', headers: { host: `${LAN}:${port}` } }, (res) =>
        done(`answered ${res.statusCode}`),
      );
      req.on('error', (err) => done(`refused ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      req.end('{"input":{}}');
    });
    expect(outcome).toMatch(/^refused/);
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding), even with a credential', async () => {
    const inv = await invite('Kiosk 3', 'intake');
    const station = client();
    const paired = await station.pair(inv.code);
    const credential = paired.ok ? paired.value.credential : '';
    const call = (headers: Record<string, string>) =>
      raw(port, '/api/site.status', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-station-credential': credential, ...headers },
        body: '{"input":{}}',
      });
    expect((await call({})).status).toBe(200);
    expect((await call({ origin: `https://${LAN}:${port}` })).status).toBe(200);
    expect((await call({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ origin: `http://${LAN}:${port}` })).status).toBe(403);
    expect((await call({ host: `evil.example:${port}` })).status).toBe(403);
    station.close();
  });

  it('an app station refuses a hub whose certificate is not the one it paired with', async () => {
    const wrong = client(undefined, 'AA:'.repeat(31) + 'AA');
    await expect(wrong.call('site.status', {})).rejects.toThrow(/does not match the paired fingerprint/);
    wrong.close();
  });

  it('tells every station of a redemption over the event stream', async () => {
    const inv = await invite('Pickup 4', 'pickup');
    const paired = await client().pair(inv.code);
    const credential = paired.ok ? paired.value.credential : '';
    const received: string[] = [];
    const stream = await new Promise<import('node:http').IncomingMessage>((done, fail) => {
      const req = httpsRequest(
        {
          host: LAN,
          port,
          path: '/api/events',
          rejectUnauthorized: false,
          headers: { host: `${LAN}:${port}`, 'x-station-credential': credential },
        },
        done,
      );
      req.on('error', fail);
      req.end();
    });
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const got = new Promise<void>((done) =>
      stream.on('data', (c: Buffer) => {
        received.push(c.toString('utf8'));
        if (received.join('').includes('slip.redeem')) done();
      }),
    );
    const rice = stockItem(t.core, 'rice', [{ qty: 5, expiresOn: '2027-01-01' }]);
    const slip = issueSlip(t.core, [{ itemId: rice, qty: 1 }]);
    expect((await t.call('slip.redeem', { slipId: slip.id }, coord)).ok).toBe(true);
    await got;
    expect(received.join('')).toMatch(/event: ready[\s\S]*event: core\ndata: \{"topic":"slips","channel":"slip.redeem"/);
    stream.destroy();
  });

  it('throttles PIN guessing per station: a guesser at one table locks out neither another table nor the hub', async () => {
    const pairNew = async (name: string) => {
      const c = client();
      const r = await c.pair((await invite(name, 'pickup')).code);
      if (!r.ok) throw new Error('pairing failed');
      return c;
    };
    const guesser = await pairNew('Table by the door');
    const other = await pairNew('Table at the back');
    for (let i = 0; i < 3; i += 1) expect((await guesser.call('auth.login', { pin: '9999' })).ok).toBe(false);
    // The guessing station waits, even with the right PIN...
    expect(await guesser.call('auth.login', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'volunteers.pin_wait' } });
    // ...while a volunteer at another station, and at the hub's own screen, signs in at once.
    expect(await other.call('auth.login', { pin: '1234' })).toMatchObject({ ok: true });
    expect(await t.call('auth.login', { pin: '1234' })).toMatchObject({ ok: true });
    guesser.close();
    other.close();
  });

  it('stops listening when stations are turned off, so the hub is back to loopback only', async () => {
    await t.call('stations.configure', { enabled: false, address: LAN, port: 47443 }, coord);
    await supervisor.reconcile();
    expect(supervisor.current).toBeNull();
    const refused = await new Promise<boolean>((done) => {
      const s = connect({ host: LAN, port }, () => {
        s.destroy();
        done(false);
      });
      s.on('error', () => done(true));
    });
    expect(refused).toBe(true);
  });
});

describe('browser mode on loopback carries the same event channel', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
  });
  afterEach(() => t.dispose());

  it('streams events to a page with the token, and refuses one without it', async () => {
    const rendererDir = join(t.dir, 'r');
    mkdirSync(rendererDir);
    const token = 'b'.repeat(64);
    const host = await startHost({ dispatch: t.core.dispatch, rendererDir, token, events: t.core.events });
    const get = (headers: Record<string, string>) =>
      new Promise<import('node:http').IncomingMessage>((done, fail) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, ...headers } },
          done,
        );
        req.on('error', fail);
        req.end();
      });
    expect((await get({})).statusCode).toBe(401);
    const res = await get({ [TOKEN_HEADER]: token });
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const first = await new Promise<string>((done) => res.once('data', (c: Buffer) => done(c.toString())));
    expect(first).toContain('event: ready');
    expect(t.core.events.size).toBe(1);
    res.destroy();
    await host.close();
  });
});
