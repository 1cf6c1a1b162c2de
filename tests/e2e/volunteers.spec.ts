import { wcagAudit } from './a11y';
import { VOLUNTEER_IDLE_MS } from '../../src/shared/domain/volunteer';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { expect, test } from './fixtures';
import { KioskPage } from './pages/kiosk-page';
import { VolunteersPage } from './pages/volunteers-page';

test('the coordinator adds a stock volunteer, who logs in with their own PIN; a taken PIN is refused', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.coordinator);
  await v.openSection();
  await expect(page.getByRole('heading', { name: 'Volunteers', level: 1 })).toBeVisible();
  await expect(v.row('Intake volunteer')).toBeVisible();

  await v.add('Maria', 'Stock room', '2468', '2469');
  await expect(page.getByRole('alert')).toHaveText('The two PINs are not the same.');
  await v.add('Maria', 'Stock room', '2468');
  await expect(page.getByRole('status')).toHaveText('Maria can now log in with their PIN.');
  await expect(v.row('Maria').getByRole('combobox')).toHaveValue('stock');

  // The intake volunteer's PIN: refused, without saying whose it is.
  await v.add('Ali', 'Intake and pickup', DEMO_PINS.intake);
  await expect(page.getByRole('alert')).toHaveText('Another volunteer already has this PIN. Please choose a different one.');
  await expect(v.row('Ali')).toHaveCount(0);

  await v.logOut().click();
  await expect(new KioskPage(page).heading()).toHaveText('Welcome');
  await v.logIn('2468');
  await expect(page.getByText('Maria')).toBeVisible();
  // A stock volunteer sees neither the pickup table nor the volunteers list.
  await expect(page.getByRole('button', { name: 'Volunteers' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toHaveCount(0);
});

test('the coordinator changes a PIN and removes a volunteer, but never the last coordinator', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.coordinator);
  await v.openSection();

  const stock = v.row('Stock volunteer');
  await stock.getByRole('button', { name: 'Change PIN' }).click();
  const form = page.getByRole('form', { name: 'New PIN for Stock volunteer' });
  await form.getByLabel('PIN (4 to 8 digits)').fill('8642');
  await form.getByLabel('PIN again').fill('8642');
  await form.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('status')).toHaveText('The PIN of Stock volunteer has been changed.');

  await v.row('Intake volunteer').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('status')).toHaveText('Intake volunteer has been removed.');
  await expect(v.row('Intake volunteer')).toHaveCount(0);

  await v.row('Coordinator').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('alert')).toHaveText('The hub needs at least one coordinator. Add another coordinator first.');

  await v.logOut().click();
  await v.logIn(DEMO_PINS.intake);
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');
});

test('volunteer mode locks itself after idle time', async ({ page, kiosk }) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.intake);
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toBeVisible();
  // Activity keeps it open...
  await page.clock.fastForward(VOLUNTEER_IDLE_MS - 10_000);
  await page.getByLabel('Scan a slip or type its code').pressSequentially('12');
  await page.clock.fastForward(VOLUNTEER_IDLE_MS - 10_000);
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toBeVisible();
  // ...and walking away leaves the public kiosk, with the session closed in core.
  const logout = page.waitForResponse((r) => r.url().endsWith('/api/auth.logout'));
  await page.clock.fastForward(20_000);
  await expect(new KioskPage(page).heading()).toHaveText('Welcome');
  expect(await (await logout).json()).toEqual({ ok: true, value: {} });
  await expect(page.getByText('Intake volunteer')).toHaveCount(0);
});

test('wrong PINs make the keypad wait, and say how long', async ({ page, kiosk }, testInfo) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.openPin();
  for (const pin of ['0000', '0001']) {
    await v.typePin(pin);
    await v.ok().click();
    await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');
  }
  await v.typePin('0002');
  await v.ok().click();
  await expect(page.getByRole('alert')).toHaveText('Too many wrong PINs. Try again in 5 s.');
  await v.typePin(DEMO_PINS.coordinator);
  await expect(v.ok()).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('pin-wait-en.png') });
  await page.clock.runFor(2_000);
  await expect(page.getByRole('alert')).toHaveText('Too many wrong PINs. Try again in 3 s.');
  // Core keeps its own time: the wait is over there too once five seconds have passed.
  kiosk.clock.advance(5_000);
  await page.clock.runFor(3_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await v.ok().click();
  await expect(page.locator('.volunteer-name')).toHaveText('Coordinator');
});

test('no quit button in browser mode: closing the browser is the browser’s business', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.coordinator);
  await expect(v.logOut()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close the kiosk' })).toHaveCount(0);
});

test('screenshots and axe of the volunteers section in English and Arabic', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.coordinator);
  await v.openSection();
  await v.row('Stock volunteer').getByRole('button', { name: 'Change PIN' }).click();
  await expect(page.getByRole('heading', { name: 'New PIN for Stock volunteer' })).toBeVisible();
  const en = await wcagAudit(page);
  expect(en.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('volunteers-en.png'), fullPage: true });

  // The site's language decides volunteer mode's language: switch the hub to Arabic.
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'متطوع' }).click();
  await v.typePin(DEMO_PINS.coordinator);
  await page.getByRole('button', { name: 'موافق' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'المتطوعون' }).click();
  await expect(page.getByRole('heading', { name: 'المتطوعون', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const ar = await wcagAudit(page);
  expect(ar.violations.map((x) => x.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('volunteers-ar.png'), fullPage: true });
});

/**
 * The Electron preload's bridge (invoke/on), emulated over the browser-mode host so the shell-only
 * screens can be seen and checked here; the real bridge runs in tests/electron.
 */
async function emulateShellBridge(page: import('@playwright/test').Page): Promise<void> {
  await page.addInitScript(() => {
    const token = () => document.querySelector('meta[name="kiosk-token"]')?.getAttribute('content') ?? '';
    (window as unknown as { kiosk: unknown }).kiosk = {
      invoke: (channel: string, envelope: unknown) =>
        fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kiosk-token': token() },
          body: JSON.stringify(envelope),
        }).then((r) => r.json()),
      on: () => () => undefined,
    };
  });
}

test('in the shell, a coordinator closes the kiosk after one more question; other roles cannot', async ({ page, kiosk }, testInfo) => {
  await emulateShellBridge(page);
  await page.goto(kiosk.url);
  const v = new VolunteersPage(page);
  await v.logIn(DEMO_PINS.intake);
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close the kiosk' })).toHaveCount(0);
  await v.logOut().click();

  await v.logIn(DEMO_PINS.coordinator);
  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Close the kiosk? Visitors cannot use it until it is started again.' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect((await wcagAudit(page)).violations.map((x) => x.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('quit-en.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  const quit = page.waitForResponse((r) => r.url().endsWith('/api/shell.quit'));
  await page.getByRole('button', { name: 'Yes, close it' }).click();
  // Core allowed it; the Electron shell quits on that answer (browser mode has nothing to quit).
  expect(await (await quit).json()).toEqual({ ok: true, value: {} });
});
