import { Agent, request } from 'node:https';
import type { ClientRequest } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { ApiResult } from '../shared/api/errors';
import { readEventBlocks, type StreamMessage } from '../shared/api/sse';
import { APP_CLIENT_HEADER, CREDENTIAL_HEADER } from './stations';

/** The hub says a comment line every 20 s: a stream silent for longer than this is dead. */
const EVENTS_IDLE_MS = 45_000;

// The link's format lives with its writer and reader in shared/stations/link.ts.
export { parseStationLink, type StationLink } from '../shared/stations/link';

/**
 * An agent that only talks to the hub whose certificate fingerprint the station was given at
 * pairing. The handshake is finished and the fingerprint compared before the socket is handed
 * to HTTP, so not one byte of a request goes to an impostor on the same Wi-Fi.
 */
class PinnedAgent extends Agent {
  constructor(private readonly fingerprint: string) {
    super({ keepAlive: true, maxSockets: 4 });
  }

  override createConnection(options: object, done?: (err: Error | null, socket: Duplex) => void): Duplex | null | undefined {
    const socket: TLSSocket = connect({ ...(options as object), rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      if (socket.getPeerCertificate().fingerprint256 !== this.fingerprint) {
        socket.destroy();
        done?.(Object.assign(new Error('the hub certificate does not match the paired fingerprint'), { code: 'PIN_MISMATCH' }), socket);
        return;
      }
      done?.(null, socket);
    });
    socket.once('error', (err) => done?.(err, socket));
    return undefined;
  }
}

export interface StationClientOptions {
  address: string;
  port: number;
  fingerprint: string;
  credential?: string;
  /** Per-call limit: a station that lost Wi-Fi says so instead of hanging. */
  timeoutMs?: number;
}

/**
 * An app station (another install started as a station, and the benchmarks): the same contract
 * over TLS to the hub, pinned to the hub's fingerprint, with the station's own credential.
 */
export class StationClient {
  private readonly agent: PinnedAgent;
  credential: string | undefined;

  constructor(private readonly options: StationClientOptions) {
    this.agent = new PinnedAgent(options.fingerprint);
    this.credential = options.credential;
  }

  private send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((done, fail) => {
      const req = request(
        {
          host: this.options.address,
          port: this.options.port,
          method,
          path,
          agent: this.agent,
          timeout: this.options.timeoutMs ?? 10_000,
          headers: {
            host: `${this.options.address}:${this.options.port}`,
            ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
            ...(this.credential ? { [CREDENTIAL_HEADER]: this.credential } : {}),
            ...extra,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown = text;
            try {
              json = JSON.parse(text);
            } catch {
              // A plain-text refusal (wrong host, wrong origin) stays text.
            }
            done({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', fail);
      req.end(payload);
    });
  }

  async pair(code: string): Promise<ApiResult<{ station: { id: string; name: string; role: string }; credential: string }>> {
    const { json } = await this.send('POST', '/station/pair', { code }, { [APP_CLIENT_HEADER]: 'app' });
    const result = json as ApiResult<{ station: { id: string; name: string; role: string }; credential: string }>;
    if (result.ok) this.credential = result.value.credential;
    return result;
  }

  async call(
    channel: string,
    input: unknown,
    session: string | null = null,
    requestId?: string,
  ): Promise<ApiResult<unknown> & { status?: number }> {
    const { status, json } = await this.send('POST', `/api/${encodeURIComponent(channel)}`, {
      input,
      session,
      ...(requestId ? { requestId } : {}),
    });
    return typeof json === 'object' && json !== null
      ? { ...(json as ApiResult<unknown>), status }
      : { ok: false, error: { code: 'api.internal', message: String(json) }, status };
  }

  /**
   * One call as the page sent it (an app station relays its screens' envelopes, request id and
   * all, untouched: the hub parses them). Throws only when the hub did not answer.
   */
  async forward(channel: string, envelope: unknown): Promise<{ status: number; json: unknown }> {
    return this.send('POST', `/api/${encodeURIComponent(channel)}`, envelope ?? null);
  }

  /** Whether the hub still knows this station's credential (false: never paired, or revoked). */
  async whoami(): Promise<boolean> {
    if (!this.credential) return false;
    const { status } = await this.send('GET', '/station/whoami');
    return status === 200;
  }

  /**
   * The hub's event stream, kept open until the returned stop is called: when it ends or falls
   * silent (Wi-Fi lost, the hub restarted, this station revoked) it is opened again, waiting a
   * little longer each time. 'ready' is told at every (re)connection: the moment to re-read;
   * `dropped` when a connection (or a try) ends.
   */
  events(listener: (message: StreamMessage) => void, dropped: () => void = () => {}): () => void {
    let stopped = false;
    let current: ClientRequest | null = null;
    let retry: NodeJS.Timeout | null = null;
    let delay = 500;
    const open = () => {
      if (stopped) return;
      let ended = false;
      const again = () => {
        if (ended || stopped) return;
        ended = true;
        current = null;
        dropped();
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 5000);
      };
      const req = request(
        {
          host: this.options.address,
          port: this.options.port,
          method: 'GET',
          path: '/api/events',
          agent: this.agent,
          timeout: EVENTS_IDLE_MS,
          headers: {
            host: `${this.options.address}:${this.options.port}`,
            ...(this.credential ? { [CREDENTIAL_HEADER]: this.credential } : {}),
          },
        },
        (res) => {
          res.on('end', again);
          res.on('close', again);
          res.on('error', again);
          if (res.statusCode !== 200) {
            res.resume();
            return;
          }
          delay = 500;
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            const read = readEventBlocks(buffer + chunk);
            buffer = read.rest;
            for (const message of read.messages) listener(message);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('the event stream fell silent')));
      req.on('error', again);
      req.end();
      current = req;
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      current?.destroy();
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
