import type { LotStock, Tag } from '../../shared/inventory/catalogue';
import type { LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import type { CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { fefoOrder } from './fefo';
import { itemName } from './item-name';

// Reads of items, lots and shelves shared by the catalogue, the stock list and counts.

export function siteLanguage(ctx: CoreContext): LocaleCode {
  return requireSite(ctx).settings.siteLanguage;
}

export function requireItem(ctx: CoreContext, itemId: string): { id: string } {
  const row = ctx.db.prepare('SELECT id FROM items WHERE id = ?').get(itemId) as { id: string } | undefined;
  if (!row) throw new AppError('inventory.item_not_found', `no item ${itemId}`, { itemId });
  return row;
}

export function displayName(ctx: CoreContext, itemId: string, language: LocaleCode): { name: string; untranslated: boolean } {
  return itemName(ctx, itemId, language, siteLanguage(ctx));
}

export function lotsOf(ctx: CoreContext, itemIds: string[]): Map<string, LotStock[]> {
  const out = new Map<string, LotStock[]>();
  if (itemIds.length === 0) return out;
  const rows = ctx.db
    .prepare(
      `SELECT o.item_id AS itemId, o.lot_id AS lotId, l.code, l.expires_on AS expiresOn, o.qty
       FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
       WHERE o.item_id IN (SELECT value FROM json_each(?)) AND o.qty <> 0
       ORDER BY ${fefoOrder()}`,
    )
    .all(JSON.stringify(itemIds)) as (LotStock & { itemId: string; lotId: string })[];
  for (const r of rows) {
    const list = out.get(r.itemId) ?? [];
    list.push({ lotId: r.lotId === '' ? null : r.lotId, code: r.code, expiresOn: r.expiresOn, qty: r.qty });
    out.set(r.itemId, list);
  }
  return out;
}

export function tagsOf(ctx: CoreContext, itemIds: string[]): Map<string, Tag[]> {
  const out = new Map<string, Tag[]>();
  if (itemIds.length === 0) return out;
  const rows = ctx.db
    .prepare('SELECT item_id AS itemId, tag FROM item_tags WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY tag')
    .all(JSON.stringify(itemIds)) as { itemId: string; tag: Tag }[];
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.tag]);
  return out;
}

/** What is on one shelf: an item in one lot (or without a lot). */
export function onHandAt(ctx: CoreContext, itemId: string, lotId: string | null): number {
  return (
    (ctx.db.prepare('SELECT qty FROM on_hand WHERE item_id = ? AND lot_id = ?').get(itemId, lotId ?? '') as { qty: number } | undefined)
      ?.qty ?? 0
  );
}
