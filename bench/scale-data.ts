import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../src/core/index';
import { openDatabase, type Db } from '../src/core/db/open';
import { LATEST_VERSION } from '../src/core/db/migrations/index';
import { uuidv7 } from '../src/core/deps';
import { SlipKeyring } from '../src/core/slips/signing';
import { setUpSite } from '../src/core/site/site-service';
import { DEMO_CATEGORIES, DEMO_ITEMS, DEMO_LOCALES } from '../src/core/demo/catalogue';
import { BOARD_CATEGORIES } from '../src/shared/api/channels/board';
import { NEED_CATEGORIES, OFFER_CATEGORIES } from '../src/shared/api/channels/intake';
import { LOCALE_CODES, type LocaleCode } from '../src/shared/locales';
import { PAYLOAD_VERSION } from '../src/shared/slips/payload';
import { DAY_MS, dayNumber, dayToIso } from '../src/shared/time';
import { shortCodeFromBytes } from '../src/shared/slips/short-code';
import { FixedClock, seededKeys, sequentialIds } from '../tests/support/fixed';

/**
 * Bump when the generated data changes shape: the cached seeded file is keyed by it, so an old
 * cache is never reused for a new generator.
 */
export const GENERATOR_VERSION = 5;

export interface Scale {
  /** Catalogue size. */
  items: number;
  /** Households that come (some every week, most now and then). */
  households: number;
  /** Visits over the five years; each visit gets one signed slip. */
  slips: number;
}

/** Full scale: a busy hub's five years (about 1M slip lines and 1.5M+ ledger movements follow from these). */
export const FULL: Scale = { items: 5_000, households: 60_000, slips: 200_000 };

export function scaled(factor: number): Scale {
  return {
    items: Math.max(80, Math.round(FULL.items * factor)),
    households: Math.max(40, Math.round(FULL.households * factor)),
    slips: Math.max(300, Math.round(FULL.slips * factor)),
  };
}

/** "Now" for every bench: a Saturday distribution day, 10:00 UTC. */
export const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);
const DAY = DAY_MS;
const YEARS = 5;
/** Distribution days: Tuesday, Thursday, Saturday. */
const DISTRIBUTION_WEEKDAYS = new Set([2, 4, 6]);
/** Slips issued this morning and not picked up yet: what the pickup table scans and redeems now. */
export const OPEN_TODAY_SHARE = 0.001;

/** A small deterministic PRNG (mulberry32): the same seed gives the same site every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First names (kept only for recent visitors who chose to give one) in the scripts of the shipped languages. */
const FIRST_NAMES: Record<LocaleCode, readonly string[]> = {
  en: ['Mary', 'James', 'Aisha', 'Tom'],
  es: ['José', 'María', 'Begoña', 'Íñigo'],
  fr: ['Hélène', 'François', 'Zoë', 'Noël'],
  pt: ['João', 'Conceição', 'Tânia', 'Ângelo'],
  ar: ['محمد', 'فاطمة', 'يوسف', 'مريم'],
  fa: ['زهرا', 'احمد', 'نرگس', 'فرشته'],
  ur: ['عائشہ', 'عمران', 'ثناء', 'بلال'],
  'zh-Hans': ['王芳', '李伟', '张敏', '刘洋'],
  vi: ['Nguyễn Thị Hương', 'Trần Văn Đức', 'Phạm Thủy', 'Lê Quỳnh'],
  ht: ['Wòdlin', 'Jean-Rénald', 'Rose-Mèn', 'Dieunè'],
  uk: ['Олена', 'Андрій', 'Юлія', 'Тарас'],
  so: ['Cabdullaahi', 'Xaliimo', 'Maxamed', 'Faadumo'],
};

/** Free-text details visitors write, in their own scripts. */
const DETAILS: readonly string[] = [
  'Saturdays after 10',
  'weekday evenings',
  'después del trabajo',
  'le matin seulement',
  'بعد الظهر',
  'صبح‌ها',
  'شام کو',
  '周末下午',
  'buổi sáng',
  'apre midi',
  'у вихідні',
  'subaxdii',
];
const AVAILABILITY_TEXT = ['mornings', 'afternoons', 'evenings', 'weekends', 'mornings,weekends', null];
/** Visitors' languages, weighted towards a hub's usual mix (every shipped language appears). */
const VISITOR_LANGS: readonly LocaleCode[] = [
  'en',
  'en',
  'es',
  'es',
  'es',
  'ar',
  'ar',
  'fa',
  'fa',
  'ur',
  'zh-Hans',
  'vi',
  'ht',
  'uk',
  'uk',
  'so',
  'fr',
  'pt',
];
const SIZES = ['', ' 250 g', ' 400 g', ' 500 g', ' 1 kg', ' 2 kg', ' ×6', ' ×12'];

