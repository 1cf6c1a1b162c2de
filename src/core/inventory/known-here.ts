/**
 * Which items belong on this hub's stock list. An exchange brings other hubs' catalogues: their
 * items arrive with no stock here, and listing them all as "low" buried the shelves a volunteer
 * actually counts. An item is this hub's when this hub made it or has ever stocked it (any
 * movement here leaves an item_stock row); the rest are known only from other hubs and have a
 * view of their own until this hub receives some. Needs `items i` and `LEFT JOIN item_stock st`.
 */
export const KNOWN_HERE_SQL = '(i.origin_site = (SELECT id FROM site) OR st.item_id IS NOT NULL)';

/**
 * An item running low: this hub's own (known here), with a threshold, and no more available than
 * it. An item known only from other hubs is not low, it is not stocked here at all. `available`
 * is the SQL of what is available to promise. Needs the same joins as KNOWN_HERE_SQL.
 */
export function lowSql(available: string): string {
  return `(${KNOWN_HERE_SQL} AND i.low_stock > 0 AND ${available} <= i.low_stock)`;
}
