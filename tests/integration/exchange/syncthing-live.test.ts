import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportLogEntry, KnownSite, SiteCard } from '../../../src/shared/api/channels/exchange';
import type { Arrival, NetworkStatus } from '../../../src/shared/api/channels/network';
import { networkFileName } from '../../../src/core/exchange/network-sync';
import { startSyncthing, syncthingBinary, waitFor, type LiveSyncthing } from '../../support/syncthing';
import { tempDir } from '../../support/fixed';
import { makeSite, type Site } from './support';

/*
 * Three real Syncthing instances on 127.0.0.1, each with its own home, configured before their
 * first start to reach nothing but each other (tests/support/syncthing.ts). Hub A's bundle
 * reaches B, which applies it; B's bundle carries A's records on to C. Skipped, saying so, only
 * where the binary is missing (CI installs it with apt-get).
 */
const bin = syncthingBinary();
if (!bin) console.warn('syncthing-live: no syncthing binary on this machine (apt-get install syncthing); the live network test is skipped');

describe.skipIf(!bin)('three hubs over real Syncthing on loopback', () => {
  const tmp = tempDir('kiosk-st-');
  const st: Record<'a' | 'b' | 'c', LiveSyncthing> = {} as never;
  const hub: Record<'a' | 'b' | 'c', Site> = {} as never;
  const folder = (k: 'a' | 'b' | 'c') => join(tmp.path, `exchange-${k}`);

  beforeAll(async () => {
    const names = { a: 'Eastside Hub', b: 'Northside Pantry', c: 'Riverside Commons' } as const;
    const started = await Promise.all((['a', 'b', 'c'] as const).map((k) => startSyncthing(bin!, join(tmp.path, `st-${k}`))));
    (['a', 'b', 'c'] as const).forEach((k, i) => (st[k] = started[i]!));
    const addressOf = new Map(started.map((s) => [s.deviceId, [s.address]]));
    for (const k of ['a', 'b', 'c'] as const) {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(folder(k));
      hub[k] = await makeSite(names[k], {
        demo: k === 'a',
        network: { find: () => ({ url: st[k].url, apiKey: st[k].apiKey }), addressesOf: (d) => addressOf.get(d) ?? [] },
      });
      await hub[k].call('network.configure', { enabled: true, folder: folder(k) });
    }
    const card = async (k: 'a' | 'b' | 'c') => (await hub[k].call<SiteCard>('exchange.card', {})).text;
    const link = async (at: 'a' | 'b' | 'c', of: 'a' | 'b' | 'c', auto: boolean) => {
      const known = await hub[at].call<KnownSite>('exchange.add_card', { code: await card(of) });
      await hub[at].call('network.link', { siteId: known.id, linked: true });
      if (auto) await hub[at].call('network.auto_apply', { siteId: known.id, autoApply: true });
    };
    // A ↔ B ↔ C over Syncthing; C trusts A's key (to accept A's records relayed by B) but shares nothing with A.
    await link('a', 'b', false);
    await link('b', 'a', true);
    await link('b', 'c', false);
    await link('c', 'b', true);
    await hub.c.call('exchange.add_card', { code: await card('a') });
  }, 60_000);

  afterAll(async () => {
    for (const h of Object.values(hub)) h.dispose();
    await Promise.all(Object.values(st).map((s) => s.stop()));
    tmp.remove();
  });

  const connected = async (k: 'a' | 'b' | 'c', n: number) =>
    (await hub[k].call<NetworkStatus>('network.status', {})).hubs.filter((h) => h.connected).length >= n;
  /** Looks until a bundle has settled and been taken: the kiosk's own poller does the same every few seconds. */
  const arrivalAt = async (k: 'a' | 'b' | 'c', fileName: string): Promise<Arrival> => {
    let found: Arrival | undefined;
    await waitFor(
      async () => {
        // Only a look (network.sync would also export, and a bundle sent too early would travel on).
        await hub[k].core.services.network.poll();
        found = (await hub[k].call<NetworkStatus>('network.status', {})).arrivals.find((x) => x.fileName === fileName);
        return found !== undefined;
      },
      25_000,
      `${fileName} to arrive at ${k}`,
    );
    return found!;
  };

  it('A exports, B applies it, C gets A’s records relayed by B; a tampered or half-written file is never applied', async () => {
    await waitFor(() => connected('b', 2), 20_000, 'B to connect to A and C');
    expect((await hub.b.call<NetworkStatus>('network.status', {})).state).toBe('running');

    await hub.a.call('network.sync', {});
    const fromA = await arrivalAt('b', networkFileName(hub.a.id));
    expect(fromA).toMatchObject({ siteId: hub.a.id, status: 'applied' });
    const aItems = hub.a.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(hub.a.id) as number;
    expect(hub.b.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(hub.a.id)).toBe(aItems);

    await hub.b.call('network.sync', {});
    const fromB = await arrivalAt('c', networkFileName(hub.b.id));
    expect(fromB).toMatchObject({ siteId: hub.b.id, status: 'applied' });
    expect(hub.c.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(hub.a.id)).toBe(aItems);
    const log = await hub.c.call<ImportLogEntry[]>('exchange.log', {});
    expect(log[0]).toMatchObject({ siteId: hub.b.id });
    expect(log[0]!.origins.map((o) => o.id)).toContain(hub.a.id);

    // A tampered copy of A's bundle placed in B's folder: refused and logged, nothing applied.
    const buf = readFileSync(join(folder('b'), networkFileName(hub.a.id)));
    buf[buf.length - 20]! ^= 1;
    const before = hub.b.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_imports').pluck().get();
    writeFileSync(join(folder('b'), 'tampered.makshare'), buf);
    expect(await arrivalAt('b', 'tampered.makshare')).toMatchObject({ status: 'refused', reason: 'exchange.checksum' });
    expect(hub.b.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_imports').pluck().get()).toBe(before);

    // A file Syncthing is still receiving keeps its temporary name and is never read.
    writeFileSync(join(folder('b'), '.syncthing.hub-x.makshare.tmp'), buf.subarray(0, 100));
    await hub.b.call('network.sync', {});
    await hub.b.call('network.sync', {});
    expect(hub.b.core.ctx.db.prepare("SELECT COUNT(*) FROM exchange_arrivals WHERE file_name LIKE '%syncthing%'").pluck().get()).toBe(0);
    expect(existsSync(join(folder('b'), '.syncthing.hub-x.makshare.tmp'))).toBe(true);
  }, 60_000);
});
