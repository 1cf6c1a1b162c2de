import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/index';
import { bridgeEvent } from '../shared/api/bridge';
import { CORE_EVENT } from '../shared/api/events';
import { StationSupervisor } from '../host/stations';
import type { EventBus } from '../core/stations/events';

/**
 * Core's event channel over IPC (the preload's `on('core', …)`), and the stations listener for a
 * hub that runs in Electron: off until the coordinator turns stations on.
 */
export function coreEvents({ win, core }: { win: BrowserWindow; core: Core }): void {
  forwardEvents(win, core.events);
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
  app.on('will-quit', () => void stations.close());
}

/** Events to the window over IPC: core's own, or the hub's as an app station relays them. */
export function forwardEvents(win: BrowserWindow, events: EventBus): void {
  const stop = events.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(bridgeEvent(CORE_EVENT), event);
  });
  win.on('closed', stop);
}
