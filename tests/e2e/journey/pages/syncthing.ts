import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Syncthing a hub installs: its REST API on 127.0.0.1 only (never anything
 * beyond loopback), answering the calls the kiosk makes and remembering the devices and the
 * folder it was told to share. A device it was told about counts as connected, as a sister hub
 * that is online would be. The files themselves are carried by the test (one shared folder).
 */
export async function fakeSyncthing(myID: string, apiKey = 'journey-key') {
  const devices = new Map<string, unknown>();
  const folders = new Map<string, { devices: { deviceID: string }[]; path: string }>();
  const body = (req: IncomingMessage) =>
    new Promise<unknown>((resolve) => {
      let s = '';
      req.on('data', (c: Buffer) => (s += c.toString('utf8')));
      req.on('end', () => resolve(s ? (JSON.parse(s) as unknown) : null));
    });
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, value?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (req.headers['x-api-key'] !== apiKey) return send(403, { error: 'bad key' });
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const dev = /^\/rest\/config\/devices\/(.+)$/.exec(path);
      const fol = /^\/rest\/config\/folders\/(.+)$/.exec(path);
      if (path === '/rest/system/status') return send(200, { myID });
      if (path === '/rest/system/connections')
        return send(200, { connections: Object.fromEntries([...devices.keys()].map((d) => [d, { connected: true }])) });
      if (path.startsWith('/rest/config/defaults/')) return send(200, {});
      if (path === '/rest/db/scan') return send(200);
      if (dev && req.method === 'GET') return devices.has(dev[1]!) ? send(200, devices.get(dev[1]!)) : send(404);
      if (dev && req.method === 'PUT') return send(200, void devices.set(dev[1]!, await body(req)));
      if (dev && req.method === 'DELETE') return send(200, void devices.delete(dev[1]!));
      if (fol && req.method === 'GET') return folders.has(fol[1]!) ? send(200, folders.get(fol[1]!)) : send(404);
      if (fol && req.method === 'PUT') return send(200, void folders.set(fol[1]!, (await body(req)) as never));
      return send(404);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: { url: `http://127.0.0.1:${port}`, apiKey },
    devices,
    folders,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
