import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createCore, openDataDir, type Core } from '../../src/core/index';
import { seedDemo } from '../../src/core/demo/seed';
import { startHost } from '../../src/host/server';
import { StationSupervisor } from '../../src/host/stations';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';
import { PickupTable } from './pages/pickup-page';

// The stations listener binds another loopback address: the hub is reached over an address
// that is not 127.0.0.1, and nothing ever listens beyond this machine.
const LAN = '127.0.0.2';

interface Hub {
  url: string;
  core: Core;
  supervisor: StationSupervisor;
}

const test = base.extend<{ hub: Hub }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern; this one has none.
  hub: async ({}, use) => {
    const dir = tempDir('kiosk-stations-');
    const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
    const core = createCore({ db: openDataDir(dir.path), clock, ids: sequentialIds(clock, 'e2e'), keys: seededKeys('e2e') });
    seedDemo(core.ctx, core.services.intake);
    const rendererDir = resolve('out/renderer');
    const host = await startHost({ dispatch: core.dispatch, rendererDir, token: randomBytes(32).toString('hex'), events: core.events });
    const supervisor = new StationSupervisor({ dispatch: core.dispatch, stations: core.services.stations, events: core.events, rendererDir });
    await use({ url: host.url, core, supervisor });
    await supervisor.close();
    await host.close();
    core.close();
    dir.remove();
  },
});

function issue(core: Core) {
  const items = core.services.intake.catalog('en').slice(0, 1);
  const slip = core.services.intake.submit({ requestId: randomUUID(), language: 'en', household: { adults: 1 }, needs: items.map((i) => ({ itemId: i.id, qty: 1 })) });
  // Asking for pantry items always gets a slip (only a visit that asks for nothing gets none).
  if (!slip) throw new Error('no slip issued');
  return slip;
}

async function signIn(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Volunteer' }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}

/** A station browser: its own context (its own cookie jar), trusting the hub's certificate as a person would after comparing the fingerprint. */
async function stationContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true });
}

