import { app, BrowserWindow, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/index';
import { BootError, bootCore, parseKioskArgs, resolveDataDir, type Booted } from '../core/boot';
import type { Dispatch } from '../core/dispatch';
import { StationRelay, bootStation, type LocalStation, type StationFile } from '../host/station-relay';
import { createApiHandler } from './api-binding';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { shouldBlockInput } from './input-filter';
import { isAllowedRequestUrl, isPermissionAllowed, isPermissionCheckAllowed } from './lockdown';
import { kioskWindowFrame } from './window-options';
import { electronShell } from './printing';
import { coreEvents, forwardEvents } from './core-events';

// The thin Electron shell: one locked-down window serving the UI from app://, and the contract
// bound to IPC. Everything else lives in core (tested under Node) and the renderer (tested in
// Chromium). The pure parts (window options, CSP, sender check, input filter, permissions,
// app:// resolution) live in their own modules with unit tests.

/**
 * Shell features that need the window or core. (Printing and quitting are not: core calls them
 * through the shell port given to createCore in start().)
 */
type HubFeature = (shell: { win: BrowserWindow; core: Core }) => void;
const SHELL_FEATURES: HubFeature[] = [coreEvents];
type ShellFeature = (win: BrowserWindow) => void;

// Only `electron-vite dev` sets this; a packaged app or a test never loads a dev server.
const DEV_URL = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const devOrigin = DEV_URL ? new URL(DEV_URL).origin : null;

// Must run before 'ready'. Every renderer is sandboxed, whatever a window asks for.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

// Leaving the kiosk is allowed only once core has said yes (a coordinator's PIN), or when the
// system asks the app to quit (shutdown, systemd stop).
let quitAllowed = false;
app.on('before-quit', () => {
  quitAllowed = true;
});

/** Every web contents, even one we never meant to create: no navigation, no windows, no webviews. */
app.on('web-contents-created', (_event, contents: WebContents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-frame-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(
      isPermissionAllowed(permission, {
        requestingUrl: details.requestingUrl,
        mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      }),
    ),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, 'mediaType' in details ? details.mediaType : undefined),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (e, _details, callback) => {
    e.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (e, _ports, _wc, callback) => {
    e.preventDefault();
    callback('');
  });
  ses.on('will-download', (e) => e.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) }));
  ses.setSpellCheckerEnabled(false);
  // The one preload (src/preload: it exposes invoke/on and nothing else, lint keeps it so), for
  // the session's main frames; subframes get none (nodeIntegrationInSubFrames is off). CommonJS:
  // a sandboxed preload must be.
  ses.registerPreloadScript({ type: 'frame', id: 'kiosk-bridge', filePath: join(import.meta.dirname, '../preload/index.cjs') });
}

/** What the window talks to: this computer's own core (a hub), or a hub's over the network (a station). */
interface Backend {
  dispatch: Dispatch;
  features: ShellFeature[];
  /** Before the window loads (a station pairs with the code from its link). */
  ready: Promise<void>;
  /** A station's screens pair through app:// (the pairing screen, after the coordinator removed it). */
  station?: LocalStation;
}

async function start(): Promise<void> {
  // The same arguments and start-up as browser mode (core/boot.ts). argv[0] is Electron itself;
  // the app path and Chromium's switches are left to Electron.
  let backend: Backend;
  let kiosk: boolean;
  try {
    const args = parseKioskArgs(process.argv.slice(1), { others: 'ignore' });
    kiosk = !args.windowed;
    const defaultDataDir = () => app.getPath('userData');
    // A data folder paired with a hub (or --station): no site of its own, its calls go to the hub.
    const dataDir = resolveDataDir(args, process.env, defaultDataDir);
    const station = bootStation(args, dataDir);
    backend = station
      ? stationBackend(dataDir, station, args.station?.code)
      : hubBackend(
          bootCore({
            args,
            defaultDataDir,
            logError: (err, channel) => console.error(`[${channel}]`, err),
            shell: (dataDir) =>
              electronShell(
                () => BrowserWindow.getAllWindows()[0] ?? null,
                dataDir,
                // Core has allowed it (a coordinator's session): answer the renderer first, then quit.
                () => {
                  quitAllowed = true;
                  setImmediate(() => app.quit());
                },
              ),
          }),
        );
  } catch (err) {
    console.error(err instanceof BootError ? err.message : `Cannot start the kiosk: ${String(err)}`);
    app.exit(err instanceof BootError ? err.exitCode : 1);
    return;
  }

  Menu.setApplicationMenu(null);
  lockDownSession();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(import.meta.dirname, '../renderer'), undefined, backend.station));

  const handleApi = createApiHandler({ dispatch: backend.dispatch, appOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] });
  ipcMain.handle('api', (event, channel: unknown, envelope: unknown) => {
    const frame = event.senderFrame;
    return handleApi({ url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame }, channel, envelope);
  });

  // The lockdown, spelled out where the window is made (tests/integration/main-wiring.test.ts
  // checks what the window really got; lint forbids any other value for these keys here).
  const win = new BrowserWindow({
    ...kioskWindowFrame({ kiosk }),
    webPreferences: {
      // No preload here: the one preload is registered on the session (lockDownSession).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Spellcheck would download dictionaries from the internet and leak typed words to it.
      spellcheck: false,
      // Only under `electron-vite dev`; never in a packaged build, never in tests.
      devTools: devOrigin !== null,
      // The UI uses no alert/confirm/prompt; a page that tried could block the kiosk.
      disableDialogs: true,
      // Middle-click would open links in new windows; there are none, and windows are denied too.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      enableWebSQL: false,
      // A kiosk has no business pinch-zooming out of its layout.
      zoomFactor: 1,
    },
  });
  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, { kiosk })) event.preventDefault();
  });
  // Pinch and Ctrl+wheel zoom: the layout is made for one size.
  void contents.setVisualZoomLevelLimits(1, 1);
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
  // The title stays "Mutual Aid Kiosk": nothing personal in a window title.
  win.on('page-title-updated', (e) => e.preventDefault());
  win.on('close', (e) => {
    if (kiosk && !quitAllowed) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  for (const feature of backend.features) feature(win);

  await backend.ready;
  void win.loadURL(DEV_URL ?? APP_INDEX_URL);
}

function hubBackend(booted: Booted): Backend {
  const { core } = booted;
  if (booted.demoLoaded) console.log('Demo data loaded.');
  app.on('will-quit', () => core.close());
  return {
    dispatch: core.dispatch,
    features: SHELL_FEATURES.map((f) => (win: BrowserWindow) => f({ win, core })),
    ready: Promise.resolve(),
  };
}

/**
 * Another install started as a station (`--station <link>`, then by itself): no database here;
 * every call goes to the hub over TLS pinned to the link's fingerprint (host/station-relay.ts).
 * It prints with the page's own print, on this computer's printer. Removed by the coordinator,
 * its screen turns to pairing, and a new code is typed there (through app://, below).
 */
function stationBackend(dataDir: string, file: StationFile, code: string | undefined): Backend {
  const relay = new StationRelay({ dataDir, file, log: (m) => console.log(m) });
  relay.start();
  app.on('will-quit', () => relay.close());
  const ready = code
    ? relay.pair(code).then((r) => {
        if (!r.ok) console.error(`Pairing with the hub at ${relay.hubUrl} did not work: ${r.error.message}`);
      })
    : Promise.resolve();
  return { dispatch: relay.dispatch, features: [(win) => forwardEvents(win, relay.events)], ready, station: relay };
}

app.whenReady().then(start, (err: unknown) => {
  console.error(err);
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
