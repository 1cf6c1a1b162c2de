import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createCore, openDataDir, type Core } from '../../src/core/index';
import { seedDemo } from '../../src/core/demo/seed';
import { requireSite } from '../../src/core/site/site-service';
import { startHost } from '../../src/host/server';
import { StationSupervisor } from '../../src/host/stations';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';
import { PickupTable } from './pages/pickup-page';
import { Touch } from './journey/pages/touch';
import { UsbScanner } from './journey/pages/scanner';
import { w, wordsFor } from './journey/pages/words';

const en = wordsFor('en');

// The stations listener binds another loopback address: the hub is reached over an address
// that is not 127.0.0.1, and nothing ever listens beyond this machine.
const LAN = '127.0.0.2';

interface Hub {
  url: string;
  core: Core;
  supervisor: StationSupervisor;
  /** The hub computer restarts: its listener and core stop, and start again on the same data folder. */
  restart(): Promise<void>;
}

const test = base.extend<{ hub: Hub }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern; this one has none.
  hub: async ({}, use) => {
    const dir = tempDir('kiosk-stations-');
    const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
    // A restarted hub draws its ids from another sequence, as a real one draws fresh random ids.
    let starts = 0;
    const open = () =>
      createCore({
        db: openDataDir(dir.path),
        clock,
        ids: sequentialIds(clock, starts++ === 0 ? 'e2e' : `e2e-restart-${starts}`),
        keys: seededKeys('e2e'),
      });
    const core = open();
    seedDemo(core.ctx, core.services.intake);
    const rendererDir = resolve('out/renderer');
    const host = await startHost({ dispatch: core.dispatch, rendererDir, token: randomBytes(32).toString('hex'), events: core.events });
    const supervise = (c: Core) =>
      new StationSupervisor({ dispatch: c.dispatch, stations: c.services.stations, events: c.events, rendererDir });
    const hub: Hub = {
      url: host.url,
      core,
      supervisor: supervise(core),
      async restart() {
        await hub.supervisor.close();
        hub.core.close();
        hub.core = open();
        hub.supervisor = supervise(hub.core);
        await hub.supervisor.reconcile();
      },
    };
    await use(hub);
    await hub.supervisor.close();
    await host.close();
    hub.core.close();
    dir.remove();
  },
});

function issue(core: Core) {
  const items = core.services.intake.catalog('en').slice(0, 1);
  const slip = core.services.intake.submit({
    requestId: randomUUID(),
    language: 'en',
    household: { adults: 1 },
    needs: items.map((i) => ({ itemId: i.id, qty: 1 })),
  });
  // Asking for pantry items always gets a slip (only a visit that asks for nothing gets none).
  if (!slip) throw new Error('no slip issued');
  return slip;
}

/** A station browser: its own context (its own cookie jar), trusting the hub's certificate as a person would after comparing the fingerprint. A touch screen, like the hub's. */
async function stationContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true, hasTouch: true, viewport: { width: 1366, height: 768 } });
}

/** A person at a station: taps and the on-screen keyboard; a USB scanner types a slip's digits. */
function at(page: Page) {
  return { touch: new Touch(page, en), scanner: new UsbScanner(page), pickup: new PickupTable(page) };
}

// Every person here only taps; the hub's own page is a touch screen too.
test.use({ hasTouch: true });

