import { SyncthingClient, type SyncthingTransport } from '../../../src/core/exchange/syncthing';

/** A stand-in Syncthing: answers the REST calls the kiosk makes and remembers its config. */
export function fakeSyncthing(myID: string) {
  const devices = new Map<string, unknown>();
  const folders = new Map<string, { devices: { deviceID: string }[]; path: string }>();
  const connected = new Set<string>();
  let reachable = true;
  const transport: SyncthingTransport = (method, path, body) => {
    if (!reachable) return Promise.reject(new Error('down'));
    const [p] = path.split('?');
    const dev = /^\/rest\/config\/devices\/(.+)$/.exec(p!);
    const fol = /^\/rest\/config\/folders\/(.+)$/.exec(p!);
    if (p === '/rest/system/status') return Promise.resolve({ myID });
    if (p === '/rest/system/connections')
      return Promise.resolve({ connections: Object.fromEntries([...devices.keys()].map((d) => [d, { connected: connected.has(d) }])) });
    if (p!.startsWith('/rest/config/defaults/')) return Promise.resolve({});
    if (p === '/rest/db/scan') return Promise.resolve(null);
    if (dev && method === 'GET') return Promise.resolve(devices.get(dev[1]!) ?? null);
    if (dev && method === 'PUT') return Promise.resolve(void devices.set(dev[1]!, body));
    if (dev && method === 'DELETE') return Promise.resolve(void devices.delete(dev[1]!));
    if (fol && method === 'GET') return Promise.resolve(folders.get(fol[1]!) ?? null);
    if (fol && method === 'PUT') return Promise.resolve(void folders.set(fol[1]!, body as never));
    return Promise.reject(new Error(`unexpected ${method} ${path}`));
  };
  return { devices, folders, connected, transport, down: () => (reachable = false), client: () => new SyncthingClient(transport) };
}
