import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  BODY_BYTES,
  PAYLOAD_BYTES,
  PAYLOAD_DIGITS,
  PAYLOAD_VERSION,
  bytesToDigits,
  decodeBody,
  digitsToBytes,
  encodeBody,
  type SlipBody,
} from '../../shared/slips/payload';
import type { Db } from '../db/open';

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
      | KeyRow
      | undefined;
  }

  /** The newest key that is not retired: new slips are signed with it. */
  activeKeyId(): number {
    const row = this.db
      .prepare('SELECT key_id FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1')
      .get() as { key_id: number } | undefined;
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
    return bytesToDigits(payload);
  }

  /**
   * Checks scanned digits. 'unreadable': not a slip at all; 'unknown_key': signed by a key this
   * site does not have (another site, or a forgery); 'invalid': the signature does not match.
   */
  verify(digits: string): { ok: true; body: SlipBody; retired: boolean } | { ok: false; reason: 'unreadable' | 'unknown_key' | 'invalid' } {
    if (digits.length !== PAYLOAD_DIGITS) return { ok: false, reason: 'unreadable' };
    const bytes = digitsToBytes(digits);
    if (!bytes) return { ok: false, reason: 'unreadable' };
    const body = decodeBody(bytes);
    if (body.version !== PAYLOAD_VERSION) return { ok: false, reason: 'unreadable' };
    const row = this.row(body.keyId);
    if (!row) return { ok: false, reason: 'unknown_key' };
    let key = this.publicKeys.get(body.keyId);
    if (!key) {
      key = createPublicKey({ key: Buffer.from(row.public_key), format: 'der', type: 'spki' });
      this.publicKeys.set(body.keyId, key);
    }
    const ok = verify(null, bytes.subarray(0, BODY_BYTES), key, bytes.subarray(BODY_BYTES));
    return ok ? { ok: true, body, retired: row.retired_at !== null } : { ok: false, reason: 'invalid' };
  }
}
