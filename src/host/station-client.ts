import { Agent, request } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { ApiResult } from '../shared/api/errors';
import { APP_CLIENT_HEADER, CREDENTIAL_HEADER } from './stations';

/** What the pairing QR holds: kiosk-station:<address>:<port>/<code>/<fingerprint hex>. */
export interface StationLink {
  address: string;
  port: number;
  code: string;
  /** Colon-separated upper-case hex, as X509Certificate.fingerprint256 gives it. */
  fingerprint: string;
}

export function parseStationLink(link: string): StationLink | null {
  const m = /^kiosk-station:(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\/([A-Z0-9]{4,40})\/([0-9A-F]{64})$/i.exec(link.trim());
  if (!m) return null;
  return { address: m[1]!, port: Number(m[2]), code: m[3]!.toUpperCase(), fingerprint: m[4]!.toUpperCase().match(/../g)!.join(':') };
}

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

  close(): void {
    this.agent.destroy();
  }
}
