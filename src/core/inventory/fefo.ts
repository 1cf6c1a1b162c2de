import type { CoreContext } from '../context';

/**
 * First expiry, first out: the one order in which stock leaves the shelf. Earliest expiry first,
 * stock without an expiry date last, then the lot received first, then the lot id so two lots
 * alike in everything still come out in the same order on the pick list and at pickup.
 * `l` is the lots table; `lotId` the column holding the lot id in the row being ordered.
 */
export function fefoOrder(lotId = 'o.lot_id'): string {
  return `l.expires_on IS NULL, l.expires_on, l.received_at, ${lotId}`;
}

/** One lot on the shelf (or the stock without a lot: lotId null). */
export interface ShelfLot {
  lotId: string | null;
  code: string | null;
  expiresOn: string | null;
  qty: number;
}

/** What is on the shelf of one item, lot by lot, in the order FEFO takes it. */
export function shelfLots(ctx: Pick<CoreContext, 'db'>, itemId: string): ShelfLot[] {
  const rows = ctx.db
    .prepare(
      `SELECT o.lot_id AS lotId, l.code, l.expires_on AS expiresOn, o.qty
       FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
       WHERE o.item_id = ? AND o.qty > 0
       ORDER BY ${fefoOrder()}`,
    )
    .all(itemId) as (ShelfLot & { lotId: string })[];
  return rows.map((r) => ({ ...r, lotId: r.lotId === '' ? null : r.lotId }));
}

/**
 * Where `qty` comes from, taking lots in the order given: the pick list shows this plan and
 * pickup records it. Returns less than `qty` in total when the shelf holds less.
 */
export function planPick(lots: readonly ShelfLot[], qty: number): ShelfLot[] {
  const out: ShelfLot[] = [];
  let left = qty;
  for (const lot of lots) {
    if (left <= 0) break;
    const take = Math.min(left, lot.qty);
    out.push({ ...lot, qty: take });
    left -= take;
  }
  return out;
}

/** The pick plan for `qty` of an item as the shelf stands now. */
export function pickList(ctx: Pick<CoreContext, 'db'>, itemId: string, qty: number): ShelfLot[] {
  return planPick(shelfLots(ctx, itemId), qty);
}
