import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createCore, openDataDir, type Core } from '../../../src/core/index';
import { DEMO_PINS, seedDemo } from '../../../src/core/demo/seed';
import type { DriveSource } from '../../../src/core/exchange/drives';
import { startHost } from '../../../src/host/server';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../../support/fixed';
import { expect, person, test } from './hub';
import { signSide } from './pages/reading';
import type { Touch } from './pages/touch';
import type { Words } from './pages/words';

// 14:00, after close: the coordinator counts the rice shelf, exports a share bundle to a USB
// stick that is nearly full, imports it at the sister hub; and the next Friday the laptop's disk
// dies and the last backup on the stick brings the hub back on a new computer.

/** One USB stick, KINGSTON, a real folder; its free space is what the test says. */
function stick() {
  const dir = tempDir('kiosk-journey-stick-');
  // 20 kB free: less than a share bundle needs.
  const state = { freeBytes: 20_000 };
  const drives: DriveSource = {
    list: () => Promise.resolve([{ name: 'KINGSTON', path: dir.path, removable: true, freeBytes: state.freeBytes, totalBytes: 16e9 }]),
    space: () => ({ freeBytes: state.freeBytes, totalBytes: 16e9 }),
  };
  return { path: dir.path, drives, state, remove: dir.remove };
}

/** A hub on its own computer: a real core on its own SQLite file, and its own host. */
async function computer(name: string, at: number, drives: DriveSource) {
  const dir = tempDir(`kiosk-journey-${name}-`);
  const clock = new FixedClock(at);
  const core: Core = createCore({ db: openDataDir(dir.path), clock, ids: sequentialIds(clock, name), keys: seededKeys(name), drives });
  const host = await startHost({ dispatch: core.dispatch, rendererDir: resolve('out/renderer'), token: randomBytes(32).toString('hex') });
  return {
    core,
    url: host.url,
    close: async () => {
      await host.close();
      core.close();
      dir.remove();
    },
  };
}

/** At least 10 characters, as the backup asks. */
const PASSPHRASE = 'beans rice';

const count = (core: Core, sql: string) => (core.ctx.db.prepare(sql).get() as { n: number }).n;

async function openExchange(touch: Touch, w: Words, pin = DEMO_PINS.coordinator): Promise<void> {
  await touch.logIn(pin);
  await touch.tap(touch.button(w('exchange:nav')));
}

async function chooseStick(page: Page, touch: Touch): Promise<void> {
  await touch.tap(page.getByRole('radio', { name: /KINGSTON/ }));
}

