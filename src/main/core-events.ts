import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/index';
import { bridgeEvent } from '../shared/api/bridge';
import { CORE_EVENT } from '../shared/api/events';
import { StationSupervisor } from '../host/stations';

/**
 * Core's event channel over IPC (the preload's `on('core', …)`), and the stations listener for a
 * hub that runs in Electron: off until the coordinator turns stations on.
 */
export function coreEvents({ win, core }: { win: BrowserWindow; core: Core }): void {
  const stop = core.events.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(bridgeEvent(CORE_EVENT), event);
  });
  const stations = new StationSupervisor(
    {
      dispatch: core.dispatch,
      stations: core.services.stations,
      events: core.events,
      rendererDir: join(import.meta.dirname, '../renderer'),
    },
    (m) => console.log(m),
  );
  void stations.reconcile();
  win.on('closed', stop);
  app.on('will-quit', () => void stations.close());
}
