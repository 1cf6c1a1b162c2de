import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { issueSlip, onHand, stockItem } from '../../support/slips';
import { stationMayCall } from '../../../src/core/stations/station-access';
import type { CoreEvent } from '../../../src/shared/api/events';
import type { StationInvite } from '../../../src/shared/api/channels/stations';
import type { ChannelInput } from '../../../src/shared/api/contract';

describe('stations in core: configure, invite, pair, revoke', () => {
  let t: TestCore;
  let coord: string;
  beforeEach(async () => {
    t = makeCore();
    coord = await t.setUp();
  });
  afterEach(() => t.dispose());

  const invite = async (name = 'Pickup 2', role: ChannelInput<'stations.invite'>['role'] = 'pickup') => {
    const r = await t.call('stations.invite', { name, role }, coord);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as StationInvite;
  };

  it('is off by default, and an invite needs stations turned on', async () => {
    const status = await t.call('stations.status', {}, coord);
    expect(status).toMatchObject({ ok: true, value: { enabled: false, fingerprint: null, stations: [] } });
    expect(await t.call('stations.invite', { name: 'Kiosk 2', role: 'intake' }, coord)).toMatchObject({
      ok: false,
      error: { code: 'stations.off' },
    });
    expect(t.core.services.stations.listener()).toBeNull();
  });

  it('only a coordinator turns stations on', async () => {
    expect(await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 })).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  it('pairs a station once per code, then knows it by its credential until revoked', async () => {
    const on = await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    expect(on).toMatchObject({ ok: true, value: { enabled: true, address: '127.0.0.2', port: 47443 } });
    const inv = await invite();
    expect(inv.link).toBe(`kiosk-station:127.0.0.2:47443/${inv.code}/${inv.fingerprint.replaceAll(':', '')}`);
    expect(inv.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{10}$/);
    const paired = t.core.services.stations.pair(inv.code.toLowerCase());
    expect(paired.station).toMatchObject({ name: 'Pickup 2', role: 'pickup' });
    // Reused: refused.
    expect(() => t.core.services.stations.pair(inv.code)).toThrow(expect.objectContaining({ code: 'stations.bad_code' }));
    expect(t.core.services.stations.authenticate(paired.credential)).toMatchObject({ id: paired.station.id, role: 'pickup' });
    expect(t.core.services.stations.authenticate('0'.repeat(64))).toBeNull();
    // The database keeps only a hash of the credential.
    const stored = t.core.ctx.db.prepare('SELECT credential_hash FROM stations').get() as { credential_hash: Buffer };
    expect(Buffer.from(stored.credential_hash).toString('hex')).not.toContain(paired.credential);

    const revoked = await t.call('stations.revoke', { id: paired.station.id }, coord);
    expect(revoked).toMatchObject({ ok: true, value: { stations: [{ id: paired.station.id, revokedAt: expect.any(String) }] } });
    expect(t.core.services.stations.authenticate(paired.credential)).toBeNull();
  });

  it('a pairing code expires after ten minutes', async () => {
    await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    const inv = await invite();
    t.clock.advance(10 * 60_000);
    expect(() => t.core.services.stations.pair(inv.code)).toThrow(expect.objectContaining({ code: 'stations.bad_code' }));
  });

  it('guessing is throttled: after five wrong codes even the right one waits', async () => {
    await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    const inv = await invite();
    for (let i = 0; i < 5; i += 1)
      expect(() => t.core.services.stations.pair(`WRONG${i}CODE`)).toThrow(expect.objectContaining({ code: 'stations.bad_code' }));
    expect(() => t.core.services.stations.pair(inv.code)).toThrow(
      expect.objectContaining({ code: 'stations.code_wait', params: { seconds: 30 } }),
    );
    t.clock.advance(30_000);
    expect(t.core.services.stations.pair(inv.code).station.name).toBe('Pickup 2');
  });

  it('turning stations off refuses every station credential and forgets open codes', async () => {
    await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    const inv = await invite();
    const other = await invite('Screen', 'screen');
    const paired = t.core.services.stations.pair(inv.code);
    await t.call('stations.configure', { enabled: false, address: '127.0.0.2', port: 47443 }, coord);
    expect(t.core.services.stations.authenticate(paired.credential)).toBeNull();
    await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    expect(() => t.core.services.stations.pair(other.code)).toThrow(expect.objectContaining({ code: 'stations.bad_code' }));
  });

  it('keeps the certificate while the address is the same, and makes a new one for a new address', async () => {
    const a = await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47443 }, coord);
    const b = await t.call('stations.configure', { enabled: true, address: '127.0.0.2', port: 47444 }, coord);
    const c = await t.call('stations.configure', { enabled: true, address: '127.0.0.3', port: 47444 }, coord);
    const fp = (r: typeof a) => (r.ok ? (r.value as { fingerprint: string }).fingerprint : null);
    expect(fp(a)).toBe(fp(b));
    expect(fp(c)).not.toBe(fp(b));
  });

  it('a waiting-room screen may call only public channels; no station runs the hub itself', () => {
    expect(stationMayCall('screen', 'queue.now_serving', 'public')).toBe(true);
    expect(stationMayCall('screen', 'slip.redeem', ['intake', 'coordinator'])).toBe(false);
    expect(stationMayCall('pickup', 'slip.redeem', ['intake', 'coordinator'])).toBe(true);
    expect(stationMayCall('pickup', 'stations.invite', ['coordinator'])).toBe(false);
    expect(stationMayCall('stock', 'exchange.export_share', ['coordinator'])).toBe(false);
    expect(stationMayCall('pickup', 'shell.quit', ['coordinator'])).toBe(false);
    // A station prints its own slips and receipts (its own page, its own printer).
    expect(stationMayCall('intake', 'shell.print', 'public')).toBe(true);
    expect(stationMayCall('pickup', 'shell.printers', ['intake', 'stock', 'coordinator'])).toBe(true);
  });
});

