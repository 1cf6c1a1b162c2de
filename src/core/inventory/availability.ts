import { dayNumber } from '../../shared/slips/payload';
import type { CoreContext } from '../context';

/**
 * Stock a slip has promised but not yet handed over, per item: the maintained reservations
 * (slips not voided, not redeemed) whose expiry day has not passed. A voided, redeemed or
 * expired slip thus reserves nothing. INDEXED BY: without statistics the planner would walk the
 * whole primary key (to skip a sort) rather than only the days not yet past.
 */
export const RESERVED_SQL = `
  SELECT item_id, SUM(qty) AS reserved FROM reservations INDEXED BY reservations_day WHERE expiry_day >= @today`;

export function today(ctx: Pick<CoreContext, 'clock'>): number {
  return dayNumber(ctx.clock.now());
}

/** Reserved quantity per item (items with none are absent). */
export function reservedByItem(ctx: CoreContext): Map<string, number> {
  const rows = ctx.db.prepare(`${RESERVED_SQL} GROUP BY item_id`).all({ today: today(ctx) }) as { item_id: string; reserved: number }[];
  return new Map(rows.map((r) => [r.item_id, r.reserved]));
}

export interface Availability {
  onHand: number;
  reserved: number;
  /** On hand minus reserved, never shown below zero. */
  available: number;
}

/** What is on the shelf for one item, from the maintained table (never the ledger). */
export function onHandOf(ctx: CoreContext, itemId: string): number {
  return (ctx.db.prepare('SELECT COALESCE(SUM(qty), 0) AS n FROM on_hand WHERE item_id = ?').get(itemId) as { n: number }).n;
}

/** On hand, reserved and available for one item: what intake may still promise. */
export function availability(ctx: CoreContext, itemId: string): Availability {
  const onHand = onHandOf(ctx, itemId);
  const reserved = (
    ctx.db.prepare('SELECT COALESCE(SUM(qty), 0) AS n FROM reservations WHERE item_id = ? AND expiry_day >= ?').get(itemId, today(ctx)) as {
      n: number;
    }
  ).n;
  return { onHand, reserved, available: Math.max(0, onHand - reserved) };
}

/** Availability for every item that has stock or reservations, in two indexed reads. */
export function availabilityAll(ctx: CoreContext): Map<string, Availability> {
  const out = new Map<string, Availability>();
  const onHand = ctx.db.prepare('SELECT item_id, on_hand AS n FROM item_stock').all() as { item_id: string; n: number }[];
  for (const r of onHand) out.set(r.item_id, { onHand: r.n, reserved: 0, available: Math.max(0, r.n) });
  for (const [itemId, reserved] of reservedByItem(ctx)) {
    const a = out.get(itemId) ?? { onHand: 0, reserved: 0, available: 0 };
    out.set(itemId, { onHand: a.onHand, reserved, available: Math.max(0, a.onHand - reserved) });
  }
  return out;
}

export interface PickLine {
  lotId: string | null;
  lotCode: string | null;
  expiresOn: string | null;
  qty: number;
}

/**
 * Where to take `qty` of an item from, first-expiring lot first (FEFO), stock without a lot
 * last: the same order distributeFefo uses, so the pick list matches what pickup records.
 * Returns fewer than `qty` in total when the shelf holds less.
 */
export function pickList(ctx: CoreContext, itemId: string, qty: number): PickLine[] {
  const lots = ctx.db
    .prepare(
      `SELECT o.lot_id AS lotId, l.code AS lotCode, l.expires_on AS expiresOn, o.qty AS qty
       FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
       WHERE o.item_id = ? AND o.qty > 0
       ORDER BY l.expires_on IS NULL, l.expires_on, l.received_at`,
    )
    .all(itemId) as { lotId: string; lotCode: string | null; expiresOn: string | null; qty: number }[];
  const out: PickLine[] = [];
  let left = qty;
  for (const lot of lots) {
    if (left <= 0) break;
    const take = Math.min(left, lot.qty);
    out.push({ lotId: lot.lotId === '' ? null : lot.lotId, lotCode: lot.lotCode, expiresOn: lot.expiresOn, qty: take });
    left -= take;
  }
  return out;
}
