import type { Migration } from './types';

/**
 * A visit keeps the household counts given at that visit. Before this, a returning visit wrote
 * its counts over the household row, so a slip already printed (and waiting at the pickup
 * table) changed size, and anyone holding an old slip's short code could rewrite the household.
 * Existing visits take the counts their household holds now: what their slips showed until today.
 */
export const visitCounts: Migration = {
  version: 150,
  name: 'visit-counts',
  sql: `
ALTER TABLE visits ADD COLUMN adults INTEGER CHECK (adults >= 0);
ALTER TABLE visits ADD COLUMN children INTEGER CHECK (children >= 0);
ALTER TABLE visits ADD COLUMN seniors INTEGER CHECK (seniors >= 0);
UPDATE visits SET (adults, children, seniors) = (SELECT h.adults, h.children, h.seniors FROM households h WHERE h.id = visits.household_id);
`,
};
