import type { Migration } from './types';

/**
 * What the hot reads and a quick start need: an index on when slips were issued (the board's
 * "asked for lately", read on every paint of the waiting-room screen, otherwise walks every
 * slip ever issued), and a marker of a clean shutdown, so the integrity check at start runs
 * only after the app did not close cleanly instead of reading the whole file on every start.
 */
export const hotReads: Migration = {
  version: 100,
  name: 'hot-reads',
  sql: `
CREATE INDEX slips_issued_at ON slips (issued_at);

-- closed_cleanly = 1 is written as the last thing before the database is closed and set back
-- to 0 as soon as it is opened, so a crash or power cut leaves 0 behind.
CREATE TABLE db_lifecycle (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  closed_cleanly INTEGER NOT NULL DEFAULT 0 CHECK (closed_cleanly IN (0, 1))
) STRICT;
INSERT INTO db_lifecycle (singleton, closed_cleanly) VALUES (1, 0);
`,
};
