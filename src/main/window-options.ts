import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The kiosk window's frame (size, full screen, title), in one pure function. Its web
 * preferences are not here: they are written out as literals where the window is made
 * (src/main/index.ts), so a reader, the lint rules and the Electron security scanner all see
 * the lockdown at the one place it takes effect.
 */
export function kioskWindowFrame({ kiosk }: { kiosk: boolean }): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
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
  };
}
