import type { Migration } from './types';

/**
 * An adjustment's free-text note had no column of its own: it was packed behind the reason
 * code as "spoiled|12 cartons", so every reader had to know the packing and a note containing
 * the separator could not be told from a code. The note gets its own column; existing rows are
 * split at the first separator (the code never contains one). The ledger stays append-only:
 * its guard is lifted only for this one rewrite.
 */
export const movementNotes: Migration = {
  version: 190,
  name: 'movement-notes',
  sql: `
ALTER TABLE movements ADD COLUMN note TEXT;
DROP TRIGGER movements_append_only_update;
UPDATE movements
   SET note = NULLIF(substr(reason, instr(reason, '|') + 1), ''),
       reason = substr(reason, 1, instr(reason, '|') - 1)
 WHERE instr(reason, '|') > 0;
CREATE TRIGGER movements_append_only_update BEFORE UPDATE ON movements
  BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END;
`,
};
