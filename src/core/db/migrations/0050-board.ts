import type { Migration } from './types';

/**
 * The needs and offers board: structured availability beside the free text intake records,
 * renewals and closing, pantry "we need" entries tied to an item, the matches a volunteer
 * takes forward, and the site's board settings (how long an entry lives before it expires).
 */
export const board: Migration = {
  version: 50,
  name: 'board',
  sql: `
-- Weekly availability as a bit mask (bit day*3+part, Monday morning = bit 0); NULL = not stated
-- in a form the board could read: it then falls back to reading the free text.
ALTER TABLE needs_offers ADD COLUMN slots INTEGER CHECK (slots IS NULL OR slots BETWEEN 1 AND 2097151);
-- An optional date window ("on 3 December", "until the end of the month"), ISO dates.
ALTER TABLE needs_offers ADD COLUMN date_from TEXT;
ALTER TABLE needs_offers ADD COLUMN date_until TEXT;
-- A pantry gap published as a "we need" entry points at its item.
ALTER TABLE needs_offers ADD COLUMN item_id TEXT REFERENCES items (id);
-- 'visitor' (intake), 'volunteer' (added on the board) or 'pantry' (a published gap).
ALTER TABLE needs_offers ADD COLUMN source TEXT NOT NULL DEFAULT 'visitor' CHECK (source IN ('visitor', 'volunteer', 'pantry'));
ALTER TABLE needs_offers ADD COLUMN renewed_at TEXT;
ALTER TABLE needs_offers ADD COLUMN closed_at TEXT;
CREATE INDEX needs_offers_household ON needs_offers (household_id);
CREATE INDEX needs_offers_item ON needs_offers (item_id) WHERE item_id IS NOT NULL;

-- The board shows a household's latest slip code instead of a name.
CREATE INDEX slips_household ON slips (household_id, issued_at);

-- A match a volunteer took forward. Suggestions themselves are computed, never stored.
CREATE TABLE board_matches (
  id TEXT PRIMARY KEY,
  origin_site TEXT NOT NULL,
  need_id TEXT NOT NULL REFERENCES needs_offers (id),
  offer_id TEXT NOT NULL REFERENCES needs_offers (id),
  state TEXT NOT NULL CHECK (state IN ('suggested', 'agreed', 'done', 'didnt_happen')),
  reason TEXT CHECK (reason IS NULL OR reason IN ('no_contact', 'declined', 'not_needed', 'no_show', 'other')),
  why TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  CHECK ((state = 'didnt_happen') = (reason IS NOT NULL))
) STRICT;
-- One match in progress per need: two volunteers cannot both take the same need forward.
CREATE UNIQUE INDEX board_matches_need_active ON board_matches (need_id) WHERE state IN ('suggested', 'agreed');
CREATE INDEX board_matches_offer ON board_matches (offer_id, state);
CREATE INDEX board_matches_pair ON board_matches (need_id, offer_id);

CREATE TABLE board_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  expiry_days INTEGER NOT NULL DEFAULT 28 CHECK (expiry_days BETWEEN 1 AND 365),
  gap_days INTEGER NOT NULL DEFAULT 14 CHECK (gap_days BETWEEN 1 AND 90),
  gap_min_asks INTEGER NOT NULL DEFAULT 3 CHECK (gap_min_asks BETWEEN 1 AND 1000)
) STRICT;
INSERT INTO board_settings (singleton) VALUES (1);
`,
};
