import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'mutual-aid-kiosk';

/**
 * Where the site database lives when nothing else is said: the same folder Electron calls
 * userData, so the Electron kiosk and browser mode open the same file.
 * KIOSK_DATA_DIR (or --data-dir) overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KIOSK_DATA_DIR) return env.KIOSK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
