import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createCore, openDataDir, type Core } from '../../../src/core/index';
import { DEMO_PINS, seedDemo } from '../../../src/core/demo/seed';
import type { SyncthingEndpoint } from '../../../src/core/exchange/syncthing';
import { startHost } from '../../../src/host/server';
import { isolate, ltrIsolate } from '../../../src/shared/slips/bidi';
import { okCaller } from '../../support/core';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../../support/fixed';
import { expect, person, test } from './hub';
import { fakeSyncthing } from './pages/syncthing';
import type { DriveSource } from '../../../src/core/exchange/drives';

// Monday after close: Eastside's coordinator stops carrying the stick across town. First she
// trusts Northside from the bundle on last week's stick (it carries Northside's Syncthing device).
// Syncthing is not on the laptop yet (the desk says so, and that the stick still works); once it
// is, she turns sharing over the network on, shares the folder with Northside, lets what
// Northside sends apply at once, and sees Northside's file arrive and be applied. Taking trust away stops the sharing; giving it again
// offers it back.

const DEVICE_EAST = 'EASTEAS-EASTEAS-EASTEAS-EASTEAS-EASTEAS-EASTEAS-EASTEAS-EASTEAS';
const DEVICE_NORTH = 'NORTHNO-NORTHNO-NORTHNO-NORTHNO-NORTHNO-NORTHNO-NORTHNO-NORTHNO';

/** A hub on its own computer: a real core on its own SQLite file, its own host, its own Syncthing (or none yet). */
async function computer(name: string, at: number, syncthing: () => SyncthingEndpoint | null, drives?: DriveSource) {
  const dir = tempDir(`kiosk-journey-${name}-`);
  const clock = new FixedClock(at);
  const core: Core = createCore({
    db: openDataDir(dir.path),
    clock,
    ids: sequentialIds(clock, name),
    keys: seededKeys(name),
    network: { find: syncthing },
    ...(drives ? { drives } : {}),
  });
  const host = await startHost({ dispatch: core.dispatch, rendererDir: resolve('out/renderer'), token: randomBytes(32).toString('hex') });
  return {
    core,
    clock,
    url: host.url,
    dataDir: dir.path,
    close: async () => {
      await host.close();
      core.close();
      dir.remove();
    },
  };
}

/** What Syncthing does with a file that arrived: written under a temporary name, then renamed. */
function carry(from: string, to: string): void {
  for (const name of readdirSync(from).filter((n) => n.endsWith('.makshare'))) {
    copyFileSync(join(from, name), join(to, `.syncthing.${name}.tmp`));
    renameSync(join(to, `.syncthing.${name}.tmp`), join(to, name));
  }
}

const siteId = (core: Core) => core.ctx.db.prepare('SELECT id FROM site').pluck().get() as string;

const tab = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

