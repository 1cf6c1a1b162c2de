import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, WrittenFile } from '../../src/shared/api/channels/exchange';
import type { StockRow } from '../../src/shared/inventory/catalogue';
import { hubs, type Site } from './exchange/support';

// Issue 14.9: importing another hub's catalogue brought dozens of items this hub has never
// held; every one showed in the stock list as "Low". Items known only from other hubs have a
// view of their own until this hub stocks them.

const { site, folder, trust } = hubs();

async function importFrom(at: Site, from: Site, s: string): Promise<void> {
  const w = await from.call<WrittenFile>('exchange.export_share', { folder: s });
  const p = await at.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
  await at.call('exchange.apply', { folder: s, name: w.fileName, sha256: p.sha256 });
}

type Page = { rows: StockRow[]; total: number };

async function setUp() {
  const river = await site('Riverside Commons', true);
  const east = await site('Eastside Hub');
  await trust(east, river);
  const ours = await east.call<{ id: string }>('inventory.save_item', {
    language: 'en',
    item: { id: randomUUID(), names: { en: 'Our own rice' }, unit: 'bag', lowStock: 5 },
  });
  await importFrom(east, river, folder());
  const theirs = (
    east.core.ctx.db
      .prepare('SELECT id FROM items WHERE origin_site <> (SELECT id FROM site) AND archived_at IS NULL ORDER BY id')
      .all() as { id: string }[]
  ).map((r) => r.id);
  const stock = (view: string, extra: Record<string, unknown> = {}) =>
    east.call<Page>('inventory.stock', { language: 'en', view, limit: 500, ...extra });
  return { east, ours: ours.id, theirs, stock };
}

describe('items known only from other hubs', () => {
  it('stay out of "all" and "low", and are listed under their own view', async () => {
    const { ours, theirs, stock } = await setUp();
    expect(theirs.length).toBeGreaterThan(10);
    const all = await stock('all');
    expect(all.rows.map((r) => r.id)).toEqual([ours]);
    expect(all.total).toBe(1);
    const low = await stock('low');
    expect(low.rows.map((r) => r.id)).toEqual([ours]);
    const elsewhere = await stock('elsewhere');
    expect(elsewhere.rows.map((r) => r.id).sort()).toEqual(theirs);
    expect(elsewhere.total).toBe(theirs.length);
    // None of theirs is "low" here, though their thresholds came with them: not stocked here.
    expect(elsewhere.rows.some((r) => r.lowStock > 0)).toBe(true);
    expect(elsewhere.rows.every((r) => !r.low && !r.stockedHere)).toBe(true);
    // Ours, with none on the shelf and a threshold of 5, is low.
    expect(low.rows).toMatchObject([{ id: ours, low: true, stockedHere: true }]);
  });

  it('join the stock list once this hub receives some, and receiving can still find them by name', async () => {
    const { east, theirs, stock } = await setUp();
    const [first] = await east.call<StockRow[]>('inventory.search', { query: 'beans', language: 'en' });
    expect(first && theirs).toContain(first?.id);
    await east.call('inventory.receive', { requestId: randomUUID(), itemId: first!.id, qty: 3, source: 'donor' });
    expect((await stock('all')).rows.map((r) => r.id)).toContain(first!.id);
    expect((await stock('elsewhere')).rows.map((r) => r.id)).not.toContain(first!.id);
    // Taken down to nothing again, it stays this hub's: it is on the shelf list, and low.
    await east.call('inventory.adjust', { requestId: randomUUID(), itemId: first!.id, qty: -3, reason: 'spoiled' });
    expect((await stock('all')).rows.map((r) => r.id)).toContain(first!.id);
  });
});