for (const lng of ['en', 'ar'] as const) {
  test(`coordinator (${lng}): a count with an adjustment, a bundle to the sister hub, a backup restored on a new computer`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const usb = stick();
    const saturday = Date.UTC(2026, 10, 28, 14, 0, 0);
    const hub = await computer('eastside', saturday, usb.drives);
    seedDemo(hub.core.ctx, hub.core.services.intake);
    hub.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(lng);
    const sister = await computer('northside', saturday + 3_600_000, usb.drives);
    const setup = await sister.core.dispatch('site.setup', {
      input: { name: 'Northside Pantry', languages: ['en', 'ar'], siteLanguage: lng, pin: '1234' },
    });
    expect(setup.ok).toBe(true);
    const fresh = await computer('new-laptop', Date.UTC(2026, 11, 4, 9, 0, 0), usb.drives);
    try {
      const { w, touch, shots } = person(page, lng, `coordinator-${lng}`);
      await page.goto(hub.url);

      // The rice shelf: one lot counted 2 short. One confirm; the difference is an adjustment.
      await touch.logIn(DEMO_PINS.coordinator);
      await touch.tap(touch.button(w('inventory:nav')));
      await touch.tap(touch.button(w('inventory:tabs.count')));
      const search = page.getByLabel(w('inventory:stock.search'));
      await touch.tapText(search, lng === 'en' ? 'Rice' : 'أرز');
      const riceId = hub.core.services.intake.catalog('en').find((i) => i.name === 'Rice, 5 kg')!.id;
      const rice = hub.core.services.intake.catalog(lng).find((i) => i.id === riceId)!.name;
      const counts = page.getByRole('spinbutton', {
        name: new RegExp(`^${w('inventory:count.countedFor', { name: rice }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
      });
      await expect(counts).toHaveCount(2);
      const inSystem = hub.core.ctx.db
        .prepare(
          "SELECT l.code, o.qty FROM on_hand o JOIN lots l ON l.id = o.lot_id JOIN item_names n ON n.item_id = o.item_id AND n.locale = 'en' WHERE n.name = 'Rice, 5 kg' ORDER BY l.expires_on",
        )
        .all() as { code: string; qty: number }[];
      expect(inSystem).toHaveLength(2);
      await touch.tapNumber(counts.first(), String(inSystem[0]!.qty - 2));
      await touch.tapNumber(counts.last(), String(inSystem[1]!.qty));
      await shots.step('count');
      await touch.tap(touch.button(w('inventory:count.review')));
      await expect(page.getByText(w('inventory:count.willAdjust', { n: 1 }))).toBeVisible();
      // Two short reads "-2" as her language writes it, the sign before the digits in Arabic too.
      const twoShort = page
        .getByRole('table')
        .getByRole('cell', { name: new Intl.NumberFormat(lng, { signDisplay: 'exceptZero' }).format(-2), exact: true });
      await expect(twoShort).toBeVisible();
      expect(await signSide(twoShort)).toBe('before');
      await shots.step('count-review');
      await touch.tap(touch.button(w('inventory:count.confirm')));
      await expect(page.getByRole('status')).toHaveText(w('inventory:count.saved', { n: 1 }));
      expect(count(hub.core, "SELECT COUNT(*) AS n FROM movements WHERE reason LIKE 'count_correction%' AND qty = -2")).toBe(1);
      await touch.logOut();

      // The share bundle, to a stick that is nearly full: the app says so before writing anything.
      await openExchange(touch, w);
      await chooseStick(page, touch);
      await touch.tap(touch.button(w('exchange:export.button')));
      await expect(page.getByRole('alert')).toContainText(w('exchange:errors.nearly_full', { needMb: 'X', freeMb: 'Y' }).split(':')[0]!);
      // 130 kB needed, 20 kB free: not "1 MB needed, 1 MB free", which reads as a refusal for nothing.
      const one = new Intl.NumberFormat(lng).format(1);
      await expect(page.getByRole('alert')).not.toContainText(w('exchange:errors.nearly_full', { needMb: one, freeMb: one }));
      expect(readdirSync(usb.path)).toEqual([]);
      await shots.step('stick-nearly-full');
      // She deletes old photos from the stick on another computer, and tries again.
      usb.state.freeBytes = 8e9;
      await touch.tap(touch.button(w('exchange:where.refresh')));
      await chooseStick(page, touch);
      await touch.tap(touch.button(w('exchange:export.button')));
      await expect(page.getByRole('status')).toContainText('.makshare');
      await shots.step('bundle-saved');
      const [bundle] = readdirSync(usb.path);
      expect(bundle).toMatch(/\.makshare$/);

      // A full backup on the same stick, the passphrase tapped on the app's masked on-screen keys.
      await touch.tap(page.getByRole('navigation').getByRole('button', { name: w('exchange:tabs.backup'), exact: true }));
      await chooseStick(page, touch);
      await touch.tapText(page.getByLabel(w('exchange:backup.passphrase')), PASSPHRASE);
      await touch.tapText(page.getByLabel(w('exchange:backup.again')), PASSPHRASE);
      await shots.step('backup');
      await touch.tap(touch.button(w('exchange:backup.button')));
      await expect(page.getByRole('status')).toContainText('.makbackup');
      await shots.step('backup-saved');

      // Across town, the sister hub's coordinator imports the bundle: preview first, then Import.
      const sisterPage = await page.context().newPage();
      await sisterPage.setViewportSize({ width: 1366, height: 768 });
      const there = person(sisterPage, lng, `sister-hub-${lng}`);
      await sisterPage.goto(sister.url);
      await openExchange(there.touch, there.w, '1234');
      await there.touch.tap(sisterPage.getByRole('navigation').getByRole('button', { name: there.w('exchange:tabs.import'), exact: true }));
      await chooseStick(sisterPage, there.touch);
      await there.touch.tap(there.touch.button(there.w('exchange:import.look')));
      await there.touch.tap(sisterPage.getByRole('button', { name: new RegExp(bundle!.replace(/\./g, '\\.')) }));
      const trust = sisterPage.getByRole('button', { name: there.w('exchange:import.trust', { site: 'Eastside Community Hub' }) });
      await expect(trust).toBeVisible();
      // The preview opens where the coordinator is looking, not below the list of bundles.
      await expect(trust).toBeInViewport();
      await there.shots.step('preview-untrusted');
      await there.touch.tap(trust);
      await expect(trust).toHaveCount(0);
      const changes = sisterPage.getByRole('table', { name: there.w('exchange:import.whatChanges') });
      await expect(changes).toBeVisible();
      await there.shots.step('preview');
      await there.touch.tap(there.touch.button(there.w('exchange:import.apply')));
      await expect(sisterPage.getByRole('status')).toContainText('Eastside Community Hub');
      await there.shots.step('imported');
      expect(count(sister.core, 'SELECT COUNT(*) AS n FROM items')).toBe(count(hub.core, 'SELECT COUNT(*) AS n FROM items'));
      // Northside hands its own card back on the same stick, so Eastside can trust it too.
      const before = new Set(readdirSync(usb.path));
      await there.touch.tap(sisterPage.getByRole('navigation').getByRole('button', { name: there.w('exchange:tabs.sites'), exact: true }));
      await chooseStick(sisterPage, there.touch);
      await there.touch.tap(there.touch.button(there.w('exchange:sites.saveCard')));
      await expect(sisterPage.getByRole('status')).toBeVisible();
      const northCard = readdirSync(usb.path).find((f) => !before.has(f))!;
      expect(northCard).toBeTruthy();
      await sisterPage.close();

      // Back at Eastside, by touch: her own card on the stick is refused in plain words, Northside's is added and trusted.
      await touch.tap(page.getByRole('navigation').getByRole('button', { name: w('exchange:tabs.sites'), exact: true }));
      await chooseStick(page, touch);
      await touch.tap(touch.button(w('exchange:sites.saveCard')));
      await expect(page.getByRole('status')).toBeVisible();
      const eastCard = readdirSync(usb.path).find((f) => !before.has(f) && f !== northCard)!;
      await touch.tap(touch.button(w('exchange:sites.lookCards')));
      const cardsFound = page.getByRole('list', { name: w('exchange:sites.cardsFound') });
      await expect(cardsFound.getByRole('button')).toHaveCount(2);
      const cardButton = (file: string) => cardsFound.getByRole('button', { name: new RegExp(file.replace(/\./g, '\\.')) });
      await touch.tap(cardButton(eastCard));
      await expect(page.getByRole('alert')).toHaveText(w('exchange:errors.own_bundle'));
      await touch.tap(cardButton(northCard));
      await expect(page.getByRole('status')).toHaveText(w('exchange:sites.added', { site: 'Northside Pantry' }));
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(hub.core.ctx.db.prepare('SELECT trusted FROM known_sites WHERE name = ?').pluck().get('Northside Pantry')).toBe(1);
      await expect(page.locator('.known-sites li').filter({ hasText: 'Northside Pantry' })).toContainText(w('exchange:status.trusted'));
      await shots.step('card-added');

      // Friday: the laptop's disk died. A new computer, the stick, the passphrase.
      const itemsBefore = count(hub.core, 'SELECT COUNT(*) AS n FROM items');
      const fresher = await browser.newContext({ hasTouch: true, viewport: { width: 1366, height: 768 } });
      const newPage = await fresher.newPage();
      // A new install speaks English until a hub is set up or restored.
      const here = person(newPage, 'en', `new-computer-${lng}`);
      await newPage.goto(fresh.url);
      await expect(newPage.getByRole('heading', { name: here.w('exchange:backup.restoreTitle') })).toBeVisible();
      await chooseStick(newPage, here.touch);
      await here.touch.tap(here.touch.button(here.w('exchange:import.look')));
      await expect(newPage.getByRole('radio', { name: /\.makbackup$/ })).toBeChecked();
      await here.touch.tapText(newPage.getByLabel(here.w('exchange:backup.passphrase')), PASSPHRASE);
      await here.shots.step('restore');
      await here.touch.tap(here.touch.button(here.w('exchange:backup.restoreButton')));
      await expect(newPage.getByText('Eastside Community Hub')).toBeVisible();
      // The restored hub speaks its own language at once: the header too, with no reload.
      const restored = person(newPage, lng, `restored-${lng}`);
      await expect(newPage.locator('html')).toHaveAttribute('lang', lng);
      await expect(newPage.getByRole('banner')).toContainText(restored.w('kiosk:toggles.largeText'));
      await here.shots.step('restored');
      expect(count(fresh.core, 'SELECT COUNT(*) AS n FROM items')).toBe(itemsBefore);
      expect(count(fresh.core, "SELECT COUNT(*) AS n FROM movements WHERE reason LIKE 'count_correction%' AND qty = -2")).toBe(1);
      await fresher.close();
    } finally {
      await fresh.close();
      await sister.close();
      await hub.close();
      usb.remove();
    }
  });
}
