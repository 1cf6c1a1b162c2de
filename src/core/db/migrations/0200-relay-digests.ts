import type { Migration } from './types';

/**
 * The latest signed digest of each origin hub's own records (format 2, exchange/relay.ts). A hub
 * passes it on with that origin's records, so the next hub checks one signature for all of them
 * instead of one per record. Only the newest sequence per origin is kept: what travels is the
 * latest version of each record, and the digest that covers exactly those.
 */
export const relayDigests: Migration = {
  version: 200,
  name: 'relay-digests',
  sql: `
CREATE TABLE exchange_digests (
  origin_site TEXT PRIMARY KEY,
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  line TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
`,
};
