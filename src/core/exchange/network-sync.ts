import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import type { Arrival, ArrivalStatus, NetworkHub, NetworkSettings, NetworkStatus } from '../../shared/api/channels/network';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { readSite } from '../site/site-service';
import { requireFolder } from './atomic-write';
import type { DriveSource } from './drives';
import { SHARE_EXTENSION } from './format';
import { ImportCache } from './import-cache';
import { applyBundle, previewBundle } from './share-import';
import { exportShare } from './share-export';
import { knownSiteRow, siteLabels } from './sites';
import { LoopbackUrl, SyncthingClient, restTransport, type SyncthingEndpoint } from './syncthing';
import { StableFiles } from './watcher';

/*
 * Sharing over the network (issue 18). The kiosk writes its share bundle into one folder that
 * the local Syncthing shares with the devices of the hubs this hub trusts, and looks at what
 * arrives there. Syncthing is only the carrier: an arrival is read, verified and previewed
 * exactly as a bundle on a stick, applied only when its signer is trusted and the coordinator
 * chose "apply automatically" for that hub (else it waits for a look at the import desk), and
 * every arrival is logged with what became of it.
 */

export interface NetworkDeps {
  drives: DriveSource;
  /** The client for an endpoint (tests pass one over a fake transport). */
  syncthing?: (endpoint: SyncthingEndpoint) => SyncthingClient;
  /** The Syncthing installed on this computer, if any (tests pass a fixed answer). */
  find: () => SyncthingEndpoint | null;
  /** Where to dial a sister hub's device (tests: its loopback port); default: Syncthing's own discovery. */
  addressesOf?: (deviceId: string) => string[];
}

interface SettingsRow {
  enabled: 0 | 1;
  folder: string;
  api_url: string;
  api_key: string;
  device_id: string | null;
}

interface HubRow {
  id: string;
  name: string;
  fingerprint: string;
  syncthing_device: string | null;
  syncthing_linked: 0 | 1;
  auto_apply: 0 | 1;
}

/** The file this hub keeps in the folder: one, replaced each time, so the folder never grows. */
export function networkFileName(siteId: string): string {
  return `hub-${siteId}${SHARE_EXTENSION}`;
}

