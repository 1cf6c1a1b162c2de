import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../src/core/index';
import { openDatabase } from '../src/core/db/open';
import { FixedClock, seededKeys, sequentialIds } from '../tests/support/fixed';

export interface Scale {
  items: number;
  movements: number;
  households: number;
  slips: number;
}

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

const WORDS = ['beans', 'rice', 'oil', 'lentils', 'flour', 'sugar', 'milk', 'eggs', 'pasta', 'tuna', 'soap', 'diapers', 'oats', 'tea', 'salt', 'corn'];

/**
 * Builds a busy site's database directly with SQL (fast), through the same schema and the same
 * site setup as the app. Sizes come from `scale`; the content from `seed`.
 */
export function generateSite(dir: string, scale: Scale, seed = 1): { file: string; core: Core; clock: FixedClock } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kiosk.sqlite');
  const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
  const core = createCore({ db: openDatabase(file), clock, ids: sequentialIds(clock, `bench-${seed}`), keys: seededKeys(`bench-${seed}`) });
  const db = core.ctx.db;
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  void core.dispatch('site.setup', { input: { name: 'Bench Hub', languages: ['en', 'es', 'ar'], siteLanguage: 'en', pin: '1234' } });
  const siteId = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
  const at = clock.now().toISOString();
  const day0 = Date.UTC(2025, 0, 1);

  db.transaction(() => {
    const cat = db.prepare('INSERT INTO categories (id, origin_site, sort) VALUES (?, ?, ?)');
    const catName = db.prepare('INSERT INTO category_names (category_id, locale, name) VALUES (?, ?, ?)');
    for (let c = 0; c < 10; c += 1) {
      cat.run(`c${c}`, siteId, c);
      catName.run(`c${c}`, 'en', `Category ${c}`);
    }
    const item = db.prepare(
      'INSERT INTO items (id, origin_site, category_id, unit, limit_qty, limit_days, low_stock, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const name = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
    const barcode = db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
    const lot = db.prepare('INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < scale.items; i += 1) {
      const id = `item-${i}`;
      item.run(id, siteId, `c${i % 10}`, pick(['each', 'kg', 'can', 'box']), rand() < 0.2 ? 2 : null, rand() < 0.2 ? 7 : null, Math.floor(rand() * 50), at, at);
      const base = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
      name.run(id, 'en', base);
      name.run(id, 'es', `es ${base}`);
      barcode.run(String(4_000_000_000_000 + i), id);
      for (let l = 0; l < 3; l += 1) {
        lot.run(`lot-${i}-${l}`, id, `L${l}`, new Date(day0 + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10), at);
      }
    }
    // The ledger: receipts and distributions spread over items and lots; on-hand rebuilt from it.
    const move = db.prepare('INSERT INTO movements (id, item_id, lot_id, kind, qty, source, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let m = 0; m < scale.movements; m += 1) {
      const i = Math.floor(rand() * scale.items);
      const receive = m % 3 === 0;
      const when = new Date(day0 + Math.floor((m / Math.max(1, scale.movements)) * 690 * 86_400_000)).toISOString();
      move.run(`mv-${m}`, `item-${i}`, `lot-${i}-${m % 3}`, receive ? 'receive' : 'distribute', receive ? 2 + Math.floor(rand() * 20) : -1, receive ? 'Food bank' : null, when);
    }
    db.exec(`INSERT INTO on_hand (item_id, lot_id, qty) SELECT item_id, COALESCE(lot_id, ''), SUM(qty) FROM movements GROUP BY item_id, COALESCE(lot_id, '')`);

    const household = db.prepare('INSERT INTO households (id, adults, children, seniors, language, created_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const visit = db.prepare('INSERT INTO visits (id, household_id, language, request_id, at) VALUES (?, ?, ?, ?, ?)');
    const slip = db.prepare(
      'INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let h = 0; h < scale.households; h += 1) household.run(`hh-${h}`, 1 + (h % 3), h % 4, h % 2, pick(['en', 'es', 'ar']), at, at);
    for (let s = 0; s < scale.slips; s += 1) {
      const h = s % Math.max(1, scale.households);
      visit.run(`v-${s}`, `hh-${h}`, 'en', `req-${s}`, at);
      const id = s.toString(16).padStart(20, '0');
      slip.run(id, `B${String(s).padStart(7, '0')}`.replace(/(.{4})/, '$1-'), `v-${s}`, `hh-${h}`, 'en', 2500 + (s % 300), 2507 + (s % 300), '0'.repeat(196), at);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { file, core, clock };
}
