import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SlipKeyring } from '../../src/core/slips/signing';
import { PAYLOAD_VERSION } from '../../src/shared/slips/payload';
import { dayNumber } from '../../src/shared/time';
import { writeQrVideo } from '../support/fake-camera';
import { seededKeys } from '../support/fixed';
import { expect, test } from './fixtures';
import { PickupTable } from './pages/pickup-page';
import { scriptsLoaded } from './scripts-loaded';

// The demo site's first key comes from seededKeys('e2e'), so a slip signed here verifies there.
const KEY = seededKeys('e2e').generate();
const DAY = dayNumber(new Date(Date.UTC(2026, 10, 28, 10, 0, 0)));
const SLIP_ID = Uint8Array.from({ length: 10 }, (_, n) => 0xa0 + n);
const DIGITS = (() => {
  // A keyring over a throwaway in-memory database holding just that key: signs the way core does.
  const db = new Database(':memory:');
  db.exec('CREATE TABLE site_keys (key_id INTEGER PRIMARY KEY, public_key BLOB, private_key BLOB, retired_at TEXT)');
  db.prepare('INSERT INTO site_keys VALUES (1, ?, ?, NULL)').run(KEY.publicKey, KEY.privateKey);
  const digits = new SlipKeyring(db).sign({ version: PAYLOAD_VERSION, keyId: 1, slipId: SLIP_ID, issueDay: DAY, expiryDay: DAY + 7 });
  db.close();
  return digits;
})();
const VIDEO = join(mkdtempSync(join(tmpdir(), 'kiosk-camera-')), 'qr.y4m');
writeQrVideo(VIDEO, DIGITS);

const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
test.use({
  launchOptions: {
    ...(chromium ? { executablePath: chromium } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  },
  permissions: ['camera'],
});

test('the camera button scans a slip with the bundled decoder', async ({ page, kiosk }) => {
  const db = kiosk.core.ctx.db;
  db.prepare(
    `INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
     SELECT ?, 'CAMR-A222', 1, visit_id, household_id, 'ar', ?, ?, ?, issued_at FROM slips LIMIT 1`,
  ).run(Buffer.from(SLIP_ID).toString('hex'), DAY, DAY + 7, DIGITS);
  const scripts = scriptsLoaded(page);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  // The QR decoder is not part of the first paint, nor of the pickup table before the camera.
  expect(scripts()).toContain('index');
  expect(scripts()).not.toContain('CameraScanner');
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(table.slip().getByText('CAMR-A222')).toBeVisible({ timeout: 20_000 });
  expect(scripts()).toContain('CameraScanner');
  // The camera stops once it has read a slip.
  await expect(page.getByLabel('Camera view')).toHaveCount(0);
});
