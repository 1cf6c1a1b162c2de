import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { startHost, type Host } from '../src/host/server';
import { ApiClient } from '../src/renderer/api/client';
import { httpTransport } from '../src/renderer/api/transport';
import type { ChannelInput, ChannelName, ChannelOutput } from '../src/shared/api/contract';
import type { Core } from '../src/core/index';

/** The built renderer, when there is one (the --ui timings need it; the API benches do not). */
export function rendererDir(scratch: string): { dir: string; built: boolean } {
  const built = resolve('out/renderer');
  if (existsSync(join(built, 'index.html'))) return { dir: built, built: true };
  const dir = join(scratch, 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<meta name="kiosk-token" content="" />');
  return { dir, built: false };
}

export interface AppHost {
  host: Host;
  token: string;
  /** The renderer's own API client over the renderer's own HTTP transport: the contract's checks included. */
  client: ApiClient;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

/** The browser-mode host, started in-process as src/host/cli.ts starts it: 127.0.0.1, a per-launch token. */
export async function startAppHost(core: Core, scratch: string): Promise<AppHost> {
  const token = randomBytes(32).toString('hex');
  const host = await startHost({ dispatch: core.dispatch, rendererDir: rendererDir(scratch).dir, token });
  const client = new ApiClient(httpTransport(token, host.url.replace(/\/$/, '')));
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await client.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  return { host, token, client, call, close: () => host.close() };
}

/** Logs the client in as the coordinator (the seeded site's PIN), as the PIN screen does. */
export async function logIn(app: AppHost, pin = '1234'): Promise<void> {
  const session = await app.call('auth.login', { pin });
  app.client.setSession(session.token);
}

export type RawRoute = (input: Record<string, unknown>) => unknown;

export interface RawHost {
  url: string;
  server: Server;
  /** A bare fetch + JSON round trip: no zod on either side, no dispatch, no roles. */
  call(route: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/**
 * The floor's server: bare node:http, the same envelope shape on the wire ({input} in,
 * {ok, value} out as JSON), each route the same SQL work done with bare better-sqlite3.
 */
export async function startRawHost(routes: Record<string, RawRoute>): Promise<RawHost> {
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      const route = routes[(req.url ?? '/').slice(1)];
      let out: string;
      try {
        if (!route) throw new Error(`no route ${req.url}`);
        out = JSON.stringify({ ok: true, value: route((JSON.parse(text) as { input: Record<string, unknown> }).input) });
      } catch (err) {
        out = JSON.stringify({ ok: false, error: { code: 'raw', message: String(err) } });
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(out);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    server,
    async call(route, input) {
      const res = await fetch(url + route, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      });
      const r = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!r.ok) throw new Error(`raw ${route}: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
