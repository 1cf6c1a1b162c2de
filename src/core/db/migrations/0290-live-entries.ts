import type { Migration } from './types';

/**
 * Open needs and offers stay 'open' after they expire, so after five years a busy hub has some
 * 17,000 open rows of which a few hundred are still live. The waiting-room screen's counts, its
 * published needs and the matcher asked "still live?" of every open row, one table lookup each.
 * LIVE_SQL (board/board-sql.ts) now starts with a necessary condition these two indexes answer
 * as two short ranges: the entry's last start (a renewal, else its creation) after the cutoff,
 * or intake's own expiry date after now.
 *
 * The ledger's pace for the forecast (what was given per item in the last four weeks) read each
 * item's movements of every kind and fetched every row for its kind and quantity; given out is
 * now a covering range of its own.
 */
export const liveEntries: Migration = {
  version: 290,
  name: 'live-entries',
  sql: `
CREATE INDEX needs_offers_started ON needs_offers (status, COALESCE(renewed_at, created_at));
CREATE INDEX needs_offers_expires ON needs_offers (status, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX movements_given ON movements (item_id, at, qty) WHERE kind = 'distribute';
`,
};
