import type { Migration } from './types';

/**
 * Volunteer roles behind PINs. The wrong-PIN throttle lives in the database, not in memory, so
 * pulling the plug or restarting the app does not hand a guesser a fresh set of tries.
 * pin_changed_at lets the coordinator see which PINs are still the ones set on day one.
 */
export const volunteers: Migration = {
  version: 70,
  name: 'volunteers',
  sql: `
ALTER TABLE volunteers ADD COLUMN pin_changed_at TEXT;

CREATE INDEX volunteers_active_role ON volunteers (role) WHERE removed_at IS NULL;

-- One row per kiosk (this computer is 'local'): consecutive wrong PINs and when the last one was.
CREATE TABLE pin_throttle (
  kiosk TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_at TEXT NOT NULL
) STRICT;
`,
};
