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
 * on-hand, open-slip reservations, earliest expiry, names with fallback, one page of rows and
 * their lots), without zod, services or the custom fold() used for Unicode search.
 */
function rawStock(db: Database.Database, where: string, params: Record<string, unknown>): unknown[] {
  const rows = db
    .prepare(
      `WITH oh AS (SELECT item_id, SUM(qty) AS on_hand FROM on_hand GROUP BY item_id),
            rs AS (SELECT l.item_id, SUM(l.qty) AS reserved FROM slips s JOIN slip_lines l ON l.slip_id = s.id
                   WHERE s.issue_day BETWEEN @today - 60 AND @today AND s.expiry_day >= @today AND s.voided_at IS NULL
                     AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) GROUP BY l.item_id),
            nx AS (SELECT o.item_id, MIN(l.expires_on) AS next_expiry FROM on_hand o JOIN lots l ON l.id = o.lot_id
                   WHERE o.qty > 0 AND l.expires_on IS NOT NULL GROUP BY o.item_id)
       SELECT i.id, COALESCE(n.name, f.name, i.id) AS name, COALESCE(oh.on_hand, 0) AS on_hand,
              COALESCE(rs.reserved, 0) AS reserved, nx.next_expiry, COUNT(*) OVER () AS total
       FROM items i
       LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = 'es'
       LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = 'en'
       LEFT JOIN oh ON oh.item_id = i.id LEFT JOIN rs ON rs.item_id = i.id LEFT JOIN nx ON nx.item_id = i.id
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
  () => ({ where: 'AND i.low_stock > 0 AND COALESCE(oh.on_hand, 0) - COALESCE(rs.reserved, 0) <= i.low_stock', params: {} }),
);

export const inventoryExpiring = stockBench(
  'inventory.expiring',
  () => ({ view: 'expiring', withinDays: 7 }),
  () => ({ where: "AND nx.next_expiry IS NOT NULL AND nx.next_expiry <= '2026-12-05'", params: {} }),
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
