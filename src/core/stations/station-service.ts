import { createHash, timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { AppError } from '../errors';
import { toHex } from '../../shared/text';
import { SHORT_CODE_ALPHABET } from '../../shared/slips/short-code';
import type { Station, StationInvite, StationRole, StationsStatus } from '../../shared/api/channels/stations';
import { certificateCovers, fingerprint, makeCertificate, type HubCertificate } from './certificate';
import { formatStationLink } from '../../shared/stations/link';

/** A pairing code lives this long and pairs one station. */
export const PAIRING_MS = 10 * 60_000;
const CODE_LENGTH = 10;
/** Wrong codes allowed before the hub makes everyone wait (the code space is ~48 bits). */
const FREE_TRIES = 5;
const WAIT_MS = 30_000;
/** A station's "last seen" is written at most this often, not on every call. */
const SEEN_EVERY_MS = 15_000;
export const DEFAULT_PORT = 47_443;

interface Row {
  id: string;
  name: string;
  role: StationRole;
  paired_at: string;
  last_seen: string | null;
  revoked_at: string | null;
}

interface Invite {
  name: string;
  role: StationRole;
  expiresAt: number;
}

export interface ListenerConfig {
  enabled: boolean;
  address: string;
  port: number;
  certificate: HubCertificate;
}

export interface StationIdentity {
  id: string;
  name: string;
  role: StationRole;
}

const hash = (credential: string) => createHash('sha256').update(credential, 'utf8').digest();

function toStation(r: Row): Station {
  return { id: r.id, name: r.name, role: r.role, pairedAt: r.paired_at, lastSeen: r.last_seen, revokedAt: r.revoked_at };
}

/** The addresses the coordinator may choose from: this computer's own IPv4 interfaces. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}

/**
 * Stations: turning them on, pairing, the list, revoking. Pairing codes live in memory only (a
 * restart forgets them, which only means making a new one); credentials are kept as hashes.
 */
export class StationService {
  private readonly invites = new Map<string, Invite>();
  private failures = 0;
  private waitUntil = 0;
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: CoreContext) {}

  private config(): { enabled: number; address: string; port: number; cert_der: Buffer; key_der: Buffer } | undefined {
    return this.ctx.db.prepare('SELECT enabled, address, port, cert_der, key_der FROM station_config WHERE id = 1').get() as never;
  }

  /** The certificate is made the first time stations are configured, and again for a new address. */
  private certificateFor(address: string): HubCertificate {
    const row = this.config();
    if (row && certificateCovers(row.cert_der, address)) return { cert: row.cert_der, key: row.key_der };
    return makeCertificate({
      commonName: 'Mutual Aid Kiosk hub',
      addresses: [address],
      now: this.ctx.clock.now(),
      serial: this.ctx.ids.random(16),
    });
  }

  status(): StationsStatus {
    const row = this.config();
    const rows = this.ctx.db
      .prepare('SELECT id, name, role, paired_at, last_seen, revoked_at FROM stations ORDER BY revoked_at IS NOT NULL, paired_at')
      .all() as Row[];
    return {
      enabled: row?.enabled === 1,
      address: row?.address ?? '',
      port: row?.port ?? DEFAULT_PORT,
      fingerprint: row ? fingerprint(row.cert_der) : null,
      stations: rows.map(toStation),
    };
  }

  configure(input: { enabled: boolean; address: string; port: number }): StationsStatus {
    const certificate = this.certificateFor(input.address);
    this.ctx.db
      .prepare(
        `INSERT INTO station_config (id, enabled, address, port, cert_der, key_der) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, address = excluded.address, port = excluded.port, cert_der = excluded.cert_der, key_der = excluded.key_der`,
      )
      .run(input.enabled ? 1 : 0, input.address, input.port, certificate.cert, certificate.key);
    if (!input.enabled) this.invites.clear();
    return this.status();
  }

  /** What the host's LAN listener should be doing now; null when stations were never set up. */
  listener(): ListenerConfig | null {
    const row = this.config();
    if (!row) return null;
    return { enabled: row.enabled === 1, address: row.address, port: row.port, certificate: { cert: row.cert_der, key: row.key_der } };
  }

  invite(name: string, role: StationRole): StationInvite {
    const row = this.config();
    if (!row || row.enabled !== 1) throw new AppError('stations.off', 'stations are turned off');
    const bytes = this.ctx.ids.random(CODE_LENGTH);
    let code = '';
    for (const b of bytes) code += SHORT_CODE_ALPHABET[b % SHORT_CODE_ALPHABET.length];
    const now = this.ctx.clock.now().getTime();
    for (const [k, v] of this.invites) if (v.expiresAt <= now) this.invites.delete(k);
    this.invites.set(code, { name, role, expiresAt: now + PAIRING_MS });
    const fp = fingerprint(row.cert_der);
    const url = `https://${row.address}:${row.port}/`;
    return {
      link: formatStationLink({ address: row.address, port: row.port, code, fingerprint: fp }),
      url,
      code,
      role,
      name,
      fingerprint: fp,
      expiresAt: new Date(now + PAIRING_MS).toISOString(),
    };
  }

  /**
   * Trades a pairing code for the station's own credential. A wrong, used or expired code gets
   * one answer; after a few, everyone waits, so the code cannot be guessed in the time it lives.
   */
  pair(rawCode: string): { station: StationIdentity; credential: string } {
    const now = this.ctx.clock.now().getTime();
    if (now < this.waitUntil) {
      throw new AppError('stations.code_wait', 'too many wrong pairing codes', { seconds: Math.ceil((this.waitUntil - now) / 1000) });
    }
    const code = rawCode.trim().toUpperCase().replace(/[\s-]/g, '');
    const invite = this.invites.get(code);
    if (!invite || invite.expiresAt <= now) {
      this.failures += 1;
      if (this.failures >= FREE_TRIES) {
        this.waitUntil = now + WAIT_MS * 2 ** Math.min(this.failures - FREE_TRIES, 6);
      }
      throw new AppError('stations.bad_code', 'wrong, used or expired pairing code');
    }
    // Single use: gone before anything else can go wrong.
    this.invites.delete(code);
    this.failures = 0;
    const credential = toHex(this.ctx.ids.random(32));
    const id = this.ctx.ids.uuid();
    this.ctx.db
      .prepare('INSERT INTO stations (id, name, role, credential_hash, paired_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, invite.name, invite.role, hash(credential), nowIso(this.ctx), nowIso(this.ctx));
    return { station: { id, name: invite.name, role: invite.role }, credential };
  }

  /** The station behind a credential, or null (unknown, revoked, or stations turned off). */
  authenticate(credential: string | undefined): StationIdentity | null {
    if (!credential || credential.length > 200) return null;
    const row = this.ctx.db
      .prepare('SELECT id, name, role, credential_hash, revoked_at FROM stations WHERE credential_hash = ?')
      .get(hash(credential)) as (Pick<Row, 'id' | 'name' | 'role' | 'revoked_at'> & { credential_hash: Buffer }) | undefined;
    if (!row || row.revoked_at !== null || !timingSafeEqual(row.credential_hash, hash(credential))) return null;
    if (this.config()?.enabled !== 1) return null;
    const now = this.ctx.clock.now().getTime();
    if (now - (this.seen.get(row.id) ?? 0) >= SEEN_EVERY_MS) {
      this.seen.set(row.id, now);
      this.ctx.db.prepare('UPDATE stations SET last_seen = ? WHERE id = ?').run(nowIso(this.ctx), row.id);
    }
    return { id: row.id, name: row.name, role: row.role };
  }

  revoke(id: string): StationsStatus {
    const changed = this.ctx.db
      .prepare('UPDATE stations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(nowIso(this.ctx), id).changes;
    if (changed === 0 && !this.ctx.db.prepare('SELECT 1 FROM stations WHERE id = ?').get(id))
      throw new AppError('stations.not_found', 'no such station');
    return this.status();
  }
}
