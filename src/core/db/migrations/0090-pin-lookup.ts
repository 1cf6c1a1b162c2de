import type { Migration } from './types';

/**
 * Signing in without trying every volunteer's PIN, sessions that end when a PIN changes, and a
 * site-wide wrong-PIN count beside each kiosk's.
 *
 * - pin_salt: one random salt for the whole site. A PIN hashed with it is the same wherever it is
 *   typed, so pin_lookup finds the one volunteer it belongs to (and the unique index keeps two
 *   active volunteers from sharing a PIN, even when two kiosks add them at the same moment).
 * - pin_lookup stays NULL for PINs hashed before this version: their per-volunteer salt cannot be
 *   converted without the PIN, so they are checked the slow way once, at their next sign-in, and
 *   get their lookup then.
 * - pin_version counts PIN changes; a session remembers the version it was opened with.
 * - pin_throttle_site: wrong PINs over every kiosk that shares this database.
 */
export const pinLookup: Migration = {
  version: 90,
  name: 'pin-lookup',
  sql: `
CREATE TABLE pin_salt (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  salt BLOB NOT NULL CHECK (length(salt) = 16)
) STRICT;
INSERT INTO pin_salt (singleton, salt) VALUES (1, randomblob(16));

ALTER TABLE volunteers ADD COLUMN pin_lookup TEXT;
ALTER TABLE volunteers ADD COLUMN pin_version INTEGER NOT NULL DEFAULT 1 CHECK (pin_version >= 1);
CREATE UNIQUE INDEX volunteers_pin_lookup ON volunteers (pin_lookup) WHERE removed_at IS NULL;

CREATE TABLE pin_throttle_site (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_at TEXT NOT NULL
) STRICT;
`,
};
