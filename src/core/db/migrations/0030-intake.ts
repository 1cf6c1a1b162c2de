import type { Migration } from './types';

/**
 * Walk-in intake: the kiosk settings the site keeps beside its general settings (which household
 * fields it requires, whether returning visitors may scan their last slip), and an index so the
 * per-household limit check ("eggs: 1 a week") reads only that household's recent slips.
 */
export const intake: Migration = {
  version: 30,
  name: 'intake',
  sql: `
CREATE TABLE intake_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  required_fields TEXT NOT NULL DEFAULT '[]',
  returning_visitors INTEGER NOT NULL DEFAULT 1 CHECK (returning_visitors IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX slips_household_day ON slips (household_id, issue_day);
`,
};