describe('request ids and the event channel', () => {
  let t: TestCore;
  let coord: string;
  beforeEach(async () => {
    t = makeCore();
    coord = await t.setUp();
  });
  afterEach(() => t.dispose());

  it('a redemption sent twice with one request id is applied once and answered the same', async () => {
    const rice = stockItem(t.core, 'rice', [{ qty: 10, expiresOn: '2027-01-01' }]);
    const slip = issueSlip(t.core, [{ itemId: rice, qty: 2 }]);
    const env = { input: { slipId: slip.id, table: 'A' }, session: coord, requestId: 'req-redeem-1' };
    const [first, overlapping] = await Promise.all([t.core.dispatch('slip.redeem', env), t.core.dispatch('slip.redeem', env)]);
    const later = await t.core.dispatch('slip.redeem', env);
    expect(first.ok).toBe(true);
    expect(overlapping).toEqual(first);
    expect(later).toEqual(first);
    expect(onHand(t.core, rice)).toBe(8);
    // A different request for the same slip is a second scan: refused plainly.
    expect(await t.core.dispatch('slip.redeem', { ...env, requestId: 'req-redeem-2' })).toMatchObject({
      ok: false,
      error: { code: 'slip.already_redeemed' },
    });
    // A request id is for one call only.
    expect(
      await t.core.dispatch('slip.void', { input: { slipId: slip.id, reason: 'test' }, session: coord, requestId: 'req-redeem-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
  });

  it('a refused write is not remembered: the same request may be tried again', async () => {
    const env = { input: { slipId: 'A'.repeat(22), table: 'A' }, session: null, requestId: 'req-no-session' };
    expect(await t.core.dispatch('slip.redeem', env)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM request_log').get()).toEqual({ n: 0 });
  });

  it('tells subscribers what changed after each successful write, and nothing after a read or a refusal', async () => {
    const seen: CoreEvent[] = [];
    const stop = t.core.events.subscribe((e) => seen.push(e));
    const rice = stockItem(t.core, 'rice', [{ qty: 10, expiresOn: '2027-01-01' }]);
    const slip = issueSlip(t.core, [{ itemId: rice, qty: 2 }]);
    await t.call('slip.lookup', { code: slip.shortCode }, coord);
    await t.call('slip.redeem', { slipId: slip.id }, null);
    expect(seen).toEqual([]);
    await t.call('slip.redeem', { slipId: slip.id }, coord);
    expect(seen.map((e) => e.topic)).toEqual(['slips', 'queue', 'stock']);
    expect(seen[0]).toEqual({ topic: 'slips', channel: 'slip.redeem', at: t.clock.now().toISOString() });
    stop();
    await t.call('queue.call_next', {}, coord);
    expect(seen).toHaveLength(3);
  });
});
