// Finds the Electron binary without triggering a download (requiring 'electron' from Node
// would try to fetch it). Returns its path, or null when this machine has none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

export function electronDir() {
  return dirname(require.resolve('electron/package.json'));
}

export function findElectron() {
  const dir = electronDir();
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Tries Electron's own first-run download once; quiet, since here it is expected to fail. */
export function tryDownloadElectron() {
  const run = spawnSync(process.execPath, [join(electronDir(), 'install.js')], { stdio: 'pipe', timeout: 120_000 });
  return run.status === 0 ? findElectron() : null;
}
