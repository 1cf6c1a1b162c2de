import type { Migration } from './types';

/**
 * The ground every feature stands on: the site and its keys, volunteers, the catalogue, the
 * stock ledger with its maintained on-hand table, households, visits with needs and offers,
 * slips and redemptions. Later migrations extend these tables; they never edit this one.
 */
export const foundation: Migration = {
  version: 10,
  name: 'foundation',
  sql: `
CREATE TABLE site (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE site_keys (
  key_id INTEGER PRIMARY KEY CHECK (key_id BETWEEN 1 AND 65535),
  public_key BLOB NOT NULL,
  private_key BLOB NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;

CREATE TABLE volunteers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('intake', 'stock', 'coordinator')),
  pin_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  origin_site TEXT NOT NULL,
  icon TEXT,
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE category_names (
  category_id TEXT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  locale TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (category_id, locale)
) STRICT;

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  origin_site TEXT NOT NULL,
  category_id TEXT REFERENCES categories (id),
  unit TEXT NOT NULL,
  icon TEXT,
  limit_qty INTEGER CHECK (limit_qty IS NULL OR limit_qty > 0),
  limit_days INTEGER CHECK (limit_days IS NULL OR limit_days > 0),
  low_stock INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT
) STRICT;

CREATE TABLE item_names (
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  locale TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (item_id, locale)
) STRICT;

CREATE TABLE item_barcodes (
  barcode TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX item_barcodes_item ON item_barcodes (item_id);

CREATE TABLE lots (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  code TEXT,
  expires_on TEXT,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX lots_item_expiry ON lots (item_id, expires_on);

-- Append-only. A mistake is corrected by a reverse movement, never by an UPDATE.
CREATE TABLE movements (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  lot_id TEXT REFERENCES lots (id),
  kind TEXT NOT NULL CHECK (kind IN ('receive', 'distribute', 'transfer_in', 'transfer_out', 'adjust')),
  qty INTEGER NOT NULL CHECK (qty <> 0),
  reason TEXT,
  source TEXT,
  volunteer TEXT,
  slip_id TEXT,
  request_id TEXT UNIQUE,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX movements_item_at ON movements (item_id, at);
CREATE TRIGGER movements_append_only_update BEFORE UPDATE ON movements
  BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END;
CREATE TRIGGER movements_append_only_delete BEFORE DELETE ON movements
  BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END;

-- Maintained in the same transaction as each movement, so reads never sum the ledger.
-- lot_id '' stands for stock without a lot.
CREATE TABLE on_hand (
  item_id TEXT NOT NULL REFERENCES items (id),
  lot_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL,
  PRIMARY KEY (item_id, lot_id)
) STRICT;

CREATE TABLE households (
  id TEXT PRIMARY KEY,
  adults INTEGER,
  children INTEGER,
  seniors INTEGER,
  first_name TEXT,
  phone TEXT,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_visit_at TEXT NOT NULL
) STRICT;

CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households (id),
  language TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL
) STRICT;

-- What people need beyond the pantry shelf and what they offer: the matching board's input.
CREATE TABLE needs_offers (
  id TEXT PRIMARY KEY,
  origin_site TEXT NOT NULL,
  visit_id TEXT REFERENCES visits (id),
  household_id TEXT REFERENCES households (id),
  kind TEXT NOT NULL CHECK (kind IN ('need', 'offer')),
  category TEXT NOT NULL,
  detail TEXT,
  languages TEXT NOT NULL DEFAULT '[]',
  availability TEXT,
  shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'open',
  created_at TEXT NOT NULL,
  expires_at TEXT
) STRICT;
CREATE INDEX needs_offers_open ON needs_offers (kind, status, category);

CREATE TABLE slips (
  id TEXT PRIMARY KEY,
  short_code TEXT NOT NULL UNIQUE,
  key_id INTEGER NOT NULL REFERENCES site_keys (key_id),
  visit_id TEXT NOT NULL REFERENCES visits (id),
  household_id TEXT NOT NULL REFERENCES households (id),
  language TEXT NOT NULL,
  issue_day INTEGER NOT NULL,
  expiry_day INTEGER NOT NULL,
  payload TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE INDEX slips_issue_day ON slips (issue_day);

CREATE TABLE slip_lines (
  slip_id TEXT NOT NULL REFERENCES slips (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  PRIMARY KEY (slip_id, item_id)
) STRICT;
CREATE INDEX slip_lines_item ON slip_lines (item_id);

-- A slip is redeemed by inserting here: the primary key makes a second scan fail atomically.
CREATE TABLE redemptions (
  slip_id TEXT PRIMARY KEY REFERENCES slips (id),
  at TEXT NOT NULL,
  pickup_table TEXT,
  volunteer TEXT
) STRICT;
`,
};
