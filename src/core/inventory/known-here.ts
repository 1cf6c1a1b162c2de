/**
 * Which items belong on this hub's stock list. An exchange brings other hubs' catalogues: their
 * items arrive with no stock here, and listing them all as "low" buried the shelves a volunteer
 * actually counts. An item is this hub's when this hub made it or has ever stocked it (any
 * movement here leaves an item_stock row); the rest are known only from other hubs and have a
 * view of their own until this hub receives some. Needs `items i` and `LEFT JOIN item_stock st`.
 */
export const KNOWN_HERE_SQL = '(i.origin_site = (SELECT id FROM site) OR st.item_id IS NOT NULL)';
