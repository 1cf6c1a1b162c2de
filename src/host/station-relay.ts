import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Dispatch } from '../core/dispatch';
import { DATABASE_FILE } from '../core/index';
import { BootError, EXIT_USAGE, type KioskArgs } from '../core/boot';
import { EventBus } from '../core/stations/events';
import { CORE_TOPICS } from '../shared/api/events';
import { ListenAddress } from '../shared/api/channels/stations';
import type { ApiResult } from '../shared/api/errors';
import type { StationLink } from '../shared/stations/link';
import { StationClient } from './station-client';
import { PairRequest } from './stations';

/**
 * Another install of the app started as a station (`--station <link>` once, then by itself):
 * no database of its own, its screens served on loopback as in browser mode, and every call they
 * make carried to the hub over TLS pinned to the fingerprint from the pairing QR, with this
 * station's own credential. The hub sees an ordinary paired station: its role, the volunteer's
 * PIN and every rule are still checked there, in core. Events come back the same way.
 */

/** Kept in the data folder: which hub, and this station's credential (a secret: mode 0600). */
export const STATION_FILE = 'station.json';

const Fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
export const StationFile = z.object({
  version: z.literal(1),
  hub: z.object({ address: ListenAddress, port: z.number().int().min(1).max(65_535), fingerprint: Fingerprint }),
  credential: z.string().min(16).max(200).nullable(),
});
export type StationFile = z.infer<typeof StationFile>;

export class StationFileError extends Error {}

/** The station file of a data folder, null when there is none (the folder is a hub's, or new). */
export function readStationFile(dataDir: string): StationFile | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, STATION_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StationFileError(`cannot read ${STATION_FILE} in ${dataDir}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const parsed = StationFile.safeParse(raw);
  if (!parsed.success)
    throw new StationFileError(
      `${STATION_FILE} in ${dataDir} is damaged (${parsed.error.issues[0]?.path.join('.') || 'file'}): pair again with --station and the hub's link`,
    );
  return parsed.data;
}

/** Whole or not at all: a power cut while pairing leaves the old file or the new, never half. */
export function writeStationFile(dataDir: string, file: StationFile): void {
  mkdirSync(dataDir, { recursive: true });
  const temp = join(dataDir, `.${STATION_FILE}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(file, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dataDir, STATION_FILE));
}

/** A call the hub did not answer (Wi-Fi lost, hub off): the page's client retries it, same request id. */
export class HubUnreachable extends Error {}

const Answer = z.object({ ok: z.boolean() }).loose();

export interface StationRelayOptions {
  dataDir: string;
  file: StationFile;
  /** Per call: a station that lost Wi-Fi says so instead of hanging. */
  timeoutMs?: number;
  clock?: () => Date;
  log?: (message: string) => void;
}

export class StationRelay {
  /** The hub's events, told to this station's screens (startHost streams them). */
  readonly events = new EventBus();
  private readonly client: StationClient;
  private file: StationFile;
  private stopEvents: (() => void) | null = null;
  /** Whether the hub's stream was open since start (a later 'ready' is a reconnection). */
  private connected = false;
  private open = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly options: StationRelayOptions) {
    this.file = options.file;
    this.client = new StationClient({
      ...options.file.hub,
      ...(options.file.credential ? { credential: options.file.credential } : {}),
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  }

  get hubUrl(): string {
    return `https://${this.file.hub.address}:${this.file.hub.port}/`;
  }

  get paired(): boolean {
    return this.file.credential !== null;
  }

  /** Starts relaying the hub's events. */
  start(): void {
    this.stopEvents?.();
    this.connected = false;
    this.open = false;
    this.stopEvents = this.client.events(
      (message) => {
        if (message !== 'ready') return this.events.publish(message);
        // Back after a gap: whatever happened meanwhile was missed, so every screen re-reads.
        if (this.connected) {
          const at = (this.options.clock?.() ?? new Date()).toISOString();
          for (const topic of CORE_TOPICS) this.events.publish({ topic, channel: 'station.reconnect', at });
        }
        this.connected = true;
        this.open = true;
        for (const done of this.waiting.splice(0)) done();
      },
      () => {
        this.open = false;
      },
    );
  }

  /** Resolves once the hub's event stream is open: at once if it is now, else when it (re)opens. */
  connection(): Promise<void> {
    return this.open ? Promise.resolve() : new Promise((done) => this.waiting.push(done));
  }

  /**
   * The screens' calls, carried as they came. Throws HubUnreachable when the hub did not answer:
   * the host then gives the page no answer at all, and the page's client retries the same
   * envelope (a shared write keeps its request id, so it is applied once).
   */
  readonly dispatch: Dispatch = async (channel, envelope) => {
    if (!this.client.credential) return { ok: false, error: { code: 'stations.revoked', message: 'this station is not paired' } };
    let answer: { status: number; json: unknown };
    try {
      answer = await this.client.forward(channel, envelope);
    } catch (err) {
      throw new HubUnreachable(`the hub at ${this.hubUrl} did not answer: ${(err as Error).message}`);
    }
    if (Answer.safeParse(answer.json).success) return answer.json as ApiResult<unknown>;
    return { ok: false, error: { code: 'api.internal', message: `the hub answered ${answer.status}` } };
  };

  /** Pairs (or pairs again) with a code from the hub's "Add a station"; keeps the credential. */
  async pair(code: string): Promise<ApiResult<{ station: { id: string; name: string; role: string } }>> {
    let result;
    try {
      result = await this.client.pair(code);
    } catch {
      return { ok: false, error: { code: 'api.unreachable', message: `the hub at ${this.hubUrl} did not answer` } };
    }
    if (!result.ok) return result;
    this.file = { ...this.file, credential: result.value.credential };
    writeStationFile(this.options.dataDir, this.file);
    this.options.log?.(`Paired with the hub at ${this.hubUrl} as ${result.value.station.name} (${result.value.station.role}).`);
    // The stream opened before pairing was refused; open it again as the paired station.
    this.start();
    // The credential stays here: the page has no use for it.
    return { ok: true, value: { station: result.value.station } };
  }

  /**
   * Whether the screens should show pairing: never paired, or the hub says it no longer knows
   * this station. A hub that does not answer is not a reason to pair again.
   */
  async whoami(): Promise<boolean> {
    if (!this.client.credential) return false;
    try {
      return await this.client.whoami();
    } catch {
      return true;
    }
  }

  close(): void {
    this.stopEvents?.();
    this.stopEvents = null;
    this.client.close();
  }
}

