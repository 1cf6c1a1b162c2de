import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import { decodePng } from '../../support/qr-decode';
import { tempDir } from '../../support/fixed';
import { printedSlip } from './pages/paper';
import { StationsDesk } from './pages/stations';
import { Visitor, watchPrint } from './pages/visitor';
import { expect, hubLanguage, person, test } from './hub';

// A laptop at the pickup table runs this app too, started as a station with the link from the
// hub's "Add a station" QR: the real browser-mode host (out/main/host.js --station …) in its own
// process, with no database of its own, carrying every call to the hub over TLS pinned to the
// hub's fingerprint. The hub listens on another loopback address, never beyond this machine.
const LAN = '127.0.0.2';

const STORIES = [
  { lng: 'en', size: { width: 1366, height: 768 } },
  { lng: 'ar', size: { width: 1024, height: 768 } },
] as const;

/** `node out/main/host.js --data-dir DIR --station LINK`, as the packaging docs tell a hub to start a station. */
async function startStationApp(dataDir: string, link: string): Promise<{ url: string; output: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir, '--station', link], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (t: string) => (output += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (output += t));
  await expect.poll(() => output, { timeout: 20_000 }).toMatch(/Paired with the hub|did not work/);
  const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
  if (!url) throw new Error(`the station did not start:\n${output}`);
  return { url, output: () => output, child };
}

for (const { lng, size } of STORIES) {
  test(`a laptop at the pickup table started as a station (${lng}, ${size.width}×${size.height}): paired from the hub's QR, it redeems a slip issued at the door; removed, it pairs again by a code typed on its screen`, async ({
    page,
    browser,
    kiosk,
  }) => {
    test.setTimeout(150_000);
    hubLanguage(kiosk, lng);
    const dataDir = tempDir('kiosk-station-app-');
    let station: ChildProcess | null = null;
    const coordinator = person(page, lng, `station-app-${lng}-hub`);
    const desk = new StationsDesk(page, coordinator, kiosk);
    try {
      // At the hub: stations on, then "Pickup laptop" added as a pickup table.
      const port = 40_000 + Math.floor(Math.random() * 20_000);
      await desk.signIn(kiosk.url);
      await desk.turnOn(LAN, port);
      const invite = await desk.add('Pickup laptop', 'pickup');
      // The QR on the hub's screen is what the laptop is started with.
      const qr = invite.getByRole('img', { name: coordinator.w('stations:qrLabel', { name: 'Pickup laptop' }) });
      const link = decodePng(await qr.screenshot());
      expect(link).toMatch(new RegExp(`^kiosk-station:${LAN.replaceAll('.', '\\.')}:${port}/[A-Z0-9]{10}/[0-9A-F]{64}$`));
      // The same link in full under the code, as the option to start the app with.
      await expect(invite.locator('.stations-app-start')).toHaveText(`--station ${link}`);
      await coordinator.shots.step('invite');

      const app = await startStationApp(dataDir.path, link!);
      station = app.child;
      expect(app.output()).toContain('Paired with the hub');

      // At the door (the hub's own kiosk): a visitor asks for eggs; the slip prints as it is issued.
      const door = await page.context().newPage();
      await door.setViewportSize({ width: 1080, height: 1920 });
      const prints = await watchPrint(door);
      await door.goto(kiosk.url);
      const v = new Visitor(door, lng, kiosk);
      await v.tap(lng === 'en' ? 'English' : 'العربية');
      await v.asksFor('Eggs, 1 dozen');
      await v.tap(v.w('intake:confirm.submit'));
      await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
      const paper = await printedSlip(door, `station-app-${lng}-printed-slip`);
      const digits = paper.qr ?? '';
      expect(digits).toMatch(/^\d+$/);
      const shortCode = (await door.locator('.slip-code').first().textContent())?.trim() ?? '';

      // The laptop at the pickup table: its own screen, a touch screen and a USB scanner.
      const laptopContext = await browser.newContext({ hasTouch: true, viewport: size, locale: lng === 'en' ? 'en-US' : 'ar-EG' });
      const laptop = await laptopContext.newPage();
      const volunteer = person(laptop, lng, `station-app-${lng}-laptop`);
      await laptop.goto(app.url);
      await volunteer.touch.logIn(DEMO_PINS.intake);
      await expect(laptop.getByRole('heading', { name: volunteer.w('pickup:title') })).toBeVisible();
      await volunteer.shots.step('table');
      await volunteer.scanner.scan(digits);
      const slip = laptop.getByRole('region', { name: volunteer.w('pickup:slipFound') });
      await expect(slip.getByText(shortCode)).toBeVisible();
      await volunteer.shots.step('slip-scanned');
      await volunteer.touch.tap(volunteer.w('pickup:markPickedUp'));
      await expect(laptop.getByText(volunteer.w('pickup:pickedUpNow'))).toBeVisible();
      await volunteer.shots.step('picked-up');
      // Redeemed once, at the hub, through the laptop's credential.
      const redeemed = kiosk.core.ctx.db
        .prepare('SELECT COUNT(*) AS n FROM redemptions r JOIN slips s ON s.id = r.slip_id WHERE s.short_code = ?')
        .get(shortCode.replace(/\s/g, '')) as { n: number };
      expect(redeemed.n).toBe(1);
      // The laptop keeps no site of its own: just which hub, and its credential.
      expect(readdirSync(dataDir.path)).toEqual(['station.json']);

      // The coordinator removes the laptop (lost, or lent to another hub): refused at its next call,
      // and its screen turns to pairing, saying why.
      await coordinator.touch.tap(page.getByRole('button', { name: coordinator.w('stations:revokeName', { name: 'Pickup laptop' }) }));
      await expect(page.getByRole('cell', { name: 'Pickup laptop', exact: true })).toBeVisible();
      await volunteer.touch.tap(volunteer.w('pickup:nextSlip'));
      await volunteer.scanner.scan(digits);
      await expect(laptop.getByRole('heading', { name: volunteer.w('stations:pairTitle') })).toBeVisible();
      await expect(laptop.getByText(volunteer.w('stations:errors.revoked'))).toBeVisible();
      // No certificate to compare by eye here: the app checks the one from its link itself.
      await expect(laptop.getByText(volunteer.w('stations:pairPinned'))).toBeVisible();
      await expect(laptop.getByText(volunteer.w('stations:pairFingerprint'))).toHaveCount(0);
      await volunteer.shots.step('removed');

      // Back at the table later: a new code from the hub, tapped key by key on the laptop's on-screen keyboard.
      const again = await desk.add('Pickup laptop 2', 'pickup');
      const code = ((await again.locator('.stations-code').textContent()) ?? '').trim();
      await volunteer.touch.tapText(laptop.getByLabel(volunteer.w('stations:code')), code);
      await volunteer.touch.tap(volunteer.w('stations:pair'));
      await volunteer.touch.logIn(DEMO_PINS.intake);
      await expect(laptop.getByRole('heading', { name: volunteer.w('pickup:title') })).toBeVisible();
      await volunteer.scanner.scan(digits);
      const time = new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit' }).format(new Date(kiosk.core.ctx.clock.now()));
      await expect(laptop.getByText(volunteer.w('pickup:alreadyPickedUp', { time, table: '1' }))).toBeVisible();
      await volunteer.shots.step('paired-again');
      await laptopContext.close();
    } finally {
      station?.kill('SIGTERM');
      await desk.close();
      dataDir.remove();
    }
  });
}
