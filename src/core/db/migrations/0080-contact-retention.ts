import type { Migration } from './types';

/**
 * How long a hub keeps a visitor's first name and phone: a number of days after the last
 * visit, set by the coordinator (90 unless changed). The partial index finds the few
 * households that still hold contact details without scanning all of them.
 */
export const contactRetention: Migration = {
  version: 80,
  name: 'contact-retention',
  sql: `
ALTER TABLE intake_settings ADD COLUMN contact_days INTEGER NOT NULL DEFAULT 90 CHECK (contact_days BETWEEN 7 AND 730);
CREATE INDEX households_contact_age ON households (last_visit_at) WHERE first_name IS NOT NULL OR phone IS NOT NULL;
`,
};
