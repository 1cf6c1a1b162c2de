import type { Migration } from './types';

/**
 * Pickup slips made complete: what each line of a redeemed slip actually became (given in full,
 * in part, or not available), so "not available" lines can feed the board's "we need" list;
 * reprints counted; and the slip keys of other sites (filled by exchange) so a slip from a sister
 * hub is recognised and named instead of being called a forgery.
 */
export const slipPickups: Migration = {
  version: 40,
  name: 'slip-pickups',
  sql: `
CREATE TABLE redemption_lines (
  slip_id TEXT NOT NULL REFERENCES redemptions (slip_id),
  item_id TEXT NOT NULL REFERENCES items (id),
  requested_qty INTEGER NOT NULL CHECK (requested_qty > 0),
  given_qty INTEGER NOT NULL CHECK (given_qty >= 0 AND given_qty <= requested_qty),
  outcome TEXT NOT NULL CHECK (outcome IN ('given', 'partial', 'not_available')),
  at TEXT NOT NULL,
  PRIMARY KEY (slip_id, item_id)
) STRICT;
-- The "we need" list reads unmet lines by item and time.
CREATE INDEX redemption_lines_unmet ON redemption_lines (outcome, item_id, at) WHERE outcome <> 'given';

ALTER TABLE redemptions ADD COLUMN outcome TEXT NOT NULL DEFAULT 'full' CHECK (outcome IN ('full', 'partial'));
ALTER TABLE slips ADD COLUMN reprints INTEGER NOT NULL DEFAULT 0;
ALTER TABLE slips ADD COLUMN voided_by TEXT;

-- A redeemed slip's pick list shows the lots it was actually given from.
CREATE INDEX movements_slip ON movements (slip_id) WHERE slip_id IS NOT NULL;

CREATE TABLE peer_slip_keys (
  site_id TEXT NOT NULL,
  site_name TEXT NOT NULL,
  key_id INTEGER NOT NULL CHECK (key_id BETWEEN 1 AND 65535),
  public_key BLOB NOT NULL,
  retired_at TEXT,
  PRIMARY KEY (site_id, key_id)
) STRICT;
CREATE INDEX peer_slip_keys_key ON peer_slip_keys (key_id);
`,
};