export interface Site {
  dir: string;
  file: string;
  core: Core;
  clock: FixedClock;
  scale: Scale;
}

export interface SeedSummary {
  items: number;
  households: number;
  visits: number;
  slips: number;
  slipLines: number;
  redeemed: number;
  voided: number;
  openToday: number;
  movements: number;
  needsOffers: number;
}

/**
 * Five years of a busy hub, written straight into a fresh database of the real schema (so bulk
 * inserts are fast), with everything the app keeps derived kept consistent:
 *
 * - visits on distribution days across the years, through each morning, by returning households;
 * - one real slip per visit, signed with the site's own key by the core's SlipKeyring, short code
 *   from the core's own function, with its lines (what the household asked for, within limits);
 * - ~97% redeemed (redemption, per-line outcomes, FEFO distribute movements from real lots), a
 *   few voided, the rest expired unclaimed; this morning's slips still open;
 * - receipts arriving as donations before stock runs out, lots with expiry dates;
 * - needs and offers from some visits (with free-text or structured availability, some renewed,
 *   met or withdrawn), and volunteers' own board entries; all expire by the board's rules;
 * - names in every shipped language and script.
 *
 * on_hand is rebuilt from the ledger; item_stock and reservations are filled by the schema's own
 * triggers as the rows go in. `checkConsistency` proves it.
 */
