import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatch';
import type { ErrorCode } from '../shared/api/errors';
import { APP_STATION_META, answerStationRequest, type LocalStation } from './station-relay';
import { CONTENT_SECURITY_POLICY, isAllowedHost, isAllowedOrigin, tokenMatches } from './security';
import { CONTENT_TYPES as TYPES } from '../shared/content-types';
import type { EventBus } from '../core/stations/events';
import { streamEvents } from './events';

export const TOKEN_HEADER = 'x-kiosk-token';
const MAX_BODY = 1 << 20;
/** How much of an oversized body is read and thrown away so the client can read our 413. */
const MAX_DRAIN = 64 << 20;

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  port?: number;
  /** Core's event channel, pushed to the page at GET /api/events (Server-Sent Events). */
  events?: EventBus;
  /**
   * An app station (host/station-relay.ts): its screens are told they are a station's, and pair
   * and ask whether they are paired through this host, which carries it to the hub.
   */
  station?: LocalStation;
}

export interface Host {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

/**
 * Reads a JSON body of at most MAX_BODY bytes, or null when it is larger (by its declared length
 * or as it arrives). An oversized body is then drained, not read: closing a socket with unread
 * data in it sends a reset, and the client would never see our 413. The drain is bounded, so a
 * client streaming forever is cut off in the end.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let drained = 0;
    let tooLarge = false;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      done(null);
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) refuse();
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) {
        drained += chunk.length;
        if (drained > MAX_DRAIN) req.destroy();
        return;
      }
      size += chunk.length;
      if (size > MAX_BODY) return refuse();
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) done(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => (tooLarge ? undefined : fail(err)));
  });
}

/** The contract's error shape, for answers the host gives before core sees the call. */
function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, close = false): void {
  if (close) res.setHeader('connection', 'close');
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8');
}

/**
 * Serves the renderer and the API contract over HTTP on 127.0.0.1 (browser mode). The per-launch
 * token reaches the page in a meta tag of index.html: only a same-origin page can read it.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const root = resolve(options.rendererDir);
  let port = 0;

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      // A malformed % escape is the client's mistake, not ours.
      return send(res, 400, 'bad request');
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return send(res, 404, 'not found');
    try {
      const info = await stat(file);
      if (!info.isFile()) return send(res, 404, 'not found');
    } catch {
      return send(res, 404, 'not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      const html = (await readFile(file, 'utf8')).replace(
        '<meta name="kiosk-token" content="" />',
        `<meta name="kiosk-token" content="${options.token}" />${options.station ? APP_STATION_META : ''}`,
      );
      return send(res, 200, html, type);
    }
    send(res, 200, await readFile(file), type);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (options.station && url.pathname.startsWith('/station/')) return handleStation(options.station, url.pathname, req, res);
    if (url.pathname.startsWith('/api/')) {
      const events = url.pathname === '/api/events' && req.method === 'GET' ? options.events : undefined;
      if (req.method !== 'POST' && !events) return send(res, 405, 'method not allowed');
      if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'forbidden origin');
      const token = req.headers[TOKEN_HEADER];
      if (!tokenMatches(Array.isArray(token) ? token[0] : token, options.token)) return send(res, 401, 'missing token');
      if (events) return streamEvents(res, events);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
      const body = await readBody(req);
      // Said once, then the connection closes: the rest of the body is not ours to read.
      if (body === null) return sendError(res, 413, 'api.too_large', `request body over ${MAX_BODY} bytes`, true);
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        envelope = undefined;
      }
      const result = await options.dispatch(url.pathname.slice('/api/'.length), envelope);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return serveStatic(url.pathname, res);
  }

  /** An app station's pairing, behind the same Host, Origin and token checks as the API. */
  async function handleStation(station: LocalStation, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'forbidden origin');
    const token = req.headers[TOKEN_HEADER];
    if (!tokenMatches(Array.isArray(token) ? token[0] : token, options.token)) return send(res, 401, 'missing token');
    const answer = await answerStationRequest(station, req.method ?? 'GET', pathname, () => readBody(req));
    if (!answer) return send(res, 404, 'not found');
    return typeof answer.body === 'string'
      ? send(res, answer.status, answer.body)
      : send(res, answer.status, JSON.stringify(answer.body), 'application/json; charset=utf-8');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'error');
      else res.end();
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
