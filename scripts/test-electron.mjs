// Runs the Playwright `_electron` suite where an Electron binary exists; elsewhere says plainly
// that it was skipped and why, and succeeds (the same code runs in the browser-mode suite).
import { spawnSync } from 'node:child_process';
import { findElectron } from './electron-binary.mjs';

const electron = findElectron();
if (!electron) {
  console.log(
    'Electron suite skipped: no Electron binary on this machine (it cannot be downloaded here); the same screens and core ran in the browser-mode e2e suite.',
  );
  process.exit(0);
}
const cli = 'node_modules/@playwright/test/cli.js';
const run = spawnSync(process.execPath, [cli, 'test', '-c', 'playwright.electron.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, KIOSK_ELECTRON_PATH: electron },
});
process.exit(run.status ?? 1);
