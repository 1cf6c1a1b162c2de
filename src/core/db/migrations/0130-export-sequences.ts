import type { Migration } from './types';

/**
 * The last share-bundle sequence handed out, per site database. Taking the next number is one
 * UPDATE ... RETURNING, so two exports started together (in one kiosk or in two kiosks on the
 * same file) never get the same number. A number taken by an export that then failed is not
 * reused: importers only keep the highest sequence they saw, so a gap means nothing to them.
 * A hub that never exported gets no row (the first export adds it): a new install stays empty,
 * which is what lets a backup be restored onto it.
 */
export const exportSequences: Migration = {
  version: 130,
  name: 'export-sequences',
  sql: `
CREATE TABLE exchange_sequences (
  kind TEXT PRIMARY KEY CHECK (kind IN ('share')),
  last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;
INSERT INTO exchange_sequences (kind, last) SELECT 'share', MAX(sequence) FROM exchange_exports WHERE kind = 'share' HAVING MAX(sequence) IS NOT NULL;
`,
};
