import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { TestCore } from '../../support/core';
import { LAN, stationsHub, type StationsHub } from '../../support/stations-hub';
import { tempDir } from '../../support/fixed';
import { StationSupervisor } from '../../../src/host/stations';
import { startHost, TOKEN_HEADER, type Host } from '../../../src/host/server';
import { STATION_FILE, StationFileError, StationRelay, readStationFile, stationOf } from '../../../src/host/station-relay';
import { parseStationLink, type StationLink } from '../../../src/shared/stations/link';
import { BootError, parseKioskArgs } from '../../../src/core/boot';
import type { StationInvite } from '../../../src/shared/api/channels/stations';
import type { CoreEvent } from '../../../src/shared/api/events';
import type { ChannelInput } from '../../../src/shared/api/contract';

// An app station: another install started with --station <link>. The hub listens on another
// loopback address (never beyond this machine); the station's screens talk to its own loopback
// host, which carries every call to the hub over TLS pinned to the link's fingerprint.
const TOKEN = 'a'.repeat(64);

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** What the station's page sends its own host. */
function local(host: Host, path: string, body?: unknown, token = TOKEN): Promise<Answer> {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: payload === undefined ? 'GET' : 'POST',
        headers: { [TOKEN_HEADER]: token, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

const api = async (host: Host, channel: string, input: unknown, session: string | null = null, requestId?: string) => {
  const answer = await local(host, `/api/${channel}`, { input, session, ...(requestId ? { requestId } : {}) });
  return {
    status: answer.status,
    result: answer.type.startsWith('application/json') ? (JSON.parse(answer.body) as Record<string, unknown>) : null,
  };
};

/** Resolves with the first event the station's screens are told that matches. */
function nextEvent(relay: StationRelay, match: (e: CoreEvent) => boolean): Promise<CoreEvent> {
  return new Promise((done) => {
    const stop = relay.events.subscribe((e) => {
      if (match(e)) {
        stop();
        done(e);
      }
    });
  });
}

describe('an app station (another install started with --station)', () => {
  let t: TestCore;
  let coord: string;
  let supervisor: StationSupervisor;
  let hubPort: number;
  let fingerprint: string;
  let rendererDir: string;

  const invite = async (name: string, role: ChannelInput<'stations.invite'>['role']): Promise<StationLink> => {
    const r = await t.call('stations.invite', { name, role }, coord);
    if (!r.ok) throw new Error(JSON.stringify(r));
    // The QR names the port the coordinator chose; the test's listener took a free one.
    return { ...parseStationLink((r.value as StationInvite).link)!, port: hubPort };
  };

  /** A station's data folder, relay and screens' host, as host/cli.ts starts them. */
  const startStation = async (dir: string, link?: StationLink) => {
    const relay = new StationRelay({ dataDir: dir, file: stationOf(dir, link)!, timeoutMs: 2000 });
    relay.start();
    const host = await startHost({ dispatch: relay.dispatch, rendererDir, token: TOKEN, events: relay.events, station: relay });
    return {
      relay,
      host,
      stop: async () => {
        await host.close();
        relay.close();
      },
    };
  };

  let hub: StationsHub;
  beforeAll(async () => {
    hub = await stationsHub();
    ({ t, coord, supervisor, fingerprint, rendererDir } = hub);
    hubPort = hub.port;
  });
  afterAll(async () => {
    // The test stops the hub's listener and starts another: close whichever runs now.
    hub.supervisor = supervisor;
    await hub.close();
  });

  it('pairs from the link, keeps its credential to itself, and its screens then use the hub as their core', async () => {
    const dir = tempDir('kiosk-station-');
    const link = await invite('Pickup 2', 'pickup');
    const station = await startStation(dir.path, link);
    try {
      // Before pairing the screens are told to pair, and calls are refused without reaching the hub.
      expect((await local(station.host, '/station/whoami')).status).toBe(401);
      expect((await api(station.host, 'site.status', {})).result).toMatchObject({ ok: false, error: { code: 'stations.revoked' } });
      // The page is told it is a station's (it shows pairing when not paired).
      expect((await local(station.host, '/')).body).toContain('<meta name="kiosk-station" content="app" />');

      const paired = await station.relay.pair(link.code);
      expect(paired).toEqual({ ok: true, value: { station: expect.objectContaining({ name: 'Pickup 2', role: 'pickup' }) } });
      const saved = readStationFile(dir.path)!;
      expect(saved.hub).toEqual({ address: LAN, port: hubPort, fingerprint });
      expect(saved.credential).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(dir.path, STATION_FILE)).mode & 0o777).toBe(0o600);
      // No site of its own: nothing but the station file in its folder.
      expect(existsSync(join(dir.path, 'kiosk.sqlite'))).toBe(false);

      expect((await local(station.host, '/station/whoami')).status).toBe(200);
      expect((await api(station.host, 'site.status', {})).result).toMatchObject({ ok: true, value: { setUp: true } });
      // The volunteer signs in with a PIN at the station; the role is checked at the hub.
      const login = await api(station.host, 'auth.login', { pin: '1234' });
      const session = (login.result as { value: { token: string } }).value.token;
      expect((await api(station.host, 'slip.day', {}, session)).result).toMatchObject({ ok: true });
      // A pickup station may not do the coordinator's work, whoever signs in there.
      expect((await api(station.host, 'stations.status', {}, session)).result).toMatchObject({
        ok: false,
        error: { code: 'stations.forbidden' },
      });
      // The hub knows the call came from this station.
      const status = await t.ok('stations.status', {}, coord);
      expect(status.stations.find((s) => s.name === 'Pickup 2')).toMatchObject({ lastSeen: expect.any(String), revokedAt: null });
    } finally {
      await station.stop();
      dir.remove();
    }
  });

  it('pairs from its screens with a code typed there, when the code in the link was used or late', async () => {
    const dir = tempDir('kiosk-station-');
    const used = await invite('Door', 'intake');
    const station = await startStation(dir.path, used);
    try {
      await station.relay.pair(used.code);
      // Started again with the same link: that code is spent, and the old credential stays.
      const again = await startStation(dir.path, used);
      expect(await again.relay.pair(used.code)).toMatchObject({ ok: false, error: { code: 'stations.bad_code' } });
      expect(await again.relay.whoami()).toBe(true);
      await again.stop();

      const fresh = await invite('Door', 'intake');
      const typed = await local(station.host, '/station/pair', { code: fresh.code.toLowerCase() });
      expect(typed.status).toBe(200);
      expect(JSON.parse(typed.body)).toEqual({ ok: true, value: { station: expect.objectContaining({ name: 'Door' }) } });
      // The page never sees the credential.
      expect(typed.body).not.toContain(readStationFile(dir.path)!.credential!);
      const wrong = await local(station.host, '/station/pair', { code: 'ZZZZZZ' });
      expect(wrong.status).toBe(403);
      expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'stations.bad_code' } });
      expect((await local(station.host, '/station/pair', { code: 12 })).status).toBe(400);
      // Without the page's token, a web page the station's browser opens can do nothing.
      expect((await local(station.host, '/station/pair', { code: fresh.code }, 'b'.repeat(64))).status).toBe(401);
      expect((await local(station.host, '/station/whoami', undefined, 'b'.repeat(64))).status).toBe(401);
    } finally {
      await station.stop();
      dir.remove();
    }
  });

  it('never talks to a hub whose certificate is not the one in the link, and the code stays unspent', async () => {
    const dir = tempDir('kiosk-station-');
    const link = await invite('Stock', 'stock');
    const impostor = { ...link, fingerprint: fingerprint.replace(/^../, fingerprint.startsWith('00') ? '11' : '00') };
    const station = await startStation(dir.path, impostor);
    try {
      expect(await station.relay.pair(link.code)).toMatchObject({ ok: false, error: { code: 'api.unreachable' } });
      expect(readStationFile(dir.path)!.credential).toBeNull();
    } finally {
      await station.stop();
    }
    const honest = await startStation(dir.path, link);
    try {
      expect(await honest.relay.pair(link.code)).toMatchObject({ ok: true });
    } finally {
      await honest.stop();
      dir.remove();
    }
  });

  it('tells its screens what happens at the hub, and a restarted station finds its hub and credential by itself', async () => {
    const dir = tempDir('kiosk-station-');
    const link = await invite('Waiting room', 'screen');
    const first = await startStation(dir.path, link);
    await first.relay.pair(link.code);
    await first.stop();

    // Started again with no --station: the folder says it is a station of that hub.
    const station = await startStation(dir.path);
    try {
      expect(station.relay.paired).toBe(true);
      const heard = nextEvent(station.relay, (e) => e.topic === 'queue');
      await station.relay.connection();
      t.core.events.publish({ topic: 'queue', channel: 'queue.call_next', at: '2026-12-04T10:00:00.000Z' });
      expect(await heard).toEqual({ topic: 'queue', channel: 'queue.call_next', at: '2026-12-04T10:00:00.000Z' });
    } finally {
      await station.stop();
      dir.remove();
    }
  });

  it('says the hub did not answer (no answer at all, so the page retries the same request), and after a revoke is refused', async () => {
    const dir = tempDir('kiosk-station-');
    const link = await invite('Pickup 9', 'pickup');
    const station = await startStation(dir.path, link);
    try {
      const connected = station.relay.connection();
      const paired = await station.relay.pair(link.code);
      const id = paired.ok ? paired.value.station.id : '';
      await connected;
      // The hub's listener stops (Wi-Fi lost, hub restarting): the page gets no contract answer.
      await supervisor.close();
      const lost = await api(station.host, 'site.status', {});
      expect(lost.status).toBe(500);
      expect(lost.result).toBeNull();
      // Not a reason to pair again.
      expect((await local(station.host, '/station/whoami')).status).toBe(200);
      // The hub is back on the same address: the station's screens are told to re-read everything.
      const back = station.relay.connection();
      const reread = nextEvent(station.relay, (e) => e.channel === 'station.reconnect' && e.topic === 'slips');
      supervisor = new StationSupervisor({
        dispatch: t.core.dispatch,
        stations: t.core.services.stations,
        events: t.core.events,
        rendererDir,
        port: hubPort,
      });
      await supervisor.reconcile();
      await back;
      await reread;
      expect((await api(station.host, 'site.status', {})).result).toMatchObject({ ok: true });
      expect(await t.call('stations.revoke', { id }, coord)).toMatchObject({ ok: true });
      expect((await api(station.host, 'site.status', {})).result).toMatchObject({ ok: false, error: { code: 'stations.revoked' } });
      expect((await local(station.host, '/station/whoami')).status).toBe(401);
    } finally {
      await station.stop();
      dir.remove();
    }
  });

  it('keeps a station out of a hub data folder, and names what is wrong with a damaged station file or link', () => {
    const hubDir = tempDir('kiosk-hub-');
    const dir = tempDir('kiosk-station-');
    try {
      writeFileSync(join(hubDir.path, 'kiosk.sqlite'), '');
      const link = { address: LAN, port: 47443, code: 'ABCD2345', fingerprint };
      expect(() => stationOf(hubDir.path, link)).toThrow(StationFileError);
      expect(stationOf(dir.path, undefined)).toBeNull();
      writeFileSync(
        join(dir.path, STATION_FILE),
        JSON.stringify({ version: 1, hub: { address: 'hub.example', port: 1, fingerprint }, credential: null }),
      );
      expect(() => readStationFile(dir.path)).toThrow(/damaged \(hub\.address\)/);
      writeFileSync(join(dir.path, STATION_FILE), '{ torn');
      expect(() => readStationFile(dir.path)).toThrow(StationFileError);
      // The link on the command line is read like any other argument.
      const text = `kiosk-station:${LAN}:47443/ABCD2345/${fingerprint.replaceAll(':', '')}`;
      expect(parseKioskArgs(['--station', text], { others: 'refuse' }).station).toEqual(link);
      expect(() => parseKioskArgs(['--station', 'https://127.0.0.2:47443/'], { others: 'refuse' })).toThrow(BootError);
      expect(() => parseKioskArgs(['--station', text.replace('47443', '99999')], { others: 'refuse' })).toThrow(/--station needs the link/);
      expect(() => parseKioskArgs(['--station'], { others: 'refuse' })).toThrow(/--station needs the link/);
    } finally {
      hubDir.remove();
      dir.remove();
    }
  });
});
