import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security/csp';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { enterPin, launchKiosk, type LaunchedKiosk } from './support';
import { join } from 'node:path';

// The real Electron shell, end to end: launch, kiosk intake, PIN to volunteer mode, a slip to
// PDF through the shell's own print path, quit with the PIN. Runs where an Electron binary exists (scripts/test-electron.mjs says
// plainly when it does not).
test.describe.configure({ mode: 'serial' });

let kiosk: LaunchedKiosk;
test.afterEach(async () => {
  await kiosk?.close();
});

test('launches locked down: app:// origin, CSP header, no Node, only invoke/on, no network, no devtools', async () => {
  kiosk = await launchKiosk();
  const { app, page } = kiosk;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  expect(page.url()).toBe('app://kiosk/index.html');
  expect(await page.title()).toBe('Mutual Aid Kiosk');

  const inPage = await page.evaluate(async () => {
    const res = await fetch('/index.html');
    const remote = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    const w = window as unknown as { kiosk?: Record<string, unknown>; require?: unknown; process?: unknown };
    return {
      csp: res.headers.get('content-security-policy'),
      bridge: Object.keys(w.kiosk ?? {}).sort(),
      require: typeof w.require,
      process: typeof w.process,
      remote,
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    };
  });
  expect(inPage).toEqual({
    csp: CONTENT_SECURITY_POLICY,
    bridge: ['invoke', 'on'],
    require: 'undefined',
    process: 'undefined',
    remote: 'blocked',
    geolocation: 'denied',
  });

  const shell = await app.evaluate(({ BrowserWindow, Menu }) => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) throw new Error('no window');
    win.webContents.openDevTools();
    return {
      kiosk: win.isKiosk(),
      menu: Menu.getApplicationMenu() === null,
      devtools: win.webContents.isDevToolsOpened(),
      windows: BrowserWindow.getAllWindows().length,
    };
  });
  expect(shell).toEqual({ kiosk: true, menu: true, devtools: false, windows: 1 });

  // Closing the window without the PIN does nothing in kiosk mode.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // A page cannot open windows or navigate away.
  await page.evaluate(() => {
    window.open('https://example.com/');
    window.location.href = 'https://example.com/';
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  expect(page.url()).toBe('app://kiosk/index.html');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a visitor gets a slip, and the slip prints to PDF', async () => {
  kiosk = await launchKiosk();
  const { page } = kiosk;
  // The same walk-in flow as the browser-mode thin path: language, purpose, household, needs,
  // contact (skipped), confirm.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('button', { name: /^I need something/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you need?');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Get my slip' }).click();
  await expect(page.locator('svg.qr')).toBeVisible();
  // The real print path, by itself: the slip screen asks core's shell.print the moment the slip
  // is issued, and Electron's shell port prints silently (with no printer here it says so, and
  // the code stays large on screen) and always keeps a PDF copy.
  const code = (await page.locator('.slip-code').first().innerText()).trim();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Your slip is printing.' })
      .or(page.getByRole('alert').filter({ hasText: 'The slip could not be printed.' })),
  ).toBeVisible();
  const pdfPath = join(kiosk.dataDir, 'printed-slips', `${code}.pdf`);
  await expect.poll(() => existsSync(pdfPath)).toBe(true);
  const bytes = readFileSync(pdfPath);
  writeFileSync(test.info().outputPath('slip.pdf'), bytes);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1000);
});

test('the PIN opens volunteer mode; a wrong PIN does not', async () => {
  kiosk = await launchKiosk();
  const { page } = kiosk;
  await page.getByRole('button', { name: 'Volunteer', exact: true }).click();
  await enterPin(page, '0000');
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');
  await enterPin(page, DEMO_PINS.intake);
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toBeVisible();
  // An intake volunteer cannot close the kiosk: no button, and core refuses the call itself.
  await expect(page.getByRole('button', { name: 'Close the kiosk' })).toHaveCount(0);
  const refused = await page.evaluate(() =>
    (window as unknown as { kiosk: { invoke(c: string, e: unknown): Promise<unknown> } }).kiosk.invoke('shell.quit', {
      input: {},
      session: null,
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  expect(await kiosk.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the coordinator quits the kiosk with the PIN', async () => {
  kiosk = await launchKiosk();
  const { app, page } = kiosk;
  await page.getByRole('button', { name: 'Volunteer', exact: true }).click();
  await enterPin(page, DEMO_PINS.coordinator);
  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const closed = app.waitForEvent('close');
  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  await page.getByRole('button', { name: 'Yes, close it' }).click();
  await closed;
});
