import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

/*
 * The local Syncthing, spoken to through its REST API on this machine only. Syncthing carries
 * files; it decides nothing: every bundle that arrives is verified and previewed exactly as one
 * from a stick (network-sync.ts). Trust stays in our signatures and the hub cards.
 */

/** The one folder every hub shares: the same id on every hub, so devices meet in it. */
export const EXCHANGE_FOLDER_ID = 'mak-exchange';

/** Only this machine's Syncthing: a kiosk never sends its API key anywhere else. */
export const LoopbackUrl = z
  .string()
  .trim()
  .max(200)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    } catch {
      return false;
    }
  }, 'a Syncthing address on this computer');

export interface SyncthingEndpoint {
  url: string;
  apiKey: string;
}

/** One REST call: method, path (with query) and an optional JSON body; resolves to the parsed JSON (or null). */
export type SyncthingTransport = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

/** The real transport: fetch to the loopback REST API with the API key. */
export function restTransport(endpoint: SyncthingEndpoint, fetchImpl: typeof fetch = fetch): SyncthingTransport {
  const base = LoopbackUrl.parse(endpoint.url).replace(/\/+$/, '');
  return async (method, path, body) => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method,
        headers: { 'X-API-Key': endpoint.apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new AppError('network.syncthing_unreachable', `no answer from Syncthing at ${base}`);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new AppError('network.syncthing_unreachable', `Syncthing answered ${res.status} to ${method} ${path}`);
    const text = await res.text();
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
}

const Status = z.object({ myID: z.string() });
const Connections = z.object({ connections: z.record(z.string(), z.object({ connected: z.boolean() })) });
const Completion = z.object({ completion: z.number(), needBytes: z.number().optional() });
const FolderConfig = z.looseObject({ id: z.string(), path: z.string(), devices: z.array(z.looseObject({ deviceID: z.string() })) });
const DeviceConfig = z.looseObject({ deviceID: z.string() });

/** What the kiosk asks of Syncthing. Unit tests pass a fake transport; the integration test the real one. */
export class SyncthingClient {
  constructor(private readonly call: SyncthingTransport) {}

  async myId(): Promise<string> {
    return Status.parse(await this.call('GET', '/rest/system/status')).myID;
  }

  /** The exchange folder at `path`, shared with exactly `devices` (ours is implied). */
  async shareFolder(path: string, devices: readonly string[]): Promise<void> {
    const me = await this.myId();
    const existing = await this.call('GET', `/rest/config/folders/${EXCHANGE_FOLDER_ID}`);
    const base = existing
      ? FolderConfig.parse(existing)
      : FolderConfig.parse({
          ...asObject(await this.call('GET', '/rest/config/defaults/folder')),
          id: EXCHANGE_FOLDER_ID,
          path,
          devices: [],
        });
    const folder = {
      ...base,
      id: EXCHANGE_FOLDER_ID,
      label: 'Mutual Aid Kiosk exchange',
      path,
      type: 'sendreceive',
      // Changes are seen within seconds, and a full rescan now and then catches anything missed.
      fsWatcherEnabled: true,
      rescanIntervalS: 60,
      devices: [me, ...devices.filter((d) => d !== me)].map((deviceID) => ({ deviceID })),
    };
    await this.call('PUT', `/rest/config/folders/${EXCHANGE_FOLDER_ID}`, folder);
  }

  /** A sister hub's device, reachable at `addresses` ("dynamic" lets Syncthing find it as configured). */
  async addDevice(deviceId: string, name: string, addresses: readonly string[] = ['dynamic']): Promise<void> {
    const existing = await this.call('GET', `/rest/config/devices/${deviceId}`);
    const base = existing ? DeviceConfig.parse(existing) : asObject(await this.call('GET', '/rest/config/defaults/device'));
    await this.call('PUT', `/rest/config/devices/${deviceId}`, {
      ...base,
      deviceID: deviceId,
      name,
      addresses: [...addresses],
      autoAcceptFolders: false,
    });
  }

  async removeDevice(deviceId: string): Promise<void> {
    await this.call('DELETE', `/rest/config/devices/${deviceId}`);
  }

  /** The devices Syncthing is connected to right now. */
  async connected(): Promise<Set<string>> {
    const c = Connections.parse(await this.call('GET', '/rest/system/connections'));
    return new Set(
      Object.entries(c.connections)
        .filter(([, v]) => v.connected)
        .map(([id]) => id),
    );
  }

  /** How far `device` has what we have of the exchange folder (100: all of it). */
  async completion(deviceId: string): Promise<number> {
    return Completion.parse(await this.call('GET', `/rest/db/completion?folder=${EXCHANGE_FOLDER_ID}&device=${deviceId}`)).completion;
  }

  /** Look at the folder now rather than at the next watch event. */
  async scan(): Promise<void> {
    await this.call('POST', `/rest/db/scan?folder=${EXCHANGE_FOLDER_ID}`);
  }
}

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Where Syncthing keeps its config.xml on each system, newest layout first. */
export function syncthingHomes(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  const out: string[] = [];
  if (env.STHOMEDIR) out.push(env.STHOMEDIR);
  out.push(
    join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'syncthing'),
    join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'syncthing'),
  );
  if (env.LOCALAPPDATA) out.push(join(env.LOCALAPPDATA, 'Syncthing'));
  out.push(join(home, 'Library', 'Application Support', 'Syncthing'));
  return out;
}

/** The GUI/REST address and API key from a Syncthing config.xml, or null. */
export function endpointFromConfig(xml: string): SyncthingEndpoint | null {
  const gui = /<gui\b([^>]*)>([\s\S]*?)<\/gui>/.exec(xml);
  if (!gui) return null;
  const address = /<address>([^<]+)<\/address>/.exec(gui[2]!)?.[1]?.trim();
  const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(gui[2]!)?.[1]?.trim();
  if (!address || !apiKey) return null;
  const tls = /\btls="true"/.test(gui[1]!);
  const url = `${tls ? 'https' : 'http'}://${address.replace(/^0\.0\.0\.0(?=:)/, '127.0.0.1')}`;
  return LoopbackUrl.safeParse(url).success ? { url, apiKey } : null;
}

/** The Syncthing installed on this machine, found by its config; null when there is none. */
export function findLocalSyncthing(homes: readonly string[] = syncthingHomes()): SyncthingEndpoint | null {
  for (const dir of homes) {
    const file = join(dir, 'config.xml');
    if (!existsSync(file)) continue;
    try {
      const found = endpointFromConfig(readFileSync(file, 'utf8'));
      if (found) return found;
    } catch {
      // unreadable: try the next place
    }
  }
  return null;
}
