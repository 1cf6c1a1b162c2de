import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BootError, bootCore, parseKioskArgs, resolveDataDir, type Booted } from '../core/boot';
import { StationRelay, bootStation, type StationFile } from './station-relay';
import { startHost } from './server';
import { StationSupervisor } from './stations';

/**
 * Browser mode: `node out/main/host.js [--data-dir DIR] [--demo] [--port N]`. Serves the same
 * renderer and the same core as the Electron kiosk, on 127.0.0.1 only. Arguments and start-up
 * are shared with the shell (core/boot.ts).
 */
async function main(): Promise<void> {
  let booted: Booted;
  let rendererDir: string;
  let port: number;
  try {
    const args = parseKioskArgs(process.argv.slice(2), { others: 'refuse' });
    rendererDir = args.rendererDir ?? resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
    port = args.port;
    if (!existsSync(join(rendererDir, 'index.html'))) {
      console.error(`The kiosk screens are not built yet (${rendererDir}). Run: npm run build`);
      process.exit(1);
    }
    // A data folder paired with a hub (or --station): no site of its own, its calls go to the hub.
    const dataDir = resolveDataDir(args);
    const station = bootStation(args, dataDir);
    if (station) return await runStation({ dataDir, file: station, code: args.station?.code, rendererDir, port });
    booted = bootCore({ args, logError: (err, channel) => console.error(`[${channel}]`, err) });
  } catch (err) {
    if (err instanceof BootError) {
      console.error(err.message);
      process.exit(err.exitCode);
    }
    throw err;
  }
  const { core, dataDir } = booted;
  if (booted.demoLoaded) console.log('Demo data loaded.');
  const token = randomBytes(32).toString('hex');
  const host = await startHost({ dispatch: core.dispatch, rendererDir, token, port, events: core.events });
  console.log(`Kiosk (browser mode) at ${host.url}  data: ${dataDir}`);
  // Off until the coordinator turns stations on; then the LAN listener follows the settings.
  const stations = new StationSupervisor(
    { dispatch: core.dispatch, stations: core.services.stations, events: core.events, rendererDir },
    (m) => console.log(m),
  );
  await stations.reconcile();
  const stop = () => {
    void Promise.all([host.close(), stations.close(), core.services.networkSchedule.stop()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** An app station: this computer's screens on loopback, their calls carried to the hub. */
async function runStation(o: {
  dataDir: string;
  file: StationFile;
  code: string | undefined;
  rendererDir: string;
  port: number;
}): Promise<void> {
  const relay = new StationRelay({ dataDir: o.dataDir, file: o.file, log: (m) => console.log(m) });
  relay.start();
  const token = randomBytes(32).toString('hex');
  const host = await startHost({
    dispatch: relay.dispatch,
    rendererDir: o.rendererDir,
    token,
    port: o.port,
    events: relay.events,
    station: relay,
  });
  console.log(`Kiosk station (browser mode) at ${host.url}  hub: ${relay.hubUrl}  data: ${o.dataDir}`);
  if (o.code) {
    const paired = await relay.pair(o.code);
    // Not fatal: the screens ask for a new code from the hub's "Add a station".
    if (!paired.ok) console.log(`Pairing with the hub did not work (${paired.error.message}); the screens ask for a new code.`);
  } else if (!relay.paired) console.log('Not paired yet: the screens ask for the code from the hub\'s "Add a station".');
  const stop = () => {
    void host.close().then(() => {
      relay.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
