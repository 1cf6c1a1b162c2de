import type { Browser, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBlankVideo, writeEan13Video } from '../support/fake-camera';
import { expect, test } from './fixtures';
import { StockRoomPage } from './pages/stock-room-page';
import { scriptsLoaded } from './scripts-loaded';

// Chromium plays a y4m file as the camera. The file is a launch option, and each test needs its
// own picture, so each test launches its own Chromium with the same flags as the config.
const dir = mkdtempSync(join(tmpdir(), 'kiosk-ean-camera-'));
const BEANS = join(dir, 'beans.y4m');
const UNKNOWN = join(dir, 'unknown.y4m');
const BLANK = join(dir, 'blank.y4m');
// Black beans' demo barcode is a UPC-A: printed as the EAN-13 0084879544544, read back as 12 digits.
writeEan13Video(BEANS, '084879544544');
writeEan13Video(UNKNOWN, '4006381333931');
writeBlankVideo(BLANK);

const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
let browser: Browser | null = null;
/** A page in a fresh Chromium whose camera shows `video`; null video: camera access refused. */
async function cameraPage(playwright: PlaywrightWorkerArgs['playwright'], video: string | null): Promise<Page> {
  browser = await playwright.chromium.launch({
    ...(chromium ? { executablePath: chromium } : {}),
    args: video
      ? [...BASE_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]
      : // No fake-UI flag and no permission: Chromium refuses getUserMedia, as when access is blocked.
        [...BASE_ARGS, '--use-fake-device-for-media-stream'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, permissions: video ? ['camera'] : [] });
  return context.newPage();
}
test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

test('the camera reads the black beans barcode and the receive form comes up, as with a USB scan', async ({ playwright, kiosk }) => {
  const page = await cameraPage(playwright, BEANS);
  const scripts = scriptsLoaded(page);
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  // ZXing comes when the camera is turned on, not with the stock room.
  expect(scripts()).toContain('index');
  expect(scripts()).not.toContain('CameraBarcode');
  await room.cameraButton().click();
  await expect(room.receiveForm().getByText('Black beans, 15 oz')).toBeVisible({ timeout: 20_000 });
  expect(scripts()).toContain('CameraBarcode');
  // One read, then the camera is off and the button is back for the next box.
  await expect(page.getByLabel('Camera view')).toHaveCount(0);
  await expect(room.cameraButton()).toBeVisible();
  await room.receiveForm().getByRole('button', { name: 'Receive', exact: true }).click();
  await expect(room.status()).toHaveText(/^Received \u20681\u2069 × \u2068Black beans, 15 oz\u2069\. On hand now: \u2068\d+\u2069\.$/);
});

test('the camera read offers to create the item with that barcode', async ({ playwright, kiosk }) => {
  const page = await cameraPage(playwright, UNKNOWN);
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await room.cameraButton().click();
  await expect(page.getByText('Barcode 4006381333931 is not in the catalogue yet.', { exact: false })).toBeVisible({ timeout: 20_000 });
  const create = page.getByRole('form', { name: 'New item' });
  await expect(create.getByLabel('Barcodes (separate with spaces)')).toHaveValue('4006381333931');
  await create.getByLabel('English').fill('Sunflower seeds, 200 g');
  await create.getByRole('button', { name: 'Save item' }).click();
  await expect(room.receiveForm().getByText('Sunflower seeds, 200 g')).toBeVisible();
  expect(kiosk.core.services.stock.search('sunflower', 'en', 5)).toHaveLength(1);
});

test('the camera panel says how to aim, in English and Arabic, and Stop camera closes it', async ({ playwright, kiosk }, testInfo) => {
  const page = await cameraPage(playwright, BLANK);
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await room.cameraButton().click();
  await expect(page.getByText('Hold the barcode flat in front of the camera', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Camera view')).toBeVisible();
  // The picture is live (frames arriving), and Stop is on screen without scrolling.
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0);
  await expect(page.getByRole('button', { name: 'Stop camera' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('receive-camera-en.png') });
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(page.getByLabel('Camera view')).toHaveCount(0);
  // The USB scanner still works with the camera closed.
  await room.scan('084879544544');
  await expect(room.receiveForm().getByText('Black beans, 15 oz')).toBeVisible();
});

test('in Arabic the panel mirrors and reads in Arabic', async ({ playwright, kiosk }, testInfo) => {
  const page = await cameraPage(playwright, BLANK);
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'المتطوعون' }).click();
  for (const digit of '2222') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'موافق', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'امسح بالكاميرا' }).click();
  await expect(page.getByText('أمسك الباركود مستويًا أمام الكاميرا', { exact: false })).toBeVisible();
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0);
  await page.screenshot({ path: testInfo.outputPath('receive-camera-ar.png') });
  await expect(page.getByRole('button', { name: 'أوقف الكاميرا' })).toBeInViewport();
});

test('a refused camera is an explained error, and the screen keeps working', async ({ playwright, kiosk }) => {
  const page = await cameraPage(playwright, null);
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await room.cameraButton().click();
  await expect(page.getByRole('alert')).toHaveText('The camera is blocked. Allow camera access for this app, or type the barcode instead.');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await room.scanField().fill('084879544544');
  await room.scanField().press('Enter');
  await expect(room.receiveForm().getByText('Black beans, 15 oz')).toBeVisible();
});
