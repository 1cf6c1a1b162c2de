import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { EventBus } from '../core/stations/events';
import type { StationIdentity, ListenerConfig } from '../core/stations/station-service';
import { stationMayCall } from '../core/stations/station-access';
import { toPem } from '../core/stations/certificate';
import { AppError } from '../core/errors';
import { contract, isChannelName } from '../shared/api/contract';
import type { ApiResult, ErrorCode } from '../shared/api/errors';
import { CONTENT_TYPES as TYPES } from '../shared/content-types';
import { CONTENT_SECURITY_POLICY } from './security';
import { streamEvents } from './events';
import { z } from 'zod';

export const STATION_COOKIE = 'kiosk_station';
export const CREDENTIAL_HEADER = 'x-station-credential';
/** An app station asks for its credential in the answer; a browser gets only the HttpOnly cookie. */
export const APP_CLIENT_HEADER = 'x-station-client';
const MAX_BODY = 1 << 20;
const YEAR_S = 365 * 86_400;

/** What the LAN host needs of core's stations. */
export interface StationAuthority {
  listener(): ListenerConfig | null;
  pair(code: string): { station: StationIdentity; credential: string };
  authenticate(credential: string | undefined): StationIdentity | null;
}

export interface StationHostOptions {
  dispatch: Dispatch;
  stations: StationAuthority;
  events: EventBus;
  rendererDir: string;
  /** Tests bind another loopback address (127.0.0.2) whatever the site chose. */
  address?: string;
  port?: number;
}

export interface StationHost {
  server: Server;
  address: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const headers = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // Stations only ever talk to the hub over TLS.
  'strict-transport-security': 'max-age=31536000',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': type, ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', extra);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(res, status, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        done(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** What a page sends to pair: the hub's listener and an app station's own loopback host read it. */
export const PairRequest = z.object({ code: z.string().trim().min(4).max(40) });

/**
 * The hub's listener for stations on its own network: TLS only, with the certificate the hub
 * made for itself. Anyone may load the screens (they hold no data) and try a pairing code; every
 * API call and the event stream need a paired station's credential, and core still checks the
 * volunteer's role on top. Host and Origin must name the hub's LAN address (DNS rebinding).
 */
export async function startStationHost(options: StationHostOptions): Promise<StationHost> {
  const config = options.stations.listener();
  if (!config) throw new Error('stations were never configured');
  const address = options.address ?? config.address;
  const root = resolve(options.rendererDir);
  let port = options.port ?? config.port;
  const self = () => `${address}:${port}`;

  const credentialOf = (req: IncomingMessage): string | undefined => {
    const header = req.headers[CREDENTIAL_HEADER];
    return (Array.isArray(header) ? header[0] : header) ?? cookie(req, STATION_COOKIE);
  };

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      return send(res, 400, 'bad request');
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return send(res, 404, 'not found');
    try {
      if (!(await stat(file)).isFile()) return send(res, 404, 'not found');
    } catch {
      return send(res, 404, 'not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      // No per-launch token here: a station proves itself with its own credential (the cookie).
      const html = (await readFile(file, 'utf8')).replace(
        '<meta name="kiosk-token" content="" />',
        '<meta name="kiosk-station" content="1" />',
      );
      return send(res, 200, html, type);
    }
    send(res, 200, await readFile(file), type);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.headers.host ?? '').toLowerCase() !== self()) return send(res, 403, 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `https://${self()}`) return send(res, 403, 'forbidden origin');
    const url = new URL(req.url ?? '/', `https://${self()}`);

    if (url.pathname === '/station/pair') {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      let raw: unknown;
      try {
        raw = JSON.parse((await readBody(req)) ?? 'null');
      } catch {
        raw = null;
      }
      const body = PairRequest.safeParse(raw);
      if (!body.success) return refuse(res, 400, 'api.invalid_input', 'a pairing code is needed');
      try {
        const { station, credential } = options.stations.pair(body.data.code);
        // The coordinator's station list shows the new station without reloading.
        options.events.publish({ topic: 'stations', channel: 'station.pair', at: new Date().toISOString() });
        const app = req.headers[APP_CLIENT_HEADER] === 'app';
        return sendResult(
          res,
          200,
          { ok: true, value: { station, ...(app ? { credential } : {}) } },
          {
            'set-cookie': `${STATION_COOKIE}=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${YEAR_S}`,
          },
        );
      } catch (err) {
        if (err instanceof AppError)
          return sendResult(res, err.code === 'stations.code_wait' ? 429 : 403, {
            ok: false,
            error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) },
          });
        throw err;
      }
    }

    if (url.pathname === '/station/whoami' || url.pathname.startsWith('/api/')) {
      const station = options.stations.authenticate(credentialOf(req));
      if (!station) return refuse(res, 401, 'stations.revoked', 'not a paired station');
      if (url.pathname === '/station/whoami') return sendResult(res, 200, { ok: true, value: { station } });
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return send(res, 405, 'method not allowed');
        const credential = credentialOf(req);
        return streamEvents(res, options.events, () => options.stations.authenticate(credential) !== null);
      }
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (isChannelName(channel) && !stationMayCall(station.role, channel, contract[channel].access)) {
        return refuse(res, 403, 'stations.forbidden', `a ${station.role} station may not call ${channel}`);
      }
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'api.too_large', `request body over ${MAX_BODY} bytes`);
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        envelope = undefined;
      }
      return sendResult(res, 200, await options.dispatch(channel, envelope, { station: station.id }));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return serveStatic(url.pathname, res);
  }

  const server = createServer(
    {
      cert: toPem(config.certificate.cert, 'CERTIFICATE'),
      key: toPem(config.certificate.key, 'PRIVATE KEY'),
      minVersion: 'TLSv1.2',
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, 'error');
        else res.end();
      });
    },
  );
  // A plain-HTTP request or a bad handshake is dropped; it never reaches a handler.
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, address, () => ready());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    address,
    port,
    url: `https://${address}:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Keeps the LAN listener in step with the coordinator's settings: started when stations are
 * turned on, moved when the address or port changes, stopped when they are turned off. Off by
 * default: until then the hub listens on loopback only.
 */
export class StationSupervisor {
  private host: StationHost | null = null;
  private key = '';
  private chain: Promise<void> = Promise.resolve();
  private readonly stop: () => void;

  constructor(
    private readonly options: StationHostOptions,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.stop = options.events.subscribe((e) => {
      if (e.topic === 'stations') void this.reconcile();
    });
  }

  get current(): StationHost | null {
    return this.host;
  }

  reconcile(): Promise<void> {
    this.chain = this.chain.then(async () => {
      const config = this.options.stations.listener();
      const wanted = config?.enabled
        ? `${this.options.address ?? config.address}:${this.options.port ?? config.port}:${config.certificate.cert.toString('base64')}`
        : '';
      if (wanted === this.key) return;
      if (this.host) {
        await this.host.close();
        this.host = null;
      }
      this.key = wanted;
      if (!wanted) return;
      try {
        this.host = await startStationHost(this.options);
        this.log(`Stations at ${this.host.url}`);
      } catch (err) {
        this.key = '';
        this.log(`Stations could not listen: ${(err as Error).message}`);
      }
    });
    return this.chain;
  }

  async close(): Promise<void> {
    this.stop();
    await this.chain;
    await this.host?.close();
    this.host = null;
  }
}
