import { dayNumber } from '../../shared/time';
import type { CoreContext } from '../context';

/**
 * What a visitor can still be promised, per item: on hand (the maintained item_stock total,
 * never the ledger) minus what open slips reserve (the maintained reservations: slips not
 * voided, not redeemed, whose expiry day has not passed), never below zero. Every feature that
 * says "available" (intake's catalogue, the stock list, an item's detail, the board's gaps and
 * surplus) reads it from here.
 *
 * INDEXED BY: without statistics the planner would walk the whole primary key of reservations
 * (to skip a sort) rather than only the days not yet past.
 */
const OPEN_RESERVATION = 'expiry_day >= @today';
export const RESERVED_SQL = `
  SELECT item_id, SUM(qty) AS reserved FROM reservations INDEXED BY reservations_day WHERE ${OPEN_RESERVATION}`;

/**
 * Joins for a query over items aliased `i` that binds @today: `st` is the item's stock row,
 * `rs` its open reservations. Use ON_HAND_SQL, RESERVED_QTY_SQL and AVAILABLE_SQL with them.
 */
export const STOCK_JOIN = 'LEFT JOIN item_stock st ON st.item_id = i.id';
export const RESERVED_JOIN = `LEFT JOIN (${RESERVED_SQL} GROUP BY item_id) rs ON rs.item_id = i.id`;
export const AVAILABILITY_JOINS = `${STOCK_JOIN} ${RESERVED_JOIN}`;

/**
 * The same joins for a query that names its few items in a JSON array parameter (`items`, e.g.
 * '@items'): only those items' open reservations are read, each a short range of the primary
 * key. What a visitor's "Get my slip" checks is three items, not the ~800 that hold open
 * reservations at a busy hub. NOT INDEXED: the planner would otherwise walk every open
 * reservation by day (reservations_day) and keep the few it was asked for.
 */
export function availabilityJoinsOf(items: string): string {
  return `${STOCK_JOIN}
    LEFT JOIN (SELECT item_id, SUM(qty) AS reserved FROM reservations NOT INDEXED
               WHERE item_id IN (SELECT value FROM json_each(${items})) AND ${OPEN_RESERVATION} GROUP BY item_id) rs ON rs.item_id = i.id`;
}

export const ON_HAND_SQL = 'COALESCE(st.on_hand, 0)';
export const RESERVED_QTY_SQL = 'COALESCE(rs.reserved, 0)';
export const AVAILABLE_SQL = `MAX(0, ${ON_HAND_SQL} - ${RESERVED_QTY_SQL})`;

/** The day number the reservations are read against (slips valid until today count). */
export function today(ctx: Pick<CoreContext, 'clock'>): number {
  return dayNumber(ctx.clock.now());
}

export interface Availability {
  onHand: number;
  reserved: number;
  /** On hand minus reserved, never shown below zero. */
  available: number;
}

/** On hand, reserved and available for one item (zeros for an unknown one). */
export function availability(ctx: CoreContext, itemId: string): Availability {
  return availabilityOf(ctx, [itemId]).get(itemId) ?? { onHand: 0, reserved: 0, available: 0 };
}

/**
 * On hand, reserved and available for many items in one query (unknown ids are absent): a screen
 * that needs several items asks once. Only the asked items' reservations are read (by the
 * primary key), not every open one as the screen-wide join does.
 */
export function availabilityOf(ctx: CoreContext, itemIds: readonly string[]): Map<string, Availability> {
  if (itemIds.length === 0) return new Map();
  const rows = ctx.db
    .prepare(
      `SELECT i.id AS itemId, ${ON_HAND_SQL} AS onHand, ${RESERVED_QTY_SQL} AS reserved, ${AVAILABLE_SQL} AS available
       FROM items i ${availabilityJoinsOf('@items')}
       WHERE i.id IN (SELECT value FROM json_each(@items))`,
    )
    .all({ items: JSON.stringify(itemIds), today: today(ctx) }) as (Availability & { itemId: string })[];
  return new Map(rows.map(({ itemId, ...a }) => [itemId, a]));
}

/** What is on the shelf for one item, all lots together, from the maintained table. */
export function onHandOf(ctx: CoreContext, itemId: string): number {
  return (ctx.db.prepare('SELECT COALESCE(SUM(on_hand), 0) AS n FROM item_stock WHERE item_id = ?').get(itemId) as { n: number }).n;
}

/** Reserved quantity per item (items with none are absent). */
export function reservedByItem(ctx: CoreContext): Map<string, number> {
  const rows = ctx.db.prepare(`${RESERVED_SQL} GROUP BY item_id`).all({ today: today(ctx) }) as { item_id: string; reserved: number }[];
  return new Map(rows.map((r) => [r.item_id, r.reserved]));
}
