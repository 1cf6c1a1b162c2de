import type { Migration } from './types';

/**
 * Site-to-site exchange: the sites we know (trusted or not), the signed copy of every shared
 * record (ours as we last signed it, other sites' exactly as their owner signed it, so it can
 * travel on A → B → C), the export sequence and a log of what each import brought.
 *
 * Versions live here rather than on items/categories/needs_offers: the owner bumps a record's
 * version at export time when its content changed since it last signed it, so no other feature
 * has to remember to bump anything.
 */
export const exchange: Migration = {
  version: 60,
  name: 'exchange',
  sql: `
CREATE TABLE known_sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  public_key BLOB NOT NULL,
  fingerprint TEXT NOT NULL,
  trusted INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
  trusted_at TEXT,
  trusted_by TEXT,
  first_seen_at TEXT NOT NULL,
  last_sequence INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE exchange_records (
  type TEXT NOT NULL CHECK (type IN ('category', 'item', 'need_offer', 'board', 'weekly')),
  id TEXT NOT NULL,
  origin_site TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  -- sha256 of the record's data: the owner bumps the version when this changes.
  data_sha256 TEXT NOT NULL,
  -- The exact signed line as it travels in a bundle.
  line TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (type, id)
) STRICT;
CREATE INDEX exchange_records_origin ON exchange_records (origin_site, type);

-- What was written to a stick. Share bundles are numbered per site (sequence); backups are not.
CREATE TABLE exchange_exports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('share', 'backup', 'csv')),
  sequence INTEGER CHECK (sequence IS NULL OR sequence > 0),
  file_name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  at TEXT NOT NULL,
  volunteer TEXT,
  UNIQUE (kind, sequence)
) STRICT;

CREATE TABLE exchange_imports (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  bundle_sha256 TEXT NOT NULL,
  summary TEXT NOT NULL,
  at TEXT NOT NULL,
  volunteer TEXT
) STRICT;
CREATE INDEX exchange_imports_at ON exchange_imports (at);
`,
};