export class NetworkExchange {
  private readonly files = new StableFiles();
  private readonly cache = new ImportCache();
  /** Files already dealt with, by name, size and mtime: a stable file is read once, not every look. */
  private readonly handled = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: NetworkDeps,
  ) {}

  private row(): SettingsRow | undefined {
    return this.ctx.db.prepare('SELECT enabled, folder, api_url, api_key, device_id FROM network_settings WHERE id = 1').get() as
      SettingsRow | undefined;
  }

  private clientFor(e: SyncthingEndpoint): SyncthingClient {
    return this.deps.syncthing ? this.deps.syncthing(e) : new SyncthingClient(restTransport(e));
  }

  private client(): SyncthingClient | null {
    const r = this.row();
    return r?.enabled ? this.clientFor({ url: r.api_url, apiKey: r.api_key }) : null;
  }

  settings(): NetworkSettings {
    const r = this.row();
    const found = this.deps.find();
    return {
      enabled: r?.enabled === 1,
      folder: r?.folder ?? null,
      // Where the Syncthing in use is, or else the one found here: the coordinator is told either way.
      apiUrl: r?.api_url ?? found?.url ?? null,
      found: found !== null,
      deviceId: r?.device_id ?? null,
      suggestedFolder: this.suggestedFolder(),
    };
  }

  /** A folder of the kiosk's own beside its database, so nobody has to type a path to start. */
  private suggestedFolder(): string | null {
    return this.ctx.db.memory ? null : join(dirname(this.ctx.db.name), 'network-exchange');
  }

  async configure(input: {
    enabled: boolean;
    folder?: string | undefined;
    apiUrl?: string | undefined;
    apiKey?: string | undefined;
  }): Promise<NetworkSettings> {
    const r = this.row();
    if (!input.enabled) {
      this.ctx.db.prepare('UPDATE network_settings SET enabled = 0, updated_at = ? WHERE id = 1').run(nowIso(this.ctx));
      return this.settings();
    }
    const folder = input.folder ?? r?.folder;
    if (!folder) throw new AppError('exchange.folder_missing', 'no exchange folder chosen', { folder: '' });
    // Only the kiosk's own folder is made; a typed one must be there (a typo makes no folder).
    if (folder === this.suggestedFolder()) mkdirSync(folder, { recursive: true });
    requireFolder(folder);
    let endpoint: SyncthingEndpoint | null;
    if (input.apiUrl) {
      if (!LoopbackUrl.safeParse(input.apiUrl).success)
        throw new AppError('network.bad_address', `${input.apiUrl} is not on this computer`);
      const apiKey = input.apiKey ?? r?.api_key;
      endpoint = apiKey ? { url: input.apiUrl, apiKey } : null;
    } else endpoint = this.deps.find() ?? (r ? { url: r.api_url, apiKey: r.api_key } : null);
    if (!endpoint) throw new AppError('network.syncthing_missing', 'no Syncthing on this computer');
    const deviceId = await this.clientFor(endpoint).myId();
    this.ctx.db
      .prepare(
        `INSERT INTO network_settings (id, enabled, folder, api_url, api_key, device_id, updated_at) VALUES (1, 1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET enabled = 1, folder = excluded.folder, api_url = excluded.api_url, api_key = excluded.api_key, device_id = excluded.device_id, updated_at = excluded.updated_at`,
      )
      .run(folder, endpoint.url, endpoint.apiKey, deviceId, nowIso(this.ctx));
    await this.reconcile();
    return this.settings();
  }

  /** Makes Syncthing share the folder with exactly the linked devices of trusted hubs. */
  async reconcile(): Promise<void> {
    const r = this.row();
    const client = this.client();
    if (!r || !client) return;
    const hubs = this.ctx.db
      .prepare('SELECT id, name, trusted, syncthing_device, syncthing_linked FROM known_sites WHERE syncthing_device IS NOT NULL')
      .all() as (HubRow & { trusted: 0 | 1 })[];
    const wanted = hubs.filter((h) => h.trusted === 1 && h.syncthing_linked === 1);
    for (const h of wanted) await client.addDevice(h.syncthing_device!, h.name, this.deps.addressesOf?.(h.syncthing_device!));
    await client.shareFolder(
      r.folder,
      wanted.map((h) => h.syncthing_device!),
    );
    const keep = new Set(wanted.map((h) => h.syncthing_device));
    for (const h of hubs) if (!keep.has(h.syncthing_device)) await client.removeDevice(h.syncthing_device!);
  }

  /** Trust was given or taken: a hub no longer trusted is no longer shared with. */
  async trustChanged(siteId: string): Promise<void> {
    const k = knownSiteRow(this.ctx, siteId);
    if (k && k.trusted !== 1) this.ctx.db.prepare('UPDATE known_sites SET syncthing_linked = 0 WHERE id = ?').run(siteId);
    await this.reconcile();
  }

  async link(siteId: string, linked: boolean): Promise<NetworkStatus> {
    const k = this.ctx.db.prepare('SELECT trusted, syncthing_device FROM known_sites WHERE id = ?').get(siteId) as
      { trusted: number; syncthing_device: string | null } | undefined;
    if (!k) throw new AppError('exchange.unknown_site', `no site ${siteId}`);
    if (linked && k.trusted !== 1) throw new AppError('exchange.untrusted_site', 'only a trusted hub is shared with', { site: siteId });
    if (linked && !k.syncthing_device) throw new AppError('network.no_device', 'this hub’s card has no Syncthing device');
    this.ctx.db.prepare('UPDATE known_sites SET syncthing_linked = ? WHERE id = ?').run(linked ? 1 : 0, siteId);
    await this.reconcile();
    return this.status();
  }

  async setAutoApply(siteId: string, autoApply: boolean): Promise<NetworkStatus> {
    if (!knownSiteRow(this.ctx, siteId)) throw new AppError('exchange.unknown_site', `no site ${siteId}`);
    this.ctx.db.prepare('UPDATE known_sites SET auto_apply = ? WHERE id = ?').run(autoApply ? 1 : 0, siteId);
    return this.status();
  }

  /** Our bundle into the folder, with the same atomic write as on a stick. Null when sharing is off. */
  /** The coordinator's "share now": our bundle into the folder, then whatever has arrived. */
  async sync(volunteer: string | null) {
    const written = await this.exportNow(volunteer);
    return { written, arrivals: await this.poll() };
  }

  async exportNow(volunteer: string | null = null): Promise<WrittenFile | null> {
    const r = this.row();
    const site = readSite(this.ctx);
    if (!r?.enabled || !site) return null;
    const written = await exportShare(this.ctx, this.deps.drives, r.folder, volunteer, undefined, () => networkFileName(site.id));
    await this.client()
      ?.scan()
      .catch(() => undefined); // Syncthing's watcher sees it anyway
    return written;
  }

  /** Looks at the folder once: every bundle that has settled since the last look is dealt with and logged. */
  async poll(): Promise<Arrival[]> {
    const r = this.row();
    const site = readSite(this.ctx);
    if (!r?.enabled || !site) return [];
    const out: Arrival[] = [];
    for (const f of this.files.look(r.folder)) {
      if (f.name === networkFileName(site.id)) continue;
      const key = `${f.name}\n${f.size}\n${f.mtimeMs}`;
      if (this.handled.has(key)) continue;
      const arrival = await this.take(r.folder, f.name);
      if (arrival !== 'again') this.handled.add(key);
      if (arrival && arrival !== 'again') out.push(arrival);
    }
    return out;
  }

  /** One settled file: verified and previewed, applied if its hub is trusted and set to apply automatically. */
  private async take(folder: string, name: string): Promise<Arrival | null | 'again'> {
    let preview;
    try {
      preview = await previewBundle(this.ctx, folder, name, this.cache);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'exchange.own_bundle') return null; // a copy of our own
      if (err.code === 'exchange.not_found') return 'again'; // replaced as we looked
      return this.log(name, null, null, null, 'refused', err.code);
    }
    if (this.ctx.db.prepare("SELECT 1 FROM exchange_arrivals WHERE sha256 = ? AND status <> 'waiting'").get(preview.sha256)) return null;
    const signer = this.ctx.db.prepare('SELECT auto_apply, trusted FROM known_sites WHERE id = ?').get(preview.signer.id) as
      { auto_apply: number; trusted: number } | undefined;
    if (!preview.canApply)
      return this.log(name, preview.sha256, preview.signer.id, preview.sequence, 'waiting', signer ? 'untrusted' : 'unknown');
    if (signer?.auto_apply !== 1) return this.log(name, preview.sha256, preview.signer.id, preview.sequence, 'waiting', 'review');
    try {
      await applyBundle(this.ctx, folder, name, preview.sha256, null, this.cache);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'exchange.changed' || err.code === 'exchange.not_found') return 'again'; // Syncthing replaced it: the next look takes the new one
      return this.log(name, preview.sha256, preview.signer.id, preview.sequence, 'refused', err.code);
    }
    return this.log(name, preview.sha256, preview.signer.id, preview.sequence, 'applied', null);
  }

  private log(
    fileName: string,
    sha256: string | null,
    siteId: string | null,
    sequence: number | null,
    status: ArrivalStatus,
    reason: string | null,
  ): Arrival {
    const a = { id: this.ctx.ids.uuid(), fileName, siteId, sequence, status, reason, at: nowIso(this.ctx) };
    this.ctx.db
      .prepare(
        'INSERT INTO exchange_arrivals (id, file_name, sha256, site_id, sequence, status, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(a.id, fileName, sha256 ?? '', siteId, sequence, status, reason, a.at);
    return { ...a, siteName: siteId ? this.nameOf(siteId) : null };
  }

  private nameOf(siteId: string): string {
    const k = knownSiteRow(this.ctx, siteId);
    return k ? siteLabels(this.ctx.db)({ id: k.id, name: k.name, fingerprint: k.fingerprint }) : siteId;
  }

  arrivals(limit = 50): Arrival[] {
    const rows = this.ctx.db
      .prepare('SELECT id, file_name, site_id, sequence, status, reason, at FROM exchange_arrivals ORDER BY at DESC, id DESC LIMIT ?')
      .all(limit) as {
      id: string;
      file_name: string;
      site_id: string | null;
      sequence: number | null;
      status: ArrivalStatus;
      reason: string | null;
      at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      siteId: r.site_id,
      siteName: r.site_id ? this.nameOf(r.site_id) : null,
      sequence: r.sequence,
      status: r.status,
      reason: r.reason,
      at: r.at,
    }));
  }

  async status(): Promise<NetworkStatus> {
    const r = this.row();
    let connected: Set<string> | null = null;
    let state: NetworkStatus['state'] = 'off';
    const client = this.client();
    if (client) {
      try {
        connected = await client.connected();
        state = 'running';
      } catch {
        state = 'missing';
      }
    }
    const label = siteLabels(this.ctx.db);
    const lastArrived = this.ctx.db.prepare('SELECT MAX(at) FROM exchange_arrivals WHERE site_id = ?').pluck();
    const lastApplied = this.ctx.db.prepare('SELECT MAX(at) FROM exchange_imports WHERE site_id = ?').pluck();
    const hubs: NetworkHub[] = (
      this.ctx.db
        .prepare(
          'SELECT id, name, fingerprint, syncthing_device, syncthing_linked, auto_apply FROM known_sites WHERE trusted = 1 ORDER BY name, id',
        )
        .all() as HubRow[]
    ).map((h) => ({
      siteId: h.id,
      name: label({ id: h.id, name: h.name, fingerprint: h.fingerprint }),
      deviceId: h.syncthing_device,
      linked: h.syncthing_linked === 1,
      autoApply: h.auto_apply === 1,
      lastArrivedAt: (lastArrived.get(h.id) as string | null) ?? null,
      lastAppliedAt: (lastApplied.get(h.id) as string | null) ?? null,
      connected: r?.enabled && connected && h.syncthing_device ? connected.has(h.syncthing_device) : null,
    }));
    return { state, hubs, arrivals: this.arrivals(20) };
  }
}
