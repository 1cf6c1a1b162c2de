import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Launch the real shell on a fresh data folder with demo data and walk the thin path.
test('launches the kiosk and issues a slip', async () => {
  const executablePath = process.env.KIOSK_ELECTRON_PATH;
  test.skip(!executablePath, 'no Electron binary on this machine');
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  const app = await electron.launch({
    executablePath,
    args: ['.', '--demo', '--windowed'],
    env: { ...process.env, KIOSK_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Get my slip' }).click();
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
