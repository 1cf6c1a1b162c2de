import type { Migration } from './types';

/**
 * Pantry inventory: dietary tags per item, stock counts (a count is confirmed once and its
 * differences become adjustments), and the indexes the stock room's hot reads need.
 */
export const inventory: Migration = {
  version: 20,
  name: 'inventory',
  sql: `
CREATE TABLE item_tags (
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) STRICT;
CREATE INDEX item_tags_tag ON item_tags (tag, item_id);

-- One row per confirmed count; request_id makes a double-tapped confirm record once.
CREATE TABLE stock_counts (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  volunteer TEXT,
  note TEXT,
  at TEXT NOT NULL
) STRICT;

-- What was on the shelf and what the system said, line by line (lot_id '' = no lot).
CREATE TABLE stock_count_lines (
  count_id TEXT NOT NULL REFERENCES stock_counts (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  lot_id TEXT NOT NULL DEFAULT '',
  expected INTEGER NOT NULL,
  counted INTEGER NOT NULL CHECK (counted >= 0),
  PRIMARY KEY (count_id, item_id, lot_id)
) STRICT;

-- Outstanding slips reserve stock. A slip is open from its issue day to its expiry day and is
-- valid for at most a few weeks, so availability reads only slips issued in that window: the
-- index is on (issue_day, expiry_day) and skips voided slips, and the expiry test is answered
-- from the index itself. The stock list then touches a week or two of slips, not the history.
CREATE INDEX slips_open ON slips (issue_day, expiry_day) WHERE voided_at IS NULL;

-- The expiring-soon view reads lots by date across all items.
CREATE INDEX lots_expiry ON lots (expires_on) WHERE expires_on IS NOT NULL;

`,
};
