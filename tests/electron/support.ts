import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchedKiosk {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** Why the suite is skipped where no Electron binary can be had (this build machine has none). */
const NO_ELECTRON = 'Electron suite skipped: no Electron binary on this machine (set KIOSK_ELECTRON_PATH, or run npm run test:electron)';

/**
 * Launches the real shell (out/main/index.js, as `npm start` does) on a fresh data folder with
 * the demo hub, in kiosk mode: the same window options, protocol, CSP, permission handlers and
 * input filter as production. Only the Electron binary comes from the environment.
 */
export async function launchKiosk(extraArgs: string[] = []): Promise<LaunchedKiosk> {
  const executablePath = process.env.KIOSK_ELECTRON_PATH;
  test.skip(!executablePath, NO_ELECTRON);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  // Never a dev server: the built renderer over app://, exactly as shipped.
  const { ELECTRON_RENDERER_URL: _dev, ...env } = process.env;
  const app = await electron.launch({
    executablePath: executablePath ?? '',
    args: ['.', '--demo', ...extraArgs],
    env: { ...env, KIOSK_DATA_DIR: dataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    dataDir,
    async close() {
      // app.quit() from the main process counts as the system asking: the window may close.
      await app.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}
