import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDeps } from '../../src/core/index';
import { StationSupervisor } from '../../src/host/stations';
import { makeCore, type TestCore } from './core';

/** The LAN listener binds another loopback address: never beyond this machine. */
export const LAN = '127.0.0.2';

export interface StationsHub {
  t: TestCore;
  /** The coordinator's session. */
  coord: string;
  supervisor: StationSupervisor;
  /** The listener's port (a free one: the QR's link names the coordinator's 47443). */
  port: number;
  fingerprint: string;
  rendererDir: string;
  close(): Promise<void>;
}

/**
 * A set-up hub whose coordinator turned stations on at LAN, its listener started by the
 * supervisor as the hosts start it, over a stand-in renderer. `beforeOn` sees the supervisor
 * while stations are still off.
 */
export async function stationsHub(extra: Partial<CoreDeps> = {}, beforeOn?: (s: StationSupervisor) => Promise<void>): Promise<StationsHub> {
  const t = makeCore(extra);
  const coord = await t.setUp();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="kiosk-token" content="" /></head></html>');
  const supervisor = new StationSupervisor({
    dispatch: t.core.dispatch,
    stations: t.core.services.stations,
    events: t.core.events,
    rendererDir,
    port: 0,
  });
  await beforeOn?.(supervisor);
  const on = await t.call('stations.configure', { enabled: true, address: LAN, port: 47443 }, coord);
  if (!on.ok) throw new Error(JSON.stringify(on));
  await supervisor.reconcile();
  return {
    t,
    coord,
    supervisor,
    port: supervisor.current!.port,
    fingerprint: on.value.fingerprint!,
    rendererDir,
    close: async () => {
      await supervisor.close();
      t.dispose();
    },
  };
}
