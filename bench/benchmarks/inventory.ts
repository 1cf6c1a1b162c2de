import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

const WORDS = ['beans', 'rice', 'oil', 'lentils', 'flour', 'sugar', 'milk', 'eggs', 'pasta', 'tuna', 'soap', 'diapers', 'oats', 'tea', 'salt', 'corn'];

async function login(ctx: BenchContext): Promise<string> {
  const r = await ctx.site.core.dispatch('auth.login', { input: { pin: '1234' } });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.value as { token: string }).token;
}

/**
 * The raw side: the same query shape written straight against better-sqlite3 (maintained
 * per-item stock, reservations, names with fallback, one page of rows and their lots), without
 * zod, services or the custom fold() used for Unicode search (raw uses ASCII-only lower()).
 */
function rawStock(db: Database.Database, where: string, params: Record<string, unknown>): unknown[] {
  const rows = db
    .prepare(
      `WITH rs AS (SELECT item_id, SUM(qty) AS reserved FROM reservations INDEXED BY reservations_day
                   WHERE expiry_day >= @today GROUP BY item_id)
       SELECT i.id, COALESCE(n.name, f.name, i.id) AS name, COALESCE(st.on_hand, 0) AS on_hand,
              COALESCE(rs.reserved, 0) AS reserved, st.next_expiry, COUNT(*) OVER () AS total
       FROM items i
       LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = 'es'
       LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = 'en'
       LEFT JOIN item_stock st ON st.item_id = i.id LEFT JOIN rs ON rs.item_id = i.id
       WHERE i.archived_at IS NULL ${where}
       ORDER BY name LIMIT 100`,
    )
    .all({ today: 2523, ...params }) as { id: string }[];
  db.prepare(
    `SELECT o.item_id, o.lot_id, l.code, l.expires_on, o.qty FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
     WHERE o.item_id IN (SELECT value FROM json_each(?)) AND o.qty <> 0`,
  ).all(JSON.stringify(rows.map((r) => r.id)));
  return rows;
}

function stockBench(
  name: string,
  input: (i: number) => Record<string, unknown>,
  raw: (i: number) => { where: string; params: Record<string, unknown> },
): (ctx: BenchContext) => Benchmark {
  return (ctx) => {
    let token = '';
    let db: Database.Database;
    return {
      name,
      n: 50,
      async setup() {
        token = await login(ctx);
        db = new Database(ctx.site.file, { readonly: true });
      },
      async run(i) {
        const r = await ctx.site.core.dispatch('inventory.stock', { input: { language: 'es', limit: 100, ...input(i) }, session: token });
        if (!r.ok) throw new Error(JSON.stringify(r));
      },
      raw(i) {
        const q = raw(i);
        rawStock(db, q.where, q.params);
      },
      teardown() {
        db.close();
      },
    };
  };
}

export const inventoryStockList = stockBench(
  'inventory.stock_list',
  () => ({}),
  () => ({ where: '', params: {} }),
);

export const inventorySearch = stockBench(
  'inventory.search',
  (i) => ({ search: WORDS[i % WORDS.length] }),
  (i) => ({
    where: 'AND EXISTS (SELECT 1 FROM item_names s WHERE s.item_id = i.id AND lower(s.name) LIKE @pattern)',
    params: { pattern: `%${WORDS[i % WORDS.length]}%` },
  }),
);

export const inventoryLowStock = stockBench(
  'inventory.low_stock',
  () => ({ view: 'low' }),
  () => ({ where: 'AND i.low_stock > 0 AND COALESCE(st.on_hand, 0) - COALESCE(rs.reserved, 0) <= i.low_stock', params: {} }),
);

export const inventoryExpiring = stockBench(
  'inventory.expiring',
  () => ({ view: 'expiring', withinDays: 7 }),
  () => ({ where: "AND st.next_expiry IS NOT NULL AND st.next_expiry <= '2026-12-05'", params: {} }),
);

/** One receipt through the API (one transaction, fsync) vs the bare insert + on-hand upsert. */
export function inventoryReceive(ctx: BenchContext): Benchmark {
  let token = '';
  const db = ctx.site.core.ctx.db;
  return {
    name: 'inventory.receive',
    n: 200,
    async setup() {
      token = await login(ctx);
    },
    async run(i) {
      const itemId = `item-${i % ctx.scale.items}`;
      const r = await ctx.site.core.dispatch('inventory.receive', {
        input: { requestId: randomUUID(), itemId, qty: 3, source: 'donor' },
        session: token,
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
    },
    raw(i) {
      const itemId = `item-${i % ctx.scale.items}`;
      db.transaction(() => {
        db.prepare("INSERT INTO movements (id, item_id, lot_id, kind, qty, source, volunteer, request_id, at) VALUES (?, ?, NULL, 'receive', 3, 'donor', 'Bench', ?, ?)").run(
          randomUUID(),
          itemId,
          randomUUID(),
          new Date().toISOString(),
        );
        db.prepare(
          "INSERT INTO on_hand (item_id, lot_id, qty) VALUES (?, '', 3) ON CONFLICT (item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty",
        ).run(itemId);
      }).immediate();
    },
    teardown() {},
  };
}
