import type { Migration } from './types';

/**
 * Stations (issue 17): other devices on the hub's network, paired by the coordinator. Only a
 * hash of each station's credential is kept, so a copy of the database pairs no one. The hub's
 * TLS certificate and key are made once and kept with the site. The request log makes a retried
 * write (a station that lost Wi-Fi mid-call) return its first answer instead of acting twice.
 * Queue tickets number the day's slips in arrival order; call_order is the order they are called
 * in (the number itself, or a drawn order for a lottery).
 */
export const stations: Migration = {
  version: 160,
  name: 'stations',
  sql: `
CREATE TABLE station_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  address TEXT NOT NULL,
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  cert_der BLOB NOT NULL,
  key_der BLOB NOT NULL) STRICT;
CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('intake', 'pickup', 'stock', 'screen')),
  credential_hash BLOB NOT NULL UNIQUE,
  paired_at TEXT NOT NULL,
  last_seen TEXT,
  revoked_at TEXT
) STRICT;
CREATE TABLE request_log (
  request_id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  result TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE TABLE queue_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  mode TEXT NOT NULL CHECK (mode IN ('sequential', 'lottery'))
) STRICT;
CREATE TABLE queue_days (
  day TEXT PRIMARY KEY,
  opened_at TEXT
) STRICT;
CREATE TABLE queue_tickets (
  slip_id TEXT PRIMARY KEY REFERENCES slips (id),
  day TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  call_order INTEGER,
  called_at TEXT,
  calls INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
  UNIQUE (day, number)
) STRICT;
CREATE INDEX queue_tickets_calls ON queue_tickets (day, called_at);
`,
};
