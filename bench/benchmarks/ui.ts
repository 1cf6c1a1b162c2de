import { createPrivateKey, createPublicKey, randomBytes, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_ITEMS, DEMO_LOCALES } from '../../src/core/demo/catalogue';
import { OfferIndex, type MatchOffer } from '../../src/core/board/matching';
import { parseAvailability } from '../../src/core/board/availability';
import { foldText } from '../../src/core/inventory/text';
import { uuidv7 } from '../../src/core/deps';
import { LOCALE_CODES, type LocaleCode } from '../../src/shared/locales';
import { BOARD_PAGE } from '../../src/shared/api/channels/board';
import {
  BODY_BYTES,
  PAYLOAD_BYTES,
  PAYLOAD_DIGITS,
  PAYLOAD_VERSION,
  SLIP_ID_BYTES,
  decodeBody,
  encodeBody,
} from '../../src/shared/slips/payload';
import { DAY_MS, dayNumber, dayToIso } from '../../src/shared/time';
import { bytesToDigits, digitsToBytes, toHex } from '../../src/shared/text';
import { shortCodeFromBytes } from '../../src/shared/slips/short-code';
import type { Benchmark } from '../harness';
import { logIn, startAppHost, startRawHost, type AppHost, type RawHost } from '../http';
import type { BenchContext } from '../run';
import { NOW } from '../scale-data';

/*
 * What people do, through the browser-mode host: the renderer's own ApiClient (zod on the way
 * back, as the screen does) over real HTTP to the real host (token, Host/Origin checks, zod on
 * the way in, roles, dispatch). Each beside its floor: a bare node:http server and a bare
 * better-sqlite3 connection doing the same SQL work (same rows, same order, same writes, same
 * signatures), answered as JSON over the same kind of fetch. The floor reads the maintained
 * tables (item_stock, reservations) wherever they give the same answer as what the app computes.
 */

const DAY = DAY_MS;
const TODAY = dayNumber(new Date(NOW));
const NOW_ISO = new Date(NOW).toISOString();
const SITE_LANG = 'en';

/** One app host and one floor server for all the UI benches (set up once per run). */
export interface UiRig {
  app: AppHost;
  raw: RawHost;
  db: Database.Database;
  /** Slips issued this morning, not picked up: the first ones are scanned, the rest redeemed. */
  open: { id: string; payload: string }[];
  close(): Promise<void>;
}

export const SCAN_SET = 40;