for (const lng of ['en', 'ar'] as const) {
  test(`coordinator (${lng}): Syncthing missing said plainly, then sharing over the network turned on, a sister hub shared with, its file applied, each hub's status seen`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const monday = Date.UTC(2026, 10, 30, 15, 0, 0);
    const eastSyncthing = await fakeSyncthing(DEVICE_EAST);
    const northSyncthing = await fakeSyncthing(DEVICE_NORTH);
    let installed = false;
    // The stick Northside's coordinator handed over last week, with Northside's latest bundle on it.
    const usb = tempDir('kiosk-journey-stick-');
    const drives: DriveSource = {
      list: () => Promise.resolve([{ name: 'KINGSTON', path: usb.path, removable: true, freeBytes: 8e9, totalBytes: 16e9 }]),
      space: () => ({ freeBytes: 8e9, totalBytes: 16e9 }),
    };
    const east = await computer('eastside', monday, () => (installed ? eastSyncthing.endpoint : null), drives);
    const north = await computer('northside', monday - 3_600_000, () => northSyncthing.endpoint);
    const northFolder = tempDir('kiosk-journey-north-sync-');
    try {
      seedDemo(east.core.ctx, east.core.services.intake);
      east.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(lng);
      // Northside, across town, already shares over the network; its card (with its device) was
      // exchanged at the city meeting, and its latest file is in its folder.
      await okCaller(north.core)('site.setup', { name: 'Northside Pantry', languages: ['en', 'ar'], siteLanguage: lng, pin: '1234' }, null);
      const { token } = await okCaller(north.core)('auth.login', { pin: '1234' }, null);
      await okCaller(north.core)('network.configure', { enabled: true, folder: northFolder.path }, token);
      // Northside's bundle on the stick: it carries Northside's card, with its Syncthing device.
      const bundle = await okCaller(north.core)('exchange.export_share', { folder: usb.path }, token);
      const northSite = { id: siteId(north.core), name: 'Northside Pantry' };
      await okCaller(north.core)('network.sync', {}, token);

      const { w, touch, shots } = person(page, lng, `network-${lng}`);
      await page.goto(east.url);
      await touch.logIn(DEMO_PINS.coordinator);
      await touch.tap(touch.button(w('exchange:nav')));
      // First, the stick: she opens Northside's bundle and trusts Northside from its preview,
      // having compared the fingerprint with the one Northside read out.
      await touch.tap(tab(page, w('exchange:tabs.import')));
      await touch.tap(page.getByRole('radio', { name: /KINGSTON/ }));
      await touch.tap(touch.button(w('exchange:import.look')));
      await touch.tap(page.getByRole('button', { name: new RegExp(bundle.fileName.replace(/\./g, '\\.')) }));
      const trust = page.getByRole('button', { name: w('exchange:import.trust', { site: northSite.name }) });
      await touch.tap(trust);
      await expect(trust).toHaveCount(0);
      expect(east.core.ctx.db.prepare('SELECT trusted FROM known_sites WHERE id = ?').pluck().get(northSite.id)).toBe(1);
      await touch.tap(tab(page, w('exchange:tabs.sync')));

      // No Syncthing on this laptop yet: said plainly, with the stick still working.
      await expect(page.getByRole('status')).toHaveText(w('exchange:sync.notFound'));
      await shots.step('syncthing-missing');

      // She installs Syncthing (the packaging guide) and looks again: found, and where.
      installed = true;
      await touch.tap(tab(page, w('exchange:tabs.sites')));
      await touch.tap(tab(page, w('exchange:tabs.sync')));
      await expect(page.getByRole('status')).toHaveText(w('exchange:sync.found', { url: ltrIsolate(eastSyncthing.endpoint.url) }));
      const folder = page.getByLabel(w('exchange:sync.folder'));
      await expect(folder).toHaveValue(join(east.dataDir, 'network-exchange'));
      await shots.step('syncthing-found');
      await touch.tap(touch.button(w('exchange:sync.turnOn')));
      await expect(page.getByRole('status')).toHaveText(w('exchange:sync.running', { url: ltrIsolate(eastSyncthing.endpoint.url) }));
      await expect(page.getByText(DEVICE_EAST)).toBeVisible();

      // Northside's card carried its device: offered, and shared with at one tap.
      const hub = page.getByRole('article', { name: northSite.name });
      await expect(hub).toContainText(w('exchange:sync.offer'));
      await expect(hub).toContainText(w('exchange:sync.connection.no'));
      await shots.step('network-on');
      await touch.tap(hub.getByRole('button', { name: w('exchange:sync.link', { site: isolate(northSite.name) }) }));
      await expect(hub).toContainText(w('exchange:sync.linked'));
      await expect(hub).toContainText(w('exchange:sync.connection.yes'));
      expect([...eastSyncthing.devices.keys()]).toEqual([DEVICE_NORTH]);
      expect(eastSyncthing.folders.get('mak-exchange')!.devices.map((d) => d.deviceID)).toEqual([DEVICE_EAST, DEVICE_NORTH]);

      // What Northside sends is applied at once, not left waiting.
      const auto = hub.getByRole('button', { name: w('exchange:sync.applyAuto') });
      await touch.tap(auto);
      await expect(auto).toHaveAttribute('aria-pressed', 'true');
      await expect(hub).toContainText(`${w('exchange:sync.lastArrived')}${w('exchange:sync.never')}`);

      // Syncthing brings Northside's file; Share now sends ours and looks (a file is taken once it has settled).
      carry(northFolder.path, join(east.dataDir, 'network-exchange'));
      await touch.tap(touch.button(w('exchange:sync.shareNow')));
      await expect(
        page.getByText(w('exchange:sync.shared', { file: ltrIsolate(`hub-${siteId(east.core)}.makshare`), n: 0 })),
      ).toBeVisible();
      east.clock.advance(60_000);
      await touch.tap(touch.button(w('exchange:sync.shareNow')));
      await expect(
        page.getByText(w('exchange:sync.shared', { file: ltrIsolate(`hub-${siteId(east.core)}.makshare`), n: 1 })),
      ).toBeVisible();
      // The moment as the screen's own browser writes it in this language.
      const when = await page.evaluate(
        ([iso, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso!)),
        [east.clock.now().toISOString(), lng],
      );
      await expect(hub).toContainText(`${w('exchange:sync.lastArrived')}${when}`);
      await expect(hub).toContainText(`${w('exchange:sync.lastApplied')}${when}`);
      await expect(page.getByRole('region', { name: w('exchange:sync.arrivals') })).toContainText(w('exchange:sync.arrival.applied'));
      // She scrolls down to Northside's card to read it.
      await hub.scrollIntoViewIfNeeded();
      await shots.step('network-status');
      expect(readdirSync(join(east.dataDir, 'network-exchange')).sort()).toEqual(
        [`hub-${siteId(north.core)}.makshare`, `hub-${siteId(east.core)}.makshare`].sort(),
      );
      expect(
        east.core.ctx.db
          .prepare("SELECT COUNT(*) FROM exchange_arrivals WHERE status = 'applied' AND site_id = ?")
          .pluck()
          .get(northSite.id),
      ).toBe(1);

      // Trust taken away: the folder is no longer shared with Northside's device.
      await touch.tap(tab(page, w('exchange:tabs.sites')));
      const known = page.getByRole('listitem').filter({ hasText: northSite.name });
      await touch.tap(known.getByRole('button', { name: w('exchange:sites.untrust') }));
      await expect(known).toContainText(w('exchange:status.untrusted'));
      expect([...eastSyncthing.devices.keys()]).toEqual([]);
      expect(eastSyncthing.folders.get('mak-exchange')!.devices.map((d) => d.deviceID)).toEqual([DEVICE_EAST]);
      // Trusted again: sharing with its device is offered, not done behind her back.
      await touch.tap(known.getByRole('button', { name: w('exchange:sites.retrust') }));
      const offer = page.getByRole('group', { name: w('exchange:sync.offerTitle') });
      await expect(offer).toContainText(w('exchange:sync.offerTrusted', { site: isolate(northSite.name) }));
      expect([...eastSyncthing.devices.keys()]).toEqual([]);
      await shots.step('offer-after-trust');
      await touch.tap(offer.getByRole('button', { name: w('exchange:sync.link', { site: isolate(northSite.name) }) }));
      await expect(page.getByRole('status')).toHaveText(w('exchange:sync.linkedNow', { site: isolate(northSite.name) }));
      expect([...eastSyncthing.devices.keys()]).toEqual([DEVICE_NORTH]);

      // Trust taken away once more, and given back where hubs usually meet: a bundle on the
      // stick. The Import tab offers the sharing right there, beside the trust she just gave.
      await touch.tap(known.getByRole('button', { name: w('exchange:sites.untrust') }));
      await expect(known).toContainText(w('exchange:status.untrusted'));
      expect([...eastSyncthing.devices.keys()]).toEqual([]);
      await touch.tap(tab(page, w('exchange:tabs.import')));
      await touch.tap(touch.button(w('exchange:import.look')));
      await touch.tap(page.getByRole('button', { name: new RegExp(bundle.fileName.replace(/\./g, '\\.')) }));
      const trustAgain = page.getByRole('button', { name: w('exchange:import.trust', { site: northSite.name }) });
      await touch.tap(trustAgain);
      await expect(trustAgain).toHaveCount(0);
      const importOffer = page.getByRole('group', { name: w('exchange:sync.offerTitle') });
      await expect(importOffer).toContainText(w('exchange:sync.offerTrusted', { site: isolate(northSite.name) }));
      await expect(importOffer).toBeInViewport();
      expect([...eastSyncthing.devices.keys()]).toEqual([]);
      await shots.step('offer-after-trust-from-bundle');
      await touch.tap(importOffer.getByRole('button', { name: w('exchange:sync.link', { site: isolate(northSite.name) }) }));
      await expect(
        page.getByRole('status').filter({ hasText: w('exchange:sync.linkedNow', { site: isolate(northSite.name) }) }),
      ).toBeVisible();
      await expect(importOffer).toHaveCount(0);
      expect([...eastSyncthing.devices.keys()]).toEqual([DEVICE_NORTH]);
    } finally {
      await east.close();
      await north.close();
      northFolder.remove();
      usb.remove();
      await eastSyncthing.close();
      await northSyncthing.close();
    }
  });
}
