import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownSite, SiteCard, WrittenFile } from '../../../src/shared/api/channels/exchange';
import type { Arrival, NetworkSettings, NetworkStatus } from '../../../src/shared/api/channels/network';
import { fakeSyncthing } from './fake-syncthing';
import { isCandidateName } from '../../../src/core/exchange/watcher';
import { makeSite, stick, type Site } from './support';

const DEV_A = 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA';
const DEV_B = 'BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function hub(name: string, device: string, found: boolean, demo = false) {
  const st = fakeSyncthing(device);
  const s = await makeSite(name, {
    demo,
    network: { syncthing: () => st.client(), find: () => (found ? { url: 'http://127.0.0.1:8384', apiKey: 'k' } : null) },
  });
  cleanup.push(() => s.dispose());
  return { s, st };
}
function sharedFolder(): string {
  const f = stick();
  cleanup.push(() => f.remove());
  return f.path;
}
/** Two looks, as the poller makes them: a file is read only once it has settled. */
async function settle(s: Site): Promise<Arrival[]> {
  await s.call('network.sync', {});
  return s.call<{ arrivals: Arrival[] }>('network.sync', {}).then((r) => r.arrivals);
}

describe('sharing over the network (Syncthing as carrier)', () => {
  it('says plainly when there is no Syncthing, and the stick keeps working', async () => {
    const { s } = await hub('Eastside Hub', DEV_A, false, true);
    const folder = sharedFolder();
    const r = await s.raw('network.configure', { enabled: true, folder });
    expect(r.ok ? null : r.error.code).toBe('network.syncthing_missing');
    expect((await s.call<NetworkSettings>('network.settings', {})).found).toBe(false);
    expect((await s.call<NetworkStatus>('network.status', {})).state).toBe('off');
    const w = await s.call<WrittenFile>('exchange.export_share', { folder });
    expect(w.verified).toBe(true);
    const far = await s.raw('network.configure', { enabled: true, folder, apiUrl: 'http://192.168.1.5:8384', apiKey: 'k' });
    expect(far.ok ? null : far.error.code).toBe('network.bad_address');
  });

  it('offers a folder of its own and says where the Syncthing found is, so nothing need be typed', async () => {
    const { s } = await hub('Eastside Hub', DEV_A, true);
    const before = await s.call<NetworkSettings>('network.settings', {});
    expect(before).toMatchObject({
      enabled: false,
      found: true,
      apiUrl: 'http://127.0.0.1:8384',
      suggestedFolder: join(s.dir, 'data', 'network-exchange'),
    });
    // A typed folder that is not there is refused, and not made.
    const typo = join(s.dir, 'data', 'netwrok');
    const r = await s.raw('network.configure', { enabled: true, folder: typo });
    expect(r.ok ? null : r.error.code).toBe('exchange.folder_missing');
    expect(existsSync(typo)).toBe(false);
    const on = await s.call<NetworkSettings>('network.configure', { enabled: true, folder: before.suggestedFolder! });
    expect(on).toMatchObject({ enabled: true, folder: before.suggestedFolder, deviceId: DEV_A });
    expect(existsSync(before.suggestedFolder!)).toBe(true);
  });

  it('the card carries the device; trusting it offers the device, linking shares the folder, untrusting removes it', async () => {
    const a = await hub('Eastside Hub', DEV_A, true, true);
    const b = await hub('Northside Pantry', DEV_B, true);
    const folder = sharedFolder();
    await a.s.call('network.configure', { enabled: true, folder });
    const card = await a.s.call<SiteCard>('exchange.card', {});
    expect(JSON.parse(card.text)).toMatchObject({ syncthing: DEV_A });
    const known = await b.s.call<KnownSite>('exchange.add_card', { code: card.text });
    await b.s.call('network.configure', { enabled: true, folder });
    let st = await b.s.call<NetworkStatus>('network.status', {});
    expect(st.hubs).toEqual([expect.objectContaining({ siteId: known.id, deviceId: DEV_A, linked: false, connected: false })]);
    expect(b.st.devices.has(DEV_A)).toBe(false);
    await b.s.call('network.link', { siteId: known.id, linked: true });
    expect(b.st.devices.get(DEV_A)).toMatchObject({ deviceID: DEV_A, name: 'Eastside Hub', autoAcceptFolders: false });
    expect(b.st.folders.get('mak-exchange')!.devices.map((d) => d.deviceID)).toEqual([DEV_B, DEV_A]);
    b.st.connected.add(DEV_A);
    st = await b.s.call<NetworkStatus>('network.status', {});
    expect(st.hubs[0]).toMatchObject({ linked: true, connected: true });
    await b.s.call('exchange.set_trust', { siteId: known.id, trusted: false });
    expect(b.st.devices.has(DEV_A)).toBe(false);
    expect(b.st.folders.get('mak-exchange')!.devices.map((d) => d.deviceID)).toEqual([DEV_B]);
    // An older card, with no device, still reads.
    const old = { ...JSON.parse(card.text), syncthing: undefined };
    expect((await b.s.raw('exchange.add_card', { code: JSON.stringify(old) })).ok).toBe(true);
  });

  it('a bundle carries its signer’s device: trusting the hub from the preview offers sharing with it, as its card would', async () => {
    const a = await hub('Eastside Hub', DEV_A, true, true);
    const b = await hub('Northside Pantry', DEV_B, true);
    const folder = sharedFolder();
    await a.s.call('network.configure', { enabled: true, folder });
    await b.s.call('network.configure', { enabled: true, folder });
    // On a stick, not over the network: Northside has never seen Eastside's card.
    const usb = sharedFolder();
    const w = await a.s.call<WrittenFile>('exchange.export_share', { folder: usb });
    expect((await b.s.call<NetworkStatus>('network.status', {})).hubs).toEqual([]);
    await b.s.call('exchange.trust_from_bundle', { folder: usb, name: w.fileName, siteId: a.s.id });
    expect((await b.s.call<NetworkStatus>('network.status', {})).hubs).toEqual([
      expect.objectContaining({ siteId: a.s.id, deviceId: DEV_A, linked: false }),
    ]);
    await b.s.call('network.link', { siteId: a.s.id, linked: true });
    expect(b.st.devices.get(DEV_A)).toMatchObject({ deviceID: DEV_A, name: 'Eastside Hub' });
  });

  it('a hub that does not share over the network signs bundles whose card has no device', async () => {
    const a = await hub('Eastside Hub', DEV_A, true, true);
    const b = await hub('Northside Pantry', DEV_B, true);
    await b.s.call('network.configure', { enabled: true, folder: sharedFolder() });
    const usb = sharedFolder();
    const w = await a.s.call<WrittenFile>('exchange.export_share', { folder: usb });
    await b.s.call('exchange.trust_from_bundle', { folder: usb, name: w.fileName, siteId: a.s.id });
    expect((await b.s.call<NetworkStatus>('network.status', {})).hubs).toEqual([
      expect.objectContaining({ siteId: a.s.id, deviceId: null }),
    ]);
  });

  it('exports into the folder, and arrivals wait for a look or apply automatically, each one logged', async () => {
    const a = await hub('Eastside Hub', DEV_A, true, true);
    const b = await hub('Northside Pantry', DEV_B, true);
    const folder = sharedFolder();
    await a.s.call('network.configure', { enabled: true, folder });
    await b.s.call('network.configure', { enabled: true, folder });
    const known = await b.s.call<KnownSite>('exchange.add_card', { code: (await a.s.call<SiteCard>('exchange.card', {})).text });

    await a.s.call('network.sync', {});
    expect(readdirSync(folder)).toEqual([`hub-${a.s.id}.makshare`]);
    // Waits for a look: the hub is trusted but not set to apply automatically.
    expect(await settle(b.s)).toEqual([expect.objectContaining({ siteId: a.s.id, status: 'waiting', reason: 'review' })]);
    expect(b.s.core.ctx.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
    expect(await settle(b.s)).toEqual([]); // the same file is not taken twice

    await b.s.call('network.auto_apply', { siteId: known.id, autoApply: true });
    a.s.clock.advance(60_000);
    a.s.core.ctx.db
      .prepare("UPDATE item_names SET name = name || ' (fresh)' WHERE item_id IN (SELECT id FROM items LIMIT 1) AND locale = 'en'")
      .run();
    await a.s.call('network.sync', {});
    b.s.clock.advance(120_000);
    const applied = await settle(b.s);
    expect(applied).toEqual([expect.objectContaining({ siteId: a.s.id, status: 'applied', reason: null })]);
    expect(b.s.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(a.s.id)).toBeGreaterThan(20);
    const st = await b.s.call<NetworkStatus>('network.status', {});
    expect(st.hubs[0]).toMatchObject({
      siteId: a.s.id,
      autoApply: true,
      lastArrivedAt: b.s.clock.now().toISOString(),
      lastAppliedAt: b.s.clock.now().toISOString(),
    });
    expect(st.arrivals.map((x) => x.status)).toEqual(['applied', 'waiting']);
    expect((await b.s.call<unknown[]>('exchange.log', {})).length).toBe(1);

    // A tampered copy placed in the folder: refused and logged, nothing applied.
    const buf = readFileSync(join(folder, `hub-${a.s.id}.makshare`));
    buf[buf.length - 10]! ^= 1;
    writeFileSync(join(folder, 'tampered.makshare'), buf);
    const items = () => b.s.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_records').pluck().get();
    const before = items();
    const refused = await settle(b.s);
    expect(refused).toEqual([expect.objectContaining({ fileName: 'tampered.makshare', status: 'refused', reason: 'exchange.checksum' })]);
    expect(b.s.core.ctx.db.prepare("SELECT COUNT(*) FROM exchange_arrivals WHERE status = 'refused'").pluck().get()).toBe(1);
    expect(items()).toBe(before);
  });

  it('never reads a file Syncthing or an export is still writing, nor one still growing', async () => {
    const a = await hub('Eastside Hub', DEV_A, true, true);
    const b = await hub('Northside Pantry', DEV_B, true);
    const folder = sharedFolder();
    await b.s.call('network.configure', { enabled: true, folder });
    await b.s.call('exchange.add_card', { code: (await a.s.call<SiteCard>('exchange.card', {})).text });
    const w = await a.s.call<WrittenFile>('exchange.export_share', { folder: sharedFolder() });
    const whole = readFileSync(w.path);
    for (const name of ['.syncthing.hub-x.makshare.tmp', '~syncthing~hub-x.makshare.tmp', '.hub-x.makshare.123-abc.part'])
      writeFileSync(join(folder, name), whole);
    expect(
      ['.syncthing.a.makshare.tmp', '~syncthing~a.makshare.tmp', '.a.makshare.1.part', 'a.makshare.tmp', 'a.makshare'].map(isCandidateName),
    ).toEqual([false, false, false, false, true]);
    const growing = join(folder, 'copying.makshare');
    writeFileSync(growing, whole.subarray(0, 1000));
    expect((await b.s.call<{ arrivals: Arrival[] }>('network.sync', {})).arrivals).toEqual([]);
    writeFileSync(growing, whole.subarray(0, 5000));
    utimesSync(growing, new Date(), new Date(Date.now() + 5000));
    expect((await b.s.call<{ arrivals: Arrival[] }>('network.sync', {})).arrivals).toEqual([]);
    expect(b.s.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_arrivals').pluck().get()).toBe(0);
    // Once it is whole and settled, it is read, and only then.
    writeFileSync(growing, whole);
    expect(await settle(b.s)).toEqual([expect.objectContaining({ fileName: 'copying.makshare', status: 'waiting' })]);
  });
});
