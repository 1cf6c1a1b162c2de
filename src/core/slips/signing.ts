import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  BODY_BYTES,
  PAYLOAD_BYTES,
  PAYLOAD_DIGITS,
  PAYLOAD_VERSION,
  decodeBody,
  encodeBody,
  type SlipBody,
} from '../../shared/slips/payload';
import { dayNumber } from '../../shared/time';
import { bytesToDigits, digitsToBytes } from '../../shared/text';
import type { Ed25519KeyPair } from '../deps';
import type { Db } from '../db/open';
import { siteLabels } from '../exchange/sites';

interface KeyRow {
  key_id: number;
  public_key: Uint8Array;
  private_key: Uint8Array;
  retired_at: string | null;
}

/** The site's slip keys. The private key never leaves core. */
export class SlipKeyring {
  private readonly privateKeys = new Map<number, KeyObject>();
  private readonly publicKeys = new Map<number, KeyObject>();

  constructor(private readonly db: Db) {}

  private row(keyId: number): KeyRow | undefined {
    return this.db.prepare('SELECT key_id, public_key, private_key, retired_at FROM site_keys WHERE key_id = ?').get(keyId) as
      KeyRow | undefined;
  }

  /** The newest key that is not retired: new slips are signed with it. */
  activeKeyId(): number {
    const row = this.db.prepare('SELECT key_id FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1').get() as
      { key_id: number } | undefined;
    if (!row) throw new Error('no active slip key');
    return row.key_id;
  }

  sign(body: SlipBody): string {
    let key = this.privateKeys.get(body.keyId);
    if (!key) {
      const row = this.row(body.keyId);
      if (!row) throw new Error(`unknown key ${body.keyId}`);
      key = createPrivateKey({ key: Buffer.from(row.private_key), format: 'der', type: 'pkcs8' });
      this.privateKeys.set(body.keyId, key);
    }
    const bytes = encodeBody(body);
    const signature = sign(null, bytes, key);
    const payload = new Uint8Array(PAYLOAD_BYTES);
    payload.set(bytes, 0);
    payload.set(signature, BODY_BYTES);
    return bytesToDigits(payload, PAYLOAD_DIGITS);
  }

  /**
   * Checks scanned digits. 'unreadable': not a slip at all; 'unknown_key': signed by a key this
   * site does not have (a forgery, or a hub we have never heard of); 'other_site': a real slip of
   * a sister hub whose keys came by exchange; 'invalid': the signature does not match;
   * 'retired_key': the key was retired before the slip's issue day, so it cannot be genuine.
   */
  verify(
    digits: string,
  ):
    | { ok: true; body: SlipBody; retired: boolean }
    | { ok: false; reason: 'unreadable' | 'unknown_key' | 'invalid' | 'retired_key' }
    | { ok: false; reason: 'other_site'; siteName: string } {
    if (digits.length !== PAYLOAD_DIGITS) return { ok: false, reason: 'unreadable' };
    const bytes = digitsToBytes(digits, PAYLOAD_BYTES);
    if (!bytes) return { ok: false, reason: 'unreadable' };
    const body = decodeBody(bytes);
    if (body.version !== PAYLOAD_VERSION) return { ok: false, reason: 'unreadable' };
    const signed = bytes.subarray(0, BODY_BYTES);
    const signature = bytes.subarray(BODY_BYTES);
    const row = this.row(body.keyId);
    if (row) {
      let key = this.publicKeys.get(body.keyId);
      if (!key) {
        key = createPublicKey({ key: Buffer.from(row.public_key), format: 'der', type: 'spki' });
        this.publicKeys.set(body.keyId, key);
      }
      if (verify(null, signed, key, signature)) {
        // A retired key may have leaked: it only vouches for slips issued before it was retired.
        if (row.retired_at !== null && body.issueDay > dayNumber(new Date(row.retired_at))) return { ok: false, reason: 'retired_key' };
        return { ok: true, body, retired: row.retired_at !== null };
      }
    }
    // Key ids are only unique within a site: a sister hub's key 1 is not ours. Its signature
    // says whose slip it is.
    const peers = this.db.prepare('SELECT site_name, public_key FROM peer_slip_keys WHERE key_id = ?').all(body.keyId) as {
      site_name: string;
      public_key: Uint8Array;
    }[];
    // Sister hubs known through exchange (their site key, whatever key id they used), then
    // any older slip keys of theirs recorded in peer_slip_keys.
    type Peer = { site_name: string; public_key: Uint8Array; id?: string; fingerprint?: string };
    const known = this.db.prepare('SELECT id, name AS site_name, fingerprint, public_key FROM known_sites').all() as Peer[];
    for (const peer of [...known, ...(peers as Peer[])]) {
      const key = createPublicKey({ key: Buffer.from(peer.public_key), format: 'der', type: 'spki' });
      if (verify(null, signed, key, signature)) {
        // Two hubs may go by one name: a known one is told apart by its fingerprint (exchange/sites.ts).
        const siteName =
          peer.id && peer.fingerprint
            ? siteLabels(this.db)({ id: peer.id, name: peer.site_name, fingerprint: peer.fingerprint })
            : peer.site_name;
        return { ok: false, reason: 'other_site', siteName };
      }
    }
    return { ok: false, reason: row ? 'invalid' : 'unknown_key' };
  }

  /** Every key this site has had, newest first. */
  list(): { keyId: number; createdAt: string; retiredAt: string | null; active: boolean }[] {
    const rows = this.db.prepare('SELECT key_id, created_at, retired_at FROM site_keys ORDER BY key_id DESC').all() as {
      key_id: number;
      created_at: string;
      retired_at: string | null;
    }[];
    const active = rows.find((r) => r.retired_at === null)?.key_id;
    return rows.map((r) => ({ keyId: r.key_id, createdAt: r.created_at, retiredAt: r.retired_at, active: r.key_id === active }));
  }

  /**
   * Retires every key in use and adds a new one with the next id. Slips already issued keep
   * verifying with their old key; new slips are signed with the new one. Call in a transaction.
   */
  rotate(pair: Ed25519KeyPair, at: string): number {
    const next = ((this.db.prepare('SELECT MAX(key_id) AS k FROM site_keys').get() as { k: number | null }).k ?? 0) + 1;
    if (next > 65535) throw new Error('key ids exhausted');
    this.db.prepare('UPDATE site_keys SET retired_at = ? WHERE retired_at IS NULL').run(at);
    this.db
      .prepare('INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)')
      .run(next, pair.publicKey, pair.privateKey, at);
    return next;
  }
}