// FIXME(issue 14/17 follow-up): fails after station fields moved to the on-screen TextField and the now-serving band hides until a number is called; not yet diagnosed.
test.fixme('pairing, live redemption across tables, the queue on the waiting-room screen, revocation, lost Wi-Fi', async ({ browser, page, hub }, testInfo) => {
  test.setTimeout(120_000);
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  // The coordinator turns stations on at the hub.
  await page.goto(hub.url);
  await signIn(page, '1234');
  await page.getByRole('button', { name: 'Stations' }).click();
  await page.getByLabel("This computer's address on the hub network").fill(LAN);
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('button', { name: 'Turn stations on' }).click();
  await expect(page.getByText(`Stations are on at https://${LAN}:${port}/`)).toBeVisible();
  await expect.poll(() => hub.supervisor.current?.port).toBe(port);
  const stationUrl = `https://${LAN}:${port}/`;

  // Add a pickup table: QR, short code, fingerprint.
  await page.getByLabel('Station name').fill('Pickup 2');
  await page.getByRole('group', { name: 'Station role' }).getByRole('button', { name: 'Pickup table' }).click();
  await page.getByRole('button', { name: 'Make a pairing code' }).click();
  const invite = page.getByRole('region', { name: 'Pairing code for Pickup 2' });
  await expect(invite.getByRole('img', { name: 'QR code to pair Pickup 2' })).toBeVisible();
  const code = (await invite.locator('.stations-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await page.screenshot({ path: testInfo.outputPath('stations-pairing-en.png'), fullPage: true });

  // Station A pairs in its browser by typing the code.
  const a = await stationContext(browser);
  const tableA = await a.newPage();
  await tableA.goto(stationUrl);
  await expect(tableA.getByRole('heading', { name: 'Pair this device with the hub' })).toBeVisible();
  await tableA.screenshot({ path: testInfo.outputPath('station-pair-screen-en.png') });
  await tableA.getByLabel('Pairing code:').fill('WRONGCODE9');
  await tableA.getByRole('button', { name: 'Pair' }).click();
  await expect(tableA.getByText('This pairing code is wrong, used or too old.', { exact: false })).toBeVisible();
  await tableA.getByLabel('Pairing code:').fill(code);
  await tableA.getByRole('button', { name: 'Pair' }).click();
  await expect(tableA.getByRole('button', { name: 'Volunteer' })).toBeVisible();
  // Its credential is an HttpOnly cookie: the page cannot read it, and nothing went to localStorage.
  expect(await tableA.evaluate(() => document.cookie)).toBe('');
  expect(await tableA.evaluate(() => Object.keys(localStorage).filter((k) => /station|credential/i.test(k)))).toEqual([]);

  // Station B (another pickup table) and C (the waiting-room TV) pair through the same endpoint.
  const pairVia = async (ctx: BrowserContext, name: string, role: 'pickup' | 'screen') => {
    const inv = hub.core.services.stations.invite(name, role);
    const res = await ctx.request.post(`${stationUrl}station/pair`, { data: { code: inv.code }, headers: { origin: stationUrl.slice(0, -1) } });
    expect(res.status()).toBe(200);
  };
  const b = await stationContext(browser);
  await pairVia(b, 'Pickup 3', 'pickup');
  const c = await stationContext(browser);
  await pairVia(c, 'TV', 'screen');
  // The code used by A cannot pair anyone else.
  const reuse = await (await stationContext(browser)).request.post(`${stationUrl}station/pair`, { data: { code } });
  expect(reuse.status()).toBe(403);

  const tableB = await b.newPage();
  await tableB.goto(stationUrl);
  const tv = await c.newPage();
  await tv.goto(`${stationUrl}#/public`);
  await expect(tv.getByRole('heading', { name: 'Now serving' })).toBeVisible();

  await signIn(tableA, '1111');
  await signIn(tableB, '1111');
  const pickupA = new PickupTable(tableA);
  const pickupB = new PickupTable(tableB);

  // Both tables bring up the same slip; A hands it out; B sees it was picked up, without reloading.
  const first = issue(hub.core);
  await pickupA.typeCode(first.shortCode);
  await pickupB.typeCode(first.shortCode);
  await expect(pickupB.slip().getByRole('button', { name: 'Mark picked up' })).toBeVisible();
  await pickupA.slip().getByRole('button', { name: 'Mark picked up' }).click();
  await expect(tableA.getByText('Picked up. Thank you!')).toBeVisible();
  await expect(pickupB.slip().getByText(/Already picked up at .* at table/)).toBeVisible({ timeout: 3000 });
  expect((hub.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE slip_id = ?').get(first.id) as { n: number }).n).toBe(1);

  // The queue: A calls the next number; the TV shows it.
  const second = issue(hub.core);
  issue(hub.core);
  await tableA.getByRole('button', { name: 'Next slip' }).click();
  await tableA.getByRole('button', { name: 'Call the next number' }).click();
  await expect(tv.getByTestId('now-serving-number')).toHaveText('2', { timeout: 3000 });
  await expect(tableB.getByTestId('queue-current')).toHaveText('2', { timeout: 3000 });
  await tableA.getByRole('button', { name: 'Call 2 again' }).click();
  await expect(tv.getByTestId('now-serving-number')).toHaveText('2');
  await tv.screenshot({ path: testInfo.outputPath('now-serving-en.png'), fullPage: true });

  // Wi-Fi lost mid-redeem at A: it says so, retries with the same request id, and lands once.
  await pickupA.typeCode(second.shortCode);
  await a.setOffline(true);
  await pickupA.slip().getByRole('button', { name: 'Mark picked up' }).click();
  await expect(tableA.getByRole('alert').filter({ hasText: 'The hub cannot be reached' })).toBeVisible();
  await a.setOffline(false);
  await expect(tableA.getByText('Picked up. Thank you!')).toBeVisible({ timeout: 6000 });
  await expect(tableA.getByRole('alert').filter({ hasText: 'The hub cannot be reached' })).toBeHidden();
  expect((hub.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE slip_id = ?').get(second.id) as { n: number }).n).toBe(1);

  // The coordinator sees every station and revokes B; B is refused at its next call.
  await expect(page.getByRole('cell', { name: 'Pickup 3', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Pickup 3' }).click();
  await expect(page.getByText(/^Removed /)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('stations-list-en.png'), fullPage: true });
  await pickupB.typeCode(second.shortCode);
  await expect(tableB.getByText('This device is no longer paired with the hub.', { exact: false })).toBeVisible();

  await a.close();
  await b.close();
  await c.close();
});

test('screenshots of stations and "now serving" in Arabic', async ({ browser, page, hub }, testInfo) => {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  hub.core.services.stations.configure({ enabled: true, address: LAN, port });
  await hub.supervisor.reconcile();
  hub.core.services.stations.pair(hub.core.services.stations.invite('طاولة الاستلام ٢', 'pickup').code);
  // The site's language decides volunteer mode's language: switch the hub to Arabic.
  hub.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await page.goto(hub.url);
  await page.getByRole('button', { name: 'متطوع' }).click();
  for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'موافق' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'المحطات' }).click();
  await expect(page.getByRole('heading', { name: 'المحطات', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('اسم المحطة').fill('التلفاز');
  await page.getByRole('button', { name: 'إنشاء رمز اقتران' }).click();
  await expect(page.getByRole('img', { name: 'رمز QR لاقتران التلفاز' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('stations-ar.png'), fullPage: true });

  for (let i = 0; i < 3; i += 1) issue(hub.core);
  hub.core.services.queue.callNext();
  const c = await browser.newContext({ ignoreHTTPSErrors: true });
  const inv = hub.core.services.stations.invite('TV', 'screen');
  await c.request.post(`https://${LAN}:${port}/station/pair`, { data: { code: inv.code } });
  const tv = await c.newPage();
  await tv.goto(`https://${LAN}:${port}/#/public`);
  await tv.getByRole('button', { name: 'العربية' }).click();
  await expect(tv.getByRole('heading', { name: 'يُخدم الآن' })).toBeVisible();
  await expect(tv.locator('html')).toHaveAttribute('dir', 'rtl');
  await tv.screenshot({ path: testInfo.outputPath('now-serving-ar.png'), fullPage: true });
  await c.close();
});
