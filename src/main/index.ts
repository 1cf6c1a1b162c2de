import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { createCore, openDataDir } from '../core/index';
import { seedDemo } from '../core/demo/seed';
import { AppError } from '../core/errors';
import { isTrustedSender } from './sender';
import { withShellChannels } from './printing';

// The thin Electron shell: one locked-down window, and the contract bound to IPC. Everything
// else lives in core (tested under Node) and the renderer (tested in Chromium).

const DEV_URL = process.env.ELECTRON_RENDERER_URL;
const appOrigins = DEV_URL ? [new URL(DEV_URL).origin] : ['file://'];

function start(): void {
  let db;
  try {
    db = openDataDir(process.env.KIOSK_DATA_DIR ?? app.getPath('userData'));
  } catch (err) {
    const message = err instanceof AppError ? err.message : String(err);
    console.error(`Cannot open the site database: ${message}`);
    app.exit(2);
    return;
  }
  const core = createCore({ db, logError: (err, channel) => console.error(`[${channel}]`, err) });
  let win: BrowserWindow | null = null;
  const dispatch = withShellChannels(core.dispatch, () => win);
  if (process.argv.includes('--demo')) seedDemo(core.ctx, core.services.intake);

  ipcMain.handle('api', async (event, channel: unknown, envelope: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame === event.sender.mainFrame, appOrigins)) {
      return { ok: false, error: { code: 'auth.forbidden', message: 'untrusted sender' } };
    }
    return dispatch(typeof channel === 'string' ? channel : '', envelope);
  });

  win = new BrowserWindow({
    width: 1366,
    height: 768,
    kiosk: !process.argv.includes('--windowed'),
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  if (DEV_URL) void win.loadURL(DEV_URL);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  app.on('will-quit', () => core.close());
}

app.whenReady().then(start, (err: unknown) => {
  console.error(err);
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
