// The stations of stations.load, on a thread of their own: they are other devices on the hub's
// network, so their side of TLS and HTTP is not work the hub's thread does. Each round, every
// station makes its call at once; each answer comes back with the time the station waited.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { StationClient, type StationClientOptions } from '../../src/host/station-client';

export interface DeviceCall {
  channel: string;
  input: unknown;
  session: string | null;
  requestId?: string;
}

export interface DeviceAnswer {
  ms: number;
  ok: boolean;
  code?: string;
  /** The answer's id (an issued slip's), to check afterwards that the write is in the database. */
  id?: string;
}

export type DeviceMessage = { type: 'round'; group: number; calls: DeviceCall[] } | { type: 'close' };

if (parentPort) {
  const port = parentPort;
  const groups = (workerData as { groups: StationClientOptions[][] }).groups.map((g) => g.map((o) => new StationClient(o)));
  port.on('message', (m: DeviceMessage) => {
    if (m.type === 'close') {
      for (const c of groups.flat()) c.close();
      port.close();
      return;
    }
    void Promise.all(
      m.calls.map(async (call, k): Promise<DeviceAnswer> => {
        const start = performance.now();
        const r = await groups[m.group]![k]!.call(call.channel, call.input, call.session, call.requestId);
        const ms = performance.now() - start;
        return r.ok ? { ms, ok: true, id: (r.value as { id?: string } | null)?.id } : { ms, ok: false, code: r.error.code };
      }),
    ).then((answers) => port.postMessage(answers));
  });
}