const rows = <T>(db: Database.Database, sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as T[];

export async function startRig(ctx: BenchContext): Promise<UiRig> {
  const app = await startAppHost(ctx.site.core, join(ctx.dir, 'host'));
  await logIn(app);
  const db = new Database(ctx.site.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The floor's writes leave checkpoints to the app's background checkpointer, as the app's do:
  // the same work on the thread, wherever the log is copied.
  db.pragma('wal_autocheckpoint = 0');
  db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldText(s) : null));
  const keys = db
    .prepare('SELECT key_id, public_key, private_key FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1')
    .get() as {
    key_id: number;
    public_key: Buffer;
    private_key: Buffer;
  };
  const priv = createPrivateKey({ key: keys.private_key, format: 'der', type: 'pkcs8' });
  const pub = createPublicKey({ key: keys.public_key, format: 'der', type: 'spki' });
  const site = db.prepare('SELECT id, name FROM site').get() as { id: string; name: string };
  const raw = await startRawHost({
    'intake.submit': (input) => rawSubmit(db, priv, keys.key_id, site, input as unknown as SubmitInput),
    'slip.lookup': (input) => rawLookup(db, pub, String(input.code)),
    'slip.redeem': (input) => rawRedeem(db, String(input.slipId), (input.table as string | null) ?? null),
    'intake.catalog': (input) => rawCatalog(db, input.language as LocaleCode),
    'board.list': () => rawBoard(db),
    'board.public': (input) => rawPublic(db, site.name, input.language as LocaleCode),
    'inventory.stock': (input) =>
      rawStock(
        db,
        input.language as LocaleCode,
        String(input.search ?? ''),
        Number(input.limit ?? 100),
        (input.view as 'all' | 'low' | 'expiring' | undefined) ?? 'all',
        Number(input.withinDays ?? 7),
      ),
  });
  const open = rows<{ id: string; payload: string }>(
    db,
    'SELECT s.id, s.payload FROM slips s WHERE s.issue_day = ? AND s.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) ORDER BY s.issued_at, s.id',
    TODAY,
  );
  return {
    app,
    raw,
    db,
    open,
    async close() {
      await app.close();
      await raw.close();
      db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The floors' SQL work.

interface SubmitInput {
  requestId: string;
  language: LocaleCode;
  household: { adults?: number; children?: number; seniors?: number };
  needs: { itemId: string; qty: number }[];
  otherNeeds?: { category: string; detail?: string; shareable?: boolean }[];
  offers?: { category: string; detail?: string; availability?: string[]; shareable?: boolean }[];
}

function slipLines(db: Database.Database, slipId: string, language: string) {
  return rows<{ itemId: string; qty: number; unit: string; name: string }>(
    db,
    `SELECT l.item_id AS itemId, l.qty, i.unit, COALESCE(n.name, f.name, l.item_id) AS name
     FROM slip_lines l JOIN items i ON i.id = l.item_id
     LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = ?
     LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = ?
     WHERE l.slip_id = ? ORDER BY name`,
    language,
    SITE_LANG,
    slipId,
  );
}

interface RawSlipRow {
  id: string;
  short_code: string;
  payload: string;
  language: string;
  issue_day: number;
  expiry_day: number;
  voided_at: string | null;
  void_reason: string | null;
  reprints: number;
  adults: number | null;
  children: number | null;
  seniors: number | null;
  redeemed_at: string | null;
  pickup_table: string | null;
  outcome: string | null;
}

function slipRow(db: Database.Database, id: string): RawSlipRow | undefined {
  return db
    .prepare(
      `SELECT s.id, s.short_code, s.payload, s.language, s.issue_day, s.expiry_day, s.voided_at, s.void_reason, s.reprints,
              h.adults, h.children, h.seniors, r.at AS redeemed_at, r.pickup_table, r.outcome
       FROM slips s JOIN households h ON h.id = s.household_id LEFT JOIN redemptions r ON r.slip_id = s.id WHERE s.id = ?`,
    )
    .get(id) as RawSlipRow | undefined;
}

const iso = dayToIso;

function slipView(siteName: string, row: RawSlipRow, lines: ReturnType<typeof slipLines>) {
  return {
    id: row.id,
    shortCode: row.short_code,
    qrDigits: row.payload,
    siteName,
    language: row.language,
    householdSize: (row.adults ?? 0) + (row.children ?? 0) + (row.seniors ?? 0),
    issuedOn: iso(row.issue_day),
    validUntil: iso(row.expiry_day),
    lines,
    status: row.redeemed_at
      ? { state: 'redeemed', at: row.redeemed_at, table: row.pickup_table }
      : row.voided_at
        ? { state: 'void' }
        : { state: 'issued' },
  };
}

/** intake.submit bare: the request-id replay check, availability and limits of the asked items, the rows, a signed slip, its view. */
function rawSubmit(db: Database.Database, key: KeyObject, keyId: number, site: { id: string; name: string }, req: SubmitInput) {
  return db
    .transaction(() => {
      const existing = db.prepare('SELECT s.id FROM visits v JOIN slips s ON s.visit_id = v.id WHERE v.request_id = ?').get(req.requestId);
      if (existing) throw new Error('replayed');
      const check = db.prepare(
        `SELECT i.limit_qty AS limitQty, COALESCE(st.on_hand, 0)
                - COALESCE((SELECT SUM(qty) FROM reservations r WHERE r.item_id = i.id AND r.expiry_day >= ?), 0) AS available
         FROM items i LEFT JOIN item_stock st ON st.item_id = i.id WHERE i.id = ? AND i.archived_at IS NULL`,
      );
      for (const need of req.needs) {
        const item = check.get(TODAY, need.itemId) as { limitQty: number | null; available: number } | undefined;
        if (!item || item.available < need.qty || (item.limitQty !== null && need.qty > item.limitQty))
          throw new Error(`unavailable ${need.itemId}`);
      }
      const at = NOW_ISO;
      const householdId = randomUUID();
      db.prepare(
        'INSERT INTO households (id, adults, children, seniors, language, created_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(householdId, req.household.adults ?? null, req.household.children ?? null, req.household.seniors ?? null, req.language, at, at);
      const visitId = uuidv7(Date.now(), randomBytes(10));
      db.prepare('INSERT INTO visits (id, household_id, language, request_id, at) VALUES (?, ?, ?, ?, ?)').run(
        visitId,
        householdId,
        req.language,
        req.requestId,
        at,
      );
      const no = db.prepare(
        `INSERT INTO needs_offers (id, origin_site, visit_id, household_id, kind, category, detail, languages, availability, shareable, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const langs = JSON.stringify([req.language]);
      for (const n of req.otherNeeds ?? [])
        no.run(randomUUID(), site.id, visitId, householdId, 'need', n.category, n.detail ?? null, langs, null, n.shareable ? 1 : 0, at);
      for (const o of req.offers ?? [])
        no.run(
          randomUUID(),
          site.id,
          visitId,
          householdId,
          'offer',
          o.category,
          o.detail ?? null,
          langs,
          o.availability?.join(',') || null,
          o.shareable ? 1 : 0,
          at,
        );
      const slipBytes = new Uint8Array(randomBytes(SLIP_ID_BYTES));
      const body = encodeBody({ version: PAYLOAD_VERSION, keyId, slipId: slipBytes, issueDay: TODAY, expiryDay: TODAY + 7 });
      const payload = new Uint8Array(PAYLOAD_BYTES);
      payload.set(body, 0);
      payload.set(sign(null, body, key), BODY_BYTES);
      const digits = bytesToDigits(payload, PAYLOAD_DIGITS);
      const taken = db.prepare('SELECT 1 FROM slips WHERE short_code = ?');
      let short = shortCodeFromBytes(randomBytes(8));
      while (taken.get(short)) short = shortCodeFromBytes(randomBytes(8));
      const id = toHex(slipBytes);
      db.prepare(
        `INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, short, keyId, visitId, householdId, req.language, TODAY, TODAY + 7, digits, at);
      const line = db.prepare('INSERT INTO slip_lines (slip_id, item_id, qty) VALUES (?, ?, ?)');
      for (const n of req.needs) line.run(id, n.itemId, n.qty);
      return slipView(site.name, slipRow(db, id)!, slipLines(db, id, req.language));
    })
    .immediate();
}

/** The pick list as the app builds it: FEFO lots for an open slip, the lots given for a redeemed one. */
function pickupView(db: Database.Database, row: RawSlipRow) {
  const view = slipView('', row, slipLines(db, row.id, SITE_LANG));
  const onHandLots = db.prepare(
    `SELECT o.lot_id AS lotId, l.code, l.expires_on AS expiresOn, o.qty FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
     WHERE o.item_id = ? AND o.qty > 0 ORDER BY l.expires_on IS NULL, l.expires_on, l.received_at`,
  );
  const givenLots = db.prepare(
    `SELECT m.lot_id AS lotId, l.code, l.expires_on AS expiresOn, -SUM(m.qty) AS qty FROM movements m LEFT JOIN lots l ON l.id = m.lot_id
     WHERE m.slip_id = ? AND m.item_id = ? AND m.kind = 'distribute' GROUP BY m.lot_id ORDER BY l.expires_on IS NULL, l.expires_on`,
  );
  const outcomes = new Map(
    rows<{ itemId: string; givenQty: number; outcome: string }>(
      db,
      'SELECT item_id AS itemId, given_qty AS givenQty, outcome FROM redemption_lines WHERE slip_id = ?',
      row.id,
    ).map((o) => [o.itemId, o]),
  );
  const redeemed = row.redeemed_at !== null;
  const pickList = view.lines.map((line) => {
    const stock = onHandLots.all(line.itemId) as { lotId: string; code: string | null; expiresOn: string | null; qty: number }[];
    let lots: typeof stock = [];
    if (redeemed) lots = givenLots.all(row.id, line.itemId) as typeof stock;
    else {
      let left = line.qty;
      for (const lot of stock) {
        if (left === 0) break;
        const take = Math.min(left, lot.qty);
        lots.push({ ...lot, qty: take });
        left -= take;
      }
    }
    const o = outcomes.get(line.itemId);
    return { ...line, onHand: stock.reduce((s, l) => s + l.qty, 0), lots, givenQty: o?.givenQty ?? null, outcome: o?.outcome ?? null };
  });
  return { ...view, pickList, voidReason: row.void_reason, pickupOutcome: row.outcome, reprints: row.reprints };
}

/** slip.lookup bare: decode, verify the Ed25519 signature, find the slip, build its pick list. */
function rawLookup(db: Database.Database, pub: KeyObject, code: string) {
  const bytes = digitsToBytes(code.replace(/\s/g, ''), PAYLOAD_BYTES);
  if (!bytes) throw new Error('unreadable');
  const body = decodeBody(bytes);
  if (!verify(null, bytes.subarray(0, BODY_BYTES), pub, bytes.subarray(BODY_BYTES))) throw new Error('invalid');
  const row = slipRow(db, toHex(body.slipId));
  if (!row) throw new Error('not found');
  return pickupView(db, row);
}

/** slip.redeem bare: status check, redemption, FEFO movements with on-hand upkeep, line outcomes, the new pick list. */
function rawRedeem(db: Database.Database, slipId: string, table: string | null) {
  return db
    .transaction(() => {
      const row = slipRow(db, slipId);
      if (!row || row.redeemed_at || row.voided_at || TODAY > row.expiry_day) throw new Error('not open');
      const at = NOW_ISO;
      if (
        db
          .prepare('INSERT OR IGNORE INTO redemptions (slip_id, at, pickup_table, volunteer) VALUES (?, ?, ?, ?)')
          .run(slipId, at, table, 'Coordinator').changes !== 1
      ) {
        throw new Error('already');
      }
      const lots = db.prepare(
        `SELECT o.lot_id AS lotId, o.qty FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
         WHERE o.item_id = ? AND o.qty > 0 ORDER BY l.expires_on IS NULL, l.expires_on, l.received_at`,
      );
      const current = db.prepare('SELECT qty FROM on_hand WHERE item_id = ? AND lot_id = ?');
      const move = db.prepare(
        `INSERT INTO movements (id, item_id, lot_id, kind, qty, reason, source, volunteer, slip_id, request_id, at)
         VALUES (?, ?, ?, 'distribute', ?, NULL, NULL, ?, ?, NULL, ?)`,
      );
      const onHand = db.prepare(
        'INSERT INTO on_hand (item_id, lot_id, qty) VALUES (?, ?, ?) ON CONFLICT (item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty',
      );
      const record = db.prepare(
        'INSERT INTO redemption_lines (slip_id, item_id, requested_qty, given_qty, outcome, at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const line of slipLines(db, slipId, SITE_LANG)) {
        let left = line.qty;
        for (const lot of lots.all(line.itemId) as { lotId: string; qty: number }[]) {
          if (left === 0) break;
          const take = Math.min(left, lot.qty);
          current.get(line.itemId, lot.lotId);
          move.run(uuidv7(Date.now(), randomBytes(10)), line.itemId, lot.lotId === '' ? null : lot.lotId, -take, 'Coordinator', slipId, at);
          onHand.run(line.itemId, lot.lotId, -take);
          left -= take;
        }
        if (left > 0) throw new Error('out of stock');
        record.run(slipId, line.itemId, line.qty, line.qty, 'given', at);
      }
      db.prepare("UPDATE redemptions SET outcome = 'full' WHERE slip_id = ?").run(slipId);
      return pickupView(db, slipRow(db, slipId)!);
    })
    .immediate();
}

/** intake.catalog bare: every item with what can be asked for now, from the maintained stock and reservations; same order as the app. */
function rawCatalog(db: Database.Database, language: LocaleCode) {
  return rows<{ id: string; name: string; untranslated: number; limitQty: number | null; available: number } & Record<string, unknown>>(
    db,
    `WITH rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations WHERE expiry_day >= @today GROUP BY item_id)
     SELECT i.id, COALESCE(n.name, f.name, i.id) AS name, n.name IS NULL AS untranslated,
            COALESCE(cn.name, cf.name) AS category, c.icon AS categoryIcon, i.unit, i.icon,
            i.limit_qty AS limitQty, i.limit_days AS limitDays, COALESCE(st.on_hand, 0) - COALESCE(rs.reserved, 0) AS available
     FROM items i
     LEFT JOIN item_stock st ON st.item_id = i.id LEFT JOIN rs ON rs.item_id = i.id
     LEFT JOIN categories c ON c.id = i.category_id
     LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = @lang
     LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = @site
     LEFT JOIN category_names cn ON cn.category_id = i.category_id AND cn.locale = @lang
     LEFT JOIN category_names cf ON cf.category_id = i.category_id AND cf.locale = @site
     WHERE i.archived_at IS NULL AND COALESCE(st.on_hand, 0) - COALESCE(rs.reserved, 0) > 0
     ORDER BY c.sort, category, name`,
    { today: TODAY, lang: language, site: SITE_LANG },
  ).map((r) => ({ ...r, untranslated: r.untranslated === 1, limit: r.limitQty }));
}

const EXPIRES = (
  a: string,
) => `CASE WHEN ${a}.renewed_at IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${a}.renewed_at, '+' || @days || ' days')
  WHEN ${a}.expires_at IS NOT NULL THEN ${a}.expires_at ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${a}.created_at, '+' || @days || ' days') END`;

/**
 * board.list bare: the first page (BOARD_PAGE) of open and recently expired entries of each kind, newest
 * first, read in order from the board index; the totals; the same ranking (OfferIndex) over all
 * live offers for the page's live needs; the matches.
 */
function rawBoard(db: Database.Database, limit = BOARD_PAGE) {
  const days = (db.prepare('SELECT expiry_days AS d FROM board_settings').get() as { d: number }).d;
  const since = new Date(NOW - 14 * DAY).toISOString();
  const sinceCutoff = new Date(NOW - 14 * DAY - days * DAY).toISOString();
  const cutoff = new Date(NOW - days * DAY).toISOString();
  const today = NOW_ISO.slice(0, 10);
  const onBoard = `n.status = 'open' AND (CASE WHEN n.renewed_at IS NOT NULL THEN n.renewed_at > @sinceCutoff
    WHEN n.expires_at IS NOT NULL THEN n.expires_at > @since ELSE n.created_at > @sinceCutoff END)`;
  type Row = Record<string, unknown> & {
    id: string;
    kind: string;
    expires: string;
    date_until: string | null;
    languages: string;
    slots: number | null;
    availability: string | null;
  };
  const select = `SELECT n.id, n.kind, n.category, n.detail, n.languages, n.availability, n.slots, n.date_from, n.date_until, n.household_id, n.shareable,
            n.source, n.status, n.created_at, ${EXPIRES('n')} AS expires, COALESCE(inl.name, ifl.name) AS item_name,
            (SELECT s.short_code FROM slips s WHERE s.household_id = n.household_id ORDER BY s.issued_at DESC LIMIT 1) AS short_code,
            (h.first_name IS NOT NULL AND trim(h.first_name) <> '') OR (h.phone IS NOT NULL AND trim(h.phone) <> '') AS has_contact
     FROM needs_offers n LEFT JOIN households h ON h.id = n.household_id
     LEFT JOIN item_names inl ON inl.item_id = n.item_id AND inl.locale = @site
     LEFT JOIN item_names ifl ON ifl.item_id = n.item_id AND ifl.locale = @site`;
  const firstPage = (kind: string) =>
    rows<Row>(db, `${select} WHERE n.kind = @kind AND ${onBoard} ORDER BY n.created_at DESC, n.id LIMIT @take`, {
      days,
      since,
      sinceCutoff,
      site: SITE_LANG,
      kind,
      take: limit + 1,
    });
  const needRows = firstPage('need');
  const offerRows = firstPage('offer');
  const totals = rows<{ kind: string; n: number }>(
    db,
    `SELECT n.kind, COUNT(*) AS n FROM needs_offers n WHERE ${onBoard} GROUP BY n.kind`,
    { since, sinceCutoff },
  );
  const live = (e: Row) => e.expires > NOW_ISO && (e.date_until === null || e.date_until >= today);
  const asMatch = (e: Row): MatchOffer => ({
    id: e.id,
    category: e.category as string,
    languages: JSON.parse(e.languages) as string[],
    slots: e.slots ?? parseAvailability(e.availability),
    dateFrom: e.date_from as string | null,
    dateUntil: e.date_until,
    householdId: e.household_id as string | null,
    createdAt: e.created_at as string,
    busy: 0,
  });
  const offersLive = rows<Row>(
    db,
    `SELECT n.id, n.category, n.languages, n.slots, n.availability, n.date_from, n.date_until, n.household_id, n.created_at FROM needs_offers n
     WHERE n.kind = 'offer' AND n.status = 'open' AND (CASE WHEN n.renewed_at IS NOT NULL THEN n.renewed_at > @cutoff
       WHEN n.expires_at IS NOT NULL THEN n.expires_at > @now ELSE n.created_at > @cutoff END) AND (n.date_until IS NULL OR n.date_until >= @today)`,
    { cutoff, now: NOW_ISO, today },
  );
  const needs = needRows.slice(0, limit);
  const index = new OfferIndex(offersLive.map(asMatch));
  const now = new Date(NOW);
  const suggestions = new Map(needs.filter(live).map((e) => [e.id, index.suggest(asMatch(e), 3, now)]));
  const offerIds = [...new Set([...suggestions.values()].flatMap((rs) => rs.map((r) => r.offer.id)))];
  const byId = new Map(
    rows<Row>(db, `${select} WHERE n.id IN (SELECT value FROM json_each(@ids))`, {
      days,
      site: SITE_LANG,
      ids: JSON.stringify(offerIds),
    }).map((e) => [e.id, e]),
  );
  const matches = rows(
    db,
    "SELECT id, need_id, offer_id, state, reason, why, created_at, updated_at FROM board_matches WHERE state IN ('suggested', 'agreed') OR updated_at >= ? ORDER BY updated_at DESC, id",
    since,
  );
  const next = (page: Row[]) => (page.length > limit ? `${String(page[limit - 1]?.created_at)}|${page[limit - 1]?.id}` : null);
  return {
    needs: needs.map((e) => ({
      ...e,
      suggestions: (suggestions.get(e.id) ?? []).map((r, i) => ({ rank: i + 1, offer: byId.get(r.offer.id), why: r.why })),
    })),
    offers: offerRows.slice(0, limit),
    needsTotal: totals.find((t) => t.kind === 'need')?.n ?? 0,
    offersTotal: totals.find((t) => t.kind === 'offer')?.n ?? 0,
    needsNext: next(needRows),
    offersNext: next(offerRows),
    matches,
    expiryDays: days,
  };
}

/** Still live at @now without date arithmetic per row: the period's start against @cutoff = now - days. */
/**
 * Still live, as bare SQL written against the same indexes (migration 290): the two ranges any
 * live entry falls in, then the rule. Without the ranges the floor read every open entry of five
 * years and was slower than the app, which flattered the ratio.
 */
const LIVE = (
  a: string,
) => `((likelihood(COALESCE(${a}.renewed_at, ${a}.created_at) > @cutoff, 0.05) OR likelihood(${a}.expires_at > @now, 0.05))
  AND (CASE WHEN ${a}.renewed_at IS NOT NULL THEN ${a}.renewed_at > @cutoff
  WHEN ${a}.expires_at IS NOT NULL THEN ${a}.expires_at > @now ELSE ${a}.created_at > @cutoff END))`;

/**
 * board.public bare: the same four questions (gaps, published needs, surplus, help wanted) from the
 * maintained stock tables. A gap is an item asked for that is low now or lasts two distribution
 * days or fewer at the last four weeks' pace, as the app's forecast says.
 */
function rawPublic(db: Database.Database, siteName: string, language: LocaleCode) {
  const s = db.prepare('SELECT expiry_days AS days, gap_days AS gapDays, gap_min_asks AS minAsks FROM board_settings').get() as {
    days: number;
    gapDays: number;
    minAsks: number;
  };
  // The last gapDays days, today included, from the maintained asks per day (as the app reads them).
  const fromDay = TODAY - s.gapDays + 1;
  const names = { lang: language, site: SITE_LANG };
  const live = { now: NOW_ISO, cutoff: new Date(NOW - s.days * DAY).toISOString() };
  const paceFrom = new Date(NOW - 28 * DAY).toISOString().slice(0, 10);
  const { days } = db
    .prepare("SELECT COUNT(DISTINCT day) AS days FROM ledger_days WHERE kind = 'distribute' AND day >= ?")
    .get(paceFrom) as { days: number };
  const asked = rows<{ itemId: string; name: string; unit: string; available: number; low: number }>(
    db,
    `WITH asked AS (SELECT item_id, SUM(slips) AS asks, SUM(qty) AS qty FROM item_asks WHERE day >= @fromDay
                    GROUP BY item_id HAVING SUM(slips) >= @minAsks),
          rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations INDEXED BY reservations_day WHERE expiry_day >= @today GROUP BY item_id)
     SELECT i.id AS itemId, COALESCE(n.name, f.name, i.id) AS name, i.unit, a.asks,
            MAX(0, COALESCE(st.on_hand, 0) - COALESCE(rs.reserved, 0)) AS available, i.low_stock AS low
     FROM asked a JOIN items i ON i.id = a.item_id LEFT JOIN item_stock st ON st.item_id = i.id LEFT JOIN rs ON rs.item_id = i.id
     LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = @lang LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = @site
     WHERE i.archived_at IS NULL
     ORDER BY a.asks DESC, available, name`,
    { ...names, fromDay, today: TODAY, minAsks: s.minAsks },
  );
  // What was given out over four weeks, from the given-out index (migration 290), a batch of
  // asked items at a time in the gaps' order until the screen's eight are found, as the app does.
  const given = db.prepare(
    `SELECT m.item_id AS itemId, -SUM(m.qty) AS n FROM movements m INDEXED BY movements_given
     WHERE m.item_id IN (SELECT value FROM json_each(@items)) AND m.at >= @paceAt AND m.kind = 'distribute' GROUP BY m.item_id`,
  );
  const gaps: typeof asked = [];
  for (let at = 0; at < asked.length && gaps.length < 8; at += 64) {
    const batch = asked.slice(at, at + 64);
    const out = new Map(
      (
        given.all({ items: JSON.stringify(batch.map((g) => g.itemId)), paceAt: `${paceFrom}T00:00:00.000Z` }) as {
          itemId: string;
          n: number;
        }[]
      ).map((r) => [r.itemId, r.n]),
    );
    for (const g of batch) {
      const perDay = days === 0 ? 0 : (out.get(g.itemId) ?? 0) / days;
      if (g.available <= g.low || (perDay > 0 && Math.floor(g.available / perDay) <= 2)) gaps.push(g);
      if (gaps.length >= 8) break;
    }
  }
  const published = rows<{ itemId: string; name: string; unit: string }>(
    db,
    `SELECT i.id AS itemId, COALESCE(n.name, f.name, i.id) AS name, i.unit FROM needs_offers e JOIN items i ON i.id = e.item_id
     LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = @lang LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = @site
     WHERE e.kind = 'need' AND e.status = 'open' AND e.shareable = 1 AND e.item_id IS NOT NULL AND ${LIVE('e')} ORDER BY e.created_at`,
    { ...names, ...live },
  );
  // The eight with the most surplus, named only among those that can be in the eight (as the app does).
  const have = rows<{ itemId: string; name: string; unit: string }>(
    db,
    `WITH asked AS (SELECT item_id, SUM(qty) AS qty FROM item_asks WHERE day >= @fromDay GROUP BY item_id),
          rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations INDEXED BY reservations_day WHERE expiry_day >= @today GROUP BY item_id),
          av AS (SELECT st.item_id, MAX(0, st.on_hand - COALESCE(rs.reserved, 0)) AS n FROM item_stock st LEFT JOIN rs ON rs.item_id = st.item_id),
          surplus AS MATERIALIZED (
            SELECT i.id, i.unit, av.n - 3 * COALESCE(a.qty, 0) AS beyond FROM av JOIN items i ON i.id = av.item_id LEFT JOIN asked a ON a.item_id = i.id
            WHERE i.archived_at IS NULL AND av.n >= 10 AND av.n >= 3 * COALESCE(a.qty, 0) AND av.n > i.low_stock),
          cut AS (SELECT beyond FROM surplus ORDER BY beyond DESC LIMIT 1 OFFSET 7)
     SELECT s.id AS itemId, COALESCE(n.name, f.name, s.id) AS name, s.unit
     FROM surplus s
     LEFT JOIN item_names n ON n.item_id = s.id AND n.locale = @lang LEFT JOIN item_names f ON f.item_id = s.id AND f.locale = @site
     WHERE s.beyond >= COALESCE((SELECT beyond FROM cut), s.beyond)
     ORDER BY s.beyond DESC, name LIMIT 8`,
    { ...names, fromDay, today: TODAY },
  );
  // Only entries that can still be live: created (or renewed) within the expiry period, or with their own later date.
  const wanted = rows<{ kind: string; category: string; c: number }>(
    db,
    `SELECT n.kind, n.category, COUNT(*) AS c FROM needs_offers n
     WHERE n.status = 'open' AND n.item_id IS NULL AND ${LIVE('n')} AND (n.kind = 'offer' OR n.shareable = 1)
     GROUP BY n.kind, lower(trim(n.category))`,
    live,
  );
  const offered = new Map(wanted.filter((r) => r.kind === 'offer').map((r) => [r.category, r.c]));
  const need = gaps.map((g) => ({ itemId: g.itemId, name: g.name, unit: g.unit }));
  const ids = new Set(need.map((g) => g.itemId));
  for (const p of published) if (!ids.has(p.itemId)) need.push(p);
  return {
    siteName,
    have,
    need: need.slice(0, 8),
    offersWanted: wanted
      .filter((r) => r.kind === 'need' && r.c > (offered.get(r.category) ?? 0))
      .map((r) => ({ category: r.category, needs: r.c }))
      .sort((a, b) => b.needs - a.needs || a.category.localeCompare(b.category))
      .slice(0, 8),
  };
}

/** inventory.stock bare (the stock list's first page, optionally searched in any script): page, total, lots, tags, category names. */
function rawStock(
  db: Database.Database,
  language: LocaleCode,
  search: string,
  limit: number,
  view: 'all' | 'low' | 'expiring' = 'all',
  withinDays = 7,
) {
  let filter =
    view === 'low'
      ? 'AND i.low_stock > 0 AND COALESCE(st.on_hand, 0) - COALESCE(rs.reserved, 0) <= i.low_stock'
      : view === 'expiring'
        ? 'AND st.next_expiry IS NOT NULL AND st.next_expiry <= @until'
        : '';
  const params: Record<string, unknown> = {
    lang: language,
    site: SITE_LANG,
    today: TODAY,
    limit,
    until: new Date(NOW + withinDays * DAY).toISOString().slice(0, 10),
  };
  if (search !== '') {
    const pattern = `%${foldText(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const ids = rows<{ item_id: string }>(
      db,
      `SELECT item_id FROM item_names WHERE name LIKE @pattern ESCAPE '\\' OR (name GLOB '*[^ -~]*' AND fold(name) LIKE @pattern ESCAPE '\\')
       UNION SELECT item_id FROM item_barcodes WHERE barcode = @search`,
      { pattern, search },
    ).map((r) => r.item_id);
    params.matches = JSON.stringify(ids);
    filter += ' AND i.id IN (SELECT value FROM json_each(@matches))';
  }
  // The expiring view walks the items by first expiry (its index) and stops after a page, as the app does.
  const source =
    view === 'expiring'
      ? 'FROM item_stock st JOIN items i ON i.id = st.item_id'
      : 'FROM items i LEFT JOIN item_stock st ON st.item_id = i.id';
  const order = view === 'expiring' ? 'st.next_expiry, st.item_id' : 'name COLLATE NOCASE, i.id';
  const page = rows<
    { id: string; category_id: string | null; on_hand: number; reserved: number; untranslated: number } & Record<string, unknown>
  >(
    db,
    `WITH rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations WHERE expiry_day >= @today GROUP BY item_id)
     SELECT i.id, COALESCE(n.name, f.name, i.id) AS name, n.name IS NULL AS untranslated, i.category_id, i.unit, i.icon, i.low_stock,
            COALESCE(st.on_hand, 0) AS on_hand, COALESCE(rs.reserved, 0) AS reserved, st.next_expiry
     ${source}
     LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = @lang LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = @site
     LEFT JOIN rs ON rs.item_id = i.id
     WHERE i.archived_at IS NULL ${filter} ORDER BY ${order} LIMIT @limit`,
    params,
  );
  const total =
    page.length < limit
      ? page.length
      : (
          db
            .prepare(
              `WITH rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations WHERE expiry_day >= @today GROUP BY item_id)
             SELECT COUNT(*) AS n ${source} LEFT JOIN rs ON rs.item_id = i.id WHERE i.archived_at IS NULL ${filter}`,
            )
            .get(params) as { n: number }
        ).n;
  const ids = JSON.stringify(page.map((r) => r.id));
  const lots = rows<{ itemId: string }>(
    db,
    `SELECT o.item_id AS itemId, o.lot_id AS lotId, l.code, l.expires_on AS expiresOn, o.qty FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
     WHERE o.item_id IN (SELECT value FROM json_each(?)) AND o.qty <> 0 ORDER BY l.expires_on IS NULL, l.expires_on, l.received_at`,
    ids,
  );
  const tags = rows<{ itemId: string; tag: string }>(
    db,
    'SELECT item_id AS itemId, tag FROM item_tags WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY tag',
    ids,
  );
  const categories = new Map(
    rows<{ id: string; name: string }>(
      db,
      `SELECT c.id, COALESCE(n.name, f.name, c.id) AS name FROM categories c LEFT JOIN category_names n ON n.category_id = c.id AND n.locale = ?
       LEFT JOIN category_names f ON f.category_id = c.id AND f.locale = ? ORDER BY c.sort, name`,
      language,
      SITE_LANG,
    ).map((c) => [c.id, c.name]),
  );
  return {
    total,
    rows: page.map((r) => ({
      ...r,
      untranslated: r.untranslated === 1,
      category: r.category_id === null ? null : (categories.get(r.category_id) ?? null),
      available: Math.max(0, r.on_hand - r.reserved),
      tags: tags.filter((t) => t.itemId === r.id).map((t) => t.tag),
      lots: lots.filter((l) => l.itemId === r.id),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The benches.

type UiBench = (ctx: BenchContext, rig: () => UiRig) => Benchmark;

function pair(
  name: string,
  goal: number | undefined,
  n: number,
  run: (rig: UiRig, i: number) => Promise<unknown>,
  raw: (rig: UiRig, i: number) => Promise<unknown>,
): UiBench {
  return (_ctx, rig) => ({
    name,
    n,
    ...(goal === undefined ? {} : { goal }),
    setup() {},
    run: (i) => run(rig(), i),
    raw: (i) => raw(rig(), i),
    teardown() {},
  });
}

/** Items a visitor can ask for in any quantity (no limit), most stocked first: what the benches' visitors tap. */
function askable(rig: UiRig): string[] {
  return rows<{ id: string }>(
    rig.db,
    `SELECT i.id FROM items i JOIN item_stock st ON st.item_id = i.id WHERE i.archived_at IS NULL AND i.limit_qty IS NULL
     ORDER BY st.on_hand - COALESCE((SELECT SUM(qty) FROM reservations r WHERE r.item_id = i.id AND r.expiry_day >= ?), 0) DESC, i.id LIMIT 60`,
    TODAY,
  ).map((r) => r.id);
}

/** The visitor taps "Get my slip": intake.submit with what the screens gathered; the answer is the slip the QR is drawn from. */
export const uiGetSlip: UiBench = (ctx, rig) => {
  let items: string[] = [];
  const request = (i: number) => {
    const language = LOCALE_CODES[i % LOCALE_CODES.length]!;
    return {
      requestId: randomUUID(),
      language,
      purpose: i % 5 === 0 ? ('both' as const) : ('need' as const),
      household: { adults: 1 + (i % 3), children: i % 4 },
      needs: [0, 1, 2, 3].map((k) => ({ itemId: items[(i * 4 + k) % items.length]!, qty: 1 })),
      otherNeeds: i % 4 === 0 ? [{ category: 'diapers' as const, shareable: true }] : [],
      offers: i % 5 === 0 ? [{ category: 'cooking' as const, availability: ['weekends' as const], shareable: false }] : [],
      contact: {},
    };
  };
  const base = pair(
    'ui.get_slip',
    20,
    60,
    (r, i) => r.app.call('intake.submit', request(i)),
    (r, i) => r.raw.call('intake.submit', request(i)),
  )(ctx, rig);
  return {
    ...base,
    setup() {
      items = askable(rig());
    },
  };
};

/** The volunteer scans a slip: slip.lookup with the QR's digits; the answer is the pick list. */
export const uiScanSlip: UiBench = pair(
  'ui.scan_slip',
  10,
  80,
  (r, i) => r.app.call('slip.lookup', { code: r.open[i % SCAN_SET]!.payload }),
  (r, i) => r.raw.call('slip.lookup', { code: r.open[i % SCAN_SET]!.payload }),
);

/** The volunteer taps "Picked up": slip.redeem (the write: redemption, FEFO movements, on-hand), each sample a different open slip. */
export const uiRedeem: UiBench = (ctx, rig) => {
  const n = 50;
  const slipFor = (r: UiRig, i: number, side: 0 | 1) => {
    const s = r.open[SCAN_SET + i * 2 + side];
    if (!s) throw new Error(`ui.redeem needs ${SCAN_SET + 2 * (n + 5)} open slips, the seed has ${r.open.length}`);
    return s.id;
  };
  return pair(
    'ui.redeem',
    undefined,
    n,
    (r, i) => r.app.call('slip.redeem', { slipId: slipFor(r, i, 0), table: '2' }),
    (r, i) => r.raw.call('slip.redeem', { slipId: slipFor(r, i, 1), table: '2' }),
  )(ctx, rig);
};

/** "What do you need?": the needs screen loads intake.catalog in the visitor's language. */
export const uiNeedsScreen: UiBench = pair(
  'ui.needs_screen',
  undefined,
  60,
  (r, i) => r.app.call('intake.catalog', { language: LOCALE_CODES[i % LOCALE_CODES.length]! }),
  (r, i) => r.raw.call('intake.catalog', { language: LOCALE_CODES[i % LOCALE_CODES.length]! }),
);

/** The board tab: board.list (entries, suggestions for every open need, matches). */
export const uiBoard: UiBench = pair(
  'ui.board',
  50,
  40,
  (r) => r.app.call('board.list', {}),
  (r) => r.raw.call('board.list', {}),
);

/** The waiting-room screen, rotating through the site's languages: board.public. */
export const uiPublic: UiBench = pair(
  'ui.public',
  20,
  60,
  (r, i) => r.app.call('board.public', { language: LOCALE_CODES[i % LOCALE_CODES.length]! }),
  (r, i) => r.raw.call('board.public', { language: LOCALE_CODES[i % LOCALE_CODES.length]! }),
);

const STOCK_PAGE = 100;
const stockInput = (language: LocaleCode, search: string, view: 'all' | 'low' | 'expiring' = 'all') => ({
  language,
  search,
  view,
  sort: 'name' as const,
  withinDays: 7,
  categoryId: null,
  tag: null,
  limit: STOCK_PAGE,
  offset: 0,
});

/** The stock room's list, first page, as StockPanel asks for it. */
export const uiStockList: UiBench = pair(
  'ui.stock_list',
  undefined,
  60,
  (r, i) => r.app.call('inventory.stock', stockInput(LOCALE_CODES[i % LOCALE_CODES.length]!, '')),
  (r, i) => r.raw.call('inventory.stock', stockInput(LOCALE_CODES[i % LOCALE_CODES.length]!, '')),
);

/** The stock list's "Low stock" and "Expiring soon" views (first page). */
export const uiStockLow: UiBench = pair(
  'ui.stock_low',
  undefined,
  40,
  (r) => r.app.call('inventory.stock', stockInput('en', '', 'low')),
  (r) => r.raw.call('inventory.stock', stockInput('en', '', 'low')),
);
export const uiStockExpiring: UiBench = pair(
  'ui.stock_expiring',
  undefined,
  40,
  (r) => r.app.call('inventory.stock', stockInput('en', '', 'expiring')),
  (r) => r.raw.call('inventory.stock', stockInput('en', '', 'expiring')),
);

/** Search words in every shipped language and script (the first word of real item names, some without their accents). */
export const SEARCH_TERMS: readonly { language: LocaleCode; term: string }[] = DEMO_LOCALES.flatMap((language, k) =>
  [k, k + 17, k + 31].map((n) => {
    const word = (DEMO_ITEMS[n % DEMO_ITEMS.length]!.names[language].split(/[\s,،]+/)[0] ?? '').toLowerCase();
    // Every other Latin-script term typed without accents ("cafe" for "café"): the fold must find it.
    return { language, term: n % 2 === 0 ? word.normalize('NFKD').replace(/\p{M}/gu, '') : word };
  }),
).filter((t) => t.term.length > 0);

/** The stock list's search box, typed in the volunteer's language. */
export const uiSearch: UiBench = pair(
  'ui.search',
  undefined,
  72,
  (r, i) => {
    const t = SEARCH_TERMS[i % SEARCH_TERMS.length]!;
    return r.app.call('inventory.stock', stockInput(t.language, t.term));
  },
  (r, i) => {
    const t = SEARCH_TERMS[i % SEARCH_TERMS.length]!;
    return r.raw.call('inventory.stock', stockInput(t.language, t.term));
  },
);

/**
 * A scan while the coordinator writes a share bundle to a slow stick (each 1 MB chunk takes
 * `slowStick.msPerChunk` to land, as a cheap stick's writes do): the scan's own time is measured,
 * from when the export is underway. The floor is the bare scan with nothing else running: what
 * an export that does not hold the thread would leave it.
 */
export function uiScanDuringExport(slowStick: { msPerChunk: number }, stick: string): UiBench {
  return (_ctx, rig) => ({
    name: 'ui.scan_during_export',
    n: 30,
    warmup: 1,
    goal: 50,
    timed: true,
    setup() {
      mkdirSync(stick, { recursive: true });
      slowStick.msPerChunk = 150;
    },
    async run(i) {
      const r = rig();
      const exporting = r.app.call('exchange.export_share', { folder: stick });
      // Let the export's request reach the host and start before the scan is sent.
      await new Promise((done) => setTimeout(done, 5));
      const t0 = performance.now();
      await r.app.call('slip.lookup', { code: r.open[i % SCAN_SET]!.payload });
      const took = performance.now() - t0;
      await exporting;
      return took;
    },
    async raw(i) {
      const t0 = performance.now();
      await rig().raw.call('slip.lookup', { code: rig().open[i % SCAN_SET]!.payload });
      return performance.now() - t0;
    },
    teardown() {
      slowStick.msPerChunk = 0;
    },
  });
}

export const UI_BENCHES: UiBench[] = [
  uiGetSlip,
  uiScanSlip,
  uiNeedsScreen,
  uiBoard,
  uiPublic,
  uiStockList,
  uiStockLow,
  uiStockExpiring,
  uiSearch,
  uiRedeem,
];

/** The floors, for the test that holds them to the app's answers (tests/integration/bench-floors.test.ts). */
export const FLOORS = { rawCatalog, rawStock, rawPublic, rawBoard, rawLookup };
