import { randomUUID } from 'node:crypto';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

async function login(ctx: BenchContext): Promise<string> {
  const r = await ctx.site.core.dispatch('auth.login', { input: { pin: '1234' } });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.value as { token: string }).token;
}

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
        db.prepare(
          "INSERT INTO movements (id, item_id, lot_id, kind, qty, source, volunteer, request_id, at) VALUES (?, ?, NULL, 'receive', 3, 'donor', 'Bench', ?, ?)",
        ).run(randomUUID(), itemId, randomUUID(), new Date().toISOString());
        db.prepare(
          "INSERT INTO on_hand (item_id, lot_id, qty) VALUES (?, '', 3) ON CONFLICT (item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty",
        ).run(itemId);
      }).immediate();
    },
    teardown() {},
  };
}