test('pairing, live redemption across tables, the queue on the waiting-room screen, revocation, lost Wi-Fi', async ({
  browser,
  page,
  hub,
}, testInfo) => {
  test.setTimeout(120_000);
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const hubDesk = at(page);
  // The coordinator turns stations on at the hub.
  await page.goto(hub.url);
  await hubDesk.touch.logIn('1234');
  await hubDesk.touch.tap(page.getByRole('navigation').getByRole('button', { name: en('stations:nav') }));
  const address = page.getByLabel(en('stations:address'));
  await hubDesk.touch.tapClear(address);
  await hubDesk.touch.tapText(address, LAN);
  await hubDesk.touch.tapNumber(page.getByLabel(en('stations:port')), String(port));
  await hubDesk.touch.tap(en('stations:turnOn'));
  await expect(page.getByText(en('stations:on', { url: `https://${LAN}:${port}/` }))).toBeVisible();
  await expect.poll(() => hub.supervisor.current?.port).toBe(port);
  // While they are on, the address and port in use are in the notice, not in fields to edit.
  await expect(page.getByLabel(en('stations:port'))).toHaveCount(0);
  const stationUrl = `https://${LAN}:${port}/`;

  // Add a pickup table: QR, short code, fingerprint.
  await hubDesk.touch.tapText(page.getByLabel(en('stations:name')), 'Pickup 2');
  await hubDesk.touch.tap(
    page.getByRole('group', { name: en('stations:role') }).getByRole('button', { name: en('stations:roles.pickup') }),
  );
  await hubDesk.touch.tap(en('stations:add'));
  const invite = page.getByRole('region', { name: en('stations:inviteFor', { name: 'Pickup 2' }) });
  await expect(invite.getByRole('img', { name: en('stations:qrLabel', { name: 'Pickup 2' }) })).toBeVisible();
  const code = (await invite.locator('.stations-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await page.screenshot({ path: testInfo.outputPath('stations-pairing-en.png'), fullPage: true });

  // Station A pairs in its browser by tapping the code on the short-code keyboard.
  const a = await stationContext(browser);
  const tableA = await a.newPage();
  const atA = at(tableA);
  await tableA.goto(stationUrl);
  await expect(tableA.getByRole('heading', { name: en('stations:pairTitle') })).toBeVisible();
  await tableA.screenshot({ path: testInfo.outputPath('station-pair-screen-en.png') });
  const codeField = tableA.getByLabel(en('stations:code'));
  // A wrong code (in the code's own alphabet: no 0, O, 1 or I to mistype).
  await atA.touch.tapText(codeField, 'WRNGC2DE34');
  await atA.touch.tap(en('stations:pair'));
  await expect(tableA.getByText(en('stations:errors.bad_code'), { exact: false })).toBeVisible();
  await atA.touch.tapClear(codeField);
  await atA.touch.tapText(codeField, code);
  await atA.touch.tap(en('stations:pair'));
  await expect(atA.touch.button(en('common:volunteer'))).toBeVisible();
  // Its credential is an HttpOnly cookie: the page cannot read it, and nothing went to localStorage.
  expect(await tableA.evaluate(() => document.cookie)).toBe('');
  expect(await tableA.evaluate(() => Object.keys(localStorage).filter((k) => /station|credential/i.test(k)))).toEqual([]);

  // Station B (another pickup table) and C (the waiting-room TV) pair through the same endpoint.
  const pairVia = async (ctx: BrowserContext, name: string, role: 'pickup' | 'screen') => {
    const inv = hub.core.services.stations.invite(name, role);
    const res = await ctx.request.post(`${stationUrl}station/pair`, {
      data: { code: inv.code },
      headers: { origin: stationUrl.slice(0, -1) },
    });
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
  const atB = at(tableB);
  await tableB.goto(stationUrl);
  const tv = await c.newPage();
  await tv.goto(`${stationUrl}#/public`);
  // No number has been called yet today: the TV shows no "now serving" band at all.
  // The TV has no touch controls (issue 14): it is up once the poster's heading is.
  await expect(tv.getByRole('heading', { name: 'What we have, what we need' })).toBeVisible();
  await expect(tv.getByRole('heading', { name: en('stations:nowServing') })).toHaveCount(0);

  await atA.touch.logIn('1111');
  await atB.touch.logIn('1111');

  // Both tables bring up the same slip; A hands it out; B sees it was picked up, without reloading.
  const first = issue(hub.core);
  await atA.scanner.scan(first.qrDigits);
  await atB.scanner.scan(first.qrDigits);
  await expect(atB.pickup.slip().getByRole('button', { name: en('pickup:markPickedUp') })).toBeVisible();
  await atA.touch.tap(atA.pickup.slip().getByRole('button', { name: en('pickup:markPickedUp') }));
  await expect(tableA.getByText(en('pickup:pickedUpNow'))).toBeVisible();
  await expect(atB.pickup.slip().getByText(/Already picked up at .* at table/)).toBeVisible({ timeout: 3000 });
  expect((hub.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE slip_id = ?').get(first.id) as { n: number }).n).toBe(1);

  // The queue: A calls the next number; the TV shows it. Number 1 was picked up, so 2 is next.
  const second = issue(hub.core);
  issue(hub.core);
  await atA.touch.tap(en('pickup:nextSlip'));
  await atA.touch.tap(en('stations:callNext'));
  // The TV turns through the hub's languages every 20 s (a slow run can be past English by now):
  // the heading is "Now serving" in whichever language is up.
  const hubLanguages = requireSite(hub.core.ctx).settings.languages;
  const nowServing = new RegExp(
    `^(${hubLanguages.map((l) => w(l, 'stations:nowServing').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
  );
  await expect(tv.getByRole('heading', { name: nowServing })).toBeVisible({ timeout: 3000 });
  await expect(tv.getByTestId('now-serving-number')).toHaveText('2', { timeout: 3000 });
  await expect(tableB.getByTestId('queue-current')).toHaveText('2', { timeout: 3000 });
  await atA.touch.tap(en('stations:callAgain', { number: 2 }));
  await expect(tv.getByTestId('now-serving-number')).toHaveText('2');
  await tv.screenshot({ path: testInfo.outputPath('now-serving-en.png'), fullPage: true });

  // Wi-Fi lost mid-redeem at A: it says so, retries with the same request id, and lands once.
  await atA.scanner.scan(second.qrDigits);
  await a.setOffline(true);
  await atA.touch.tap(atA.pickup.slip().getByRole('button', { name: en('pickup:markPickedUp') }));
  await expect(tableA.getByRole('alert').filter({ hasText: en('stations:offline') })).toBeVisible();
  await a.setOffline(false);
  await expect(tableA.getByText(en('pickup:pickedUpNow'))).toBeVisible({ timeout: 6000 });
  await expect(tableA.getByRole('alert').filter({ hasText: en('stations:offline') })).toBeHidden();
  expect((hub.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE slip_id = ?').get(second.id) as { n: number }).n).toBe(1);

  // The coordinator sees every station and revokes B; B is refused at its next call.
  await expect(page.getByRole('cell', { name: 'Pickup 3', exact: true })).toBeVisible();
  await hubDesk.touch.tap(page.getByRole('button', { name: en('stations:revokeName', { name: 'Pickup 3' }) }));
  await expect(page.getByText(/^Removed /)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('stations-list-en.png'), fullPage: true });
  await atB.scanner.scan(second.qrDigits);
  await expect(tableB.getByText(en('stations:errors.revoked'), { exact: false })).toBeVisible();

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
  // The TV has no buttons; its band says "now serving" in every hub language at once, Arabic too.
  await expect(tv.getByRole('region', { name: 'Now serving' })).toContainText('يُخدم الآن');
  await tv.screenshot({ path: testInfo.outputPath('now-serving-ar.png'), fullPage: true });
  await c.close();
});

test('the hub restarts: a station reconnects by itself, its event stream and calls resume, no reload', async ({ browser, hub }) => {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  hub.core.services.stations.configure({ enabled: true, address: LAN, port });
  await hub.supervisor.reconcile();
  const stationUrl = `https://${LAN}:${port}/`;
  const c = await stationContext(browser);
  const inv = hub.core.services.stations.invite('TV', 'screen');
  expect((await c.request.post(`${stationUrl}station/pair`, { data: { code: inv.code } })).status()).toBe(200);
  const tv = await c.newPage();
  await tv.goto(`${stationUrl}#/public`);
  for (let i = 0; i < 3; i += 1) issue(hub.core);
  const callNext = async () => {
    const login = await hub.core.dispatch('auth.login', { input: { pin: '1111' } });
    if (!login.ok) throw new Error(login.error.code);
    const r = await hub.core.dispatch('queue.call_next', { input: {}, session: (login.value as { token: string }).token });
    if (!r.ok) throw new Error(r.error.code);
    return (r.value as { current: { number: number } }).current.number;
  };
  const first = await callNext();
  await expect(tv.getByTestId('now-serving-number')).toHaveText(String(first));
  // The same document all along: a reload would lose this mark.
  await tv.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await hub.restart();
  expect(hub.supervisor.current?.port).toBe(port);
  // A number called at the restarted hub reaches the TV: the stream came back and the TV read the queue again.
  const second = await callNext();
  expect(second).not.toBe(first);
  await expect(tv.getByTestId('now-serving-number')).toHaveText(String(second), { timeout: 10_000 });
  expect(await tv.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await c.close();
});
