import type { Migration } from './types';

/**
 * The signed digests whose every record was taken here (or already held), none refused, per
 * origin: the last few of each (exchange/digests.ts keeps 16). A bundle that carries one of them
 * for its origin, with exactly the records it covers, brings nothing new of that origin: the
 * importer skips those records whole instead of deciding them one by one. Relays pass on older
 * digests than the newest a hub holds (the week before, from a hub further away), so more than
 * the newest is kept. Keyed by the sha256 of the digest's exact line.
 */
export const digestApplied: Migration = {
  version: 320,
  name: 'digest-applied',
  sql: `
CREATE TABLE exchange_digests_applied (
  origin_site TEXT NOT NULL,
  line_sha256 TEXT NOT NULL CHECK (length(line_sha256) = 64),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  PRIMARY KEY (origin_site, line_sha256)
) STRICT, WITHOUT ROWID;
CREATE INDEX exchange_digests_applied_sequence ON exchange_digests_applied (origin_site, sequence);
`,
};
