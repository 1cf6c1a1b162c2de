import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  /** Absolute path of the built preload (CommonJS: a sandboxed preload must be). */
  preloadPath: string;
  /** Full-screen kiosk (the default); `--windowed` turns it off for coordinators and tests. */
  kiosk: boolean;
  /** Only under `electron-vite dev`; never in a packaged build, never in tests. */
  devTools: boolean;
}

/**
 * The kiosk window and its web preferences, in one pure function: production, the Electron
 * tests and development all build their window here, so the same lockdown applies everywhere.
 */
export function kioskWindowOptions({ preloadPath, kiosk, devTools }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    kiosk,
    fullscreen: kiosk,
    // No menu bar, and no Alt to reveal one (the application menu is removed as well).
    autoHideMenuBar: true,
    // A fixed title: nothing personal ever shows in a window title or a task switcher.
    title: 'Mutual Aid Kiosk',
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: preloadPath,
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
      devTools,
      // The UI uses no alert/confirm/prompt; a page that tried could block the kiosk.
      disableDialogs: true,
      // Middle-click would open links in new windows; there are none, and windows are denied too.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      enableWebSQL: false,
      // A kiosk has no business pinch-zooming out of its layout.
      zoomFactor: 1,
    },
  };
}