export function generateSite(dir: string, scale: Scale, seed = 1): Site & { summary: SeedSummary } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kiosk.sqlite');
  rmSync(file, { force: true });
  const clock = new FixedClock(NOW);
  const core = createCore({ db: openDatabase(file), clock, ids: sequentialIds(clock, `bench-${seed}`), keys: seededKeys(`bench-${seed}`) });
  const db = core.ctx.db;
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const bytes = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = Math.floor(rand() * 256);
    return out;
  };
  const uuidAt = (ms: number) => uuidv7(ms, bytes(10));
  // Set up directly, not through the (asynchronous) setup channel: the generator is synchronous,
  // and setUpSite hashes the PIN itself when no key is passed.
  setUpSite(core.ctx, { name: 'Bench Hub · مركز · 中心', languages: [...LOCALE_CODES], siteLanguage: 'en', pin: '1234' });
  const siteId = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
  const validDays = 7;
  const keyring = new SlipKeyring(db);
  const keyId = keyring.activeKeyId();
  const start = NOW - YEARS * 365 * DAY;
  const today = dayNumber(new Date(NOW));

  // Distribution days over the years, busier lately (the hub grew).
  const days: number[] = [];
  const dayMs = (d: number) => Date.parse(`${dayToIso(d)}T00:00:00Z`);
  // Today is a distribution day whatever its weekday: its open slips are what the pickup table scans.
  for (let d = dayNumber(new Date(start)); d <= today; d += 1)
    if (d === today || DISTRIBUTION_WEEKDAYS.has(new Date(dayMs(d)).getUTCDay())) days.push(d);
  const weights = days.map((_, i) => 0.5 + i / days.length);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // Enough open slips for the pickup benches to scan and redeem different ones (fewer on a tiny test site).
  const openToday = Math.min(Math.floor(scale.slips / 3), Math.max(160, Math.round(scale.slips * OPEN_TODAY_SHARE)));
  // Whole visits per day by cumulative rounding, so even a tiny site's visits spread over the years.
  let acc = 0;
  const perDay = days.map((_, i) => {
    const before = Math.round(acc);
    acc += ((scale.slips - openToday) * weights[i]!) / weightSum;
    return Math.round(acc) - before;
  });
  perDay[perDay.length - 1] = openToday;

  const summary: SeedSummary = {
    items: scale.items,
    households: 0,
    visits: 0,
    slips: 0,
    slipLines: 0,
    redeemed: 0,
    voided: 0,
    openToday,
    movements: 0,
    needsOffers: 0,
  };

  db.transaction(() => {
    // The catalogue: the demo catalogue's categories and items (12 languages), in variants up to the scale.
    const cat = db.prepare('INSERT INTO categories (id, origin_site, icon, sort) VALUES (?, ?, ?, ?)');
    const catName = db.prepare('INSERT INTO category_names (category_id, locale, name) VALUES (?, ?, ?)');
    DEMO_CATEGORIES.forEach((c, i) => {
      cat.run(`cat-${c.key}`, siteId, c.icon, i);
      for (const l of DEMO_LOCALES) catName.run(`cat-${c.key}`, l, c.names[l]);
    });
    const item = db.prepare(
      `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at, archived_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const name = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
    const barcode = db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
    const tag = db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
    const created = new Date(start - 30 * DAY).toISOString();
    const limits: { qty: number | null; days: number | null }[] = [];
    for (let i = 0; i < scale.items; i += 1) {
      const base = DEMO_ITEMS[i % DEMO_ITEMS.length]!;
      const variant = Math.floor(i / DEMO_ITEMS.length);
      const id = `item-${String(i).padStart(5, '0')}`;
      const limit = base.limit ?? (rand() < 0.15 ? { qty: 2, days: 7 } : null);
      limits.push({ qty: limit?.qty ?? null, days: limit?.days ?? null });
      item.run(
        id,
        siteId,
        `cat-${base.category}`,
        base.unit,
        base.icon,
        limit?.qty ?? null,
        limit?.days ?? null,
        base.lowStock || Math.floor(rand() * 30),
        created,
        created,
        rand() < 0.02 ? created : null,
      );
      const suffix = variant === 0 ? '' : `${SIZES[variant % SIZES.length]} #${variant}`;
      // Some items lack some translations: the screens fall back to the site language, visibly.
      for (const l of DEMO_LOCALES) if (l === 'en' || rand() < 0.9) name.run(id, l, `${base.names[l]}${suffix}`);
      barcode.run(String(2_000_000_000_000 + i), id);
      for (const t of base.tags) tag.run(id, t);
    }
    const itemIds = Array.from({ length: scale.items }, (_, i) => `item-${String(i).padStart(5, '0')}`);
    // Households ask for popular items more often.
    const popular = (): number => Math.floor(scale.items * rand() ** 2.2);

    // Households: some regulars, most now and then. Their language is their usual one.
    const hhLang: LocaleCode[] = [];
    for (let h = 0; h < scale.households; h += 1) hhLang.push(pick(VISITOR_LANGS));
    const hhFirst = new Float64Array(scale.households).fill(-1);
    const hhLast = new Float64Array(scale.households).fill(-1);
    const hhVisits = new Map<number, { day: number; item: number; qty: number }[]>();

    // The ledger and its lots, in memory while the years are played; written at the end.
    const lotRow = db.prepare('INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES (?, ?, ?, ?, ?)');
    const move = db.prepare(
      'INSERT INTO movements (id, item_id, lot_id, kind, qty, reason, source, volunteer, slip_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    type Lot = { id: string; expires: string | null; qty: number; received: number };
    const lots: Lot[][] = itemIds.map(() => []);
    let lotSeq = 0;
    const receive = (i: number, at: number, need: number) => {
      const qty = need + 10 + Math.floor(rand() * 40);
      const perishable = DEMO_ITEMS[i % DEMO_ITEMS.length]!.lots.some((l) => l.expiresInDays !== null);
      const expires = perishable ? new Date(at + (20 + Math.floor(rand() * 340)) * DAY).toISOString().slice(0, 10) : null;
      const lot: Lot = { id: `lot-${String(lotSeq++).padStart(7, '0')}`, expires, qty, received: at };
      lotRow.run(lot.id, itemIds[i], `L${lotSeq % 997}`, expires, new Date(at).toISOString());
      move.run(
        uuidAt(at),
        itemIds[i],
        lot.id,
        'receive',
        qty,
        null,
        pick(['Food bank', 'Banco de alimentos', 'بنك الطعام', 'Church drive', 'Марина']),
        'Stock team',
        null,
        new Date(at).toISOString(),
      );
      summary.movements += 1;
      const list = lots[i]!;
      list.push(lot);
      // FEFO order: earliest expiry first, lots without expiry last, then oldest first.
      list.sort((a, b) => (a.expires ?? '9999').localeCompare(b.expires ?? '9999') || a.received - b.received);
    };
    const onHand = (i: number) => lots[i]!.reduce((s, l) => s + l.qty, 0);
    const reserved = new Int32Array(scale.items);
    const distribute = (i: number, qty: number, at: number, slipId: string) => {
      let left = qty;
      for (const lot of lots[i]!) {
        if (left === 0) break;
        if (lot.qty === 0) continue;
        const take = Math.min(left, lot.qty);
        lot.qty -= take;
        left -= take;
        move.run(uuidAt(at), itemIds[i], lot.id, 'distribute', -take, null, null, 'Pickup', slipId, new Date(at).toISOString());
        summary.movements += 1;
      }
      lots[i] = lots[i]!.filter((l) => l.qty > 0);
      if (left !== 0) throw new Error('generator: distributed more than on hand');
    };

    const household = db.prepare(
      'INSERT INTO households (id, adults, children, seniors, first_name, phone, language, created_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const settle = db.prepare(
      'UPDATE households SET adults = ?, children = ?, seniors = ?, first_name = ?, phone = ?, last_visit_at = ? WHERE id = ?',
    );
    const visit = db.prepare('INSERT INTO visits (id, household_id, language, request_id, at) VALUES (?, ?, ?, ?, ?)');
    const slip = db.prepare(
      `INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at, voided_at, void_reason, voided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const line = db.prepare('INSERT INTO slip_lines (slip_id, item_id, qty) VALUES (?, ?, ?)');
    const redemption = db.prepare("INSERT INTO redemptions (slip_id, at, pickup_table, volunteer, outcome) VALUES (?, ?, ?, 'Pickup', ?)");
    const redemptionLine = db.prepare(
      'INSERT INTO redemption_lines (slip_id, item_id, requested_qty, given_qty, outcome, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const needOffer = db.prepare(
      `INSERT INTO needs_offers (id, origin_site, visit_id, household_id, kind, category, detail, languages, availability, slots, date_until,
                                 shareable, source, status, created_at, renewed_at, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const hhId = (h: number) => `hh-${String(h).padStart(6, '0')}`;
    const shortCodes = new Set<string>();

    days.forEach((day, di) => {
      const count = perDay[di]!;
      const isToday = day === today;
      const open = dayMs(day) + 9 * 3_600_000;
      const span = isToday ? NOW - 15 * 60_000 - open : 4 * 3_600_000;
      // This morning's delivery fills most shelves (the benches ask for more); some items stay low.
      if (isToday)
        for (let i = 0; i < scale.items; i += 1) if (onHand(i) - reserved[i]! < 80 && rand() < 0.85) receive(i, open - 2 * 3_600_000, 80);
      for (let v = 0; v < count; v += 1) {
        const at = Math.floor(open + ((v + rand()) / count) * span);
        const atIso = new Date(at).toISOString();
        // Returning households are most visits; new ones join over time.
        const h = Math.min(scale.households - 1, Math.floor(scale.households * (rand() < 0.7 ? rand() ** 3 : rand())));
        const lang = rand() < 0.9 ? hhLang[h]! : pick(VISITOR_LANGS);
        if (hhFirst[h]! < 0) {
          hhFirst[h] = at;
          // Sizes, contact and last visit are settled once the years are played (below).
          household.run(hhId(h), null, null, null, null, null, hhLang[h]!, atIso, atIso);
          summary.households += 1;
        }
        hhLast[h] = at;
        const visitId = uuidAt(at);
        visit.run(visitId, hhId(h), lang, uuidAt(at), atIso);
        summary.visits += 1;

        // What they asked for: a few items, within each item's limit for the household's period.
        const history = hhVisits.get(h) ?? [];
        const wanted = new Map<number, number>();
        const n = rand() < 0.04 ? 0 : 2 + Math.floor(rand() * 6);
        for (let k = 0; k < n; k += 1) {
          const i = popular();
          if (wanted.has(i)) continue;
          const lim = limits[i]!;
          let qty = 1 + Math.floor(rand() * 3);
          if (lim.qty !== null) {
            const taken =
              lim.days === null ? 0 : history.filter((x) => x.item === i && x.day > day - lim.days!).reduce((s, x) => s + x.qty, 0);
            qty = Math.min(qty, lim.qty - taken);
          }
          if (qty > 0) wanted.set(i, qty);
        }
        const slipBytes = bytes(10);
        const slipId = Buffer.from(slipBytes).toString('hex');
        const payload = keyring.sign({ version: PAYLOAD_VERSION, keyId, slipId: slipBytes, issueDay: day, expiryDay: day + validDays });
        let short = shortCodeFromBytes(bytes(8));
        while (shortCodes.has(short)) short = shortCodeFromBytes(bytes(8));
        shortCodes.add(short);
        // Outcomes: 97% picked up (the same morning), ~0.5% voided, the rest expired unclaimed.
        const r = rand();
        const redeemed = !isToday && r < 0.97;
        const voided = !isToday && !redeemed && r < 0.975;
        // Stock for what was promised, delivered before the doors opened if it was short.
        for (const [i, qty] of wanted) {
          const short = onHand(i) - reserved[i]! - qty;
          if (short < 0) receive(i, open - 3_600_000, -short);
        }
        slip.run(
          slipId,
          short,
          keyId,
          visitId,
          hhId(h),
          lang,
          day,
          day + validDays,
          payload,
          atIso,
          voided ? new Date(at + 3_600_000).toISOString() : null,
          voided ? pick(['lost', 'duplicate', 'perdido', 'مكرر']) : null,
          voided ? 'Pickup' : null,
        );
        summary.slips += 1;
        let partial = false;
        const outcomes: [number, number, number, string][] = [];
        const pickedAt = at + (5 + Math.floor(rand() * 40)) * 60_000;
        if (redeemed) {
          for (const [i, qty] of wanted) {
            const x = rand();
            const given = x < 0.96 ? qty : x < 0.98 ? Math.max(0, qty - 1) : 0;
            const outcome = given === qty ? 'given' : given === 0 ? 'not_available' : 'partial';
            if (outcome !== 'given') partial = true;
            outcomes.push([i, qty, given, outcome]);
          }
          // The redemption goes in before the lines, so the lines never reserve (as if issued, then released).
          redemption.run(slipId, new Date(pickedAt).toISOString(), pick(['1', '2', '3', null]), partial ? 'partial' : 'full');
          summary.redeemed += 1;
        }
        if (voided) summary.voided += 1;
        for (const [i, qty] of wanted) {
          line.run(slipId, itemIds[i], qty);
          summary.slipLines += 1;
          history.push({ day, item: i, qty });
          if (!redeemed && !voided && day + validDays >= today) reserved[i]! += qty;
        }
        for (const [i, qty, given, outcome] of outcomes) {
          redemptionLine.run(slipId, itemIds[i], qty, given, outcome, new Date(pickedAt).toISOString());
          if (given > 0) distribute(i, given, pickedAt, slipId);
        }
        if (history.length > 40) history.splice(0, history.length - 40);
        hhVisits.set(h, history);

        // Needs and offers some visitors leave for the board.
        const extra = rand();
        if (extra < 0.12) {
          const kind = extra < 0.08 ? 'need' : 'offer';
          const category = kind === 'need' ? pick(NEED_CATEGORIES) : pick(OFFER_CATEGORIES);
          const age = NOW - at;
          const status = age > 40 * DAY && rand() < 0.3 ? pick(['met', 'withdrawn']) : 'open';
          const renewed =
            status === 'open' && age > 20 * DAY && age < 60 * DAY && rand() < 0.3 ? new Date(at + 20 * DAY).toISOString() : null;
          needOffer.run(
            uuidAt(at),
            siteId,
            visitId,
            hhId(h),
            kind,
            category,
            rand() < 0.4 ? pick(DETAILS) : null,
            JSON.stringify([lang]),
            kind === 'offer' ? pick(AVAILABILITY_TEXT) : null,
            null,
            null,
            rand() < 0.4 ? 1 : 0,
            'visitor',
            status,
            atIso,
            renewed,
            status === 'open' ? null : new Date(at + 30 * DAY).toISOString(),
          );
          summary.needsOffers += 1;
        }
      }
      // Volunteers add structured entries on the board now and then (rides, translation…), some with an end date.
      if (rand() < 0.5) {
        const at = open + 5 * 3_600_000;
        const kind = rand() < 0.5 ? 'need' : 'offer';
        const langs = [...new Set([pick(LOCALE_CODES), ...(rand() < 0.4 ? [pick(LOCALE_CODES)] : [])])];
        needOffer.run(
          uuidAt(at),
          siteId,
          null,
          null,
          kind,
          pick(BOARD_CATEGORIES),
          rand() < 0.5 ? pick(DETAILS) : null,
          JSON.stringify(langs),
          null,
          1 + Math.floor(rand() * ((1 << 21) - 1)),
          rand() < 0.3 ? new Date(at + 21 * DAY).toISOString().slice(0, 10) : null,
          rand() < 0.5 ? 1 : 0,
          'volunteer',
          'open',
          new Date(at).toISOString(),
          null,
          null,
        );
        summary.needsOffers += 1;
      }
    });

    for (let h = 0; h < scale.households; h += 1) {
      if (hhFirst[h]! < 0) continue;
      // Contact details only where the site's 90-day rule still keeps them.
      const recent = NOW - hhLast[h]! < 80 * DAY && rand() < 0.25;
      const lang = hhLang[h]!;
      settle.run(
        1 + Math.floor(rand() * 3),
        Math.floor(rand() * 4),
        rand() < 0.3 ? 1 : 0,
        recent ? pick(FIRST_NAMES[lang]) : null,
        recent && rand() < 0.5 ? `+1 555 01${String(h % 100).padStart(2, '0')}` : null,
        new Date(hhLast[h]!).toISOString(),
        hhId(h),
      );
    }

    // The maintained stock tables, from the ledger (item_stock follows by the schema's triggers).
    db.exec(
      `INSERT INTO on_hand (item_id, lot_id, qty) SELECT item_id, COALESCE(lot_id, ''), SUM(qty) FROM movements GROUP BY item_id, COALESCE(lot_id, '') HAVING SUM(qty) <> 0`,
    );
  }).deferred();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  return { dir, file, core, clock, scale, summary };
}

/**
 * Checks that every table the app maintains matches what it is derived from: on_hand = the ledger
 * summed, item_stock = on_hand per item with its first expiry, reservations = open slips' lines,
 * no negative stock, every slip's payload verifies with the site key. Returns problems (none = []).
 */
export function checkConsistency(db: Db, now = new Date(NOW)): string[] {
  const problems: string[] = [];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const onHand =
    count(`SELECT COUNT(*) AS n FROM (
      SELECT item_id, COALESCE(lot_id, '') AS lot, SUM(qty) AS q FROM movements GROUP BY item_id, lot HAVING q <> 0
      EXCEPT SELECT item_id, lot_id, qty FROM on_hand)`) +
    count(`SELECT COUNT(*) AS n FROM (SELECT item_id, lot_id, qty FROM on_hand WHERE qty <> 0
      EXCEPT SELECT item_id, COALESCE(lot_id, ''), SUM(qty) FROM movements GROUP BY item_id, COALESCE(lot_id, ''))`);
  if (onHand) problems.push(`on_hand differs from the ledger in ${onHand} rows`);
  const negative = count('SELECT COUNT(*) AS n FROM on_hand WHERE qty < 0');
  if (negative) problems.push(`${negative} lots below zero`);
  const stock =
    count(`SELECT COUNT(*) AS n FROM (
      SELECT o.item_id, SUM(o.qty) AS q,
             (SELECT MIN(l.expires_on) FROM on_hand x JOIN lots l ON l.id = x.lot_id WHERE x.item_id = o.item_id AND x.qty > 0) AS e
      FROM on_hand o GROUP BY o.item_id
      EXCEPT SELECT item_id, on_hand, next_expiry FROM item_stock)`) +
    count(
      `SELECT COUNT(*) AS n FROM item_stock s WHERE s.on_hand <> COALESCE((SELECT SUM(qty) FROM on_hand o WHERE o.item_id = s.item_id), 0)`,
    );
  if (stock) problems.push(`item_stock differs from on_hand in ${stock} rows`);
  const today = dayNumber(now);
  const reservations =
    count(`SELECT COUNT(*) AS n FROM (
      SELECT l.item_id, s.expiry_day, SUM(l.qty) FROM slips s JOIN slip_lines l ON l.slip_id = s.id
      WHERE s.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) AND s.expiry_day >= ${today}
      GROUP BY l.item_id, s.expiry_day
      EXCEPT SELECT item_id, expiry_day, qty FROM reservations WHERE expiry_day >= ${today} AND qty > 0)`) +
    count(`SELECT COUNT(*) AS n FROM (SELECT item_id, expiry_day, qty FROM reservations WHERE expiry_day >= ${today} AND qty > 0
      EXCEPT SELECT l.item_id, s.expiry_day, SUM(l.qty) FROM slips s JOIN slip_lines l ON l.slip_id = s.id
      WHERE s.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) GROUP BY l.item_id, s.expiry_day)`);
  if (reservations) problems.push(`reservations differ from open slips in ${reservations} rows`);
  const byLines = `SELECT s.issue_day, l.item_id, COUNT(*), SUM(l.qty) FROM slips s JOIN slip_lines l ON l.slip_id = s.id
      WHERE s.voided_at IS NULL GROUP BY s.issue_day, l.item_id`;
  const asks =
    count(`SELECT COUNT(*) AS n FROM (${byLines} EXCEPT SELECT day, item_id, slips, qty FROM item_asks)`) +
    count(`SELECT COUNT(*) AS n FROM (SELECT day, item_id, slips, qty FROM item_asks EXCEPT ${byLines})`);
  if (asks) problems.push(`item_asks differs from the slips' lines in ${asks} rows`);
  const given = count(`SELECT COUNT(*) AS n FROM redemption_lines rl WHERE rl.given_qty <> COALESCE(
      (SELECT -SUM(m.qty) FROM movements m WHERE m.slip_id = rl.slip_id AND m.item_id = rl.item_id AND m.kind = 'distribute'), 0)`);
  if (given) problems.push(`${given} redemption lines differ from their distribute movements`);
  const keyring = new SlipKeyring(db);
  const sample = db.prepare('SELECT id, payload FROM slips ORDER BY random() LIMIT 200').all() as { id: string; payload: string }[];
  for (const s of sample) {
    const v = keyring.verify(s.payload);
    if (!v.ok || Buffer.from(v.body.slipId).toString('hex') !== s.id) problems.push(`slip ${s.id} does not verify`);
  }
  return problems;
}

/**
 * Where a seeded file for this scale, generator version and schema is kept between runs. The
 * schema is in the key because a file cached under an older schema would be migrated at every
 * open (a backfill migration can take half a minute at full scale, inside the bench's timing
 * of start-up) and would hold data the current generator no longer writes.
 */
export function cachePath(scale: Scale, seed = 1, schema = LATEST_VERSION): string {
  return join(
    tmpdir(),
    'kiosk-bench-cache',
    `v${GENERATOR_VERSION}-m${schema}-s${seed}-${scale.items}-${scale.households}-${scale.slips}.sqlite`,
  );
}

/**
 * A seeded site in `dir`: copied from the cache when one exists for this scale and generator
 * version, else generated (and checked) and then cached. Benches write to their copy only.
 */
export function seededSite(
  dir: string,
  scale: Scale,
  log: (s: string) => void = () => {},
  deps: Pick<CoreDeps, 'drives' | 'writeHooks'> = {},
): Site {
  const cached = cachePath(scale);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kiosk.sqlite');
  if (!existsSync(cached)) {
    const t0 = performance.now();
    const site = generateSite(join(dir, 'gen'), scale);
    log(`seeded ${JSON.stringify(site.summary)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const problems = checkConsistency(site.core.ctx.db);
    site.core.close();
    if (problems.length) throw new Error(`seeded data is inconsistent: ${problems.join('; ')}`);
    log('consistency check: maintained tables match the ledger and slips verify');
    mkdirSync(join(tmpdir(), 'kiosk-bench-cache'), { recursive: true });
    copyFileSync(site.file, `${cached}.part`);
    renameSync(`${cached}.part`, cached);
    rmSync(join(dir, 'gen'), { recursive: true, force: true });
  } else log(`using cached seed ${cached}`);
  copyFileSync(cached, file);
  const clock = new FixedClock(NOW);
  const core = createCore({
    db: openDatabase(file),
    clock,
    ids: sequentialIds(clock, 'bench-run'),
    keys: seededKeys('bench-run'),
    // As the hosts run it (boot.ts): the log is checkpointed beside the thread that answers.
    walCheckpoints: 'background',
    ...deps,
  });
  return { dir, file, core, clock, scale };
}
