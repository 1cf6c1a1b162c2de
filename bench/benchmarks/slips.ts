import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import Database from 'better-sqlite3';
import { BODY_BYTES, PAYLOAD_BYTES, PAYLOAD_DIGITS, PAYLOAD_VERSION, encodeBody } from '../../src/shared/slips/payload';
import { bytesToDigits, digitsToBytes, toHex } from '../../src/shared/text';
import { qrSvg } from '../../src/shared/slips/qr';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

const LINES = [0, 1, 2].map((n) => ({ itemId: `item-${n * 7}`, qty: 1 }));

/** slips.issue: sign a slip, store it with its lines, and draw its QR as SVG (200k slips in the file). */
export function slipsIssue(ctx: BenchContext): Benchmark {
  const { core } = ctx.site;
  let raw: Database.Database;
  let key: KeyObject;
  let n = 0;
  return {
    name: 'slips.issue',
    n: 200,
    setup() {
      raw = new Database(ctx.site.file);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      const row = raw.prepare('SELECT private_key FROM site_keys WHERE key_id = 1').get() as { private_key: Buffer };
      key = createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' });
    },
    run() {
      const slips = core.services.slips;
      const id = core.ctx.db.transaction(() => slips.issue({ visitId: 'v-0', householdId: 'hh-0', language: 'en', lines: LINES })).immediate();
      const payload = (core.ctx.db.prepare('SELECT payload FROM slips WHERE id = ?').get(id) as { payload: string }).payload;
      return qrSvg(payload);
    },
    raw() {
      // The same shape bare: sign, check the short code is free, insert slip and lines, draw the QR.
      const slipId = randomBytes(10);
      const body = encodeBody({ version: PAYLOAD_VERSION, keyId: 1, slipId, issueDay: 2523, expiryDay: 2530 });
      const payload = new Uint8Array(PAYLOAD_BYTES);
      payload.set(body, 0);
      payload.set(sign(null, body, key), BODY_BYTES);
      const digits = bytesToDigits(payload, PAYLOAD_DIGITS);
      n += 1;
      const short = `R${String(n).padStart(3, '0')}-${toHex(slipId).slice(0, 4).toUpperCase()}`;
      raw
        .transaction(() => {
          raw.prepare('SELECT 1 FROM slips WHERE short_code = ?').get(short);
          raw
            .prepare(
              `INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
               VALUES (?, ?, 1, 'v-0', 'hh-0', 'en', 2523, 2530, ?, '2026-11-28T10:00:00Z')`,
            )
            .run(toHex(slipId), short, digits);
          const line = raw.prepare('INSERT INTO slip_lines (slip_id, item_id, qty) VALUES (?, ?, ?)');
          for (const l of LINES) line.run(toHex(slipId), l.itemId, l.qty);
        })
        .immediate();
      return qrSvg(digits);
    },
    teardown() {
      raw.close();
    },
  };
}

/** slips.redeem: verify a scanned slip, look it up among 200k, and build its FEFO pick list. */
export function slipsRedeem(ctx: BenchContext): Benchmark {
  const { core } = ctx.site;
  let raw: Database.Database;
  let pub: KeyObject;
  const scanned: string[] = [];
  return {
    name: 'slips.redeem',
    n: 200,
    setup() {
      core.ctx.db
        .transaction(() => {
          for (let i = 0; i < 60; i += 1) {
            const id = core.services.slips.issue({ visitId: 'v-1', householdId: 'hh-1', language: 'es', lines: LINES.map((l, k) => ({ ...l, itemId: `item-${i * 3 + k}` })) });
            scanned.push((core.ctx.db.prepare('SELECT payload FROM slips WHERE id = ?').get(id) as { payload: string }).payload);
          }
        })
        .immediate();
      raw = new Database(ctx.site.file, { readonly: true });
      const row = raw.prepare('SELECT public_key FROM site_keys WHERE key_id = 1').get() as { public_key: Buffer };
      pub = createPublicKey({ key: row.public_key, format: 'der', type: 'spki' });
    },
    run(i) {
      return core.services.slips.lookup(scanned[i % scanned.length] ?? '');
    },
    raw(i) {
      const bytes = digitsToBytes(scanned[i % scanned.length] ?? '', PAYLOAD_BYTES);
      if (!bytes || !verify(null, bytes.subarray(0, BODY_BYTES), pub, bytes.subarray(BODY_BYTES))) throw new Error('bad slip');
      const id = toHex(bytes.subarray(3, 13));
      const slip = raw
        .prepare(
          `SELECT s.*, h.adults, r.at FROM slips s JOIN households h ON h.id = s.household_id LEFT JOIN redemptions r ON r.slip_id = s.id WHERE s.id = ?`,
        )
        .get(id);
      const lines = raw
        .prepare(
          `SELECT l.item_id, l.qty, i.unit, COALESCE(n.name, f.name) AS name FROM slip_lines l JOIN items i ON i.id = l.item_id
           LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = 'en' LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = 'en'
           WHERE l.slip_id = ?`,
        )
        .all(id) as { item_id: string }[];
      const lots = raw.prepare(
        `SELECT o.lot_id, l.code, l.expires_on, o.qty FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id WHERE o.item_id = ? AND o.qty > 0
         ORDER BY l.expires_on IS NULL, l.expires_on, l.received_at`,
      );
      return { slip, lines: lines.map((l) => ({ ...l, lots: lots.all(l.item_id) })) };
    },
    teardown() {
      raw.close();
    },
  };
}
