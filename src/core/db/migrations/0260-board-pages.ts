import type { Migration } from './types';

/**
 * The board lists a page at a time, newest first. Open entries stay 'open' after they expire, so
 * after five years most open rows are long expired: without this index the first page sorted
 * every open entry ever made; with it the page is a short range read that stops at its limit.
 */
export const boardPages: Migration = {
  version: 260,
  name: 'board-pages',
  sql: `
CREATE INDEX needs_offers_board ON needs_offers (kind, status, created_at DESC, id);
`,
};
