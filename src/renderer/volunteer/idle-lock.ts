import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` once after `ms` without a touch, click, key (a USB scanner types keys) or
 * scroll anywhere in the window. A volunteer who walks away leaves a public screen, not an
 * open volunteer session.
 */
export function useIdleLock(ms: number, onIdle: () => void): void {
  useEffect(() => {
    let timer = window.setTimeout(onIdle, ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, ms);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, { capture: true });
    };
  }, [ms, onIdle]);
}

/** True inside the Electron shell (the preload's bridge is there); false in browser mode. */
export function inElectronShell(): boolean {
  return 'kiosk' in window;
}