/** What an app station's screens ask of the host that serves them (browser mode's or Electron's). */
export interface LocalStation {
  whoami(): Promise<boolean>;
  pair(code: string): Promise<ApiResult<unknown>>;
}

/** The station meta an app station's index.html carries: its screens pair through their own host. */
export const APP_STATION_META = '<meta name="kiosk-station" content="app" />';

/**
 * GET /station/whoami and POST /station/pair for an app station's screens, the same over HTTP
 * (host/server.ts) and app:// (main/app-protocol.ts): a status and a JSON body, or null when
 * the path is not one of these. The caller has already checked who is asking.
 */
export async function answerStationRequest(
  station: LocalStation,
  method: string,
  pathname: string,
  body: () => Promise<string | null>,
): Promise<{ status: number; body: ApiResult<unknown> | string } | null> {
  if (pathname === '/station/whoami') {
    if (method !== 'GET') return { status: 405, body: 'method not allowed' };
    return (await station.whoami())
      ? { status: 200, body: { ok: true, value: {} } }
      : { status: 401, body: { ok: false, error: { code: 'stations.revoked', message: 'not a paired station' } } };
  }
  if (pathname !== '/station/pair') return null;
  if (method !== 'POST') return { status: 405, body: 'method not allowed' };
  let raw: unknown = null;
  try {
    raw = JSON.parse((await body()) ?? 'null');
  } catch {
    // Refused below.
  }
  const request = PairRequest.safeParse(raw);
  if (!request.success)
    return { status: 400, body: { ok: false, error: { code: 'api.invalid_input', message: 'a pairing code is needed' } } };
  const result = await station.pair(request.data.code);
  const status = result.ok ? 200 : result.error.code === 'api.unreachable' ? 502 : result.error.code === 'stations.code_wait' ? 429 : 403;
  return { status, body: result };
}

/**
 * For both hosts' start-up: the data folder as a station, or null when it is a hub's. A damaged
 * station file or a hub's folder given a link is a sentence for a person (BootError).
 */
export function bootStation(args: KioskArgs, dataDir: string): StationFile | null {
  try {
    return stationOf(dataDir, args.station);
  } catch (err) {
    if (err instanceof StationFileError) throw new BootError(err.message, EXIT_USAGE);
    throw err;
  }
}

/**
 * The data folder as a station: the file there, or a new one from `--station <link>` (which also
 * replaces the hub a station was paired with). Null when the folder is a hub's.
 */
export function stationOf(dataDir: string, link: StationLink | undefined): StationFile | null {
  const held = readStationFile(dataDir);
  if (!link) return held;
  if (existsSync(join(dataDir, DATABASE_FILE)))
    throw new StationFileError(`${dataDir} holds a hub's site database: a station needs a data folder of its own (--data-dir)`);
  const hub = { address: link.address, port: link.port, fingerprint: link.fingerprint };
  const same = held && JSON.stringify(held.hub) === JSON.stringify(hub);
  // Pairing again with the same hub keeps the old credential until the new one is given.
  const file: StationFile = { version: 1, hub, credential: same ? held.credential : null };
  writeStationFile(dataDir, file);
  return file;
}
