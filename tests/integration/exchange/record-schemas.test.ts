import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { ImportPreview, WrittenFile } from '../../../src/shared/api/channels/exchange';
import type { ItemDetail, StockRow } from '../../../src/shared/inventory/catalogue';
import { signRecord, type RecordEnvelope } from '../../../src/core/exchange/format';
import { countOf, hubs, openBundle, sealBundle, type Site } from './support';

// Issue 12, point 1: what import accepts, every screen can show. A record is read by the same
// field schemas on import as on the screens, so nothing gets in that a screen then refuses.

const { site, folder, trust } = hubs();

/** Rewrites the first record of a part (re-signed and resealed by `key`) and saves it as `name`. */
function rewriteFirst(
  path: string,
  part: string,
  edit: (d: Record<string, unknown>) => void,
  key: KeyObject,
  name: string,
): { id: string; file: string } {
  const opened = openBundle(readFileSync(path));
  const lines = opened.parts.get(part)!.trim().split('\n');
  const record = JSON.parse(lines[0]!.slice(lines[0]!.indexOf(' ') + 1)) as RecordEnvelope;
  edit(record.d);
  lines[0] = signRecord({ ...record, v: record.v + 1 }, key);
  opened.parts.set(part, `${lines.join('\n')}\n`);
  const file = join(path, '..', name);
  writeFileSync(file, sealBundle(opened, key));
  return { id: record.id, file: name };
}

async function importAt(b: Site, s: string, name: string): Promise<ImportPreview> {
  const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name });
  await b.call('exchange.apply', { folder: s, name, sha256: p.sha256 });
  return p;
}

describe('a unit this hub does not know', () => {
  it('is kept and shown as it came: the stock list, search and item view answer', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const { id } = rewriteFirst(w.path, 'items.jsonl', (d) => (d.unit = 'crate'), a.privateKey(), 'crate.makshare');
    const p = await importAt(b, s, 'crate.makshare');
    expect(p.rejected).toEqual([]);

    const item = await b.raw('inventory.item', { itemId: id, language: 'en' });
    expect(item.ok && (item.value as ItemDetail).unit).toBe('crate');
    // Never stocked here, it is listed with the other hubs' items (issue 14.9), not in "all".
    const stock = await b.raw('inventory.stock', { language: 'en', view: 'elsewhere', limit: 500 });
    expect(stock.ok && (stock.value as { rows: StockRow[] }).rows.find((r) => r.id === id)?.unit).toBe('crate');
    const name = (item.ok && (item.value as ItemDetail).name) || '';
    const found = await b.raw('inventory.search', { query: name, language: 'en' });
    expect(found.ok && (found.value as StockRow[]).find((r) => r.id === id)?.unit).toBe('crate');
  });

  it('is refused when it is no unit at all: control characters or a page of text', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const { id } = rewriteFirst(w.path, 'items.jsonl', (d) => (d.unit = 'kg\u0000\u001b[2J'), a.privateKey(), 'ctl.makshare');
    const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name: 'ctl.makshare' });
    expect(p.rejected).toEqual([{ type: 'item', id, site: a.id, reason: 'invalid', field: 'unit' }]);
  });
});

describe('a date that is not a date', () => {
  it('refuses that offer in the preview, naming the field, and the board still answers', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const { id } = rewriteFirst(w.path, 'needs_offers.jsonl', (d) => (d.createdAt = 'not a date'), a.privateKey(), 'date.makshare');
    const p = await importAt(b, s, 'date.makshare');
    expect(p.rejected).toEqual([{ type: 'need_offer', id, site: a.id, reason: 'invalid', field: 'createdAt' }]);
    expect(countOf(p, 'need_offer').rejected).toBe(1);
    expect(b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM needs_offers WHERE id = ?').get(id)).toEqual({ n: 0 });
    const board = await b.raw('board.list', {});
    expect(board.ok).toBe(true);
  });

  it('refuses an expiry or a week that is no calendar day', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const offer = rewriteFirst(
      w.path,
      'needs_offers.jsonl',
      (d) => (d.expiresAt = '2026-02-30T10:00:00.000Z'),
      a.privateKey(),
      'exp.makshare',
    );
    const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name: 'exp.makshare' });
    expect(p.rejected).toEqual([{ type: 'need_offer', id: offer.id, site: a.id, reason: 'invalid', field: 'expiresAt' }]);
    const week = rewriteFirst(w.path, 'weekly.jsonl', (d) => (d.week = '2026-13-01'), a.privateKey(), 'week.makshare');
    const q = await b.call<ImportPreview>('exchange.preview', { folder: s, name: 'week.makshare' });
    expect(q.rejected).toEqual([{ type: 'weekly', id: week.id, site: a.id, reason: 'invalid', field: 'week' }]);
  });
});
